import { PlusOutlined } from '@ant-design/icons';
import { can, type AfterPolicyView, type Exchange } from '@ganbu/core';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useEndExchange, useExchanges } from './api.ts';
import { DAY } from './common.tsx';
import { ExchangeBatchDrawer } from './ExchangeBatchDrawer.tsx';

/** 交流挂职: postings by batch year, kind and status; both the home and the host unit see them. */
export function ExchangesTab({ policy }: { policy: AfterPolicyView | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'selection.manage');
  const [batchYear, setBatchYear] = useState<number | undefined>(undefined);
  const [kindId, setKindId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<'active' | 'ended' | undefined>('active');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Exchange | null>(null);
  const exchanges = useExchanges({ batchYear, kindId, status, q: q || undefined, page, pageSize });
  const reset = () => setPage(1);

  const columns: TableColumnsType<Exchange> = [
    {
      title: t('selection.after.cadre'),
      key: 'cadre',
      width: 110,
      render: (_: unknown, e) =>
        e.cadreName ? (
          <Link to={`/cadres/${e.cadreId}`}>{e.cadreName}</Link>
        ) : (
          t('selection.after.exchanges.unnamed')
        ),
    },
    { title: t('selection.after.exchanges.batchYear'), dataIndex: 'batchYear', width: 90 },
    {
      title: t('selection.after.exchanges.kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, e) => (
        <Space size={4}>
          {e.kindName}
          {e.movesRecord ? <Tag color="purple">{t('selection.after.exchanges.movesRecord')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('selection.after.exchanges.home'), dataIndex: 'homeOrgName', ellipsis: true },
    { title: t('selection.after.exchanges.host'), dataIndex: 'hostOrgName', ellipsis: true },
    { title: t('selection.after.exchanges.hostPost'), dataIndex: 'hostPost', ellipsis: true },
    {
      title: t('selection.after.exchanges.period'),
      key: 'period',
      width: 240,
      render: (_: unknown, e) => (
        <Space size={4}>
          {`${e.startOn} – ${e.endedOn ?? e.endOn}`}
          {e.status === 'ended' ? (
            <Tag>{t('selection.after.exchanges.ended')}</Tag>
          ) : e.overdue ? (
            <Tag color="red">{t('selection.after.exchanges.overdue')}</Tag>
          ) : (
            <Tag color="green">{t('selection.after.exchanges.active')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('selection.after.exchanges.outcome'),
      dataIndex: 'outcome',
      ellipsis: true,
      render: (v: string) => v || t('common.empty'),
    },
    ...(canManage
      ? [
          {
            title: t('selection.after.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 80,
            render: (_: unknown, e: Exchange) =>
              e.status === 'active' ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => setEnding(e)}
                  data-testid={`exchange-end-${e.id}`}
                >
                  {t('selection.after.exchanges.end')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const thisYear = dayjs().year();
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center">
            <Select<number | undefined>
              value={batchYear}
              allowClear
              placeholder={t('selection.after.exchanges.allYears')}
              style={{ width: 130 }}
              onChange={(v) => {
                setBatchYear(v);
                reset();
              }}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({
                value: y,
                label: String(y),
              }))}
              data-testid="exchange-year"
            />
            <Select<string | undefined>
              value={kindId}
              allowClear
              placeholder={t('selection.after.exchanges.allKinds')}
              style={{ width: 140 }}
              onChange={(v) => {
                setKindId(v);
                reset();
              }}
              options={(policy?.exchangeKinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
            />
            <Select<'active' | 'ended' | undefined>
              value={status}
              allowClear
              placeholder={t('selection.after.state.all')}
              style={{ width: 120 }}
              onChange={(v) => {
                setStatus(v);
                reset();
              }}
              options={[
                { value: 'active', label: t('selection.after.exchanges.active') },
                { value: 'ended', label: t('selection.after.exchanges.ended') },
              ]}
              data-testid="exchange-status"
            />
            <Input.Search
              allowClear
              enterButton={t('common.search')}
              placeholder={t('selection.after.search')}
              style={{ maxWidth: 260 }}
              onSearch={(v) => {
                setQ(v.trim());
                reset();
              }}
            />
          </Flex>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              disabled={!policy?.exchangeKinds.length}
              data-testid="exchange-create"
            >
              {t('selection.after.exchanges.create')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {exchanges.isError ? (
        <QueryError error={exchanges.error} onRetry={() => void exchanges.refetch()} />
      ) : null}
      <Card size="small">
        <Table<Exchange>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={exchanges.data?.items}
          loading={exchanges.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="exchange-table"
          pagination={{
            current: page,
            pageSize,
            total: exchanges.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage ? (
        <>
          <ExchangeBatchDrawer open={creating} policy={policy} onClose={() => setCreating(false)} />
          <ExchangeEndModal exchange={ending} onClose={() => setEnding(null)} />
        </>
      ) : null}
    </>
  );
}

function ExchangeEndModal({ exchange, onClose }: { exchange: Exchange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string; endedOn: Dayjs }>();
  const end = useEndExchange();
  return (
    <Modal
      open={exchange !== null}
      title={
        exchange
          ? t('selection.after.exchanges.endTitle', { kind: exchange.kindName, name: exchange.cadreName })
          : ''
      }
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={end.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'exchange-end-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ endedOn: dayjs() }}
        onFinish={(v) =>
          exchange &&
          end.mutate(
            { exchangeId: exchange.id, input: { endedOn: v.endedOn.format(DAY), outcome: v.outcome } },
            {
              onSuccess: () => {
                void message.success(t('selection.after.exchanges.endedDone'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="outcome"
          label={t('selection.after.exchanges.outcome')}
          rules={[
            { required: true, whitespace: true, message: t('selection.after.exchanges.outcomeRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="exchange-end-outcome" />
        </Form.Item>
        <Form.Item name="endedOn" label={t('selection.after.exchanges.endedOn')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (exchange ? d.isBefore(dayjs(exchange.startOn), 'day') : false)
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
