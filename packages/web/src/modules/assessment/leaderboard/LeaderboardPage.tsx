import { TrophyFilled } from '@ant-design/icons';
import type { Round } from '@ganbu/core';
import { Alert, Card, Empty, Flex, Progress, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useResults, useRounds, type TargetResult } from '../../../hooks/api/assessment.ts';
import { groupColumns } from '../group-columns.tsx';

/** Medal colours of the first three places. */
const MEDALS = ['#d4a017', '#a0a7b4', '#b87333'];

/** Ranked targets by their rank (ties keep the server's order), then the unranked ones. */
export function leaderboardRows(targets: readonly TargetResult[]): TargetResult[] {
  return targets
    .map((target, index) => ({ target, index }))
    .sort((a, b) => {
      const ra = a.target.rank?.population ?? Number.MAX_SAFE_INTEGER;
      const rb = b.target.rank?.population ?? Number.MAX_SAFE_INTEGER;
      return ra - rb || a.index - b.index;
    })
    .map((x) => x.target);
}

/** The newest published unit round first (by the end of its period, then its name). */
function byPeriod(a: Round, b: Round): number {
  return b.periodEnd.localeCompare(a.periodEnd) || a.name.localeCompare(b.name, 'zh-CN');
}

/** The ranked board of one round: rank, unit, total (as a bar), per-group averages and grade. */
function Board({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  // the server pages the board in rank order (the unranked last)
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const results = useResults(roundId, true, { ...page, sort: 'rank' });
  const rows = useMemo(() => leaderboardRows(results.data?.targets ?? []), [results.data]);
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Skeleton active />;
  const data = results.data;
  const of = rows.find((r) => r.rank)?.rank?.of ?? 0;
  // a unit whose total is withheld is not ranked but counted among those with a result: it does not make
  // the board partial; fewer of those than ranked places does
  const shown = data.counts.status.sufficient;
  const partial = of > 0 && shown < of;

  const columns: ColumnsType<TargetResult> = [
    {
      key: 'rank',
      title: t('assessment.leaderboard.rank'),
      width: 80,
      align: 'center',
      render: (_, x) => {
        const rank = x.rank?.population;
        if (!rank)
          return (
            <Typography.Text type="secondary" data-testid={`leaderboard-rank-${x.id}`}>
              —
            </Typography.Text>
          );
        return (
          <Flex gap={4} align="center" justify="center">
            {rank <= 3 ? <TrophyFilled style={{ color: MEDALS[rank - 1] }} /> : null}
            <Typography.Text strong={rank <= 3} data-testid={`leaderboard-rank-${x.id}`}>
              {rank}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'name',
      title: t('assessment.leaderboard.unit'),
      width: 200,
      render: (_, x) => (
        <Typography.Text strong data-testid={`leaderboard-name-${x.id}`}>
          {x.name}
        </Typography.Text>
      ),
    },
    {
      key: 'total',
      title: t('assessment.leaderboard.total'),
      width: 260,
      render: (_, x) =>
        x.total ? (
          <Tooltip title={t('assessment.results.totalTip', { fraction: x.total.fraction })}>
            <Flex align="center" gap={8}>
              <Progress
                percent={Math.min(100, Number(x.total.value))}
                showInfo={false}
                size="small"
                strokeColor={x.rank && x.rank.population <= 3 ? '#cf1322' : '#1677ff'}
                style={{ flex: 1, margin: 0 }}
              />
              <Typography.Text
                strong
                style={{ width: 52, textAlign: 'right' }}
                data-testid={`leaderboard-total-${x.id}`}
              >
                {x.total.value}
              </Typography.Text>
            </Flex>
          </Tooltip>
        ) : x.totalWithheld ? (
          <Tooltip title={t('assessment.results.totalWithheldTip', { min: data.minGroupSizeShown })}>
            <Tag data-testid={`leaderboard-total-${x.id}`} data-withheld="true">
              {t('assessment.leaderboard.totalWithheld')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color="red" data-testid={`leaderboard-total-${x.id}`}>
            {t('assessment.results.insufficient')}
          </Tag>
        ),
    },
    ...groupColumns({
      results: data,
      label: (g) => t('assessment.leaderboard.groupTitle', { name: g.name, weight: g.weight }),
      width: 130,
      testid: 'leaderboard-group',
      review: false,
    }),
    {
      key: 'grade',
      title: t('assessment.leaderboard.grade'),
      width: 100,
      render: (_, x) =>
        x.finalGradeName ? (
          <Tag color="blue" data-testid={`leaderboard-grade-${x.id}`}>
            {x.finalGradeName}
          </Tag>
        ) : (
          <span data-testid={`leaderboard-grade-${x.id}`}>—</span>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary" data-testid="leaderboard-summary">
        {t('assessment.leaderboard.summary', {
          scheme: data.round.schemeName,
          count: data.total,
          min: data.minGroupSizeShown,
        })}
      </Typography.Text>
      {partial ? (
        <Alert type="info" showIcon title={t('assessment.leaderboard.partial', { shown, of })} />
      ) : null}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={results.isFetching && results.isPlaceholderData}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          hideOnSinglePage: true,
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        data-testid="leaderboard-table"
      />
    </Flex>
  );
}

/**
 * 排行榜: published rounds whose targets are units (六比竞赛, 万人双评议), and for the chosen one the
 * units ranked as the results give them (ties share a rank).
 */
export function LeaderboardPage() {
  const { t } = useTranslation();
  const rounds = useRounds();
  const [search, setSearch] = useSearchParams();
  const boards = useMemo(
    () =>
      (rounds.data ?? []).filter((r) => r.state === 'published' && r.targetKind === 'unit').sort(byPeriod),
    [rounds.data],
  );
  const wanted = search.get('round');
  const chosen = boards.find((r) => r.id === wanted) ?? boards[0];

  return (
    <PageContainer title={t('assessment.leaderboard.title')}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('assessment.leaderboard.intro')}</Typography.Text>
        {rounds.isError ? <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
        {rounds.isPending ? (
          <Skeleton active />
        ) : !chosen ? (
          <Card>
            <Empty description={t('assessment.leaderboard.empty')} data-testid="leaderboard-empty" />
          </Card>
        ) : (
          <Card
            size="small"
            title={
              <Flex gap={8} align="center" wrap style={{ padding: '8px 0' }}>
                <span>{t('assessment.leaderboard.round')}</span>
                <Select
                  value={chosen.id}
                  onChange={(id: string) => setSearch({ round: id }, { replace: true })}
                  options={boards.map((r) => ({ value: r.id, label: r.name }))}
                  style={{ minWidth: 360 }}
                  data-testid="leaderboard-round"
                />
                <Tag>
                  {t('assessment.rounds.periodRange', { start: chosen.periodStart, end: chosen.periodEnd })}
                </Tag>
              </Flex>
            }
          >
            <Board key={chosen.id} roundId={chosen.id} />
          </Card>
        )}
      </Flex>
    </PageContainer>
  );
}

export default LeaderboardPage;
