import type { Disclosure } from './disclosure.ts';
import { appendTo } from './group-by.ts';
import type { Rational } from './exact.ts';
import { descendingByValue } from './exact-order.ts';
import type { TargetTally } from './tally.ts';

/**
 * Competition ranks (“1,2,2,4”, 标准竞争排名): a target's rank is 1 + the number of targets with a strictly
 * higher value; equal values share a rank. Returns ranks in input order.
 */
export function competitionRanks(values: readonly Rational[]): number[] {
  const cmp = descendingByValue(values);
  const order = values.map((_, i) => i).sort(cmp);
  const ranks = new Array<number>(values.length);
  order.forEach((i, pos) => {
    const prev = order[pos - 1];
    ranks[i] = prev !== undefined && cmp(prev, i) === 0 ? ranks[prev]! : pos + 1;
  });
  return ranks;
}

export interface RankInput {
  targetId: string;
  /** the target's unit (a village, a street office …), for the rank within the unit */
  unitId: string;
  tally: TargetTally;
  /** a withheld total (`disclosureOf`) is not ranked: a rank would place it between two shown totals */
  disclosure?: Disclosure | undefined;
}

export interface RankedTarget {
  targetId: string;
  unitId: string;
  total: Rational;
  /** rank among all ranked targets of the round */
  populationRank: number;
  populationSize: number;
  /** rank among the ranked targets of the same unit */
  unitRank: number;
  unitSize: number;
}

export interface Ranking {
  /** best first; equal totals keep the input order (display only — equal totals share the rank) */
  ranked: RankedTarget[];
  /** insufficient targets, and targets whose total is withheld, are not ranked */
  unranked: { targetId: string; unitId: string; reason: 'insufficient' | 'totalWithheld' }[];
}

/**
 * Ranks sufficient targets by exact weighted total, over the round and within each unit. A target whose
 * total is withheld takes no rank and counts in no other's (its place among shown totals would bound it).
 */
export function rankTargets(targets: readonly RankInput[]): Ranking {
  const sufficient: (RankInput & { total: Rational })[] = [];
  const unranked: Ranking['unranked'] = [];
  for (const t of targets) {
    if (t.tally.status === 'sufficient' && t.disclosure?.totalWithheld)
      unranked.push({ targetId: t.targetId, unitId: t.unitId, reason: 'totalWithheld' });
    else if (t.tally.status === 'sufficient' && t.tally.total)
      sufficient.push({ ...t, total: t.tally.total });
    else unranked.push({ targetId: t.targetId, unitId: t.unitId, reason: 'insufficient' });
  }

  const populationRanks = competitionRanks(sufficient.map((t) => t.total));
  const byUnit = new Map<string, number[]>();
  sufficient.forEach((t, i) => appendTo(byUnit, t.unitId, i));
  const unitRank = new Map<number, { rank: number; size: number }>();
  for (const idx of byUnit.values()) {
    const ranks = competitionRanks(idx.map((i) => sufficient[i]!.total));
    idx.forEach((i, k) => unitRank.set(i, { rank: ranks[k]!, size: idx.length }));
  }

  const ranked = sufficient.map((t, i) => ({
    targetId: t.targetId,
    unitId: t.unitId,
    total: t.total,
    populationRank: populationRanks[i]!,
    populationSize: sufficient.length,
    unitRank: unitRank.get(i)!.rank,
    unitSize: unitRank.get(i)!.size,
  }));
  // Array.prototype.sort is stable: equal totals keep the input order
  ranked.sort((a, b) => a.populationRank - b.populationRank);
  return { ranked, unranked };
}
