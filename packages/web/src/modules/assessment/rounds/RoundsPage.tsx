import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Round } from '@ganbu/core';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentMe } from '../../../app/me-context.ts';
import { capabilitiesOf } from '../../../app/menu.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePacks, useRounds } from '../../../hooks/api/assessment.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { STATE_COLORS } from '../labels.ts';
import { RoundCreateDrawer } from './RoundCreateDrawer.tsx';

/** 考核轮次: every round the user can see, newest period first; officers create new ones. */
export function RoundsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { manageAssessment } = capabilitiesOf(me.roles);
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);

  // a pack by the name a reader knows (丰泽区…), never its internal id
  const packs = usePacks();
  const packNames = useMemo(
    () => new Map((packs.data ?? []).map((p) => [p.packId, p.name] as const)),
    [packs.data],
  );
  const columns: ColumnsType<Round> = [
    {
      key: 'name',
      title: t('assessment.rounds.name'),
      render: (_, r) => (
        <Link to={`/assessment/rounds/${r.id}`} data-testid={`round-link-${r.id}`}>
          {r.name}
        </Link>
      ),
    },
    {
      key: 'state',
      title: t('assessment.rounds.state'),
      width: 130,
      render: (_, r) => (
        <Tag color={STATE_COLORS[r.state]} data-testid={`round-state-${r.id}`}>
          {t(`assessment.states.${r.state}`)}
        </Tag>
      ),
    },
    {
      key: 'scheme',
      title: t('assessment.rounds.scheme'),
      width: 220,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.schemeName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`assessment.kinds.${r.kind}`)} ·{' '}
            {t('assessment.rounds.packVersion', {
              pack: packNames.get(r.packId) ?? r.packId,
              date: r.packEffectiveFrom,
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('assessment.rounds.period'),
      width: 170,
      render: (_, r) => t('assessment.rounds.periodRange', { start: r.periodStart, end: r.periodEnd }),
    },
    { key: 'org', title: t('assessment.rounds.org'), width: 120, render: (_, r) => r.orgName },
    {
      key: 'targets',
      title: t('assessment.rounds.targetCount'),
      width: 80,
      align: 'right',
      render: (_, r) => r.targetCount,
    },
    {
      key: 'createdAt',
      title: t('assessment.rounds.createdAt'),
      width: 150,
      render: (_, r) => formatDateTime(r.createdAt),
    },
  ];

  return (
    <PageContainer
      title={t('assessment.rounds.title')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void rounds.refetch()}>
            {t('common.refresh')}
          </Button>
          {manageAssessment ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="round-create"
            >
              {t('assessment.rounds.create')}
            </Button>
          ) : null}
        </>
      }
    >
      {rounds.isError ? <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={rounds.isPending}
          columns={columns}
          dataSource={rounds.data}
          locale={{ emptyText: t('assessment.rounds.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="rounds-table"
        />
      </Card>
      {manageAssessment ? <RoundCreateDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

export default RoundsPage;
