import { describe, expect, it } from 'vitest';
import type { RaterGroup, Scheme, TieBreak } from '../policy/assessment-section.ts';
import { RAT_HUNDRED, fromDecimal, ratDiv, ratMul, ratSum, rational, toHundredths } from './exact.ts';
import { proposeGrades } from './proposal.ts';
import { rankTargets } from './rank.ts';
import { type GroupScoreAggregate, isAggregatedTally, tallyFromAggregates } from './tally-aggregates.ts';
import { type TargetBallot, type TargetTally, type Waiver, tallyTarget } from './tally.ts';
import { SCALE, ballots, group, quotaRule, scheme } from './test-fixtures.ts';

/**
 * The aggregates a database would return for these ballots (count, Σ, highest, lowest, Σ per criterion),
 * and the criterion points of the ballots `aggregateGroup` drops: the first highest, the first lowest, the
 * first and second when all totals are equal — in input order, as the server orders ballots by id.
 */
function aggregatesOf(s: Scheme, list: readonly TargetBallot[], withCriteria = true): GroupScoreAggregate[] {
  const out: GroupScoreAggregate[] = [];
  for (const g of s.raterGroups) {
    const mine = list.filter((b) => b.groupId === g.id);
    if (mine.length === 0) continue;
    const pts = mine.map((b) => s.criteria.map((c) => toHundredths(b.points[c.id]!)));
    const totals = pts.map((p) => p.reduce((a, x) => a + x, 0n));
    let hi = 0;
    let lo = 0;
    totals.forEach((t, i) => {
      if (t > totals[hi]!) hi = i;
      if (t < totals[lo]!) lo = i;
    });
    if (hi === lo && mine.length > 1) lo = 1;
    const a: GroupScoreAggregate = {
      groupId: g.id,
      ballotCount: mine.length,
      sumHundredths: totals.reduce((x, t) => x + t, 0n),
      maxHundredths: totals[hi]!,
      minHundredths: totals[lo]!,
    };
    if (withCriteria) {
      a.criterionSums = s.criteria.map((_, k) => pts.reduce((x, p) => x + p[k]!, 0n));
      if (mine.length > 1) a.trimmedPoints = { highest: pts[hi]!, lowest: pts[lo]! };
    }
    out.push(a);
  }
  return out;
}

/** A tally with what only the ballot-level path can know (ballot ids) taken out. */
function comparable(t: TargetTally, criteria = true) {
  return {
    ...t,
    // read by name: a tally from the plain-number path builds these when read (accessors)
    explanation: t.explanation,
    criterionMeans: criteria ? t.criterionMeans : {},
    groups: t.groups.map((g) => {
      const { aggregated: _a, ...aggregate } = g.aggregate as typeof g.aggregate & { aggregated?: true };
      return {
        ...g,
        criterionMeans: criteria ? g.criterionMeans : {},
        aggregate: {
          ...aggregate,
          usedBallotIds: [],
          trimmed: aggregate.trimmed && {
            highest: { ...aggregate.trimmed.highest, ballotId: '' },
            lowest: { ...aggregate.trimmed.lowest, ballotId: '' },
          },
        },
      };
    }),
  };
}

/** Both paths on the same ballots; with and without criterion data. */
function expectSame(s: Scheme, list: TargetBallot[], waivers: Waiver[] = []) {
  const ballotLevel = tallyTarget({ scheme: s, targetId: 't', ballots: list, waivers });
  const full = tallyFromAggregates({ scheme: s, targetId: 't', groups: aggregatesOf(s, list), waivers });
  expect(comparable(full)).toEqual(comparable(ballotLevel));
  expect(isAggregatedTally(full) || full.groups.every((g) => g.empty)).toBe(true);
  const bare = tallyFromAggregates({
    scheme: s,
    targetId: 't',
    groups: aggregatesOf(s, list, false),
    waivers,
  });
  expect(comparable(bare)).toEqual(comparable(ballotLevel, false));
  if (bare.usedCount > 0) expect(bare.criterionMeans).toEqual({});
  return { ballotLevel, full };
}

// ------------------------------------------------------------------ Jinwan-style fixtures

const REPS: [number, number][] = [
  [36, 52],
  [38, 55],
  [35, 50],
  [37, 54.5],
  [40, 58],
  [34, 48],
  [36.5, 53],
  [39, 56],
  [33, 47],
  [37, 51],
  [38, 57],
  [35.5, 49.5],
  [36, 54],
  [34, 50],
  [39, 55],
  [37, 52.25],
  [36, 51.75],
];
const TEAM: [number, number][] = [
  [36, 54],
  [38, 56],
  [35, 52],
  [37, 55],
  [39, 57],
];
const TOWN: [number, number][] = [
  [37, 55],
  [36, 53],
  [38, 57],
  [35, 51],
  [39, 56],
  [37, 54],
  [36, 52],
];
const pts = (xs: [number, number][]) => xs.map(([conduct, performance]) => ({ conduct, performance }));

const trimmed = (minBallots: number): RaterGroup['aggregation'] => ({ method: 'trimmedMean', minBallots });
const jinwan = (emptyGroup: Scheme['emptyGroup'] = 'insufficient', reps = trimmed(7)) =>
  scheme(
    [group('reps', 40, 15, 20, reps), group('team', 30, 3, 9), group('town', 30, 5, 15, trimmed(7))],
    emptyGroup,
  );

describe('tallyFromAggregates equals tallyTarget — Jinwan-style fixtures', () => {
  it('the worked example (means everywhere): 1515/17, 459/5, 636/7 → 538143/5950', () => {
    const { full } = expectSame(
      scheme([group('reps', 40, 15, 20), group('team', 30, 3, 9), group('town', 30, 5, 15)]),
      [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM)), ...ballots('town', pts(TOWN))],
    );
    expect(full.total).toEqual(rational(538143, 5950));
    expect(full.criterionMeans).toEqual({ conduct: rational(1064, 29), performance: rational(1546, 29) });
  });

  it('trimmed representatives and town: the dropped scores are reported, not ids', () => {
    const { full, ballotLevel } = expectSame(jinwan(), [
      ...ballots('reps', pts(REPS)),
      ...ballots('team', pts(TEAM)),
      ...ballots('town', pts(TOWN)),
    ]);
    const reps = full.groups[0]!;
    // drop 98 (40 + 58) and 80 (33 + 47): (1515 − 178) / 15 = 1337/15
    expect(reps.value).toEqual(rational(1337, 15));
    expect(reps.aggregate.trimmed).toEqual({
      highest: { ballotId: '', hundredths: 9800n },
      lowest: { ballotId: '', hundredths: 8000n },
    });
    expect(reps.aggregate.usedBallotIds).toEqual([]);
    expect(ballotLevel.groups[0]!.aggregate.usedBallotIds).toHaveLength(15);
    // conduct without 40 and 33: (621 − 73) / 15
    expect(reps.criterionMeans.conduct).toEqual(rational(621 - 73, 15));
  });

  it('ties on the highest and lowest total with different splits: the first in input order is dropped', () => {
    // four ballots of 90 split differently, three of 80: the first 90 and the first 80 go
    const list = ballots('town', [
      { conduct: 30, performance: 60 },
      { conduct: 40, performance: 50 },
      { conduct: 35, performance: 45 },
      { conduct: 36, performance: 54 },
      { conduct: 20, performance: 60 },
      { conduct: 38, performance: 52 },
      { conduct: 40, performance: 40 },
      { conduct: 39, performance: 51 },
    ]);
    const s = scheme([group('town', 100, 5, 15, trimmed(7))]);
    const { full } = expectSame(s, list);
    // 30+60 (the first 90) and 35+45 (the first 80) go; conduct 40 + 36 + 20 + 38 + 40 + 39 = 213 over 6
    expect(full.groups[0]!.criterionMeans.conduct).toEqual(rational(213, 6));
  });

  it('every total equal: the first and the second ballot are dropped', () => {
    const list = ballots('town', [
      { conduct: 30, performance: 60 },
      { conduct: 40, performance: 50 },
      { conduct: 35, performance: 55 },
      { conduct: 36, performance: 54 },
      { conduct: 31, performance: 59 },
      { conduct: 38, performance: 52 },
      { conduct: 40, performance: 50 },
    ]);
    const { full } = expectSame(scheme([group('town', 100, 5, 15, trimmed(7))]), list);
    expect(full.groups[0]!.value).toEqual(rational(90));
    // without 30 and 40: 35 + 36 + 31 + 38 + 40 = 180 over 5
    expect(full.groups[0]!.criterionMeans.conduct).toEqual(rational(36));
  });

  it('below minBallots: the plain mean, the fallback recorded', () => {
    const { full } = expectSame(jinwan('insufficient', trimmed(18)), [
      ...ballots('reps', pts(REPS)),
      ...ballots('team', pts(TEAM)),
      ...ballots('town', pts(TOWN.slice(0, 6))),
    ]);
    expect(full.groups[0]!.aggregate.fallback).toEqual({
      reason: 'belowMinBallots',
      minBallots: 18,
      ballotCount: 17,
    });
    expect(full.groups[2]!.aggregate.fallback).toEqual({
      reason: 'belowMinBallots',
      minBallots: 7,
      ballotCount: 6,
    });
  });

  it('14 representatives: insufficient; with a waiver they count', () => {
    const list = [
      ...ballots('reps', pts(REPS.slice(0, 14))),
      ...ballots('team', pts(TEAM)),
      ...ballots('town', pts(TOWN)),
    ];
    expect(expectSame(jinwan(), list).full.status).toBe('insufficient');
    const waived = expectSame(jinwan(), list, [
      {
        targetId: 't',
        groupId: 'reps',
        reason: '村民代表外出务工，经镇党委批准',
        approvalRef: '〔2024〕3号',
      },
      { targetId: 'other', groupId: 'team', reason: 'another target' },
    ]).full;
    expect(waived.status).toBe('sufficient');
    expect(waived.groups[0]!.waiver).toEqual({
      reason: '村民代表外出务工，经镇党委批准',
      approvalRef: '〔2024〕3号',
      applied: true,
    });
  });

  it('more ballots than maxRaters: reported, all counted', () => {
    const extra: [number, number][] = [
      [36, 52],
      [36, 52],
      [36, 52],
      [36, 52],
    ];
    const { full } = expectSame(jinwan(), [
      ...ballots('reps', pts([...REPS, ...extra])),
      ...ballots('team', pts(TEAM)),
      ...ballots('town', pts(TOWN)),
    ]);
    expect(full.aboveMaximum).toEqual([{ groupId: 'reps', ballotCount: 21, maxRaters: 20 }]);
  });

  it('empty town group: renormalised to 400/7 % and 300/7 %, or insufficient', () => {
    const list = [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM))];
    const spread = expectSame(jinwan('renormalise'), list).full;
    expect(spread.groups[0]!.effectiveWeight).toEqual(rational(400, 7));
    expect(spread.explanation.renormalised).toEqual({ emptyGroups: ['town'], countedWeight: rational(70) });
    const blocked = expectSame(jinwan('insufficient'), list, [
      { targetId: 't', groupId: 'town', reason: '镇党委未到会' },
    ]).full;
    expect(blocked.insufficientGroups).toEqual([
      { groupId: 'town', reason: 'empty', ballotCount: 0, minRaters: 5 },
    ]);
  });

  it('no ballot at all: insufficient under either rule', () => {
    expect(expectSame(jinwan('renormalise'), []).full.insufficientGroups.map((g) => g.groupId)).toEqual([
      'reps',
      'team',
      'town',
    ]);
    expectSame(jinwan('insufficient'), []);
  });

  it('an empty group passed with count 0 is the same as one left out', () => {
    const s = jinwan('renormalise');
    const list = [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM))];
    const zero: GroupScoreAggregate = {
      groupId: 'town',
      ballotCount: 0,
      sumHundredths: 0n,
      maxHundredths: 0n,
      minHundredths: 0n,
    };
    expect(
      tallyFromAggregates({ scheme: s, targetId: 't', groups: [...aggregatesOf(s, list), zero] }),
    ).toEqual(tallyFromAggregates({ scheme: s, targetId: 't', groups: aggregatesOf(s, list) }));
  });

  it('figures beyond 2^53: 100,000-ballot groups with weights 33.33 / 33.33 / 33.34 stay exact', () => {
    const s = scheme([
      group('a', 33.33, 1, 100000),
      group('b', 33.33, 1, 100000),
      group('c', 33.34, 1, 100000),
    ]);
    // prime counts: the common denominator of the three terms is far beyond Number.MAX_SAFE_INTEGER
    const counts = [99991, 99989, 99971];
    const groups = counts.map((n, i) => ({
      groupId: s.raterGroups[i]!.id,
      ballotCount: n,
      sumHundredths: BigInt(n) * 9000n + BigInt(1237 * (i + 1)),
      maxHundredths: 9900n,
      minHundredths: 6000n,
    }));
    const t = tallyFromAggregates({ scheme: s, targetId: 't', groups });
    const expected = ratSum(
      groups.map((g, i) =>
        ratDiv(
          ratMul(
            fromDecimal(s.raterGroups[i]!.weight),
            rational(g.sumHundredths, BigInt(g.ballotCount) * 100n),
          ),
          RAT_HUNDRED,
        ),
      ),
    );
    expect(t.total).toEqual(expected);
    expect(expected.den > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('refuses aggregates no ballots can produce', () => {
    const s = jinwan();
    const a = (over: Partial<GroupScoreAggregate>): GroupScoreAggregate => ({
      groupId: 'team',
      ballotCount: 3,
      sumHundredths: 27000n,
      maxHundredths: 9500n,
      minHundredths: 8500n,
      ...over,
    });
    const run = (groups: GroupScoreAggregate[]) => () =>
      tallyFromAggregates({ scheme: s, targetId: 'x', groups });
    expect(run([a({})])).not.toThrow();
    expect(run([a({ groupId: 'nobody' })])).toThrow(/unknown rater group/);
    expect(run([a({}), a({})])).toThrow(/two aggregates/);
    expect(run([a({ ballotCount: -1 })])).toThrow(/not a count/);
    expect(run([a({ sumHundredths: 30000n })])).toThrow(/does not fit/);
    expect(run([a({ maxHundredths: 10001n })])).toThrow(/outside/);
    expect(run([a({ minHundredths: 9600n })])).toThrow(/outside/);
    expect(run([a({ criterionSums: [10000n, 16000n] })])).toThrow(/add up/);
    expect(run([a({ criterionSums: [27000n] })])).toThrow(/criterion sums for 2/);
    expect(run([a({ trimmedPoints: { highest: [3500n, 5000n], lowest: [3500n, 5000n] } })])).toThrow(
      /do not add up/,
    );
    expect(run([a({ ballotCount: 0, sumHundredths: 0n })])).not.toThrow();
    expect(() =>
      tallyFromAggregates({
        scheme: s,
        targetId: 'x',
        groups: [],
        waivers: [{ targetId: 'x', groupId: 'reps', reason: ' ' }],
      }),
    ).toThrow(/reason is required/);
  });
});

// ------------------------------------------------------------------ random rounds

/** mulberry32: the same cases on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits 100 into `n` positive parts, some with decimals (weights, criterion maxima). */
function parts(rand: () => number, n: number, quarter: boolean): number[] {
  const unit = quarter ? 4 : 1; // quarters: 12.5, 37.25 …
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(1 + Math.floor(rand() * (100 * unit - 1)));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), 100 * unit];
  return sorted.slice(1).map((c, i) => (c - sorted[i]!) / unit);
}

function randomScheme(rand: () => number): Scheme {
  const nGroups = 1 + Math.floor(rand() * 4);
  const weights = parts(rand, nGroups, rand() < 0.3);
  const maxima = parts(rand, 1 + Math.floor(rand() * 4), rand() < 0.3);
  const groups = weights.map((w, i) => {
    const minRaters = 1 + Math.floor(rand() * 6);
    const aggregation: RaterGroup['aggregation'] =
      rand() < 0.6 ? { method: 'trimmedMean', minBallots: 3 + Math.floor(rand() * 5) } : { method: 'mean' };
    return group(`g${i}`, w, minRaters, minRaters + Math.floor(rand() * 6), aggregation);
  });
  const s = scheme(groups, rand() < 0.5 ? 'renormalise' : 'insufficient');
  return {
    ...s,
    criteria: maxima.map((m, k) => ({ id: `c${k}`, name: `c${k}`, description: '', maxPoints: m })),
  };
}

/** Ballots with deliberate ties: points drawn from few levels per criterion, some with decimals. */
function randomBallots(rand: () => number, s: Scheme): TargetBallot[] {
  const list: TargetBallot[] = [];
  let id = 0;
  for (const g of s.raterGroups) {
    const n = rand() < 0.15 ? 0 : Math.floor(rand() * 13);
    const coarse = rand() < 0.5;
    // flat: every ballot of the group has the same total, split differently when it can be
    const flat = rand() < 0.15;
    let first: number[] | null = null;
    for (let i = 0; i < n; i++) {
      const h = s.criteria.map((c) => {
        const maxH = Math.floor(c.maxPoints * 100);
        const x = coarse
          ? Math.round((maxH * (6 + Math.floor(rand() * 5))) / 10 / 100) * 100
          : Math.floor(rand() * (maxH + 1));
        return Math.min(x, maxH);
      });
      if (flat && first && s.criteria.length > 1) {
        h.splice(0, h.length, ...first);
        const room = Math.min(h[0]!, Math.floor(s.criteria[1]!.maxPoints * 100) - h[1]!);
        const d = Math.floor(rand() * (room + 1));
        h[0] = h[0]! - d;
        h[1] = h[1]! + d;
      } else if (flat && first) h.splice(0, h.length, ...first);
      first ??= h;
      const points: Record<string, number> = {};
      s.criteria.forEach((c, k) => (points[c.id] = h[k]! / 100));
      list.push({ ballotId: `b${id++}`, groupId: g.id, points });
    }
  }
  // interleave the groups, as ballots ordered by id are
  return list
    .map((b) => ({ b, k: rand() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.b);
}

describe('tallyFromAggregates equals tallyTarget — random rounds', () => {
  it('600 seeded cases: trimmed and not, empty groups renormalised or insufficient, waivers', () => {
    const rand = prng(20260512);
    const seen = { trimmed: 0, fallback: 0, renormalised: 0, insufficient: 0, waived: 0, equalTotals: 0 };
    for (let n = 0; n < 600; n++) {
      const s = randomScheme(rand);
      const list = randomBallots(rand, s);
      const waivers: Waiver[] = s.raterGroups
        .filter(() => rand() < 0.2)
        .map((g) => ({ targetId: 't', groupId: g.id, reason: '经批准' }));
      const { full } = expectSame(s, list, waivers);
      for (const g of full.groups) {
        if (g.aggregate.trimmed) seen.trimmed++;
        if (
          g.aggregate.trimmed &&
          g.aggregate.trimmed.highest.hundredths === g.aggregate.trimmed.lowest.hundredths
        )
          seen.equalTotals++;
        if (g.aggregate.fallback) seen.fallback++;
        if (g.waiver?.applied) seen.waived++;
      }
      if (full.explanation.renormalised) seen.renormalised++;
      if (full.status === 'insufficient') seen.insufficient++;
    }
    // the generator reaches every branch
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(5);
  });

  it('a whole round: ranks and proposals identical, criterion tie-breaks included', () => {
    const rand = prng(7);
    const s = scheme(
      [group('leaders', 40, 3, 9), group('staff', 60, 5, 30, { method: 'trimmedMean', minBallots: 7 })],
      'renormalise',
    );
    const chain: TieBreak[] = [
      { by: 'criterionScore', criterionId: 'performance' },
      { by: 'groupScore', groupId: 'leaders' },
      { by: 'ballotCount' },
    ];
    const rule = quotaRule({ share: 20, groupBy: 'parent', poolRemainders: true, tieBreak: chain });
    const units = Array.from({ length: 12 }, (_, i) => ({ unit: `u${i}`, parent: `p${i % 3}` }));
    const members = Array.from({ length: 240 }, (_, i) => {
      const where = units[i % units.length]!;
      // few distinct scores: many ties on total, settled by the criterion
      const list = [
        ...ballots(
          'leaders',
          Array.from({ length: 3 + Math.floor(rand() * 3) }, () => ({
            conduct: 36 + Math.floor(rand() * 3),
            performance: 54 + Math.floor(rand() * 3),
          })),
        ),
        ...ballots(
          'staff',
          Array.from({ length: rand() < 0.05 ? 2 : 7 + Math.floor(rand() * 5) }, () => ({
            conduct: 36 + Math.floor(rand() * 4),
            performance: 53 + Math.floor(rand() * 4),
          })),
        ),
      ];
      return { id: `t${i}`, ...where, list };
    });
    const run = (tally: (m: (typeof members)[number]) => TargetTally) => {
      const targets = members.map((m) => ({
        targetId: m.id,
        unitId: m.unit,
        parentId: m.parent,
        tally: tally(m),
      }));
      return {
        ranking: rankTargets(targets),
        proposal: proposeGrades({ scale: SCALE, rule, targets }),
      };
    };
    const ballotLevel = run((m) => tallyTarget({ scheme: s, targetId: m.id, ballots: m.list }));
    const aggregated = run((m) =>
      tallyFromAggregates({ scheme: s, targetId: m.id, groups: aggregatesOf(s, m.list) }),
    );
    expect(aggregated).toEqual(ballotLevel);
    const steps = ballotLevel.proposal.boundaries.flatMap((b) => b.steps.map((x) => x.tieBreak.by));
    expect(steps).toContain('criterionScore');
  });
});
