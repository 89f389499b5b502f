import { PlusOutlined } from '@ant-design/icons';
import { can, PAY_KINDS, type PayKind, type PayRun } from '@ganbu/core';
import { Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../app/me-context.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePayRuns } from './api.ts';
import { CreateRunDrawer } from './CreateRunDrawer.tsx';
import { StateTag, Yuan } from './labels.tsx';

const PAGE_SIZE = 20;

/** 经济激励核算: the runs in scope, filtered by scheme and year; 新建核算 for those who manage pay. */
export function RunsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const manage = can(me.roles, 'pay.manage');
  const [kind, setKind] = useState<PayKind | undefined>();
  const [period, setPeriod] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const runs = usePayRuns({ kind, period, page, pageSize: PAGE_SIZE });
  const now = dayjs().year();

  const open = (r: PayRun) => void navigate(`/pay/runs/${r.id}`);
  const columns: TableColumnsType<PayRun> = [
    {
      title: t('pay.runs.name'),
      key: 'name',
      width: 300,
      render: (_: unknown, r) => (
        <Typography.Link onClick={() => open(r)} data-testid={`pay-run-open-${r.id}`}>
          {r.name}
        </Typography.Link>
      ),
    },
    {
      title: t('pay.runs.kind'),
      key: 'kind',
      width: 170,
      render: (_: unknown, r) => t(`pay.kind.${r.kind}`),
    },
    { title: t('pay.runs.period'), dataIndex: 'period', width: 70 },
    { title: t('pay.runs.unit'), dataIndex: 'orgName', width: 130, ellipsis: true },
    {
      title: t('pay.runs.pack'),
      key: 'pack',
      width: 150,
      ellipsis: true,
      render: (_: unknown, r) => r.packName,
    },
    {
      title: t('pay.runs.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, r) => <StateTag state={r.state} />,
    },
    {
      title: t('pay.runs.total'),
      key: 'total',
      width: 150,
      align: 'right',
      render: (_: unknown, r) => <Yuan fen={r.totalFen} />,
    },
    {
      title: t('pay.runs.lines'),
      dataIndex: 'lineCount',
      width: 70,
      align: 'right',
    },
  ];

  return (
    <PageContainer
      title={t('pay.runs.title')}
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="pay-run-create"
          >
            {t('pay.runs.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('pay.runs.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Select<PayKind>
            allowClear
            placeholder={t('pay.runs.allKinds')}
            style={{ width: 220 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={PAY_KINDS.map((k) => ({ value: k, label: t(`pay.kind.${k}`) }))}
            data-testid="pay-runs-kind"
          />
          <Select<string>
            allowClear
            placeholder={t('pay.runs.allPeriods')}
            style={{ width: 140 }}
            value={period}
            onChange={(v) => {
              setPeriod(v);
              setPage(1);
            }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: String(now - i),
              label: t('pay.year', { year: now - i }),
            }))}
            data-testid="pay-runs-period"
          />
        </Flex>
      </Card>
      {runs.isError ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Card size="small">
        <Table<PayRun>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={runs.data?.items}
          loading={runs.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pay.runs.empty') }}
          data-testid="pay-runs-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: runs.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      {manage ? <CreateRunDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

export default RunsPage;
