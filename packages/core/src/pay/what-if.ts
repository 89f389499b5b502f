import { cmpText } from './common.ts';
import type { Fen, PayExplanation, PayResult, PayStep } from './model.ts';

export type PayComparison = {
  totals: { beforeFen: Fen; afterFen: Fen; deltaFen: Fen };
  units: { unitId: string; unitName: string; count: number; beforeFen: Fen; afterFen: Fen; deltaFen: Fen }[];
  /** every person in either result, largest absolute change first (ties: unit, then name) */
  lines: {
    cadreId: string;
    name: string;
    unitId: string;
    unitName: string;
    beforeFen: Fen;
    afterFen: Fen;
    deltaFen: Fen;
    after: PayExplanation;
  }[];
  /** the run-level steps of the other version */
  steps: PayStep[];
};

/**
 * Compare a run's result with the same inputs computed under another pack version (what-if): every person
 * in either result (a side without the person counts ¥0; their `after` then says why), per unit and in total,
 * largest absolute change first (ties: unit name, then name, then id). Pure and O(n log n).
 */
export function comparePay(before: PayResult, after: PayResult): PayComparison {
  const afterById = new Map(after.lines.map((l) => [l.cadreId, l]));
  const beforeById = new Map(before.lines.map((l) => [l.cadreId, l]));
  const excludedAfter = new Map(after.excluded.map((e) => [e.cadreId, e.reason]));
  const lines: PayComparison['lines'] = [];
  for (const b of before.lines) {
    const a = afterById.get(b.cadreId);
    const afterFen = a?.amountFen ?? 0;
    lines.push({
      cadreId: b.cadreId,
      name: b.name,
      unitId: a?.unitId ?? b.unitId,
      unitName: a?.unitName ?? b.unitName,
      beforeFen: b.amountFen,
      afterFen,
      deltaFen: afterFen - b.amountFen,
      after: a?.explanation ?? absent(excludedAfter.get(b.cadreId)),
    });
  }
  for (const a of after.lines) {
    if (beforeById.has(a.cadreId)) continue;
    lines.push({
      cadreId: a.cadreId,
      name: a.name,
      unitId: a.unitId,
      unitName: a.unitName,
      beforeFen: 0,
      afterFen: a.amountFen,
      deltaFen: a.amountFen,
      after: a.explanation,
    });
  }
  lines.sort(
    (x, y) =>
      Math.abs(y.deltaFen) - Math.abs(x.deltaFen) ||
      cmpText(x.unitName, y.unitName) ||
      cmpText(x.name, y.name) ||
      cmpText(x.cadreId, y.cadreId),
  );
  const units = new Map<string, PayComparison['units'][number]>();
  for (const l of lines) {
    let u = units.get(l.unitId);
    if (!u)
      units.set(
        l.unitId,
        (u = { unitId: l.unitId, unitName: l.unitName, count: 0, beforeFen: 0, afterFen: 0, deltaFen: 0 }),
      );
    u.count += 1;
    u.beforeFen += l.beforeFen;
    u.afterFen += l.afterFen;
    u.deltaFen += l.deltaFen;
  }
  return {
    totals: {
      beforeFen: before.totalFen,
      afterFen: after.totalFen,
      deltaFen: after.totalFen - before.totalFen,
    },
    units: [...units.values()].sort(
      (x, y) => Math.abs(y.deltaFen) - Math.abs(x.deltaFen) || cmpText(x.unitName, y.unitName),
    ),
    lines,
    steps: after.steps,
  };
}

/** The `after` of a person the other version pays nothing. */
function absent(reason: string | undefined): PayExplanation {
  return {
    summary: reason ? `该版本下不发放：${reason}` : '该版本下不在发放范围内',
    steps: [],
    notes: [],
  };
}
