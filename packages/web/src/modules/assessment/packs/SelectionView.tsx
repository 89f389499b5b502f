import {
  conditionText,
  type IndicatorTarget,
  type OrgKind,
  type Pack,
  type SelectionSection,
  type SelectionStep,
} from '@ganbu/core';
import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SourceNote } from './PackParts.tsx';

const S = 'assessment.selectionSection';
type Indicator = SelectionSection['indicators'][number];
type Pool = SelectionSection['pools'][number];

/** `≥ 30%`, `≥ 5 人`, `每个村、社区 ≥ 2 人`. */
export function targetText(
  t: TFunction,
  target: IndicatorTarget,
  judgedPer: readonly OrgKind[] | null,
): string {
  const op = t(`${S}.op.${target.op}`);
  const value =
    target.measure === 'share'
      ? t(`${S}.share`, { op, n: target.percent })
      : t(`${S}.count`, { op, n: target.count });
  if (!judgedPer) return value;
  return t(`${S}.perUnit`, {
    kinds: judgedPer.map((k) => t(`orgKinds.${k}`)).join(t('common.enumSep')),
    value,
  });
}

/** What a step records per candidate, with its numbers (公示 5 个工作日, 合格分数线 60 …). */
function stepText(t: TFunction, s: SelectionStep): string {
  const parts = [t(`${S}.stepType.${s.type}`)];
  if (s.noticeWorkingDays !== undefined) parts.push(t(`${S}.noticeDays`, { n: s.noticeWorkingDays }));
  if (s.ballots) parts.push(t(`${S}.ballots`));
  if (s.passScore !== undefined && s.passScore !== null) parts.push(t(`${S}.passScore`, { n: s.passScore }));
  if (s.passPercent !== undefined && s.passPercent !== null)
    parts.push(t(`${S}.passPercent`, { n: s.passPercent }));
  return parts.join(t('common.listSep'));
}

function IndicatorsTable({ pack, section }: { pack: Pack; section: SelectionSection }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Indicator> = [
    {
      key: 'name',
      title: t(`${S}.indicator`),
      width: 260,
      render: (_, i) => (
        <Flex vertical>
          <Typography.Text strong>{i.name}</Typography.Text>
          {i.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.description}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'population', title: t(`${S}.population`), render: (_, i) => conditionText(i.population) },
    { key: 'numerator', title: t(`${S}.numerator`), render: (_, i) => conditionText(i.numerator) },
    {
      key: 'target',
      title: t(`${S}.target`),
      width: 240,
      render: (_, i) => {
        const index = section.indicators.indexOf(i);
        const leaf = i.target.measure === 'share' ? 'percent' : 'count';
        return (
          <>
            <span>{targetText(t, i.target, i.judgedPer)}</span>
            <SourceNote pack={pack} pointer={`/selection/indicators/${index}/target/${leaf}`} />
          </>
        );
      },
    },
  ];
  return (
    <Table<Indicator>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={section.indicators}
      locale={{ emptyText: t(`${S}.noIndicators`) }}
      data-testid="pack-selection-indicators"
    />
  );
}

function ProcessKinds({ pack, section }: { pack: Pack; section: SelectionSection }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {Object.entries(section.processKinds).map(([id, kind]) => {
        const steps = pack.workflow?.caseKinds[kind.caseKind]?.steps ?? [];
        return (
          <Flex key={id} vertical gap={4} data-testid={`pack-selection-process-${id}`}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{kind.name}</Typography.Text>
              {kind.ineligibleHardStop ? (
                <Tag color="red">{t(`${S}.hardStop`)}</Tag>
              ) : (
                <Tag>{t(`${S}.softStop`)}</Tag>
              )}
            </Flex>
            <Descriptions
              size="small"
              bordered
              column={1}
              styles={{ label: { width: 160 } }}
              items={steps.map((step) => {
                const s = kind.steps[step.id];
                return {
                  key: step.id,
                  label: step.name,
                  children: s ? (
                    <>
                      <span>{stepText(t, s)}</span>
                      {s.noticeWorkingDays !== undefined ||
                      (s.passScore !== undefined && s.passScore !== null) ||
                      (s.passPercent !== undefined && s.passPercent !== null) ? (
                        <SourceNote
                          pack={pack}
                          pointer={`/selection/processKinds/${id}/steps/${step.id}/${
                            s.noticeWorkingDays !== undefined
                              ? 'noticeWorkingDays'
                              : s.passScore !== undefined && s.passScore !== null
                                ? 'passScore'
                                : 'passPercent'
                          }`}
                        />
                      ) : null}
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t(`${S}.recordsNothing`)}</Typography.Text>
                  ),
                };
              })}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}

function Pools({ pack, section }: { pack: Pack; section: SelectionSection }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Pool> = [
    {
      key: 'level',
      title: t(`${S}.poolLevel`),
      width: 200,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{p.level}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`${S}.poolKind.${p.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'quota',
      title: t(`${S}.quota`),
      width: 220,
      render: (_, p) => {
        const kinds = p.unitKinds.map((k) => t(`orgKinds.${k}`)).join(t('common.enumSep'));
        const text =
          p.perUnitMin === null && p.perUnitMax === null
            ? t(`${S}.noQuota`, { kinds })
            : t(`${S}.quotaText`, {
                kinds,
                min: p.perUnitMin ?? '—',
                max: p.perUnitMax ?? t(`${S}.noMax`),
              });
        return (
          <>
            <span>{text}</span>
            <SourceNote pack={pack} pointer={`/selection/pools/${section.pools.indexOf(p)}/perUnitMin`} />
          </>
        );
      },
    },
    { key: 'conditions', title: t(`${S}.conditions`), render: (_, p) => conditionText(p.conditions) },
    {
      key: 'reviews',
      title: t(`${S}.reviews`),
      width: 200,
      render: (_, p) =>
        p.reviews.length
          ? p.reviews
              .map((r) => t(`${S}.review`, { name: r.name, n: r.everyMonths }))
              .join(t('common.listSep'))
          : '—',
    },
    {
      key: 'duties',
      title: t(`${S}.duties`),
      width: 220,
      render: (_, p) => (p.duties.length ? p.duties.join(t('common.listSep')) : '—'),
    },
  ];
  return (
    <Table<Pool>
      rowKey={(p) => `${p.kind}/${p.level}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={section.pools}
      scroll={{ x: 'max-content' }}
      data-testid="pack-selection-pools"
    />
  );
}

/**
 * 选拔任用与结构 of a pack version (read only): structure indicators with their targets' sources, selection
 * process kinds with what each step records and the 公示 days, pools, post-appointment review, measures for
 * unfit cadres and kinds of exchange.
 */
export function SelectionView({ pack, readOnlyNote }: { pack: Pack; readOnlyNote?: boolean }) {
  const { t } = useTranslation();
  const section = pack.selection;
  if (!section) return null;
  const review = section.postReview;
  return (
    <Card size="small" title={t(`${S}.title`)} data-testid="pack-selection">
      <Flex vertical gap={16}>
        {readOnlyNote ? <Alert type="info" showIcon title={t(`${S}.readOnly`)} /> : null}
        <Flex vertical gap={6}>
          <Typography.Text strong>{t(`${S}.indicators`)}</Typography.Text>
          <IndicatorsTable pack={pack} section={section} />
        </Flex>
        <Flex vertical gap={6}>
          <Typography.Text strong>{t(`${S}.processKinds`)}</Typography.Text>
          <ProcessKinds pack={pack} section={section} />
        </Flex>
        {section.pools.length ? (
          <Flex vertical gap={6}>
            <Typography.Text strong>{t(`${S}.pools`)}</Typography.Text>
            <Pools pack={pack} section={section} />
          </Flex>
        ) : null}
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 160 } }}
          data-testid="pack-selection-after"
          items={[
            {
              key: 'review',
              label: t(`${S}.postReview`),
              children: review ? (
                <>
                  <span>
                    {t(`${S}.postReviewText`, { n: review.afterMonths })}
                    {review.schemeId
                      ? t(`${S}.postReviewScheme`, {
                          scheme:
                            pack.assessment.schemes.find((s) => s.id === review.schemeId)?.name ??
                            review.schemeId,
                        })
                      : t(`${S}.postReviewNoScheme`)}
                  </span>
                  <SourceNote pack={pack} pointer="/selection/postReview/afterMonths" />
                </>
              ) : (
                '—'
              ),
            },
            {
              key: 'unfit',
              label: t(`${S}.unfitMeasures`),
              children: section.unfitMeasures.length ? (
                <>
                  <span>
                    {section.unfitMeasures
                      .map((m) => t(`${S}.unfitText`, { name: m.name, n: m.termMonths }))
                      .join(t('common.listSep'))}
                  </span>
                  <SourceNote pack={pack} pointer="/selection/unfitMeasures/0/termMonths" />
                </>
              ) : (
                '—'
              ),
            },
            {
              key: 'exchange',
              label: t(`${S}.exchangeKinds`),
              children: section.exchangeKinds.length ? (
                <>
                  <span>
                    {section.exchangeKinds
                      .map((k) =>
                        t(k.movesRecord ? `${S}.exchangeMoves` : `${S}.exchangeKeeps`, {
                          name: k.name,
                          n: k.defaultMonths,
                        }),
                      )
                      .join(t('common.listSep'))}
                  </span>
                  <SourceNote pack={pack} pointer="/selection/exchangeKinds/0/defaultMonths" />
                </>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
