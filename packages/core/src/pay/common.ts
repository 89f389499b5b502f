import type { Source } from '../policy/source.ts';
import type { PaySection } from '../policy/pay-section.ts';
import { formatYuan } from './money.ts';
import {
  PayRuleError,
  type Fen,
  type GradeRef,
  type PayExplanation,
  type PayLine,
  type PayPersonInput,
  type PayResult,
  type PayStep,
  type PayUnitTotal,
} from './model.ts';

/** Helpers shared by the four calculators: population, clause citations, step texts, result assembly. */

export type Sources = Record<string, Source>;

/**
 * The source of a clause: the entry at its JSON pointer or, failing that, at the nearest pointer above it
 * (an entry for an object covers everything under it, as the pack schema reads it).
 */
export function sourceFor(sources: Sources, pointer: string): Source | undefined {
  let cache = SOURCE_CACHE.get(sources);
  if (!cache) SOURCE_CACHE.set(sources, (cache = new Map<string, Source | undefined>()));
  if (cache.has(pointer)) return cache.get(pointer);
  let found: Source | undefined;
  for (let p = pointer; p.length > 0 && !found; p = p.slice(0, p.lastIndexOf('/'))) found = sources[p];
  cache.set(pointer, found);
  return found;
}
const SOURCE_CACHE = new WeakMap<Sources, Map<string, Source | undefined>>();

/** A step citing the pack clause at `clause` (and its source, when the pack names one). */
export function clauseStep(
  sources: Sources,
  label: string,
  value: string,
  clause: string,
  amountFen?: Fen,
): PayStep {
  const step: PayStep = { label, value, clause };
  const source = sourceFor(sources, clause);
  if (source) step.source = source;
  if (amountFen !== undefined) step.amountFen = amountFen;
  return step;
}

/** A step from data (district tables, records), citing no clause. */
export function dataStep(label: string, value: string, amountFen?: Fen): PayStep {
  return amountFen === undefined ? { label, value } : { label, value, amountFen };
}

/** 14.5 → "14.5%" (as the policy writes it). */
export const pct = (p: number): string => `${p}%`;

/** 优秀（2026年度街道绩效考评） */
export const gradeText = (g: GradeRef): string => `${g.name}（${g.roundName}）`;

/** The rounding rule as a reader sees it: 按分四舍五入. */
export function roundingText(rounding: PaySection['rounding']): string {
  const unit = { 1: '分', 10: '角', 100: '元', 1000: '十元' }[rounding.unitFen];
  const mode = { 'half-up': '四舍五入', down: '舍去', up: '进位' }[rounding.mode];
  return `按${unit}${mode}`;
}

export const yuan = formatYuan;

/**
 * The people a scheme pays: unit of one of `orgKinds`, category not excluded — ordered by unit path, name
 * and id, so that a result (and who gets a tied remainder fen) does not depend on the order the server
 * passed them in. Nobody → PAY_EMPTY_POPULATION.
 */
export function selectPopulation(
  population: { orgKinds: readonly string[]; excludeCategories: readonly string[] },
  people: readonly PayPersonInput[],
  schemeName: string,
): PayPersonInput[] {
  const kinds = new Set(population.orgKinds);
  const excluded = new Set(population.excludeCategories);
  const chosen = people.filter(
    (p) => kinds.has(p.unitKind) && !(p.category !== null && excluded.has(p.category)),
  );
  if (chosen.length === 0)
    throw new PayRuleError('PAY_EMPTY_POPULATION', `${schemeName}：范围内没有符合条件的人员`, {
      orgKinds: [...population.orgKinds],
      excludeCategories: [...population.excludeCategories],
      peopleInScope: people.length,
    });
  // one key per person (unit path, name, id; NUL never occurs in them), one string comparison per step
  const keys = chosen.map((p) => `${p.unitPath}\u0000${p.name}\u0000${p.cadreId}`);
  const order = chosen.map((_, i) => i).sort((a, b) => cmpText(keys[a]!, keys[b]!));
  return order.map((i) => chosen[i]!);
}

/** Code-point order: deterministic and cheap (a locale collation is for display, not for tie-breaking). */
export const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Lines → the result's totals and per-unit totals (units in the order they first appear). */
export function assemble(
  lines: PayLine[],
  rest: Pick<PayResult, 'budgetFen' | 'steps' | 'excluded'>,
): PayResult {
  const units = new Map<string, PayUnitTotal>();
  let totalFen = 0;
  for (const l of lines) {
    totalFen += l.amountFen;
    let u = units.get(l.unitId);
    if (!u) units.set(l.unitId, (u = { unitId: l.unitId, unitName: l.unitName, count: 0, totalFen: 0 }));
    u.count += 1;
    u.totalFen += l.amountFen;
  }
  return { lines, totalFen, unitTotals: [...units.values()], ...rest };
}

/**
 * Explanations shared by the people they are identical for (same grade, unit, amount …): a run of 100,000
 * lines holds a few thousand distinct explanations, not 100,000 copies. Shared ones are frozen, so a caller
 * that tried to edit one line's explanation in place would fail loudly instead of changing others.
 */
export class ExplanationCache {
  private readonly map = new Map<string, PayExplanation>();
  get(key: string, build: () => PayExplanation): PayExplanation {
    let e = this.map.get(key);
    if (!e) this.map.set(key, (e = freezeExplanation(build())));
    return e;
  }
}

export function freezeExplanation(e: PayExplanation): PayExplanation {
  for (const s of e.steps) Object.freeze(s);
  Object.freeze(e.steps);
  Object.freeze(e.notes);
  return Object.freeze(e);
}

/** The line of a person (the amount and its explanation filled by the calculator). */
export function lineOf(
  p: PayPersonInput,
  amountFen: Fen,
  baseFen: Fen | null,
  explanation: PayExplanation,
): PayLine {
  return {
    cadreId: p.cadreId,
    name: p.name,
    unitId: p.unitId,
    unitName: p.unitName,
    unitPath: p.unitPath,
    amountFen,
    baseFen,
    explanation,
  };
}

/** PAY_BASE_MISSING with the missing keys and (the first 50 of) the people concerned. */
export function baseMissing(
  table: 'rank-base' | 'bonus-base' | 'village-base',
  missing: { cadreId: string; name: string; key: string }[],
): PayRuleError {
  const keys = [...new Set(missing.map((m) => m.key))];
  const tableName = {
    'rank-base': '区直机关同职级基数表',
    'bonus-base': '绩效奖基数表',
    'village-base': '岗位补贴基数表',
  }[table];
  return new PayRuleError(
    'PAY_BASE_MISSING',
    `${tableName}缺少：${keys.join('、')}（${missing.length} 人）`,
    {
      table,
      keys,
      count: missing.length,
      people: missing.slice(0, 50),
    },
  );
}
