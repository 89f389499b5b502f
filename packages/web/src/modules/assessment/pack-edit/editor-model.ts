import { PackSchema, type Pack, type PackInput, type PackSummary, type Source } from '@ganbu/core';
import type { TFunction } from 'i18next';

/**
 * The pack editor's model, without React: JSON-pointer access to the draft, the numbers changed from
 * the version the draft started from, their source notes (依据), and every problem of the draft keyed by
 * the JSON pointer of the field it belongs to — the same pointers the server's PACK_INVALID answer uses.
 */

/** A source note being typed: a seed file and the figure as written there, or an assumption. */
export interface NoteDraft {
  kind: 'seed' | 'assumed';
  seed: string;
  figure: string;
  assumed: string;
}

export const EMPTY_NOTE: NoteDraft = { kind: 'seed', seed: '', figure: '', assumed: '' };

/** Problems by pointer; `note:<pointer>` holds the problems of a number's source note. */
export type Problems = ReadonlyMap<string, readonly string[]>;

export const notePointer = (pointer: string) => `note:${pointer}`;

/** A JSON pointer's segments ("~1" is "/", "~0" is "~"). */
export function segmentsOf(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const key of segmentsOf(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A copy of `value` with `next` at `pointer` (copies only along the path). */
export function setAt<T>(value: T, pointer: string, next: unknown): T {
  const keys = segmentsOf(pointer);
  const put = (node: unknown, i: number): unknown => {
    if (i === keys.length) return next;
    const key = keys[i]!;
    if (Array.isArray(node)) {
      const copy = [...(node as unknown[])];
      copy[Number(key)] = put(copy[Number(key)], i + 1);
      return copy;
    }
    const obj = (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    return { ...obj, [key]: put(obj[key], i + 1) };
  };
  return put(value, 0) as T;
}

/** The pack's sections whose numbers the editor changes (each needs a source). */
const NUMBER_SECTIONS = ['assessment', 'workflow', 'pay'];

/** Pointers of the numbers of those sections (the numbers that need a source). */
export function numberPointers(pack: unknown): string[] {
  const out: string[] = [];
  // a cleared number field is null: the schema asks for it, it is not a changed value yet
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') out.push(path);
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (v && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) walk(item, `${path}/${k}`);
  };
  for (const section of NUMBER_SECTIONS) walk(getAt(pack, `/${section}`), `/${section}`);
  return out;
}

/** The numbers of `draft` that differ from `base` (or are new there), in document order. */
export function changedNumbers(base: Pack, draft: Pack): string[] {
  return numberPointers(draft).filter((p) => getAt(base, p) !== getAt(draft, p));
}

export function noteToSource(note: NoteDraft | undefined): Source | null {
  if (!note) return null;
  if (note.kind === 'seed') {
    const seed = note.seed.trim();
    const figure = note.figure.trim();
    return /^\d{3}$/.test(seed) && figure.length >= 1 && figure.length <= 200 ? { seed, figure } : null;
  }
  const assumed = note.assumed.trim();
  return assumed.length >= 5 && assumed.length <= 300 ? { assumed } : null;
}

/** The body sent to the server: the draft, with each changed number's note as its source. */
export function buildBody(base: Pack, draft: Pack, notes: Readonly<Record<string, NoteDraft>>): PackInput {
  const sources: Record<string, Source> = { ...draft.sources };
  for (const p of changedNumbers(base, draft)) {
    const s = noteToSource(notes[p]);
    if (s) sources[p] = s;
  }
  return { ...draft, sources };
}

const CJK = /[\u3400-\u9fff]/;
const PERCENT_FIELDS = /\/(weight|share|minScore)$/;

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  expected?: string;
  input?: unknown;
}

/** A zod issue as a sentence: the schema's own Chinese message, else one made from its code. */
export function issueText(t: TFunction, issue: IssueLike, pointer: string): string {
  if (CJK.test(issue.message)) return issue.message;
  if (pointer === '/id') return t('assessment.packEdit.problems.packId');
  const number = issue.origin === 'number' || issue.expected === 'number';
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      if (number && PERCENT_FIELDS.test(pointer)) return t('assessment.packEdit.problems.percent');
      const n = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      if (issue.origin === 'string')
        return issue.code === 'too_small' && n === '1'
          ? t('assessment.packEdit.problems.required')
          : t(`assessment.packEdit.problems.${issue.code === 'too_big' ? 'textMax' : 'textMin'}`, { n });
      if (issue.origin === 'array')
        return t(`assessment.packEdit.problems.${issue.code === 'too_big' ? 'itemsMax' : 'itemsMin'}`, { n });
      if (issue.code === 'too_small' && issue.inclusive === false)
        return t('assessment.packEdit.problems.above', { n });
      return t(`assessment.packEdit.problems.${issue.code === 'too_big' ? 'max' : 'min'}`, { n });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return t('assessment.packEdit.problems.integer');
      return issue.input === null || issue.input === undefined
        ? t('assessment.packEdit.problems.required')
        : t('assessment.packEdit.problems.invalid');
    case 'invalid_format':
      return t('assessment.packEdit.problems.format');
    case 'invalid_value':
    case 'invalid_union':
      return t('assessment.packEdit.problems.choose');
    default:
      return t('assessment.packEdit.problems.invalid');
  }
}

const add = (map: Map<string, string[]>, key: string, message: string) => {
  const list = map.get(key) ?? [];
  if (!list.includes(message)) list.push(message);
  map.set(key, list);
};

/**
 * Every problem of the draft, live: the pack schema (the rules the server applies: weights and points
 * sum to 100, min ≤ max raters, shares 0–100, thresholds descending …), a source note for every changed
 * number, and a version that would overwrite a shipped one.
 */
export function validateDraft(
  t: TFunction,
  base: Pack,
  draft: Pack,
  notes: Readonly<Record<string, NoteDraft>>,
  versions: readonly PackSummary[],
): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  const body = buildBody(base, draft, notes);
  const parsed = PackSchema.safeParse(body);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const pointer = `/${issue.path.map(String).join('/')}`;
      add(problems, pointer, issueText(t, issue, pointer));
    }
  // the schema skips a scheme's sums while one of its fields is invalid: say them anyway
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  draft.assessment.schemes.forEach((s, i) => {
    const at = `/assessment/schemes/${i}`;
    const weight = Math.round(s.raterGroups.reduce((n, g) => n + num(g.weight), 0) * 1e6) / 1e6;
    if (weight !== 100 && !problems.has(`${at}/raterGroups`))
      add(problems, `${at}/raterGroups`, t('assessment.packEdit.problems.weightSum', { sum: weight }));
    const points = Math.round(s.criteria.reduce((n, c) => n + num(c.maxPoints), 0) * 1e6) / 1e6;
    if (points !== 100 && !problems.has(`${at}/criteria`))
      add(problems, `${at}/criteria`, t('assessment.packEdit.problems.pointsSum', { sum: points }));
    s.raterGroups.forEach((g, j) => {
      const max = `${at}/raterGroups/${j}/maxRaters`;
      if (typeof g.minRaters === 'number' && typeof g.maxRaters === 'number' && g.minRaters > g.maxRaters)
        if (!problems.has(max)) add(problems, max, t('assessment.packEdit.problems.minMax'));
    });
  });
  for (const p of changedNumbers(base, draft)) {
    const note = notes[p];
    if (!note) {
      add(problems, notePointer(p), t('assessment.packEdit.problems.noteMissing'));
      continue;
    }
    if (note.kind === 'seed') {
      if (!/^\d{3}$/.test(note.seed.trim()))
        add(problems, notePointer(p), t('assessment.packEdit.problems.noteSeed'));
      if (!note.figure.trim()) add(problems, notePointer(p), t('assessment.packEdit.problems.noteFigure'));
      else if (note.figure.trim().length > 200)
        add(problems, notePointer(p), t('assessment.packEdit.problems.textMax', { n: 200 }));
    } else {
      const n = note.assumed.trim().length;
      if (n < 5 || n > 300) add(problems, notePointer(p), t('assessment.packEdit.problems.noteAssumed'));
    }
  }
  const shipped = versions.find(
    (v) => v.origin === 'shipped' && v.packId === draft.id && v.effectiveFrom === draft.version.effectiveFrom,
  );
  if (shipped) add(problems, '/version/effectiveFrom', t('assessment.packEdit.problems.shipped'));
  return problems;
}

/** Pointers whose problems the editor shows next to a field (the others are listed above the form). */
const SHOWN = [
  /^\/(id|name|locality)$/,
  /^\/version\/(effectiveFrom|note)$/,
  /^\/assessment\/minGroupSizeShown$/,
  /^\/assessment\/gradeScales\/\d+\/(name|grades|quotaGrade|fallbackGrade)$/,
  /^\/assessment\/gradeScales\/\d+\/grades\/\d+\/(name|minScore)$/,
  /^\/assessment\/quotaRules\/\d+\/(name|share|rounding|groupBy|tieBreak)$/,
  /^\/assessment\/quotaRules\/\d+\/tieBreak\/\d+$/,
  /^\/assessment\/schemes\/\d+\/(name|criteria|raterGroups|emptyGroup|gradeScaleId|quotaRuleId|scoreDecimals)$/,
  /^\/assessment\/schemes\/\d+\/criteria\/\d+\/(name|maxPoints|description)$/,
  /^\/assessment\/schemes\/\d+\/raterGroups\/\d+\/(name|weight|minRaters|maxRaters|mode|rates|aggregation)$/,
  /^\/assessment\/schemes\/\d+\/raterGroups\/\d+\/aggregation\/minBallots$/,
  /^note:/,
];

/** A pointer the form has no place for is shown at the field that holds it (a tie-break's group …). */
export function shownPointer(pointer: string): string | null {
  if (SHOWN.some((re) => re.test(pointer))) return pointer;
  const tie = /^(\/assessment\/quotaRules\/\d+\/tieBreak\/\d+)\//.exec(pointer);
  if (tie) return tie[1]!;
  const agg = /^(\/assessment\/schemes\/\d+\/raterGroups\/\d+\/aggregation)\//.exec(pointer);
  if (agg) return agg[1]!;
  return null;
}

/** Problems re-keyed to the field that shows them; the rest under `unplaced`. */
export function placeProblems(problems: Problems): {
  placed: Map<string, string[]>;
  unplaced: { pointer: string; message: string }[];
} {
  const placed = new Map<string, string[]>();
  const unplaced: { pointer: string; message: string }[] = [];
  for (const [pointer, messages] of problems) {
    const at = shownPointer(pointer);
    for (const m of messages) {
      if (at) add(placed, at, m);
      else unplaced.push({ pointer, message: m });
    }
  }
  return { placed, unplaced };
}

/** A fresh id for a district's copy: `<id>-local`, `<id>-local-2` … not yet used. */
export function freshPackId(packId: string, versions: readonly PackSummary[]): string {
  const used = new Set(versions.map((v) => v.packId));
  const stem = `${packId.replace(/-local(-\d+)?$/, '')}-local`.slice(0, 38);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** The header of a copy (clone dialog): id, name, effective date, note. */
export interface CloneHeader {
  id: string;
  name: string;
  effectiveFrom: string;
  note: string;
}

/** The draft a clone starts from: the source version with the copy's header. */
export function cloneDraft(source: Pack, header: CloneHeader): Pack {
  return {
    ...structuredClone(source),
    id: header.id,
    name: header.name,
    version: { effectiveFrom: header.effectiveFrom, note: header.note },
  };
}

/** Today as YYYY-MM-DD (local date). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The editor's URL: the version it starts from, and the header of the copy (absent: edit in place). */
export function packEditPath(fromId: string, header?: CloneHeader): string {
  if (!header) return `/assessment/packs/edit/${fromId}`;
  const q = new URLSearchParams({
    pid: header.id,
    name: header.name,
    date: header.effectiveFrom,
    note: header.note,
  });
  return `/assessment/packs/edit/${fromId}?${q.toString()}`;
}
