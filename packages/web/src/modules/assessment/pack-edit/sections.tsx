import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Aggregation, QuotaRule, Scheme, TieBreak } from '@ganbu/core';
import { Button, Card, Divider, Flex, Select, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FieldProblems,
  NumField,
  SelectField,
  SourceNotes,
  SwitchField,
  TextField,
  testidOf,
  useEditor,
} from './fields.tsx';

const ITEM: CSSProperties = {
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  padding: '8px 12px',
  background: '#fafafa',
};

/** Sum of numbers in words, for the weight and points lines ("100", "110", "97.5"). */
const sumOf = (values: readonly unknown[]) =>
  Math.round(values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0) * 1e6) / 1e6;

/** 基本信息 and 通用规则: id, name, locality, effective date, note; the smallest group shown. */
export function HeaderSection() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('assessment.packEdit.header')} data-testid="pe-header">
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <TextField pointer="/id" label={t('assessment.packEdit.labels.id')} width={200} />
          <TextField pointer="/name" label={t('assessment.packEdit.labels.name')} width={340} />
          <TextField pointer="/locality" label={t('assessment.packEdit.labels.locality')} width={220} />
          <TextField
            pointer="/version/effectiveFrom"
            label={t('assessment.packEdit.labels.effectiveFrom')}
            width={150}
            placeholder="YYYY-MM-DD"
          />
        </Flex>
        <TextField
          pointer="/version/note"
          label={t('assessment.packEdit.labels.note')}
          width="100%"
          multiline
        />
        <Flex gap={12} wrap align="end">
          <NumField
            pointer="/assessment/minGroupSizeShown"
            label={t('assessment.packEdit.labels.minGroupSizeShown')}
            suffix={t('assessment.packEdit.unitBallots')}
            width={200}
            precision={0}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12, paddingBottom: 6 }}>
            {t('assessment.packEdit.minGroupSizeHelp')}
          </Typography.Text>
        </Flex>
        <SourceNotes
          fields={[
            {
              pointer: '/assessment/minGroupSizeShown',
              label: t('assessment.packEdit.labels.minGroupSizeShown'),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** 等次: the scale's name, each grade's name and threshold, the quota grade and its fallback. */
export function GradeScaleSection({ index }: { index: number }) {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const scale = draft.assessment.gradeScales[index];
  if (!scale) return null;
  const base = `/assessment/gradeScales/${index}`;
  const gradeOptions = scale.grades.map((g) => ({ value: g.code, label: g.name || g.code }));
  return (
    <Card
      size="small"
      title={t('assessment.packEdit.gradeScaleTitle', { name: scale.name })}
      data-testid={`pe-${testidOf(base)}`}
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <TextField pointer={`${base}/name`} label={t('assessment.packEdit.labels.name')} width={300} />
          <SelectField
            pointer={`${base}/quotaGrade`}
            label={t('assessment.packEdit.labels.quotaGrade')}
            options={gradeOptions}
            width={180}
          />
          <SelectField
            pointer={`${base}/fallbackGrade`}
            label={t('assessment.packEdit.labels.fallbackGrade')}
            options={gradeOptions}
            width={180}
          />
        </Flex>
        <Flex vertical gap={8}>
          {scale.grades.map((g, j) => (
            <Flex key={g.code} gap={12} align="start" wrap style={ITEM}>
              <Flex vertical gap={2} style={{ width: 90 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assessment.packEdit.labels.code')}
                </Typography.Text>
                <Tag style={{ width: 'fit-content' }}>{g.code}</Tag>
              </Flex>
              <TextField
                pointer={`${base}/grades/${j}/name`}
                label={t('assessment.packEdit.labels.gradeName')}
                width={180}
              />
              <NumField
                pointer={`${base}/grades/${j}/minScore`}
                label={t('assessment.packEdit.labels.minScore')}
                suffix={t('assessment.packEdit.unitPoints')}
                width={150}
              />
            </Flex>
          ))}
        </Flex>
        <FieldProblems pointer={`${base}/grades`} />
        <SourceNotes
          fields={scale.grades.map((g, j) => ({
            pointer: `${base}/grades/${j}/minScore`,
            label: t('assessment.packEdit.minScoreOf', { grade: g.name }),
          }))}
        />
      </Flex>
    </Card>
  );
}

/** The groups and criteria of the schemes using a quota rule (what its tie-breaks may name). */
function tieBreakChoices(schemes: readonly Scheme[], ruleId: string) {
  const using = schemes.filter((s) => s.quotaRuleId === ruleId);
  const groups = new Map<string, string>();
  const criteria = new Map<string, string>();
  for (const s of using) {
    for (const g of s.raterGroups) groups.set(g.id, g.name);
    for (const c of s.criteria) criteria.set(c.id, c.name);
  }
  return { using, groups, criteria };
}

/** The tie-break chain, in order: reorder, change, add (up to 5), remove. */
function TieBreakList({ index, rule }: { index: number; rule: QuotaRule }) {
  const { t } = useTranslation();
  const { draft, update } = useEditor();
  const pointer = `/assessment/quotaRules/${index}/tieBreak`;
  const { groups, criteria } = tieBreakChoices(draft.assessment.schemes, rule.id);
  const list = rule.tieBreak;
  const firstGroup = [...groups.keys()][0] ?? '';
  const firstCriterion = [...criteria.keys()][0] ?? '';
  const setList = (next: TieBreak[]) => update(pointer, next);
  const move = (from: number, to: number) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    setList(next);
  };
  const changeBy = (j: number, by: TieBreak['by']) => {
    const item: TieBreak =
      by === 'groupScore'
        ? { by, groupId: firstGroup }
        : by === 'criterionScore'
          ? { by, criterionId: firstCriterion }
          : { by };
    setList(list.map((x, i) => (i === j ? item : x)));
  };
  const options = (known: Map<string, string>, current: string) =>
    [...known.entries(), ...(known.has(current) ? [] : [[current, current] as const])].map(([v, l]) => ({
      value: v,
      label: l,
    }));
  return (
    <Flex vertical gap={6} data-testid={`pe-${testidOf(pointer)}`}>
      <Typography.Text style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
        {t('assessment.packEdit.labels.tieBreak')}
      </Typography.Text>
      {list.map((tb, j) => (
        <Flex key={j} vertical gap={2}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text style={{ width: 20 }}>{j + 1}.</Typography.Text>
            <Select<TieBreak['by']>
              value={tb.by}
              onChange={(by) => changeBy(j, by)}
              options={(['groupScore', 'criterionScore', 'ballotCount'] as const).map((by) => ({
                value: by,
                label: t(`assessment.packEdit.tieBy.${by}`),
              }))}
              style={{ width: 200 }}
              data-testid={`pe-tie-by-${index}-${j}`}
            />
            {tb.by === 'groupScore' ? (
              <Select
                value={tb.groupId}
                onChange={(groupId: string) =>
                  setList(list.map((x, i) => (i === j ? { by: 'groupScore', groupId } : x)))
                }
                options={options(groups, tb.groupId)}
                style={{ width: 300 }}
                popupMatchSelectWidth={false}
                data-testid={`pe-tie-group-${index}-${j}`}
              />
            ) : tb.by === 'criterionScore' ? (
              <Select
                value={tb.criterionId}
                onChange={(criterionId: string) =>
                  setList(list.map((x, i) => (i === j ? { by: 'criterionScore', criterionId } : x)))
                }
                options={options(criteria, tb.criterionId)}
                style={{ width: 300 }}
                popupMatchSelectWidth={false}
                data-testid={`pe-tie-criterion-${index}-${j}`}
              />
            ) : null}
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={j === 0}
              onClick={() => move(j, j - 1)}
              aria-label={t('assessment.packEdit.moveUp')}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={j === list.length - 1}
              onClick={() => move(j, j + 1)}
              aria-label={t('assessment.packEdit.moveDown')}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => setList(list.filter((_, i) => i !== j))}
              aria-label={t('assessment.packEdit.remove')}
            />
          </Flex>
          <FieldProblems pointer={`${pointer}/${j}`} />
        </Flex>
      ))}
      <Flex gap={8} align="center" wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={list.length >= 5}
          onClick={() => setList([...list, { by: 'ballotCount' }])}
          data-testid={`pe-tie-add-${index}`}
        >
          {t('assessment.packEdit.addTieBreak')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.packEdit.tieFinal', { n: list.length + 1 })}
        </Typography.Text>
      </Flex>
      <FieldProblems pointer={pointer} />
    </Flex>
  );
}

/** 优秀比例: share, rounding, grouping, pooling, exceptions and the tie-break order. */
export function QuotaRuleSection({ index }: { index: number }) {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const rule = draft.assessment.quotaRules[index];
  if (!rule) return null;
  const base = `/assessment/quotaRules/${index}`;
  const { using } = tieBreakChoices(draft.assessment.schemes, rule.id);
  return (
    <Card
      size="small"
      title={t('assessment.packEdit.quotaRuleTitle', { name: rule.name })}
      data-testid={`pe-${testidOf(base)}`}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {using.length
            ? t('assessment.packEdit.usedBy', { schemes: using.map((s) => s.name).join('、') })
            : t('assessment.packEdit.unused')}
        </Typography.Text>
        <Flex gap={12} wrap>
          <TextField pointer={`${base}/name`} label={t('assessment.packEdit.labels.name')} width={380} />
          <NumField
            pointer={`${base}/share`}
            label={t('assessment.packEdit.labels.share')}
            suffix="%"
            width={130}
          />
          <SelectField
            pointer={`${base}/rounding`}
            label={t('assessment.packEdit.labels.rounding')}
            options={(['floor', 'halfUp', 'ceil'] as const).map((v) => ({
              value: v,
              label: t(`assessment.rounding.${v}`),
            }))}
            width={130}
          />
          <SelectField
            pointer={`${base}/groupBy`}
            label={t('assessment.packEdit.labels.groupBy')}
            options={(['population', 'unit', 'parent'] as const).map((v) => ({
              value: v,
              label: t(`assessment.groupBy.${v}`),
            }))}
            width={260}
          />
        </Flex>
        <Flex gap={24} wrap>
          <SwitchField pointer={`${base}/poolRemainders`} label={t('assessment.packEdit.poolRemainders')} />
          <SwitchField
            pointer={`${base}/allowApprovedException`}
            label={t('assessment.packEdit.allowApprovedException')}
          />
        </Flex>
        <TieBreakList index={index} rule={rule} />
        <SourceNotes fields={[{ pointer: `${base}/share`, label: t('assessment.packEdit.labels.share') }]} />
      </Flex>
    </Card>
  );
}

/** 考核方案: rules, criteria with points, rater groups with weights, raters, mode, aggregation, scope. */
export function SchemeSection({ index }: { index: number }) {
  const { t } = useTranslation();
  const { draft, update, problems } = useEditor();
  const scheme = draft.assessment.schemes[index];
  if (!scheme) return null;
  const base = `/assessment/schemes/${index}`;
  const weightSum = sumOf(scheme.raterGroups.map((g) => g.weight));
  const pointsSum = sumOf(scheme.criteria.map((c) => c.maxPoints));
  const setAggregation = (j: number, method: Aggregation['method']) => {
    const was = scheme.raterGroups[j]?.aggregation;
    const next: Aggregation =
      method === 'mean'
        ? { method }
        : { method, minBallots: was?.method === 'trimmedMean' ? was.minBallots : 10 };
    update(`${base}/raterGroups/${j}/aggregation`, next);
  };
  return (
    <Card
      size="small"
      title={t('assessment.packEdit.schemeTitle', { name: scheme.name })}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.scheme.kindLine', {
            kind: t(`assessment.kinds.${scheme.kind}`),
            target: t(`assessment.targetKinds.${scheme.targetKind}`),
          })}
        </Typography.Text>
      }
      data-testid={`pe-${testidOf(base)}`}
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <TextField pointer={`${base}/name`} label={t('assessment.packEdit.labels.name')} width={380} />
          <SelectField
            pointer={`${base}/gradeScaleId`}
            label={t('assessment.packEdit.labels.gradeScaleId')}
            options={draft.assessment.gradeScales.map((g) => ({ value: g.id, label: g.name }))}
            width={220}
          />
          <SelectField
            pointer={`${base}/quotaRuleId`}
            label={t('assessment.packEdit.labels.quotaRuleId')}
            options={[
              { value: '', label: t('assessment.packEdit.noQuota') },
              ...draft.assessment.quotaRules.map((q) => ({ value: q.id, label: q.name })),
            ]}
            value={scheme.quotaRuleId ?? ''}
            onChange={(v) => update(`${base}/quotaRuleId`, v === '' ? null : v)}
            width={300}
          />
        </Flex>
        <Flex gap={12} wrap>
          <SelectField
            pointer={`${base}/emptyGroup`}
            label={t('assessment.packEdit.labels.emptyGroup')}
            options={(['renormalise', 'insufficient'] as const).map((v) => ({
              value: v,
              label: t(`assessment.emptyGroup.${v}`),
            }))}
            width={520}
          />
          <NumField
            pointer={`${base}/scoreDecimals`}
            label={t('assessment.packEdit.labels.scoreDecimals')}
            suffix={t('assessment.packEdit.unitDecimals')}
            width={150}
            precision={0}
          />
        </Flex>
        <SourceNotes
          fields={[
            { pointer: `${base}/scoreDecimals`, label: t('assessment.packEdit.labels.scoreDecimals') },
          ]}
        />

        <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
          {t('assessment.scheme.criteria')}
        </Divider>
        <Flex vertical gap={8}>
          {scheme.criteria.map((c, j) => (
            <Flex key={c.id} gap={12} align="start" wrap style={ITEM}>
              <TextField
                pointer={`${base}/criteria/${j}/name`}
                label={t('assessment.packEdit.labels.criterionName')}
                width={200}
              />
              <NumField
                pointer={`${base}/criteria/${j}/maxPoints`}
                label={t('assessment.packEdit.labels.maxPoints')}
                suffix={t('assessment.packEdit.unitPoints')}
                width={140}
                invalid={!!problems.get(`${base}/criteria`)?.length}
              />
              <TextField
                pointer={`${base}/criteria/${j}/description`}
                label={t('assessment.packEdit.labels.description')}
                width={420}
              />
            </Flex>
          ))}
          <Typography.Text type="secondary" data-testid={`pe-sum-points-${index}`}>
            {t('assessment.packEdit.pointsSum', { sum: pointsSum })}
          </Typography.Text>
          <FieldProblems pointer={`${base}/criteria`} />
          <SourceNotes
            fields={scheme.criteria.map((c, j) => ({
              pointer: `${base}/criteria/${j}/maxPoints`,
              label: t('assessment.packEdit.pointsOf', { name: c.name }),
            }))}
          />
        </Flex>

        <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
          {t('assessment.scheme.raterGroups')}
        </Divider>
        <Flex vertical gap={8}>
          {scheme.raterGroups.map((g, j) => {
            const at = `${base}/raterGroups/${j}`;
            return (
              <Flex key={g.id} vertical gap={8} style={ITEM} data-testid={`pe-group-${index}-${j}`}>
                <Flex gap={12} align="start" wrap>
                  <TextField
                    pointer={`${at}/name`}
                    label={t('assessment.packEdit.labels.groupName')}
                    width={300}
                  />
                  <NumField
                    pointer={`${at}/weight`}
                    label={t('assessment.packEdit.labels.weight')}
                    suffix="%"
                    width={120}
                    invalid={!!problems.get(`${base}/raterGroups`)?.length}
                  />
                  <NumField
                    pointer={`${at}/minRaters`}
                    label={t('assessment.packEdit.labels.minRaters')}
                    suffix={t('assessment.packEdit.unitPeople')}
                    width={130}
                    precision={0}
                  />
                  <NumField
                    pointer={`${at}/maxRaters`}
                    label={t('assessment.packEdit.labels.maxRaters')}
                    suffix={t('assessment.packEdit.unitPeople')}
                    width={150}
                    precision={0}
                  />
                  <SelectField
                    pointer={`${at}/mode`}
                    label={t('assessment.packEdit.labels.mode')}
                    options={(['bearer', 'named'] as const).map((v) => ({
                      value: v,
                      label: t(`assessment.modes.${v}`),
                    }))}
                    width={150}
                  />
                </Flex>
                <Flex gap={12} align="start" wrap>
                  <SelectField
                    pointer={`${at}/aggregation`}
                    label={t('assessment.packEdit.labels.aggregation')}
                    options={(['mean', 'trimmedMean'] as const).map((v) => ({
                      value: v,
                      label: t(`assessment.packEdit.methods.${v}`),
                    }))}
                    value={g.aggregation.method}
                    onChange={(v) => setAggregation(j, v)}
                    width={200}
                  />
                  {g.aggregation.method === 'trimmedMean' ? (
                    <NumField
                      pointer={`${at}/aggregation/minBallots`}
                      label={t('assessment.packEdit.labels.minBallots')}
                      suffix={t('assessment.packEdit.unitBallots')}
                      width={200}
                      precision={0}
                    />
                  ) : null}
                  <SelectField
                    pointer={`${at}/rates`}
                    label={t('assessment.packEdit.labels.rates')}
                    options={(['all', 'ownUnit'] as const).map((v) => ({
                      value: v,
                      label: t(`assessment.rates.${v}`),
                    }))}
                    width={220}
                  />
                </Flex>
                <SourceNotes
                  fields={[
                    { pointer: `${at}/weight`, label: t('assessment.packEdit.labels.weight') },
                    { pointer: `${at}/minRaters`, label: t('assessment.packEdit.labels.minRaters') },
                    { pointer: `${at}/maxRaters`, label: t('assessment.packEdit.labels.maxRaters') },
                    {
                      pointer: `${at}/aggregation/minBallots`,
                      label: t('assessment.packEdit.labels.minBallots'),
                    },
                  ].map((f) => ({ ...f, label: `${g.name} · ${f.label}` }))}
                />
              </Flex>
            );
          })}
          <Typography.Text type="secondary" data-testid={`pe-sum-weight-${index}`}>
            {t('assessment.packEdit.weightSum', { sum: weightSum })}
          </Typography.Text>
          <FieldProblems pointer={`${base}/raterGroups`} />
        </Flex>
      </Flex>
    </Card>
  );
}
