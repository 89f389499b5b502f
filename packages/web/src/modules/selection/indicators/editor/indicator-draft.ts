import {
  IndicatorSchema,
  type CadreCondition,
  type Indicator,
  type OrgKind,
  type Pack,
  type PackInput,
  type PackSummary,
  type SelectionSection,
  type Source,
} from '@ganbu/core';
import type { core } from 'zod';
import { noteToSource, type NoteDraft } from '../../../assessment/pack-edit/editor-model.ts';

/**
 * The indicator editor's model, without React: the form's values, the indicator they make (checked with the
 * pack's own schema), and the pack version that saving writes — the district's version with the indicator
 * appended and its 依据 covering every number of it (the target, and any age or years in its conditions).
 */

export interface IndicatorDraft {
  id: string;
  name: string;
  description: string;
  population: CadreCondition;
  numerator: CadreCondition;
  measure: 'share' | 'count';
  op: 'gte' | 'lte';
  /** percent (share) or people (count); null while the field is empty */
  amount: number | null;
  /** empty: judged over the whole scope */
  judgedPer: OrgKind[];
  note: NoteDraft;
  /** the new version's effective date */
  effectiveFrom: string;
}

/** Field keys the form shows problems under. */
export type DraftField =
  | 'id'
  | 'name'
  | 'description'
  | 'population'
  | 'numerator'
  | 'amount'
  | 'judgedPer'
  | 'note'
  | 'effectiveFrom';

export type DraftProblems = Partial<Record<DraftField, string[]>>;

const EMPTY_SECTION: SelectionSection = {
  indicators: [],
  processKinds: {},
  pools: [],
  postReview: null,
  unfitMeasures: [],
  exchangeKinds: [],
};

/** `local-1`, `local-2` … the first not yet used by an indicator of the pack. */
export function freshIndicatorId(pack: Pack | undefined): string {
  const used = new Set((pack?.selection?.indicators ?? []).map((i) => i.id));
  for (let n = 1; ; n++) if (!used.has(`local-${n}`)) return `local-${n}`;
}

export function emptyDraft(pack: Pack | undefined, effectiveFrom: string): IndicatorDraft {
  return {
    id: freshIndicatorId(pack),
    name: '',
    description: '',
    population: {},
    numerator: {},
    measure: 'share',
    op: 'gte',
    amount: null,
    judgedPer: [],
    note: { kind: 'seed', seed: '', figure: '', assumed: '' },
    effectiveFrom,
  };
}

/** The indicator the draft describes (as the pack stores it), before any check. */
export function draftIndicator(d: IndicatorDraft): unknown {
  const target =
    d.measure === 'share'
      ? { measure: 'share', op: d.op, percent: d.amount }
      : { measure: 'count', op: d.op, count: d.amount };
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    description: d.description.trim(),
    population: d.population,
    numerator: d.numerator,
    target,
    judgedPer: d.judgedPer.length ? d.judgedPer : null,
  };
}

const FIELD_OF: Record<string, DraftField> = {
  id: 'id',
  name: 'name',
  description: 'description',
  population: 'population',
  numerator: 'numerator',
  target: 'amount',
  judgedPer: 'judgedPer',
};

export interface DraftMessages {
  /** a zod issue as a sentence (the schema's own Chinese message wins, as in `zodRule`) */
  issue: (issue: core.$ZodRawIssue) => string;
  idTaken: string;
  ageOrder: string;
  noteMissing: string;
  dateFormat: string;
  shipped: string;
}

const add = (problems: DraftProblems, field: DraftField, message: string) => {
  const list = problems[field] ?? [];
  if (!list.includes(message)) list.push(message);
  problems[field] = list;
};

/**
 * The indicator, the source of its numbers and every problem of the draft by field: the pack's indicator
 * schema, an id not yet used in the pack, ages in order, a 依据, a date the district may save a version on.
 */
export function checkDraft(
  d: IndicatorDraft,
  pack: Pack | undefined,
  versions: readonly PackSummary[],
  m: DraftMessages,
): { indicator: Indicator | null; source: Source | null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const parsed = IndicatorSchema.safeParse(draftIndicator(d), { error: m.issue });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'name';
      add(problems, field, issue.message);
    }
  if ((pack?.selection?.indicators ?? []).some((i) => i.id === d.id.trim())) add(problems, 'id', m.idTaken);
  for (const field of ['population', 'numerator'] as const) {
    const c = d[field];
    if (c.ageMin !== undefined && c.ageMax !== undefined && c.ageMin > c.ageMax)
      add(problems, field, m.ageOrder);
  }
  const source = noteToSource(d.note);
  if (!source) add(problems, 'note', m.noteMissing);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom)) add(problems, 'effectiveFrom', m.dateFormat);
  else if (
    pack &&
    versions.some(
      (v) => v.origin === 'shipped' && v.packId === pack.id && v.effectiveFrom === d.effectiveFrom,
    )
  )
    add(problems, 'effectiveFrom', m.shipped);
  const ok = parsed.success && !problems.population && !problems.numerator && !problems.id;
  return { indicator: ok ? parsed.data : null, source, problems };
}

/**
 * The version saving writes: the district's version with the indicator appended, the version's date and
 * note, and the indicator's source at `/selection/indicators/<n>` (covering every number under it).
 */
export function packWithIndicator(
  base: Pack,
  indicator: Indicator,
  source: Source,
  effectiveFrom: string,
  note: string,
): PackInput {
  const section = base.selection ?? EMPTY_SECTION;
  const at = `/selection/indicators/${section.indicators.length}`;
  return {
    ...structuredClone(base),
    version: { effectiveFrom, note },
    selection: { ...structuredClone(section), indicators: [...section.indicators, indicator] },
    sources: { ...base.sources, [at]: source },
  };
}

/** A condition with one clause set (or removed: undefined, an empty list, an empty text). */
export function setClause<K extends keyof CadreCondition>(
  c: CadreCondition,
  key: K,
  value: CadreCondition[K] | undefined,
): CadreCondition {
  const next = { ...c };
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}
