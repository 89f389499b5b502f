import { DownloadOutlined } from '@ant-design/icons';
import type { ResultSort, Round } from '@ganbu/core';
import { Alert, Button, Flex, Input, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  ballotsJsonUrl,
  resultsXlsxUrl,
  useResults,
  type TargetResult,
} from '../../../hooks/api/assessment.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { groupColumns } from '../group-columns.tsx';
import { unitNames as namesOf } from '../labels.ts';
import { ExplanationDrawer } from './ExplanationDrawer.tsx';
import { OverrideModal, UnitWaiverModal, WaiverModal } from './ReviewModals.tsx';

const SORTS = [
  { value: 'rank', label: 'assessment.results.sortRank' },
  { value: 'total', label: 'assessment.results.sortTotal' },
  { value: 'name', label: 'assessment.results.sortName' },
  { value: 'unit', label: 'assessment.results.sortUnit' },
] as const satisfies readonly { value: ResultSort; label: string }[];
type StatusFilter = 'all' | 'sufficient' | 'insufficient';

/**
 * 结果: the ranked table with per-group figures, status, proposed and final grades; the committee's
 * waivers and grade changes while computed; each row's explanation (read when opened); the Excel export.
 * The server pages, filters and sorts (a round may have 100,000 targets); the counts are the round's.
 */
export function ResultsTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const ready = round.state === 'published' || (round.state === 'computed' && round.manageable);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [status, setStatus] = useState<'sufficient' | 'insufficient' | undefined>(undefined);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<ResultSort>('rank');
  const results = useResults(round.id, ready, { ...page, status, q: q || undefined, sort });
  const orgs = useOrgs();
  const [explaining, setExplaining] = useState<TargetResult | null>(null);
  const [waiving, setWaiving] = useState<TargetResult | null>(null);
  const [overriding, setOverriding] = useState<TargetResult | null>(null);
  const [waivingUnit, setWaivingUnit] = useState(false);
  const names = useMemo(() => namesOf(orgs.data), [orgs.data]);

  if (!ready) {
    // computed but not yet published: only the organiser reviews it; everyone else waits for publication
    const computed = round.state === 'computed';
    return (
      <Alert
        type="info"
        showIcon
        title={t(computed ? 'assessment.results.notPublished' : 'assessment.results.notReady')}
        data-testid="results-not-ready"
      />
    );
  }
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Skeleton active />;
  const data = results.data;
  const reviewing = data.organiser && round.state === 'computed';
  const insufficient = data.counts.status.insufficient;
  const filtered = (change: () => void) => {
    change();
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: ColumnsType<TargetResult> = [
    {
      key: 'rank',
      title: t('assessment.results.rank'),
      width: 70,
      render: (_, x) =>
        x.rank ? (
          <Tooltip title={t('assessment.results.unitRank', { rank: x.rank.unit, of: x.rank.ofUnit })}>
            <span data-testid={`result-rank-${x.id}`}>
              {t('assessment.results.rankOf', { rank: x.rank.population, of: x.rank.of })}
            </span>
          </Tooltip>
        ) : (
          <span data-testid={`result-rank-${x.id}`}>—</span>
        ),
    },
    {
      key: 'name',
      title: t('assessment.results.name'),
      width: 170,
      render: (_, x) => (
        <Flex vertical>
          <Typography.Text strong data-testid={`result-name-${x.id}`}>
            {x.name}
          </Typography.Text>
          {x.unitName !== x.name || x.post ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[x.unitName !== x.name ? x.unitName : '', x.post].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'total',
      title: t('assessment.results.total'),
      width: 80,
      align: 'right',
      render: (_, x) =>
        x.total ? (
          <Tooltip title={t('assessment.results.totalTip', { fraction: x.total.fraction })}>
            <Typography.Text strong data-testid={`result-total-${x.id}`}>
              {x.total.value}
            </Typography.Text>
          </Tooltip>
        ) : x.totalWithheld ? (
          <Tooltip title={t('assessment.results.totalWithheldTip', { min: data.minGroupSizeShown })}>
            <Typography.Text type="secondary" data-testid={`result-total-${x.id}`} data-withheld="true">
              {t('assessment.results.totalWithheld')}
            </Typography.Text>
          </Tooltip>
        ) : (
          <span data-testid={`result-total-${x.id}`}>—</span>
        ),
    },
    ...groupColumns({
      results: data,
      label: (g) => `${g.name}（${g.weight}%）`,
      width: 100,
      testid: 'result-group',
      review: true,
    }),
    {
      key: 'status',
      title: t('assessment.results.status'),
      width: 110,
      render: (_, x) =>
        x.status === 'insufficient' ? (
          <Flex gap={4} align="center" wrap>
            <Tag color="red" data-testid={`result-status-${x.id}`}>
              {t('assessment.results.insufficient')}
            </Tag>
            {reviewing ? (
              <Button
                size="small"
                type="link"
                onClick={() => setWaiving(x)}
                data-testid={`result-waive-${x.id}`}
              >
                {t('assessment.results.waive')}
              </Button>
            ) : null}
          </Flex>
        ) : (
          <Tag color="green" data-testid={`result-status-${x.id}`}>
            {t('assessment.results.sufficient')}
          </Tag>
        ),
    },
    {
      key: 'proposed',
      title: t('assessment.results.proposed'),
      width: 80,
      render: (_, x) => <span data-testid={`result-proposed-${x.id}`}>{x.proposedGradeName ?? '—'}</span>,
    },
    {
      key: 'final',
      title: t('assessment.results.final'),
      width: 120,
      render: (_, x) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text strong data-testid={`result-final-${x.id}`}>
            {x.finalGradeName ?? '—'}
          </Typography.Text>
          {x.overrideReason ? (
            <Tooltip title={t('assessment.results.overrideReasonTip', { reason: x.overrideReason })}>
              <Tag color="orange" data-testid={`result-overridden-${x.id}`}>
                {t('assessment.results.overridden')}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('assessment.results.actions'),
      width: 96,
      render: (_, x) => (
        <Flex vertical align="start">
          <Button
            size="small"
            type="link"
            style={{ padding: 0 }}
            onClick={() => setExplaining(x)}
            data-testid={`result-explain-${x.id}`}
          >
            {t('assessment.results.explain')}
          </Button>
          {reviewing && x.status !== 'insufficient' ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              onClick={() => setOverriding(x)}
              data-testid={`result-override-${x.id}`}
            >
              {t('assessment.results.override')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          {insufficient > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('assessment.results.insufficientAlert', { count: insufficient })}
              data-testid="results-insufficient"
            />
          ) : round.state === 'published' ? (
            <Alert type="success" showIcon title={t('assessment.results.publishedAlert')} />
          ) : null}
        </div>
        <Flex gap={8}>
          {reviewing && insufficient > 0 ? (
            <Button onClick={() => setWaivingUnit(true)} data-testid="results-waive-unit">
              {t('assessment.unitWaiver.open')}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            href={resultsXlsxUrl(round.id)}
            download
            data-testid="results-export"
          >
            {t('assessment.results.export')}
          </Button>
          {data.organiser ? (
            <Button href={ballotsJsonUrl(round.id)} download data-testid="results-ballots">
              {t('assessment.results.exportBallots')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          placeholder={t('assessment.results.search')}
          onSearch={(v) => filtered(() => setQ(v.trim()))}
          style={{ width: 240 }}
          data-testid="results-search"
        />
        <Select
          value={status ?? 'all'}
          onChange={(v: StatusFilter) => filtered(() => setStatus(v === 'all' ? undefined : v))}
          options={[
            { value: 'all', label: t('assessment.results.statusAll') },
            { value: 'sufficient', label: t('assessment.results.sufficient') },
            { value: 'insufficient', label: t('assessment.results.insufficient') },
          ]}
          style={{ width: 130 }}
          data-testid="results-status"
        />
        <Select
          value={sort}
          onChange={(v) => filtered(() => setSort(v))}
          options={SORTS.map((o) => ({ value: o.value, label: t(o.label) }))}
          style={{ width: 130 }}
          data-testid="results-sort"
        />
        <Typography.Text type="secondary" data-testid="results-count">
          {t('assessment.results.count', { count: data.total })}
        </Typography.Text>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.targets}
        loading={results.isFetching && results.isPlaceholderData}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          hideOnSinglePage: true,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
        }}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        data-testid="results-table"
      />
      <ExplanationDrawer
        results={data}
        target={explaining}
        unitNames={names}
        onClose={() => setExplaining(null)}
      />
      <WaiverModal roundId={round.id} results={data} target={waiving} onClose={() => setWaiving(null)} />
      <UnitWaiverModal
        roundId={round.id}
        results={data}
        open={waivingUnit}
        onClose={() => setWaivingUnit(false)}
      />
      <OverrideModal
        roundId={round.id}
        results={data}
        target={overriding}
        unitNames={names}
        onClose={() => setOverriding(null)}
      />
    </Flex>
  );
}
