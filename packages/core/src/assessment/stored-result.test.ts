import { describe, expect, it } from 'vitest';
import { proposeGrades } from './proposal.ts';
import { rankTargets } from './rank.ts';
import {
  type CompactResult,
  compactResult,
  expandResult,
  isCompactResult,
  storedRank,
} from './stored-result.ts';
import { type GroupScoreAggregate, tallyFromAggregates } from './tally-aggregates.ts';
import type { Waiver } from './tally.ts';
import { SCALE, group, quotaRule, scheme } from './test-fixtures.ts';

// leaders 60 %, mean, at least 3; colleagues 40 %, trimmed mean from 5 ballots, at least 3
const S = scheme([
  group('leaders', 60, 3, 9),
  group('colleagues', 40, 3, 30, { method: 'trimmedMean', minBallots: 5 }),
]);

const agg = (groupId: string, n: number, sum: number, max: number, min: number): GroupScoreAggregate => ({
  groupId,
  ballotCount: n,
  sumHundredths: BigInt(sum),
  maxHundredths: BigInt(max),
  minHundredths: BigInt(min),
});

// A: leaders 3 ballots Σ 270.00 → 90; colleagues 6 ballots Σ 510.00, highest 95, lowest 70 → (510 − 95 − 70)/4
//    = 86.25; total = 0.6 × 90 + 0.4 × 86.25 = 54 + 34.5 = 88.5
// B: leaders only 2 ballots (Σ 190.00) with a waiver → 95; colleagues 3 ballots Σ 240.00 (fewer than 5: mean)
//    → 80; total = 0.6 × 95 + 0.4 × 80 = 57 + 32 = 89
// C: leaders 2 ballots, no waiver → insufficient
const input = [
  {
    id: 'A',
    unitId: 'u1',
    groups: [agg('leaders', 3, 27000, 9200, 8800), agg('colleagues', 6, 51000, 9500, 7000)],
  },
  {
    id: 'B',
    unitId: 'u1',
    groups: [agg('leaders', 2, 19000, 9600, 9400), agg('colleagues', 3, 24000, 8500, 7500)],
  },
  {
    id: 'C',
    unitId: 'u1',
    groups: [agg('leaders', 2, 18000, 9000, 9000), agg('colleagues', 3, 24000, 8000, 8000)],
  },
];
const waivers: Waiver[] = [
  { targetId: 'B', groupId: 'leaders', reason: '一名班子成员长期病休，经考核委员会同意' },
];

function computeLike() {
  const tallies = input.map((t) =>
    tallyFromAggregates({ scheme: S, targetId: t.id, groups: t.groups, waivers }),
  );
  const members = input.map((t, i) => ({
    targetId: t.id,
    unitId: t.unitId,
    parentId: 'p',
    tally: tallies[i]!,
  }));
  const ranking = rankTargets(members);
  const proposal = proposeGrades({ scale: SCALE, rule: quotaRule({ share: 50 }), targets: members });
  return { tallies, ranking, proposal };
}

describe('compact stored results', () => {
  it('stores the aggregates, waivers, rank and proposal, and rebuilds the very same result', () => {
    const { tallies, ranking, proposal } = computeLike();
    expect(tallies.map((t) => t.total && `${t.total.num}/${t.total.den}`)).toEqual(['177/2', '89/1', null]);
    input.forEach((t, i) => {
      const rank = storedRank(ranking.ranked.find((r) => r.targetId === t.id));
      const prop = proposal.proposals.find((p) => p.targetId === t.id) ?? null;
      const mine = waivers.filter((w) => w.targetId === t.id);
      const stored = compactResult({
        tally: tallies[i]!,
        groups: t.groups,
        waivers: mine,
        rank,
        proposal: prop,
      });
      // what goes into the database is plain JSON
      const json = JSON.parse(JSON.stringify(stored)) as unknown;
      expect(isCompactResult(json)).toBe(true);
      const back = expandResult(S, { id: t.id, unitId: t.unitId, parentId: 'p' }, json as CompactResult);
      // the compute's tally builds its groups and explanation when read: read, they are the rebuilt ones
      const t0 = tallies[i]!;
      const computed = { ...t0, groups: t0.groups, explanation: t0.explanation };
      expect(back).toEqual({ tally: computed, rank, proposal: prop });
    });
  });

  it('is small: the figures, not the explanation', () => {
    const { tallies, ranking, proposal } = computeLike();
    const stored = compactResult({
      tally: tallies[0]!,
      groups: input[0]!.groups,
      waivers: [],
      rank: storedRank(ranking.ranked.find((r) => r.targetId === 'A')),
      proposal: proposal.proposals.find((p) => p.targetId === 'A') ?? null,
    });
    expect(stored).toEqual({
      v: 2,
      status: 'sufficient',
      total: '177/2',
      groups: [
        ['leaders', 3, 27000, 9200, 8800],
        ['colleagues', 6, 51000, 9500, 7000],
      ],
      rank: { population: 2, of: 2, unit: 2, ofUnit: 2 },
      proposal: {
        scoreGrade: 'competent',
        grade: 'competent',
        reason: 'score',
        vetoReasons: [],
        quotaGroupKey: 'unit:u1',
        placedBy: null,
        tiedAtBoundary: false,
      },
    });
    expect(JSON.stringify(stored).length).toBeLessThan(400);
  });

  it('refuses stored figures that do not give the stored total', () => {
    const { tallies } = computeLike();
    const stored = compactResult({
      tally: tallies[0]!,
      groups: input[0]!.groups,
      waivers: [],
      rank: null,
      proposal: null,
    });
    const tampered: CompactResult = {
      ...stored,
      groups: [['leaders', 3, 27300, 9200, 8800], stored.groups[1]!],
    };
    expect(() => expandResult(S, { id: 'A', unitId: 'u1', parentId: 'p' }, tampered)).toThrow(RangeError);
  });

  it('keeps only what an aggregate tally used: criterion sums cannot be stored compactly', () => {
    const { tallies } = computeLike();
    const groups = [{ ...input[0]!.groups[0]!, criterionSums: [10800n, 16200n] }, input[0]!.groups[1]!];
    expect(() =>
      compactResult({ tally: tallies[0]!, groups, waivers: [], rank: null, proposal: null }),
    ).toThrow(RangeError);
  });
});
