import { PlusOutlined } from '@ant-design/icons';
import { can, type LeaveBalance, type LeavePolicyView, type LeaveRecord } from '@ganbu/core';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIsMobile } from '../../../hooks/use-is-mobile.ts';
import { chinaDay } from '../../../lib/china-day.ts';
import { useCadreLeave, useDeleteLeave, useLeaveList } from './api.ts';
import { LeaveRecordDrawer } from './LeaveForm.tsx';

/** The policy line above the list: steps, source, recuperation. */
export function PolicyLine({ policy }: { policy: LeavePolicyView }) {
  const { t } = useTranslation();
  const steps = policy.annual.map((s) => t('care.leave.step', s)).join('、');
  const rec = policy.recuperation;
  return (
    <>
      {t('care.leave.policy', { packName: policy.packName, steps, source: policy.source })}
      {rec
        ? t('care.leave.policyRecuperation', {
            min: rec.minDays,
            max: rec.maxDays,
            counts: t(rec.countsAgainstAnnual ? 'care.leave.countsYes' : 'care.leave.countsNo'),
          })
        : t('care.leave.noRecuperation')}
    </>
  );
}

/**
 * 休假与疗休养 (unit administrator, 组织部): the people in scope with their annual leave entitlement by years of
 * service, days taken and balance (each explained), recording leave, and a person's records.
 */
export default function LeavePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'care.manage');
  const thisYear = chinaDay().year();
  const [year, setYear] = useState(thisYear);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState<{ cadreId: string | null } | null>(null);
  const [viewing, setViewing] = useState<LeaveBalance | null>(null);
  const list = useLeaveList({ year, q: q || undefined, page, pageSize });
  const days = (n: number | null) =>
    n === null ? t('care.leave.unknown') : t('care.leave.days', { days: n });

  const columns: TableColumnsType<LeaveBalance> = [
    { title: t('care.leave.cadre'), dataIndex: 'cadreName', width: 100, fixed: 'left' },
    { title: t('care.leave.unit'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('care.leave.years'),
      key: 'years',
      width: 100,
      render: (_: unknown, b) =>
        b.yearsOfService === null ? (
          <Tag color="orange">{t('care.leave.unknown')}</Tag>
        ) : (
          t('care.leave.yearsValue', { years: b.yearsOfService })
        ),
    },
    {
      title: t('care.leave.entitled'),
      key: 'entitled',
      width: 110,
      render: (_: unknown, b) => (
        <Tooltip title={b.explanation}>
          <span data-testid={`leave-entitled-${b.cadreId}`}>{days(b.entitled)}</span>
        </Tooltip>
      ),
    },
    { title: t('care.leave.taken'), key: 'taken', width: 90, render: (_: unknown, b) => days(b.takenAnnual) },
    {
      title: t('care.leave.recuperation'),
      key: 'rec',
      width: 90,
      render: (_: unknown, b) => (b.recuperationDays ? days(b.recuperationDays) : t('common.empty')),
    },
    {
      title: t('care.leave.balance'),
      key: 'balance',
      width: 100,
      render: (_: unknown, b) => (
        <Tooltip title={b.explanation}>
          <Typography.Text strong data-testid={`leave-balance-${b.cadreId}`}>
            {days(b.balance)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('care.leave.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, b) => (
        <Flex gap={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setViewing(b)}
            data-testid={`leave-records-${b.cadreId}`}
          >
            {t('care.leave.records')}
          </Button>
          {canManage ? (
            <Button
              type="link"
              size="small"
              onClick={() => setRecording({ cadreId: b.cadreId })}
              data-testid={`leave-record-${b.cadreId}`}
            >
              {t('care.leave.record')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('care.leave.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRecording({ cadreId: null })}
            data-testid="leave-create"
          >
            {t('care.leave.record')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Select
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('care.leave.yearOption', { year: y }),
            }))}
            style={{ width: 120 }}
            aria-label={t('care.leave.year')}
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('care.leave.search')}
            style={{ maxWidth: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Flex>
      </Card>
      {list.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<PolicyLine policy={list.data.policy} />}
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <Table<LeaveBalance>
          rowKey="cadreId"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="leave-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
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
        <LeaveRecordDrawer
          open={recording !== null}
          cadreId={recording?.cadreId ?? null}
          policy={list.data?.policy}
          onClose={() => setRecording(null)}
        />
      ) : null}
      <CadreRecordsDrawer
        balance={viewing}
        year={year}
        canManage={canManage}
        onClose={() => setViewing(null)}
      />
    </PageContainer>
  );
}

/** A person's leave of the year, with deletion of a mistaken record. */
function CadreRecordsDrawer({
  balance,
  year,
  canManage,
  onClose,
}: {
  balance: LeaveBalance | null;
  year: number;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const data = useCadreLeave(balance?.cadreId ?? null, year);
  const del = useDeleteLeave();
  return (
    <Drawer
      open={balance !== null}
      onClose={onClose}
      destroyOnHidden
      size={mobile ? '100%' : 560}
      title={balance ? `${balance.cadreName} · ${t('care.leave.records')}` : ''}
    >
      {data.isError ? <QueryError error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.data ? (
        <>
          <Alert type="info" showIcon title={data.data.balance.explanation} style={{ marginBottom: 16 }} />
          <LeaveRecordList
            records={data.data.records}
            onDelete={
              canManage
                ? (id) => del.mutate(id, { onSuccess: () => void message.success(t('care.leave.deleted')) })
                : undefined
            }
          />
        </>
      ) : null}
    </Drawer>
  );
}

/** Leave records as cards (read on a phone too). */
export function LeaveRecordList({
  records,
  onDelete,
}: {
  records: LeaveRecord[];
  onDelete?: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (!records.length) return <Empty description={t('care.leave.noRecords')} />;
  return (
    <Flex vertical gap={8} data-testid="leave-record-list">
      {records.map((r) => (
        <Card key={r.id} size="small">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex gap={8} align="center" wrap>
              <Tag color={r.kind === 'annual' ? 'blue' : r.kind === 'recuperation' ? 'green' : 'default'}>
                {t(`care.leave.kinds.${r.kind}`)}
              </Tag>
              <Typography.Text>
                {r.startOn} ~ {r.endOn}
              </Typography.Text>
              <Typography.Text strong>{t('care.leave.days', { days: r.days })}</Typography.Text>
              <Typography.Text type="secondary">
                {r.countsAgainstAnnual ? t('care.leave.countsAgainst') : t('care.leave.notCounted')}
              </Typography.Text>
            </Flex>
            {onDelete ? (
              <Popconfirm title={t('care.leave.deleteConfirm')} onConfirm={() => onDelete(r.id)}>
                <Button type="link" size="small" danger>
                  {t('care.leave.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {r.explanation}
            {r.note ? ` · ${r.note}` : ''}
          </Typography.Paragraph>
        </Card>
      ))}
    </Flex>
  );
}
