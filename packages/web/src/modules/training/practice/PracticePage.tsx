import { PlusOutlined } from '@ant-design/icons';
import { can, type PracticePosting } from '@ganbu/core';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePostings, usePracticePolicy } from './api.ts';
import { OutcomeDrawer } from './OutcomeDrawer.tsx';
import { PracticeFormDrawer } from './PracticeFormDrawer.tsx';
import { OutcomeText, PracticeStatusTag } from './vocab.tsx';

type Which = 'all' | PracticePosting['status'];

/** 实战历练: the postings in scope by kind and status; 组织部 posts cadres and records outcomes. */
export default function PracticePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = can(me.roles, 'practice.manage');
  const policy = usePracticePolicy();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [which, setWhich] = useState<Which>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [outcomeOf, setOutcomeOf] = useState<PracticePosting | null>(null);
  const postings = usePostings({
    q: q || undefined,
    kind,
    status: which === 'all' ? undefined : which,
    page,
    pageSize,
  });

  const columns: TableColumnsType<PracticePosting> = [
    {
      title: t('training.practice.cadre'),
      key: 'cadre',
      width: 110,
      render: (_: unknown, p) => <Link to={`/cadres/${p.cadreId}?tab=practice`}>{p.cadreName}</Link>,
    },
    { title: t('training.practice.unit'), dataIndex: 'unitName', ellipsis: true },
    { title: t('training.practice.kind'), dataIndex: 'kindName', width: 100 },
    { title: t('training.practice.post'), dataIndex: 'post', ellipsis: true },
    {
      title: t('training.practice.host'),
      dataIndex: 'hostName',
      width: 140,
      render: (v: string) => v || t('common.empty'),
    },
    {
      title: t('training.practice.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, p) => `${p.startedOn} – ${p.endsOn}`,
    },
    {
      title: t('training.practice.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, p) => <PracticeStatusTag status={p.status} />,
    },
    {
      title: t('training.practice.outcome'),
      key: 'outcome',
      width: 240,
      ellipsis: true,
      render: (_: unknown, p) => <OutcomeText posting={p} />,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 110,
            render: (_: unknown, p: PracticePosting) =>
              p.status === 'ended' ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setOutcomeOf(p)}
                  data-testid={`practice-outcome-${p.id}`}
                >
                  {t('training.practice.recordOutcome')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('training.practice.title')}
      extra={
        canManage && policy.data && policy.data.kinds.length > 0 ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="practice-create"
          >
            {t('training.practice.create')}
          </Button>
        ) : null
      }
    >
      {policy.isError ? <QueryError error={policy.error} onRetry={() => void policy.refetch()} /> : null}
      {policy.data ? (
        policy.data.kinds.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('training.practice.noKinds', { pack: policy.data.packName })}
          />
        ) : (
          <Typography.Paragraph type="secondary" data-testid="practice-intro">
            {t('training.practice.intro', { pack: policy.data.packName })}
          </Typography.Paragraph>
        )
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<Which>
            value={which}
            onChange={(v) => {
              setWhich(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('training.practice.filterAll') },
              { value: 'current', label: t('training.practice.statuses.current') },
              { value: 'planned', label: t('training.practice.statuses.planned') },
              { value: 'ended', label: t('training.practice.statuses.ended') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('training.practice.allKinds')}
            value={kind}
            onChange={(v?: string) => {
              setKind(v);
              setPage(1);
            }}
            options={(policy.data?.kinds ?? []).map((k) => ({ value: k.id, label: k.name }))}
            style={{ width: 160 }}
            data-testid="practice-kind-filter"
          />
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('training.practice.searchPlaceholder')}
            style={{ maxWidth: 320 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            data-testid="practice-search"
          />
        </Flex>
      </Card>
      {postings.isError ? (
        <QueryError error={postings.error} onRetry={() => void postings.refetch()} />
      ) : null}
      <Card size="small">
        <Table<PracticePosting>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={postings.data?.items}
          loading={postings.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="practice-table"
          pagination={{
            current: page,
            pageSize,
            total: postings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {canManage && policy.data ? (
        <PracticeFormDrawer open={creating} onClose={() => setCreating(false)} policy={policy.data} />
      ) : null}
      <OutcomeDrawer posting={outcomeOf} onClose={() => setOutcomeOf(null)} />
    </PageContainer>
  );
}
