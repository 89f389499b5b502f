import { describe, expect, it } from 'vitest';
import { RAT_ZERO, rational, toDecimal } from './exact.ts';
import { tallyTarget } from './tally.ts';
import { ballots, group, scheme } from './test-fixtures.ts';

/**
 * Jinwan (金湾) village party-group leader (村党组织书记): 党员和村民代表 40 % (15–20 raters), 村"两委"班子
 * 30 % (3–9), 镇党委班子 30 % (5–15); mean in every group. Ballots are [conduct /40, performance /60].
 */
const REPS: [number, number][] = [
  [36, 52], //   88
  [38, 55], //   93
  [35, 50], //   85
  [37, 54.5], // 91.5
  [40, 58], //   98
  [34, 48], //   82
  [36.5, 53], // 89.5
  [39, 56], //   95
  [33, 47], //   80
  [37, 51], //   88
  [38, 57], //   95
  [35.5, 49.5], // 85
  [36, 54], //   90
  [34, 50], //   84
  [39, 55], //   94
  [37, 52.25], // 89.25
  [36, 51.75], // 87.75
];
// Σ of the 17 = 88+93+85+91.5+98+82+89.5+95+80+88+95+85+90+84+94+89.25+87.75 = 1515 → mean 1515/17
// Σ of the first 14 = 1515 − (94 + 89.25 + 87.75) = 1515 − 271 = 1244 → mean 1244/14 = 622/7
const TEAM: [number, number][] = [
  [36, 54], // 90
  [38, 56], // 94
  [35, 52], // 87
  [37, 55], // 92
  [39, 57], // 96
];
// Σ = 459 → mean 459/5 = 91.8; conduct Σ = 185 → 37, performance Σ = 274 → 274/5 = 54.8
const TOWN: [number, number][] = [
  [37, 55], // 92
  [36, 53], // 89
  [38, 57], // 95
  [35, 51], // 86
  [39, 56], // 95
  [37, 54], // 91
  [36, 52], // 88
];
// Σ = 636 → mean 636/7

const pts = (xs: [number, number][]) => xs.map(([conduct, performance]) => ({ conduct, performance }));

const jinwan = (emptyGroup: 'renormalise' | 'insufficient' = 'insufficient') =>
  scheme([group('reps', 40, 15, 20), group('team', 30, 3, 9), group('town', 30, 5, 15)], emptyGroup);

describe('tallyTarget — Jinwan village party-group leader', () => {
  it('17 representatives, 5 两委, 7 town: exact weighted total', () => {
    const t = tallyTarget({
      scheme: jinwan(),
      targetId: 'sec-1',
      ballots: [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM)), ...ballots('town', pts(TOWN))],
    });
    expect(t.status).toBe('sufficient');
    const [reps, team, town] = t.groups;
    expect(reps!.value).toEqual(rational(1515, 17));
    expect(team!.value).toEqual(rational(459, 5));
    expect(town!.value).toEqual(rational(636, 7));
    // contributions: 40 × 1515/17 / 100 = 606/17; 30 × 459/5 / 100 = 1377/50; 30 × 636/7 / 100 = 954/35
    expect(reps!.contribution).toEqual(rational(606, 17));
    expect(team!.contribution).toEqual(rational(1377, 50));
    expect(town!.contribution).toEqual(rational(954, 35));
    // over 17 × 50 × 7 = 5950: 606 × 350 + 1377 × 119 + 954 × 170 = 212100 + 163863 + 162180 = 538143
    expect(t.total).toEqual(rational(538143, 5950));
    expect(toDecimal(t.total!, 2)).toBe('90.44');
    expect(reps).toMatchObject({ ballotCount: 17, belowMinimum: false, aboveMaximum: false, counted: true });
    expect(reps!.effectiveWeight).toEqual(rational(40));
    // per-criterion means of a group sum to its value: 37 + 54.8 = 91.8
    expect(team!.criterionMeans).toEqual({ conduct: rational(37), performance: rational(274, 5) });
    // pooled over all 29 ballots: conduct Σ = 621 (reps) + 185 (team) + 258 (town) = 1064 → 1064/29;
    // performance Σ = 894 + 274 + 378 = 1546 → 1546/29 (and 1064 + 1546 = 2610 = 1515 + 459 + 636)
    expect(t.criterionMeans).toEqual({ conduct: rational(1064, 29), performance: rational(1546, 29) });
    expect(t.ballotCount).toBe(29);
    expect(t.explanation.terms.map((x) => x.groupId)).toEqual(['reps', 'team', 'town']);
    expect(t.explanation.renormalised).toBeNull();
  });

  it('14 representatives with minRaters 15: insufficient, the group listed', () => {
    const t = tallyTarget({
      scheme: jinwan(),
      targetId: 'sec-1',
      ballots: [
        ...ballots('reps', pts(REPS.slice(0, 14))),
        ...ballots('team', pts(TEAM)),
        ...ballots('town', pts(TOWN)),
      ],
    });
    expect(t.status).toBe('insufficient');
    expect(t.insufficientGroups).toEqual([
      { groupId: 'reps', reason: 'belowMinimum', ballotCount: 14, minRaters: 15 },
    ]);
    expect(t.total).toBeNull();
    expect(t.groups[0]).toMatchObject({ belowMinimum: true, counted: false, contribution: null });
  });

  it('a waiver with a reason lets the 14 count', () => {
    const reason = '村民代表外出务工，实到14人，经镇党委批准';
    const t = tallyTarget({
      scheme: jinwan(),
      targetId: 'sec-1',
      ballots: [
        ...ballots('reps', pts(REPS.slice(0, 14))),
        ...ballots('team', pts(TEAM)),
        ...ballots('town', pts(TOWN)),
      ],
      waivers: [
        { targetId: 'sec-1', groupId: 'reps', reason, approvalRef: '金湾镇党委〔2024〕3号' },
        { targetId: 'sec-2', groupId: 'team', reason: 'another target' },
      ],
    });
    expect(t.status).toBe('sufficient');
    expect(t.groups[0]!.waiver).toEqual({ reason, approvalRef: '金湾镇党委〔2024〕3号', applied: true });
    expect(t.groups[1]!.waiver).toBeNull();
    // 40 × 622/7 / 100 = 1244/35; + 954/35 = 2198/35 = 314/5; + 1377/50 = 3140/50 + 1377/50 = 4517/50 = 90.34
    expect(t.total).toEqual(rational(4517, 50));
    expect(() =>
      tallyTarget({
        scheme: jinwan(),
        targetId: 'sec-1',
        ballots: [],
        waivers: [{ targetId: 'sec-1', groupId: 'reps', reason: '  ' }],
      }),
    ).toThrow(/reason is required/);
  });

  it('more ballots than maxRaters: reported, all counted', () => {
    // 17 + 4 more = 21 > 20
    const extra: [number, number][] = [
      [36, 52],
      [36, 52],
      [36, 52],
      [36, 52],
    ];
    const t = tallyTarget({
      scheme: jinwan(),
      targetId: 'sec-1',
      ballots: [
        ...ballots('reps', pts([...REPS, ...extra])),
        ...ballots('team', pts(TEAM)),
        ...ballots('town', pts(TOWN)),
      ],
    });
    expect(t.status).toBe('sufficient');
    expect(t.aboveMaximum).toEqual([{ groupId: 'reps', ballotCount: 21, maxRaters: 20 }]);
    // (1515 + 4 × 88) / 21 = 1867/21
    expect(t.groups[0]!.value).toEqual(rational(1867, 21));
  });

  it('empty town group, renormalise: 40/30 → 400/7 % and 300/7 % (57.142857…/42.857142…)', () => {
    const t = tallyTarget({
      scheme: jinwan('renormalise'),
      targetId: 'sec-1',
      ballots: [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM))],
    });
    expect(t.status).toBe('sufficient');
    const [reps, team, town] = t.groups;
    // counted weight 40 + 30 = 70; 40 × 100 / 70 = 400/7, 30 × 100 / 70 = 300/7
    expect(reps!.effectiveWeight).toEqual(rational(400, 7));
    expect(team!.effectiveWeight).toEqual(rational(300, 7));
    expect(toDecimal(reps!.effectiveWeight, 6)).toBe('57.142857');
    expect(toDecimal(team!.effectiveWeight, 6)).toBe('42.857143');
    expect(town).toMatchObject({ empty: true, counted: false, value: null, contribution: null });
    expect(town!.effectiveWeight).toEqual(RAT_ZERO);
    expect(t.explanation.renormalised).toEqual({ emptyGroups: ['town'], countedWeight: rational(70) });
    // 400/7 × 1515/17 / 100 = 6060/119; 300/7 × 459/5 / 100 = 1377/35;
    // over 595: 6060 × 5 + 1377 × 17 = 30300 + 23409 = 53709 → 53709/595 ≈ 90.27
    expect(t.total).toEqual(rational(53709, 595));
  });

  it('empty town group, insufficient: the target is blocked', () => {
    const t = tallyTarget({
      scheme: jinwan('insufficient'),
      targetId: 'sec-1',
      ballots: [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM))],
      // a waiver cannot give an empty group a value
      waivers: [{ targetId: 'sec-1', groupId: 'town', reason: '镇党委未到会' }],
    });
    expect(t.status).toBe('insufficient');
    expect(t.insufficientGroups).toEqual([
      { groupId: 'town', reason: 'empty', ballotCount: 0, minRaters: 5 },
    ]);
    expect(t.groups[2]!.waiver?.applied).toBe(false);
  });

  it('renormalise with a non-empty group below its minimum is still insufficient', () => {
    const t = tallyTarget({
      scheme: jinwan('renormalise'),
      targetId: 'sec-1',
      ballots: [...ballots('reps', pts(REPS)), ...ballots('team', pts(TEAM.slice(0, 2)))],
    });
    expect(t.insufficientGroups).toEqual([
      { groupId: 'team', reason: 'belowMinimum', ballotCount: 2, minRaters: 3 },
    ]);
  });

  it('no ballot at all under renormalise: insufficient, every group empty', () => {
    const t = tallyTarget({ scheme: jinwan('renormalise'), targetId: 'sec-1', ballots: [] });
    expect(t.status).toBe('insufficient');
    expect(t.insufficientGroups.map((g) => g.groupId)).toEqual(['reps', 'team', 'town']);
  });

  it('refuses malformed ballots', () => {
    const s = jinwan();
    const one =
      (points: Record<string, number | string>, groupId = 'reps') =>
      () =>
        tallyTarget({ scheme: s, targetId: 'x', ballots: [{ ballotId: 'b', groupId, points }] });
    expect(one({ conduct: 36.125, performance: 50 })).toThrow(/two decimals/);
    expect(one({ conduct: 41, performance: 50 })).toThrow(/outside 0…40/);
    expect(one({ conduct: -1, performance: 50 })).toThrow(/outside/);
    expect(one({ conduct: 36 })).toThrow(/no points for criterion performance/);
    expect(one({ conduct: 36, performance: 50, extra: 1 })).toThrow(/unknown criterion/);
    expect(one({ conduct: 36, performance: 50 }, 'nobody')).toThrow(/unknown rater group/);
  });
});
