import type { Round } from '@ganbu/core';
import { Alert, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useCalibration,
  useResults,
  type QuotaSummary,
  type RoundCalibration,
  type RoundResults,
} from '../../../hooks/api/assessment.ts';
import { useOrgs } from '../../../hooks/api/orgs.ts';
import { figureShort, quotaKeyLabel, tieBreakText, unitNames } from '../labels.ts';
import { quotaRuleText } from '../quota-rule-text.ts';
import { useRoundScheme } from './use-round-scheme.ts';

type Plan = NonNullable<QuotaSummary['plan']>;
type PlanGroup = Plan['groups'][number];
type PlanPool = Plan['pools'][number];
type Allocation = QuotaSummary['allocations'][number];
type Boundary = QuotaSummary['boundaries'][number];

/** "n × share% = product" exactly, with the decimal when the product is a fraction. */
function productText(count: PlanGroup['count']): string {
  const exact = count.product.fraction;
  const decimal = exact.includes('/') ? ` ≈ ${count.product.value}` : '';
  return `${count.n} × ${figureShort(count.share)}% = ${exact}${decimal}`;
}

/** Counts of each final grade in a quota group, as tags in the scale's order. */
function Distribution({
  results,
  facts,
  groupKey,
}: {
  results: RoundResults;
  facts: RoundCalibration;
  groupKey: string;
}) {
  const { t } = useTranslation();
  // the group's targets' final grades, counted by the server ('' for none)
  const byGrade = facts.calibration?.finalByQuotaGroup[groupKey] ?? {};
  const counts = new Map(Object.entries(byGrade).filter(([code]) => code !== ''));
  const none = byGrade[''] ?? 0;
  return (
    <Flex wrap gap={4}>
      {results.grades
        .filter((g) => counts.has(g.code))
        .map((g) => (
          <Tag key={g.code}>
            {t('assessment.calibration.gradeCount', { grade: g.name, count: counts.get(g.code) })}
          </Tag>
        ))}
      {none > 0 ? (
        <Tag color="red">{t('assessment.calibration.gradeCount', { grade: '—', count: none })}</Tag>
      ) : null}
    </Flex>
  );
}

/** 名额校准: how each quota group's places were reached, pooled and given, and the grades after changes. */
export function CalibrationTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  // the counts and the calibration facts are the round's; no rows are needed
  const results = useResults(round.id, true, { pageSize: 1 });
  const facts = useCalibration(round.id);
  const orgs = useOrgs();
  const { pack, scheme } = useRoundScheme(round);
  const names = useMemo(() => unitNames(orgs.data), [orgs.data]);

  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (facts.isError) return <QueryError error={facts.error} onRetry={() => void facts.refetch()} />;
  if (!results.data || !facts.data) return <Skeleton active />;
  const data = { ...results.data, ...facts.data };
  const rule = data.quotaRule;
  const plan = data.summary?.plan;
  if (!rule || !plan) return <Alert type="info" showIcon title={t('assessment.calibration.noQuota')} />;

  const scale = pack?.assessment.gradeScales.find((g) => g.id === scheme?.gradeScaleId);
  const quotaGrade = scale?.quotaGrade ?? data.grades[0]?.code ?? 'excellent';
  const quotaGradeName = data.grades.find((g) => g.code === quotaGrade)?.name ?? quotaGrade;
  const targetName = (id: string) => data.calibration?.names[id] ?? id.slice(0, 8);
  const namesOf = (ids: readonly string[]) =>
    ids.length ? ids.map(targetName).join(t('common.enumSep')) : '—';
  const key = (k: string) => quotaKeyLabel(t, k, names);
  const holders = (groupKey: string) => data.calibration?.finalByQuotaGroup[groupKey]?.[quotaGrade] ?? 0;
  const groupName = (id: string) => data.raterGroups.find((g) => g.id === id)?.name ?? id;
  const criterionName = (id: string) => scheme?.criteria.find((c) => c.id === id)?.name ?? id;

  const groupColumns: ColumnsType<PlanGroup> = [
    { key: 'group', title: t('assessment.calibration.group'), render: (_, g) => key(g.key) },
    {
      key: 'n',
      title: t('assessment.calibration.n'),
      width: 110,
      align: 'right',
      render: (_, g) => g.count.n,
    },
    {
      key: 'product',
      title: t('assessment.calibration.product'),
      width: 200,
      render: (_, g) => <span data-testid={`calibration-product-${g.key}`}>{productText(g.count)}</span>,
    },
    {
      key: 'rounding',
      title: t('assessment.calibration.rounding'),
      width: 90,
      render: (_, g) => t(`assessment.rounding.${g.count.rounding}`),
    },
    {
      key: 'places',
      title: t('assessment.calibration.places'),
      width: 70,
      align: 'right',
      render: (_, g) => <span data-testid={`calibration-places-${g.key}`}>{g.count.places}</span>,
    },
    {
      key: 'pool',
      title: t('assessment.calibration.pool'),
      width: 130,
      render: (_, g) => (g.poolKey ? key(g.poolKey) : '—'),
    },
    {
      key: 'holders',
      title: t('assessment.calibration.holders', { grade: quotaGradeName }),
      width: 130,
      align: 'right',
      render: (_, g) => {
        const n = holders(g.key);
        // with pooling, a group may go past its own places into the pool's
        const over = plan.pools.length === 0 && n > g.count.places;
        return (
          <Typography.Text type={over ? 'danger' : undefined} data-testid={`calibration-holders-${g.key}`}>
            {n} / {g.count.places}
          </Typography.Text>
        );
      },
    },
    {
      key: 'distribution',
      title: t('assessment.calibration.distribution'),
      width: 200,
      render: (_, g) => <Distribution results={data} facts={data} groupKey={g.key} />,
    },
  ];

  const poolColumns: ColumnsType<PlanPool> = [
    { key: 'pool', title: t('assessment.calibration.poolKey'), render: (_, p) => key(p.key) },
    {
      key: 'n',
      title: t('assessment.calibration.poolN'),
      width: 90,
      align: 'right',
      render: (_, p) => p.count.n,
    },
    {
      key: 'product',
      title: t('assessment.calibration.product'),
      width: 200,
      render: (_, p) => productText(p.count),
    },
    {
      key: 'rounding',
      title: t('assessment.calibration.rounding'),
      width: 120,
      render: (_, p) => `${t(`assessment.rounding.${p.count.rounding}`)} → ${p.count.places}`,
    },
    {
      key: 'groupPlaces',
      title: t('assessment.calibration.groupPlaces'),
      width: 110,
      align: 'right',
      render: (_, p) => p.groupPlaces,
    },
    {
      key: 'pooled',
      title: t('assessment.calibration.pooledPlaces'),
      width: 90,
      align: 'right',
      render: (_, p) => <span data-testid={`calibration-pooled-${p.key}`}>{p.pooledPlaces}</span>,
    },
    {
      key: 'used',
      title: t('assessment.calibration.holders', { grade: quotaGradeName }),
      width: 130,
      align: 'right',
      render: (_, p) => {
        const excess = p.groupKeys.reduce((s, k) => {
          const g = plan.groups.find((x) => x.key === k);
          return g ? s + Math.max(0, holders(g.key) - g.count.places) : s;
        }, 0);
        return (
          <Typography.Text type={excess > p.pooledPlaces ? 'danger' : undefined}>
            {excess} / {p.pooledPlaces}
          </Typography.Text>
        );
      },
    },
  ];

  const allocationColumns: ColumnsType<Allocation> = [
    {
      key: 'stage',
      title: t('assessment.calibration.stage'),
      width: 70,
      render: (_, a) => t(`assessment.calibration.stages.${a.stage}`),
    },
    { key: 'key', title: t('assessment.calibration.group'), width: 160, render: (_, a) => key(a.key) },
    {
      key: 'places',
      title: t('assessment.calibration.places'),
      width: 60,
      align: 'right',
      render: (_, a) => a.places,
    },
    {
      key: 'candidates',
      title: t('assessment.calibration.candidates'),
      render: (_, a) => namesOf(a.candidates),
    },
    { key: 'awarded', title: t('assessment.calibration.awarded'), render: (_, a) => namesOf(a.awarded) },
    {
      key: 'unused',
      title: t('assessment.calibration.unused'),
      width: 80,
      align: 'right',
      render: (_, a) => a.unusedPlaces,
    },
  ];

  const ruleText = quotaRuleText(t, rule, quotaGradeName, groupName, criterionName);
  const overall = data.grades.map((g) => ({
    grade: g,
    proposed: data.counts.proposed[g.code] ?? 0,
    final: data.counts.final[g.code] ?? 0,
  }));

  return (
    <Flex vertical gap={16} data-testid="calibration">
      <Card size="small" title={t('assessment.calibration.rule')}>
        <Flex vertical gap={4}>
          <span data-testid="calibration-rule">{ruleText.line}</span>
          <span>{ruleText.pool}</span>
          <span>{ruleText.exception}</span>
          <span>{ruleText.tieBreaks}</span>
        </Flex>
      </Card>
      <Card size="small" title={t('assessment.calibration.groups')}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          columns={groupColumns}
          dataSource={plan.groups}
          data-testid="calibration-groups"
        />
      </Card>
      {plan.pools.length > 0 ? (
        <Card size="small" title={t('assessment.calibration.pools')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            columns={poolColumns}
            dataSource={plan.pools}
            data-testid="calibration-pools"
          />
        </Card>
      ) : null}
      <Card size="small" title={t('assessment.calibration.allocations')}>
        <Table
          rowKey={(a) => `${a.stage}:${a.key}`}
          size="small"
          pagination={false}
          columns={allocationColumns}
          dataSource={data.summary?.allocations}
          data-testid="calibration-allocations"
        />
      </Card>
      <Card size="small" title={t('assessment.calibration.distribution')}>
        <Flex wrap gap={8} data-testid="calibration-distribution">
          {overall.map((o) => (
            <Tag key={o.grade.code} color={o.final !== o.proposed ? 'orange' : undefined}>
              {o.grade.name}：{t('assessment.results.proposed')} {o.proposed} →{' '}
              {t('assessment.results.final')} {o.final}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('assessment.calibration.boundaries')}>
        <Boundaries
          t={t}
          boundaries={data.summary?.boundaries ?? []}
          keyName={key}
          targetNames={namesOf}
          groupName={groupName}
          criterionName={criterionName}
        />
      </Card>
    </Flex>
  );
}

/** Ties at the last place(s): who tied, each tie-break applied, who won, what is left to the committee. */
function Boundaries({
  t,
  boundaries,
  keyName,
  targetNames,
  groupName,
  criterionName,
}: {
  t: TFunction;
  boundaries: readonly Boundary[];
  keyName: (k: string) => string;
  targetNames: (ids: readonly string[]) => string;
  groupName: (id: string) => string;
  criterionName: (id: string) => string;
}) {
  if (boundaries.length === 0)
    return <Typography.Text type="secondary">{t('assessment.calibration.noBoundaries')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="calibration-boundaries">
      {boundaries.map((b) => (
        <Flex key={`${b.stage}:${b.key}`} vertical gap={2}>
          <Typography.Text strong>
            {t('assessment.calibration.boundaryLine', {
              key: keyName(b.key),
              stage: t(`assessment.calibration.stages.${b.stage}`),
              names: targetNames(b.tied),
              total: b.total.value,
              places: b.placesInContention,
            })}
          </Typography.Text>
          {b.steps.map((s, i) => (
            <span key={i}>
              {t('assessment.calibration.stepLine', {
                rule: tieBreakText(t, s.tieBreak, groupName, criterionName),
                values: s.values
                  .map((v) => `${targetNames([v.targetId])} ${v.value?.value ?? '—'}`)
                  .join('，'),
                outcome:
                  s.outcome === 'skipped'
                    ? t('assessment.calibration.stepSkipped')
                    : [
                        s.won.length
                          ? t('assessment.calibration.stepWon', { names: targetNames(s.won) })
                          : '',
                        s.stillTied.length
                          ? t('assessment.calibration.stepStillTied', { names: targetNames(s.stillTied) })
                          : '',
                      ]
                        .filter(Boolean)
                        .join('；'),
              })}
            </span>
          ))}
          {b.awarded.length ? (
            <span>{t('assessment.calibration.awardedLine', { names: targetNames(b.awarded) })}</span>
          ) : null}
          {b.flagged.length ? (
            <Typography.Text type="warning">
              {t('assessment.calibration.flagged', {
                names: targetNames(b.flagged),
                places: b.placesLeftOpen,
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
