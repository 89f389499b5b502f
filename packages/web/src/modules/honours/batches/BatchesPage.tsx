import { PlusOutlined } from '@ant-design/icons';
import { can, HONOUR_BATCH_STATES, type HonourBatch, type HonourBatchState } from '@ganbu/core';
import { Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { useHonourBatches, useHonourPolicy } from '../api.ts';
import { BatchStateTag } from '../labels.tsx';
import { CreateBatchDrawer } from './CreateBatchDrawer.tsx';

const PAGE_SIZE = 20;

/** 评先评优与表彰: the batches in scope filtered by year, kind and state; 新建批次 for the organisation department. */
export default function BatchesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const decide = can(me.roles, 'honour.decide');
  const policy = useHonourPolicy();
  const [year, setYear] = useState<number | undefined>();
  const [kindId, setKindId] = useState<string | undefined>();
  const [state, setState] = useState<HonourBatchState | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const batches = useHonourBatches({ year, state, page, pageSize: PAGE_SIZE });
  // the list query has no kind (yet): the kind filter narrows the loaded page
  const shown = (batches.data?.items ?? []).filter((b) => !kindId || b.kindId === kindId);
  const thisYear = chinaDay().year();

  const columns: TableColumnsType<HonourBatch> = [
    {
      title: t('honours.batches.col.name'),
      key: 'name',
      width: 280,
      render: (_: unknown, b) => (
        <Typography.Link
          onClick={() => void navigate(`/honours/batches/${b.id}`)}
          data-testid={`batch-open-${b.id}`}
        >
          {b.name}
        </Typography.Link>
      ),
    },
    { title: t('honours.batches.col.year'), dataIndex: 'year', width: 70 },
    { title: t('honours.batches.col.kind'), dataIndex: 'kindName', width: 120 },
    {
      title: t('honours.batches.col.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, b) => <BatchStateTag state={b.state} />,
    },
    {
      title: t('honours.batches.col.nominations'),
      dataIndex: 'nominationCount',
      width: 90,
      align: 'right',
    },
    {
      title: t('honours.batches.col.notice'),
      key: 'notice',
      width: 210,
      render: (_: unknown, b) =>
        b.noticeStart && b.noticeEnd
          ? t('honours.batches.noticeRange', { start: b.noticeStart, end: b.noticeEnd })
          : '—',
    },
    {
      title: t('honours.batches.col.decision'),
      key: 'decision',
      width: 220,
      render: (_: unknown, b) =>
        b.decidedOn ? `${b.decidedOn}${b.documentNumber ? ` · ${b.documentNumber}` : ''}` : '—',
    },
  ];

  return (
    <PageContainer
      title={t('honours.batches.title')}
      extra={
        decide ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="batch-create"
          >
            {t('honours.batches.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('honours.batches.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Select<number>
            allowClear
            placeholder={t('honours.batches.allYears')}
            style={{ width: 130 }}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: thisYear - i,
              label: t('honours.batches.yearOption', { year: thisYear - i }),
            }))}
            data-testid="batches-year"
          />
          <Select<string>
            allowClear
            placeholder={t('honours.batches.allKinds')}
            style={{ width: 160 }}
            value={kindId}
            onChange={(v) => {
              setKindId(v);
              setPage(1);
            }}
            options={(policy.data?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
            data-testid="batches-kind"
          />
          <Select<HonourBatchState>
            allowClear
            placeholder={t('honours.batches.allStates')}
            style={{ width: 130 }}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={HONOUR_BATCH_STATES.map((s) => ({ value: s, label: t(`honours.batches.state.${s}`) }))}
            data-testid="batches-state"
          />
        </Flex>
      </Card>
      {batches.isError ? <QueryError error={batches.error} onRetry={() => void batches.refetch()} /> : null}
      <Card size="small">
        <Table<HonourBatch>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={batches.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('honours.batches.empty') }}
          data-testid="batches-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: batches.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      {decide ? (
        <CreateBatchDrawer open={creating} policy={policy.data} onClose={() => setCreating(false)} />
      ) : null}
    </PageContainer>
  );
}
