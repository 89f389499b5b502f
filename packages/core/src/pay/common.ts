import type { Source } from '../policy/source.ts';
import type { PaySection } from '../policy/pay-section.ts';
import { formatYuan } from './money.ts';
import {
  PayRuleError,
  type Fen,
  type GradeRef,
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
  for (let p = pointer; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
    const s = sources[p];
    if (s) return s;
  }
  return undefined;
}

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
  return chosen.sort(byUnitThenName);
}

function byUnitThenName(a: PayPersonInput, b: PayPersonInput): number {
  return cmpText(a.unitPath, b.unitPath) || cmpText(a.name, b.name) || cmpText(a.cadreId, b.cadreId);
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

/** The line of a person (the amount and its explanation filled by the calculator). */
export function lineOf(
  p: PayPersonInput,
  amountFen: Fen,
  baseFen: Fen | null,
  summary: string,
  steps: PayStep[],
  notes: string[] = [],
): PayLine {
  return {
    cadreId: p.cadreId,
    name: p.name,
    unitId: p.unitId,
    unitName: p.unitName,
    unitPath: p.unitPath,
    amountFen,
    baseFen,
    explanation: { summary, steps, notes },
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
