import type { Pack } from '@ganbu/core';
import type { TFunction } from 'i18next';
import { sourceText } from '../labels.ts';
import { getAt, segmentsOf } from './editor-model.ts';

/** Field names of a pack, by key (the labels of `assessment.packEdit.labels`). */
const FIELDS = [
  'id',
  'name',
  'locality',
  'version',
  'effectiveFrom',
  'note',
  'minGroupSizeShown',
  'grades',
  'minScore',
  'code',
  'quotaGrade',
  'fallbackGrade',
  'share',
  'rounding',
  'groupBy',
  'poolRemainders',
  'tieBreak',
  'by',
  'groupId',
  'criterionId',
  'allowApprovedException',
  'kind',
  'targetKind',
  'criteria',
  'maxPoints',
  'description',
  'raterGroups',
  'weight',
  'minRaters',
  'maxRaters',
  'mode',
  'aggregation',
  'method',
  'minBallots',
  'rates',
  'emptyGroup',
  'gradeScaleId',
  'quotaRuleId',
  'scoreDecimals',
  'seed',
  'figure',
  'assumed',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (k: string): k is Field => (FIELDS as readonly string[]).includes(k);

/** Items of these arrays are named by their `name`. */
const NAMED = {
  gradeScales: 'gradeScale',
  grades: 'grade',
  quotaRules: 'quotaRule',
  schemes: 'scheme',
  criteria: 'criterion',
  raterGroups: 'raterGroup',
} as const;

/**
 * A JSON pointer of a pack in words: `/assessment/schemes/0/raterGroups/1/weight` →
 * 考核方案「…」 › 评议组「…」 › 权重. Item names come from `packs` (the first that has the item).
 */
export function pointerLabel(t: TFunction, pointer: string, ...packs: (Pack | undefined)[]): string {
  const keys = segmentsOf(pointer);
  if (keys[0] === 'sources' && keys.length >= 2) {
    const inner = pointerLabel(t, keys[1]!, ...packs);
    const rest = keys.slice(2).map((k) => (isField(k) ? t(`assessment.packEdit.labels.${k}`) : k));
    return [t('assessment.packEdit.labels.sourceOf', { field: inner }), ...rest].join(' › ');
  }
  const parts: string[] = [];
  let path = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    path += `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'assessment') continue;
    const next = keys[i + 1];
    if (key in NAMED && next !== undefined && /^\d+$/.test(next)) {
      const itemPath = `${path}/${next}`;
      const name = packs
        .map((p) => getAt(p, `${itemPath}/name`))
        .find((n): n is string => typeof n === 'string');
      const kind = NAMED[key as keyof typeof NAMED];
      parts.push(
        name
          ? t(`assessment.packEdit.labels.named.${kind}`, { name })
          : t(`assessment.packEdit.labels.numbered.${kind}`, { n: Number(next) + 1 }),
      );
      path = itemPath;
      i++;
      continue;
    }
    if (key === 'tieBreak' && next !== undefined && /^\d+$/.test(next)) {
      parts.push(t('assessment.packEdit.labels.tieBreakItem', { n: Number(next) + 1 }));
      path = `${path}/${next}`;
      i++;
      continue;
    }
    if (key === 'name') parts.push(t('assessment.packEdit.labels.name'));
    else if (isField(key)) parts.push(t(`assessment.packEdit.labels.${key}`));
    else parts.push(key);
  }
  return parts.length ? parts.join(' › ') : t('assessment.packEdit.labels.whole');
}

const ENUMS: Record<string, (t: TFunction, v: string) => string> = {
  rounding: (t, v) => t(`assessment.rounding.${v as 'floor'}`),
  groupBy: (t, v) => t(`assessment.groupBy.${v as 'unit'}`),
  mode: (t, v) => t(`assessment.modes.${v as 'named'}`),
  rates: (t, v) => t(`assessment.rates.${v as 'all'}`),
  emptyGroup: (t, v) => t(`assessment.emptyGroup.${v as 'renormalise'}`),
  method: (t, v) => t(`assessment.packEdit.methods.${v as 'mean'}`),
  kind: (t, v) => t(`assessment.kinds.${v as 'annual'}`),
  targetKind: (t, v) => t(`assessment.targetKinds.${v as 'unit'}`),
  by: (t, v) => t(`assessment.packEdit.tieBy.${v as 'ballotCount'}`),
};

/** A value of a diff row in words (an absent value as （无）). */
export function diffValueText(t: TFunction, pointer: string, value: unknown): string {
  if (value === undefined) return t('assessment.packEdit.diff.absent');
  if (value === null) return t('assessment.packEdit.diff.null');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const leaf = segmentsOf(pointer).at(-1) ?? '';
  if (typeof value === 'string') {
    const known = ENUMS[leaf];
    const text = known ? known(t, value) : value;
    // i18next answers with the key itself for an unknown value
    return text.startsWith('assessment.') ? value : text;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && ('seed' in value || 'assumed' in value))
    return sourceText(t, value as Parameters<typeof sourceText>[1]);
  return JSON.stringify(value);
}
