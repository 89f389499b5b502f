import { describe, expect, it } from 'vitest';
import type { TieBreak } from '../policy/assessment-section.ts';
import { rational } from './exact.ts';
import { type ProposalTarget, proposeGrades } from './proposal.ts';
import { SCALE, ballots, group, quotaRule, scheme, split, target } from './test-fixtures.ts';
import type { TargetBallot } from './tally.ts';

/**
 * Fengze (丰泽) street office, 23 staff. Groups: leaders (街道领导班子) 40 %, staff (干部职工) 60 %, mean.
 * Scale: 优秀 ≥ 90, 称职 ≥ 70, … Quota: 20 % of the unit, floor. Filler targets get the same score from
 * both groups, so their total is that score.
 */
const FENGZE = scheme([group('leaders', 40, 1, 20), group('staff', 60, 1, 200)]);
const CHAIN: TieBreak[] = [
  { by: 'groupScore', groupId: 'leaders' },
  { by: 'criterionScore', criterionId: 'performance' },
  { by: 'ballotCount' },
];

const staffer = (id: string, leaders: TargetBallot['points'][], staff: TargetBallot['points'][]) =>
  target(FENGZE, id, 'fz-street', 'fengze', [...ballots('leaders', leaders), ...ballots('staff', staff)]);
const plain = (id: string, score: number) => staffer(id, [split(score)], [split(score)]);

/** s01 97, s02 96, s03 95, s04 / s05 as given, s06 92, s07 91, s08 … s22 = 89 … 75, s23 insufficient. */
function street(s04: ProposalTarget, s05: ProposalTarget): ProposalTarget[] {
  return [
    plain('s01', 97),
    plain('s02', 96),
    plain('s03', 95),
    s04,
    s05,
    plain('s06', 92),
    plain('s07', 91),
    ...Array.from({ length: 15 }, (_, i) => plain(`s${String(8 + i).padStart(2, '0')}`, 89 - i)),
    staffer('s23', [], [split(99)]), // no leader ballot → insufficient (emptyGroup 'insufficient')
  ];
}

// s04: leaders 96, staff 91 → 0.4 × 96 + 0.6 × 91 = 38.4 + 54.6 = 93
// s05: leaders 93, staff 93 → 0.4 × 93 + 0.6 × 93 = 93
const tieByLeaders = () => street(staffer('s04', [split(96)], [split(91)]), plain('s05', 93));

const excellent = (r: ReturnType<typeof proposeGrades>) =>
  r.proposals.filter((p) => p.grade === 'excellent').map((p) => p.targetId);
const byId = (r: ReturnType<typeof proposeGrades>, id: string) => r.proposals.find((p) => p.targetId === id)!;

describe('proposeGrades — Fengze street, 23 staff', () => {
  it('20 % floor → 4 places; the 4th/5th tie on 93 goes to the higher leaders score', () => {
    const targets = tieByLeaders();
    expect(targets).toHaveLength(23);
    const r = proposeGrades({ scale: SCALE, rule: quotaRule({ tieBreak: CHAIN }), targets });
    // n = 23 (s23 included though insufficient); 23 × 20 % = 4.6 → 4
    expect(r.plan!.groups[0]!.count).toMatchObject({ n: 23, product: rational(23, 5), places: 4 });
    expect(byId(r, 's04').total).toEqual(rational(93));
    expect(byId(r, 's05').total).toEqual(rational(93));
    expect(excellent(r)).toEqual(['s01', 's02', 's03', 's04']);
    expect(r.boundaries).toEqual([
      {
        stage: 'group',
        key: 'unit:fz-street',
        total: rational(93),
        tied: ['s04', 's05'],
        placesInContention: 1,
        steps: [
          {
            tieBreak: CHAIN[0],
            values: [
              { targetId: 's04', value: rational(96) },
              { targetId: 's05', value: rational(93) },
            ],
            outcome: 'applied',
            won: ['s04'],
            lost: ['s05'],
            stillTied: [],
          },
        ],
        awarded: ['s04'],
        flagged: [],
        placesLeftOpen: 0,
      },
    ]);
    expect(byId(r, 's04')).toMatchObject({ grade: 'excellent', reason: 'withinQuota', placedBy: 'group' });
    // reached 90 but no place: fallback grade, reason 'quota'
    for (const id of ['s05', 's06', 's07'])
      expect(byId(r, id)).toMatchObject({ scoreGrade: 'excellent', grade: 'competent', reason: 'quota' });
    expect(byId(r, 's08')).toMatchObject({ grade: 'competent', reason: 'score' });
    expect(byId(r, 's23')).toMatchObject({ total: null, grade: null, reason: 'insufficient' });
    expect(r.allocations).toEqual([
      {
        stage: 'group',
        key: 'unit:fz-street',
        places: 4,
        candidates: ['s01', 's02', 's03', 's04', 's05', 's06', 's07'],
        awarded: ['s01', 's02', 's03', 's04'],
        unusedPlaces: 0,
      },
    ]);
  });

  it('a tie the chain cannot break: both flagged, the place left open, only 3 proposed', () => {
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ tieBreak: CHAIN }),
      targets: street(plain('s04', 93), plain('s05', 93)),
    });
    expect(excellent(r)).toEqual(['s01', 's02', 's03']);
    const b = r.boundaries[0]!;
    // leaders 93 = 93; performance mean 56 = 56 (split(93) = 37 + 56); ballots 2 = 2
    expect(b.steps.map((s) => s.stillTied)).toEqual([
      ['s04', 's05'],
      ['s04', 's05'],
      ['s04', 's05'],
    ]);
    expect(b).toMatchObject({ flagged: ['s04', 's05'], placesLeftOpen: 1, awarded: [] });
    for (const id of ['s04', 's05'])
      expect(byId(r, id)).toMatchObject({
        grade: 'competent',
        reason: 'tiedAtBoundary',
        tiedAtBoundary: true,
      });
    expect(r.allocations[0]!.unusedPlaces).toBe(1);
  });

  it('criterionScore settles what groupScore cannot', () => {
    // s04: every ballot 37 + 56 = 93; s05: every ballot 38 + 55 = 93 → leaders 93 = 93;
    // performance mean over counted ballots: s04 (56 + 56) / 2 = 56 > s05 (55 + 55) / 2 = 55
    const s04 = staffer('s04', [{ conduct: 37, performance: 56 }], [{ conduct: 37, performance: 56 }]);
    const s05 = staffer('s05', [{ conduct: 38, performance: 55 }], [{ conduct: 38, performance: 55 }]);
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ tieBreak: CHAIN }),
      targets: street(s04, s05),
    });
    expect(excellent(r)).toEqual(['s01', 's02', 's03', 's04']);
    const steps = r.boundaries[0]!.steps;
    expect(steps.map((s) => s.won)).toEqual([[], ['s04']]);
    expect(steps[1]!.values).toEqual([
      { targetId: 's04', value: rational(56) },
      { targetId: 's05', value: rational(55) },
    ]);
  });

  it('ballotCount settles the rest: more ballots counted first', () => {
    // s04: 1 leader + 2 staff ballots of 93; s05: 1 + 1 → 3 > 2
    const s04 = staffer('s04', [split(93)], [split(93), split(93)]);
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ tieBreak: CHAIN }),
      targets: street(s04, plain('s05', 93)),
    });
    expect(excellent(r)).toContain('s04');
    expect(r.boundaries[0]!.steps[2]!.values.map((v) => v.value)).toEqual([rational(3), rational(2)]);
  });

  it('the same 23 under a 15 % rule → 3 places, no boundary', () => {
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ share: 15, tieBreak: CHAIN }),
      targets: tieByLeaders(),
    });
    // 23 × 15 % = 3.45 → floor 3
    expect(r.plan!.groups[0]!.count).toMatchObject({ product: rational(69, 20), places: 3 });
    expect(excellent(r)).toEqual(['s01', 's02', 's03']);
    expect(r.boundaries).toEqual([]);
    expect(byId(r, 's04').reason).toBe('quota');
  });

  it('veto: a vetoed target drops to the fallback grade and its place passes on', () => {
    const veto = new Map([
      ['s02', ['受到党纪处分']],
      ['s10', ['年度内被诫勉']],
    ]);
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ tieBreak: CHAIN }),
      targets: tieByLeaders(),
      veto,
    });
    // 4 places: s01, s03, then s04 and s05 (93, 93) both fit in the 2 left
    expect(excellent(r)).toEqual(['s01', 's03', 's04', 's05']);
    expect(byId(r, 's02')).toMatchObject({
      grade: 'competent',
      reason: 'veto',
      vetoReasons: ['受到党纪处分'],
    });
    // s10 (87) never reached 优秀: its grade is its score's, the veto is only recorded
    expect(byId(r, 's10')).toMatchObject({
      grade: 'competent',
      reason: 'score',
      vetoReasons: ['年度内被诫勉'],
    });
    expect(r.plan!.groups[0]!.count.n).toBe(23);
  });

  it('no quota rule: the quota grade goes by score (veto still applies)', () => {
    const r = proposeGrades({
      scale: SCALE,
      rule: null,
      targets: tieByLeaders(),
      veto: new Map([['s07', ['x']]]),
    });
    expect(excellent(r)).toEqual(['s01', 's02', 's03', 's04', 's05', 's06']);
    expect(r.plan).toBeNull();
  });
});

describe('proposeGrades — pooled remainders', () => {
  const one = scheme([group('all', 100, 1, 50)]);
  const village = (v: string, scores: number[]) =>
    scores.map((s, i) => target(one, `${v}-${i + 1}`, v, 'town', ballots('all', [split(s)])));

  it('5 villages of 6 at 15 %: 0 places each, the pooled 4 go to the 4 best overall', () => {
    const targets = [
      ...village('v1', [98, 95, 80, 79, 78, 77]),
      ...village('v2', [93, 85, 84, 83, 82, 81]),
      ...village('v3', [97, 76, 75, 74, 73, 72]),
      ...village('v4', [89, 88, 87, 86, 71, 70]),
      ...village('v5', [94, 69, 68, 67, 66, 65]),
    ];
    const r = proposeGrades({ scale: SCALE, rule: quotaRule({ share: 15, poolRemainders: true }), targets });
    // each: 6 × 15 % = 0.9 → 0; pool: 30 × 15 % = 4.5 → 4, minus 0
    expect(r.plan!.pools[0]).toMatchObject({ key: 'parent:town', pooledPlaces: 4 });
    expect(excellent(r)).toEqual(['v1-1', 'v1-2', 'v3-1', 'v5-1']);
    expect(r.proposals.filter((p) => p.placedBy === 'pool')).toHaveLength(4);
    expect(r.proposals.find((p) => p.targetId === 'v2-1')).toMatchObject({
      grade: 'competent',
      reason: 'quota',
    });
    expect(r.allocations.at(-1)).toMatchObject({
      stage: 'pool',
      places: 4,
      candidates: ['v1-1', 'v3-1', 'v1-2', 'v5-1', 'v2-1'],
      awarded: ['v1-1', 'v3-1', 'v1-2', 'v5-1'],
    });
  });

  it('3 villages of 7, 8, 9 at 15 %: 1 each, nothing pooled', () => {
    const scores = (n: number, top: number) => Array.from({ length: n }, (_, i) => top - i);
    const targets = [
      ...village('v1', scores(7, 95)),
      ...village('v2', scores(8, 99)),
      ...village('v3', scores(9, 92)),
    ];
    const r = proposeGrades({ scale: SCALE, rule: quotaRule({ share: 15, poolRemainders: true }), targets });
    expect(r.plan!.pools[0]).toMatchObject({ groupPlaces: 3, pooledPlaces: 0 });
    // the best of each village, even though v2's 2nd to 5th (98 … 95) outscore v3's best (92)
    expect(excellent(r)).toEqual(['v1-1', 'v2-1', 'v3-1']);
  });

  it('a tie across the pool boundary without a chain: flagged, places left open', () => {
    const targets = [
      ...village('v1', [98, 95, 80, 79, 78, 77]),
      ...village('v2', [95, 85, 84, 83, 82, 81]),
      ...village('v3', [97, 76, 75, 74, 73, 72]),
      ...village('v4', [89, 88, 87, 86, 71, 70]),
      ...village('v5', [95, 69, 68, 67, 66, 65]),
    ];
    const r = proposeGrades({ scale: SCALE, rule: quotaRule({ share: 15, poolRemainders: true }), targets });
    // 98, 97 placed; 95 × 3 (v1-2, v2-1, v5-1) for the 2 places left → none of them
    expect(excellent(r)).toEqual(['v1-1', 'v3-1']);
    expect(r.boundaries[0]).toMatchObject({
      stage: 'pool',
      tied: ['v1-2', 'v2-1', 'v5-1'],
      placesInContention: 2,
      flagged: ['v1-2', 'v2-1', 'v5-1'],
      placesLeftOpen: 2,
      steps: [],
    });
  });
});
