import type { GradeScale, Pack, QuotaRule, Scheme } from '@ganbu/core';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceOf, sourceText } from '../labels.ts';
import { quotaRuleText } from '../quota-rule-text.ts';
import { GradeVoteView } from './GradeVoteView.tsx';

type RaterGroup = Scheme['raterGroups'][number];
type Criterion = Scheme['criteria'][number];

/** 依据：… / 假设：… under a number, for the number at `pointer` of the pack. */
export function SourceNote({ pack, pointer }: { pack: Pack; pointer: string }) {
  const { t } = useTranslation();
  const source = sourceOf(pack.sources, pointer);
  return (
    <Typography.Text
      type="secondary"
      style={{ display: 'block', fontSize: 12, lineHeight: 1.5 }}
      data-testid="pack-source"
    >
      {sourceText(t, source)}
    </Typography.Text>
  );
}

/** A number with its source below it (or alone when sources are not shown). */
function Sourced({
  pack,
  pointer,
  show,
  children,
}: {
  pack: Pack;
  pointer: string;
  show: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <span>{children}</span>
      {show ? <SourceNote pack={pack} pointer={pointer} /> : null}
    </>
  );
}

/** The grade scale: each grade with its threshold. */
export function GradeScaleView({
  pack,
  scale,
  showSources,
}: {
  pack: Pack;
  scale: GradeScale;
  showSources: boolean;
}) {
  const { t } = useTranslation();
  const index = pack.assessment.gradeScales.indexOf(scale);
  const nameOf = (code: string) => scale.grades.find((g) => g.code === code)?.name ?? code;
  const columns: ColumnsType<GradeScale['grades'][number]> = [
    { key: 'name', title: t('assessment.packs.grade'), width: 120, render: (_, g) => g.name },
    {
      key: 'min',
      title: t('assessment.packs.minScore'),
      render: (_, g) => (
        <Sourced
          pack={pack}
          pointer={`/assessment/gradeScales/${index}/grades/${scale.grades.indexOf(g)}/minScore`}
          show={showSources}
        >
          {t('assessment.packs.minScoreValue', { n: g.minScore })}
        </Sourced>
      ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={scale.grades}
        data-testid={`pack-grades-${scale.id}`}
      />
      <Typography.Text type="secondary">
        {t('assessment.packs.quotaGrade', {
          grade: nameOf(scale.quotaGrade),
          fallback: nameOf(scale.fallbackGrade),
        })}
      </Typography.Text>
    </Flex>
  );
}

/** A quota rule in words: share, rounding, grouping, pooling, exceptions, then the tie-breaks in order. */
export function QuotaRuleView({
  pack,
  rule,
  scheme,
  gradeName,
  showSources,
}: {
  pack: Pack;
  rule: QuotaRule;
  /** a scheme using the rule, to name the groups and criteria of its tie-breaks */
  scheme: Scheme | undefined;
  gradeName: string;
  showSources: boolean;
}) {
  const { t } = useTranslation();
  const index = pack.assessment.quotaRules.indexOf(rule);
  const groupName = (id: string) => scheme?.raterGroups.find((g) => g.id === id)?.name ?? id;
  const criterionName = (id: string) => scheme?.criteria.find((c) => c.id === id)?.name ?? id;
  const text = quotaRuleText(t, rule, gradeName, groupName, criterionName);
  return (
    <Flex vertical gap={4} data-testid={`pack-quota-${rule.id}`}>
      <Sourced pack={pack} pointer={`/assessment/quotaRules/${index}/share`} show={showSources}>
        {text.line}
      </Sourced>
      <span>{text.pool}</span>
      <span>{text.exception}</span>
      <span>{text.tieBreaks}</span>
    </Flex>
  );
}

/**
 * A scheme as a readable form: kind and targets, the rater groups (weight, raters, mode, scope,
 * aggregation), the criteria, the grades, the quota and the empty-group rule. `showSources` adds each
 * number's source; `compact` lists the groups as sentences (for the create drawer).
 */
export function SchemeView({
  pack,
  scheme,
  showSources,
  compact = false,
  rulesByName = false,
}: {
  pack: Pack;
  scheme: Scheme;
  showSources: boolean;
  compact?: boolean;
  /** grade scale and quota by name only (the pack page shows them in their own sections) */
  rulesByName?: boolean;
}) {
  const { t } = useTranslation();
  const si = pack.assessment.schemes.indexOf(scheme);
  const base = `/assessment/schemes/${si}`;
  const scale = pack.assessment.gradeScales.find((g) => g.id === scheme.gradeScaleId);
  const rule = pack.assessment.quotaRules.find((q) => q.id === scheme.quotaRuleId);
  const quotaGradeName = scale?.grades.find((g) => g.code === scale.quotaGrade)?.name ?? '';
  const byVotes = scheme.gradeVote?.rule.method === 'thresholds';

  const aggregationText = (g: RaterGroup) =>
    g.aggregation.method === 'mean'
      ? t('assessment.aggregation.mean')
      : t('assessment.aggregation.trimmedMean', { min: g.aggregation.minBallots });

  const groupColumns: ColumnsType<RaterGroup> = [
    { key: 'name', title: t('assessment.scheme.group'), width: 180, render: (_, g) => g.name },
    {
      key: 'weight',
      title: t('assessment.scheme.weight'),
      width: showSources ? 230 : 70,
      render: (_, g) => (
        <Sourced
          pack={pack}
          pointer={`${base}/raterGroups/${scheme.raterGroups.indexOf(g)}/weight`}
          show={showSources}
        >
          {t('assessment.scheme.weightValue', { weight: g.weight })}
        </Sourced>
      ),
    },
    {
      key: 'raters',
      title: t('assessment.scheme.raters'),
      width: showSources ? 230 : 90,
      render: (_, g) => {
        const at = `${base}/raterGroups/${scheme.raterGroups.indexOf(g)}`;
        const same =
          sourceText(t, sourceOf(pack.sources, `${at}/minRaters`)) ===
          sourceText(t, sourceOf(pack.sources, `${at}/maxRaters`));
        return (
          <>
            <Sourced pack={pack} pointer={`${at}/minRaters`} show={showSources}>
              {t('assessment.scheme.ratersRange', { min: g.minRaters, max: g.maxRaters })}
            </Sourced>
            {showSources && !same ? <SourceNote pack={pack} pointer={`${at}/maxRaters`} /> : null}
          </>
        );
      },
    },
    {
      key: 'mode',
      title: t('assessment.scheme.mode'),
      width: 110,
      render: (_, g) => t(`assessment.modes.${g.mode}`),
    },
    {
      key: 'rates',
      title: t('assessment.scheme.rates'),
      width: 130,
      render: (_, g) => t(`assessment.rates.${g.rates}`),
    },
    {
      key: 'aggregation',
      title: t('assessment.scheme.aggregationLabel'),
      width: 170,
      render: (_, g) =>
        g.aggregation.method === 'trimmedMean' ? (
          <Sourced
            pack={pack}
            pointer={`${base}/raterGroups/${scheme.raterGroups.indexOf(g)}/aggregation/minBallots`}
            show={showSources}
          >
            {aggregationText(g)}
          </Sourced>
        ) : (
          aggregationText(g)
        ),
    },
  ];
  const criterionColumns: ColumnsType<Criterion> = [
    {
      key: 'name',
      title: t('assessment.scheme.criterion'),
      width: 160,
      render: (_, c) => c.name,
    },
    {
      key: 'points',
      title: t('assessment.scheme.points'),
      render: (_, c) => (
        <Sourced
          pack={pack}
          pointer={`${base}/criteria/${scheme.criteria.indexOf(c)}/maxPoints`}
          show={showSources}
        >
          {t('assessment.scheme.pointsValue', { points: c.maxPoints })}
        </Sourced>
      ),
    },
    { key: 'description', title: t('assessment.scheme.description'), render: (_, c) => c.description || '—' },
  ];

  const items = [
    {
      key: 'kind',
      label: t('assessment.create.scheme'),
      children: t('assessment.scheme.kindLine', {
        kind: t(`assessment.kinds.${scheme.kind}`),
        target: t(`assessment.targetKinds.${scheme.targetKind}`),
      }),
    },
    {
      key: 'groups',
      label: t('assessment.scheme.raterGroups'),
      children: compact ? (
        <Flex vertical gap={2} data-testid="scheme-groups">
          {scheme.raterGroups.map((g) => (
            <span key={g.id}>
              <Typography.Text strong>{g.name}</Typography.Text>：
              {[
                t('assessment.scheme.weight') +
                  ' ' +
                  t('assessment.scheme.weightValue', { weight: g.weight }),
                t('assessment.scheme.ratersRange', { min: g.minRaters, max: g.maxRaters }),
                t(`assessment.modes.${g.mode}`),
                t(`assessment.rates.${g.rates}`),
                aggregationText(g),
              ].join('，')}
            </span>
          ))}
        </Flex>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          columns={groupColumns}
          dataSource={scheme.raterGroups}
          data-testid={`pack-scheme-groups-${scheme.id}`}
        />
      ),
    },
    {
      key: 'criteria',
      label: t('assessment.scheme.criteria'),
      children: compact ? (
        <Flex wrap gap={4} data-testid="scheme-criteria">
          {scheme.criteria.map((c) => (
            <Tag key={c.id}>
              {c.name} {t('assessment.scheme.pointsValue', { points: c.maxPoints })}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          columns={criterionColumns}
          dataSource={scheme.criteria}
        />
      ),
    },
    ...(scheme.gradeVote
      ? [
          {
            key: 'gradeVote',
            label: t('assessment.scheme.gradeVote'),
            children: (
              <GradeVoteView scheme={scheme} gradeVote={scheme.gradeVote} showSources={showSources} />
            ),
          },
        ]
      : []),
    {
      key: 'grades',
      label: t('assessment.scheme.gradeScale'),
      children: scale ? (
        byVotes ? (
          // the scale names the grades; its score lines do not decide them here
          <Flex vertical>
            <span>{scale.name}</span>
            <Typography.Text type="secondary" data-testid={`scheme-grades-by-votes-${scheme.id}`}>
              {t('assessment.scheme.gradeScaleByVotes')}
            </Typography.Text>
          </Flex>
        ) : rulesByName ? (
          scale.name
        ) : compact ? (
          scale.grades
            .map((g) => t('assessment.scheme.gradeLine', { name: g.name, min: g.minScore }))
            .join('，')
        ) : (
          <GradeScaleView pack={pack} scale={scale} showSources={showSources} />
        )
      ) : (
        '—'
      ),
    },
    {
      key: 'quota',
      label: t('assessment.scheme.quotaRule'),
      children: rule ? (
        rulesByName ? (
          rule.name
        ) : (
          <QuotaRuleView
            pack={pack}
            rule={rule}
            scheme={scheme}
            gradeName={quotaGradeName}
            showSources={showSources}
          />
        )
      ) : (
        t('assessment.quota.none')
      ),
    },
    {
      key: 'empty',
      label: t('assessment.scheme.emptyGroupLabel'),
      children: (
        <Flex vertical>
          <span>{t(`assessment.emptyGroup.${scheme.emptyGroup}`)}</span>
          <Sourced pack={pack} pointer={`${base}/scoreDecimals`} show={showSources}>
            {t('assessment.scheme.decimals', { n: scheme.scoreDecimals })}
          </Sourced>
        </Flex>
      ),
    },
  ];
  if (compact)
    return (
      <Descriptions
        bordered
        size="small"
        column={1}
        items={items}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        data-testid={`scheme-view-${scheme.id}`}
      />
    );
  // full form: the two tables at full width, the rules below
  const tables = new Set(['groups', 'criteria']);
  return (
    <Flex vertical gap={12} data-testid={`scheme-view-${scheme.id}`}>
      <Typography.Text>{items[0]?.children}</Typography.Text>
      {items
        .filter((i) => tables.has(i.key))
        .map((i) => (
          <div key={i.key}>
            <Typography.Text strong>{i.label}</Typography.Text>
            <div style={{ marginTop: 6 }}>{i.children}</div>
          </div>
        ))}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={items.filter((i) => i.key !== 'kind' && !tables.has(i.key))}
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      />
    </Flex>
  );
}
