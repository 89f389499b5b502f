import { Alert, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { GradeVotesSection } from './GradeVotesSection.tsx';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import {
  useTargetResult,
  type GroupTallyJson,
  type RoundResults,
  type TargetResult,
} from '../../../hooks/api/assessment.ts';
import { figureShort, hundredthsText, quotaKeyLabel } from '../labels.ts';

/** 计票 of one group: count against the expected raters, trimming, and the flags (minimum, waiver …). */
function ballotsCell(t: TFunction, g: GroupTallyJson) {
  const agg = g.aggregate;
  const lines: string[] = [];
  if (agg?.trimmed)
    lines.push(
      t('assessment.explain.trimmed', {
        high: hundredthsText(agg.trimmed.highest.hundredths),
        low: hundredthsText(agg.trimmed.lowest.hundredths),
        used: agg.usedCount,
      }),
    );
  else if (agg?.fallback) lines.push(t('assessment.explain.fallback', { min: agg.fallback.minBallots }));
  else if (agg && agg.usedCount > 0) lines.push(t('assessment.explain.noTrim', { used: agg.usedCount }));
  const flags: { text: string; color: string }[] = [];
  if (g.empty) flags.push({ text: t('assessment.explain.empty'), color: 'red' });
  else if (g.belowMinimum)
    flags.push({ text: t('assessment.explain.belowMinimum', { min: g.minRaters }), color: 'red' });
  if (g.aboveMaximum)
    flags.push({ text: t('assessment.explain.aboveMaximum', { max: g.maxRaters }), color: 'orange' });
  if (g.waiver)
    flags.push({
      text: g.waiver.applied
        ? t('assessment.explain.waived', { reason: g.waiver.reason })
        : t('assessment.explain.waiverNotApplied', { reason: g.waiver.reason }),
      color: g.waiver.applied ? 'gold' : 'default',
    });
  return (
    <Flex vertical gap={2}>
      <span>
        {t('assessment.explain.ballotsValue', { count: g.ballotCount, min: g.minRaters, max: g.maxRaters })}
      </span>
      {lines.map((l) => (
        <Typography.Text key={l} type="secondary" style={{ fontSize: 12 }}>
          {l}
        </Typography.Text>
      ))}
      {flags.length > 0 ? (
        <Flex wrap gap={4}>
          {flags.map((f) => (
            <Tag key={f.text} color={f.color} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
              {f.text}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

const VOTE_REASONS = ['score', 'withinQuota', 'quota', 'totalWithheld', 'totalWithheldCapped'] as const;
/** the reasons whose words name a score line, worded for a grade from the vote shares */
const voteReason = (reason: string) => VOTE_REASONS.find((r) => r === reason) ?? null;

/** The proposal's reason in words (score, quota place, quota full, veto, tie at the boundary, too few raters). */
export function proposalText(
  t: TFunction,
  results: RoundResults,
  target: TargetResult,
  names: ReadonlyMap<string, string>,
) {
  const p = target.explanation?.proposal;
  if (!p) return t('assessment.explain.reasons.insufficient');
  const gradeOf = (code: string | null) => results.grades.find((g) => g.code === code);
  const grade = gradeOf(p.grade);
  const args = {
    total: p.total?.value ?? '—',
    grade: grade?.name ?? '—',
    min: grade?.minScore ?? 0,
    minBallots: results.minGroupSizeShown,
    scoreGrade: gradeOf(p.scoreGrade)?.name ?? '—',
    placedBy: t(`assessment.explain.placedBy.${p.placedBy ?? 'none'}`),
    reasons: p.vetoReasons.join(t('common.enumSep')),
  };
  const reason = p.reason === 'totalWithheld' && p.scoreGrade !== p.grade ? 'totalWithheldCapped' : p.reason;
  // a grade from the vote shares (按票率定等次) says so where the reason would name a score line
  const vote = p.gradeBy === 'votes' ? voteReason(reason) : null;
  const text = vote
    ? t(`assessment.explain.reasonsVotes.${vote}`, args)
    : t(`assessment.explain.reasons.${reason}`, args);
  return p.quotaGroupKey
    ? `${text} ${t('assessment.explain.quotaGroup', { key: quotaKeyLabel(t, p.quotaGroupKey, names) })}`
    : text;
}

/**
 * 计算说明 of one target — where each number comes from: per rater group the ballots counted, the trimmed
 * highest and lowest, the mean, the weight and the weight applied after renormalisation, the
 * contribution; the weighted total written out; the rank; why the grade was proposed. Groups with fewer
 * ballots than the pack's minimum are shown by their count only, and so is a group hidden beside such a
 * group, whose figures would otherwise give it away (the formula then adds the hidden groups as one sum);
 * a total that would be such a group's figure is not shown at all (SECURITY 31).
 */
export function ExplanationDrawer({
  results,
  target: row,
  onClose,
  unitNames,
}: {
  results: RoundResults;
  /** the row opened: its whole explanation is read from the server (…/results/:targetId) */
  target: TargetResult | null;
  onClose: () => void;
  unitNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const one = useTargetResult(results.round.id, row?.id);
  const target = row && one.data?.id === row.id ? one.data : null;
  const tally = target?.explanation?.tally;
  const groups = tally?.groups ?? [];
  const min = results.minGroupSizeShown;

  const columns: ColumnsType<GroupTallyJson> = [
    { key: 'name', title: t('assessment.explain.group'), width: 170, render: (_, g) => g.name },
    {
      key: 'ballots',
      title: t('assessment.explain.ballots'),
      onCell: (g) => (g.suppressed ? { colSpan: 5 } : {}),
      render: (_, g) =>
        g.suppressed ? (
          <Typography.Text
            type="secondary"
            data-testid={`explain-suppressed-${g.groupId}`}
            data-suppressed={g.suppressedReason ?? 'small'}
          >
            {t('assessment.results.groupCell', { count: g.ballotCount })}
            {' · '}
            {g.suppressedReason === 'complementary'
              ? t('assessment.explain.complementary', { min })
              : t('assessment.explain.suppressed', { min })}
          </Typography.Text>
        ) : (
          ballotsCell(t, g)
        ),
    },
    {
      key: 'mean',
      title: t('assessment.explain.mean'),
      width: 80,
      align: 'right',
      onCell: (g) => (g.suppressed ? { colSpan: 0 } : {}),
      render: (_, g) =>
        g.value ? (
          <Tooltip title={t('assessment.results.totalTip', { fraction: g.value.fraction })}>
            <span data-testid={`explain-mean-${g.groupId}`}>{g.value.value}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'weight',
      title: t('assessment.explain.weight'),
      width: 64,
      align: 'right',
      onCell: (g) => (g.suppressed ? { colSpan: 0 } : {}),
      render: (_, g) => `${figureShort(g.weight)}%`,
    },
    {
      key: 'effective',
      title: t('assessment.explain.effectiveWeight'),
      width: 80,
      align: 'right',
      onCell: (g) => (g.suppressed ? { colSpan: 0 } : {}),
      render: (_, g) =>
        g.counted ? (
          <Tooltip title={g.effectiveWeight?.fraction}>
            <span data-testid={`explain-effective-${g.groupId}`}>{figureShort(g.effectiveWeight)}%</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('assessment.explain.notCounted')}</Typography.Text>
        ),
    },
    {
      key: 'contribution',
      title: t('assessment.explain.contribution'),
      width: 80,
      align: 'right',
      onCell: (g) => (g.suppressed ? { colSpan: 0 } : {}),
      render: (_, g) =>
        g.contribution ? (
          <Tooltip title={g.contribution.fraction}>
            <span data-testid={`explain-contribution-${g.groupId}`}>{g.contribution.value}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];

  // shown terms one by one; the hidden groups as one sum (the total minus the shown part)
  const shownTerms = groups.filter((g) => !g.suppressed && g.counted);
  const hidden = groups.filter((g) => g.suppressed);
  const hiddenSum = tally?.withheldContribution ?? null;
  const formula = tally?.total ? (
    <Flex vertical gap={4} data-testid="explain-formula">
      <Typography.Text strong>{t('assessment.explain.formula')}</Typography.Text>
      <span>
        ={' '}
        {shownTerms.map((g, i) => (
          <Fragment key={g.groupId}>
            {i > 0 ? ' + ' : ''}
            {t('assessment.explain.formulaTerm', {
              weight: figureShort(g.effectiveWeight),
              value: g.value?.value ?? '—',
            })}
          </Fragment>
        ))}
        {hiddenSum ? (
          <Typography.Text type="secondary">
            {shownTerms.length > 0 ? ' + ' : ''}
            {hidden.map((g) => `「${g.name}」`).join('')}（{t('assessment.explain.withheldSum')}）
          </Typography.Text>
        ) : null}
      </span>
      <span>
        ={' '}
        {[
          ...shownTerms.map((g) => g.contribution?.value ?? '—'),
          ...(hiddenSum ? [hiddenSum.value] : []),
        ].join(' + ')}{' '}
        ={' '}
        <Typography.Text strong data-testid="explain-total">
          {tally.total.value}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('assessment.explain.exactNote', { fraction: tally.total.fraction })}
      </Typography.Text>
    </Flex>
  ) : tally?.totalWithheld ? (
    <Alert
      type="info"
      showIcon
      title={t('assessment.explain.totalWithheld', { min })}
      data-testid="explain-total-withheld"
    />
  ) : (
    <Alert type="warning" showIcon title={t('assessment.explain.insufficientTotal')} />
  );

  const renormalised = tally?.explanation.renormalised;
  const rank = target?.rank;

  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={760}
      title={row ? t('assessment.explain.title', { name: row.name }) : ''}
      destroyOnHidden
      data-testid="explain-drawer"
    >
      {target && tally ? (
        <Flex vertical gap={16} data-testid="explain-body">
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 110 } }}
            items={[
              {
                key: 'who',
                label: t('assessment.results.name'),
                children: [target.name, target.post, target.unitName !== target.name ? target.unitName : '']
                  .filter(Boolean)
                  .join(' · '),
              },
              {
                key: 'total',
                label: t('assessment.explain.total'),
                children: target.total ? (
                  <span>
                    <Typography.Text strong>{target.total.value}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      （{t('assessment.results.totalTip', { fraction: target.total.fraction })}）
                    </Typography.Text>
                  </span>
                ) : target.totalWithheld ? (
                  t('assessment.results.totalWithheld')
                ) : (
                  t('assessment.results.insufficient')
                ),
              },
              {
                key: 'rank',
                label: t('assessment.explain.rank'),
                children: rank
                  ? t('assessment.explain.rankLine', {
                      rank: rank.population,
                      of: rank.of,
                      unit: rank.unit,
                      ofUnit: rank.ofUnit,
                    })
                  : target.totalWithheld
                    ? t('assessment.explain.unrankedWithheld')
                    : t('assessment.explain.unranked'),
              },
              {
                key: 'proposal',
                label: t('assessment.explain.proposal'),
                children: (
                  <span data-testid="explain-proposal">{proposalText(t, results, target, unitNames)}</span>
                ),
              },
              {
                key: 'final',
                label: t('assessment.explain.final'),
                children: (
                  <Flex vertical>
                    <span data-testid="explain-final">{target.finalGradeName ?? '—'}</span>
                    {target.overrideReason ? (
                      <Typography.Text type="secondary">
                        {t('assessment.explain.overrideReason', { reason: target.overrideReason })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('assessment.explain.groups')}</Typography.Title>
            <Table
              rowKey="groupId"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={groups}
              data-testid="explain-groups"
            />
          </div>
          {target.explanation?.gradeVotes ? (
            <GradeVotesSection gradeVotes={target.explanation.gradeVotes} />
          ) : null}
          {renormalised ? (
            <Alert
              type="info"
              showIcon
              title={t('assessment.explain.renormalised', {
                groups: renormalised.emptyGroups
                  .map((id) => `「${groups.find((g) => g.groupId === id)?.name ?? id}」`)
                  .join(''),
                weight: figureShort(renormalised.countedWeight),
              })}
            />
          ) : null}
          {formula}
          {tally.insufficientGroups.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={tally.insufficientGroups
                .map((g) => {
                  const name = groups.find((x) => x.groupId === g.groupId)?.name ?? g.groupId;
                  return g.reason === 'empty'
                    ? t('assessment.waiver.groupEmpty', { name })
                    : t('assessment.waiver.groupLine', { name, count: g.ballotCount, min: g.minRaters });
                })
                .join('；')}
            />
          ) : null}
        </Flex>
      ) : row && one.isError ? (
        <QueryError error={one.error} onRetry={() => void one.refetch()} />
      ) : row && !target ? (
        <Skeleton active />
      ) : target ? (
        <Typography.Text type="secondary">{t('assessment.explain.noExplanation')}</Typography.Text>
      ) : null}
    </Drawer>
  );
}
