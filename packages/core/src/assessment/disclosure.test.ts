import { describe, expect, it } from 'vitest';
import { AssessmentSectionSchema } from '../policy/assessment-section.ts';
import { disclosureOf, disclosureOfCounts, NOTHING_WITHHELD, shownMinimum } from './disclosure.ts';
import { evaluateRound } from './evaluate.ts';
import { rational, ratSub, type Rational } from './exact.ts';
import { type ProposalTarget, proposeGrades } from './proposal.ts';
import { rankTargets } from './rank.ts';
import { tallyTarget, type TargetBallot, type TargetTally } from './tally.ts';
import { SCALE, ballots, group, quotaRule, scheme, split } from './test-fixtures.ts';

/** Jinwan 党小组长: representatives 40 % (15–20), village committee 30 % (3–15), town committee 30 % (3–15). */
const JINWAN = scheme([group('reps', 40, 15, 20), group('committee', 30, 3, 15), group('town', 30, 3, 15)]);
/** Jinwan remote-education stations: self-assessment 20 %, town 40 %, district centre 40 %, 1 rater minimum. */
const STATION = scheme([group('self', 20, 1, 3), group('town', 40, 1, 10), group('district', 40, 1, 10)]);
const waive = (targetId: string, ...groupIds: string[]) =>
  groupIds.map((groupId) => ({ targetId, groupId, reason: '经镇党委研究同意按实有人数评议' }));
const counts = (tally: TargetTally) =>
  Object.fromEntries(tally.groups.map((g) => [g.groupId, g.ballotCount]));

/** What the results show of a tally under a disclosure: counts, the shown groups' means, the total. */
function shown(tally: TargetTally, min: number) {
  const d = disclosureOfCounts(JINWAN.raterGroups, tally.groups, min);
  return {
    counts: counts(tally),
    groups: tally.groups.filter((g) => !d.withheld[g.groupId]).map((g) => [g.groupId, g.value]),
    total: d.totalWithheld ? null : tally.total,
  };
}

describe('disclosureOf (SECURITY 31: complementary suppression)', () => {
  it('withholds nothing when every group with ballots has at least the minimum', () => {
    expect(disclosureOf(JINWAN.raterGroups, { reps: 17, committee: 5, town: 7 }, 3)).toBe(NOTHING_WITHHELD);
    // an empty group has nothing to hide
    expect(disclosureOf(JINWAN.raterGroups, { reps: 17, town: 7 }, 3)).toBe(NOTHING_WITHHELD);
  });

  it('one small weighted group: the group with the fewest ballots among the others is withheld with it', () => {
    // village B of the issue: 14 representatives, 2 of the committee, 7 of the town
    expect(disclosureOf(JINWAN.raterGroups, { reps: 14, committee: 2, town: 7 }, 3)).toEqual({
      withheld: { committee: 'small', town: 'complementary' },
      totalWithheld: false,
    });
    // equal counts: the larger weight (reps 40 % before town 30 %) …
    expect(disclosureOf(JINWAN.raterGroups, { reps: 7, committee: 1, town: 7 }, 3).withheld).toEqual({
      committee: 'small',
      reps: 'complementary',
    });
    // … then scheme order (committee before town, both 30 %)
    expect(disclosureOf(JINWAN.raterGroups, { reps: 2, committee: 6, town: 6 }, 3).withheld).toEqual({
      reps: 'small',
      committee: 'complementary',
    });
  });

  it('two or more small weighted groups hide each other; the total stays', () => {
    expect(disclosureOf(JINWAN.raterGroups, { reps: 16, committee: 2, town: 2 }, 3)).toEqual({
      withheld: { committee: 'small', town: 'small' },
      totalWithheld: false,
    });
    // Jinwan stations: self 1, town 1, district 1 — any one rater still faces two unknowns
    expect(disclosureOf(STATION.raterGroups, { self: 1, town: 1, district: 1 }, 3)).toEqual({
      withheld: { self: 'small', town: 'small', district: 'small' },
      totalWithheld: false,
    });
  });

  it('two small groups, one of a single ballot: its rater would subtract, so a partner is withheld', () => {
    // the station rates itself (1 ballot) and sees its own total: 84 = 0.2 × self + 0.4 × town + 0.4 × 85
    // would give it the town's one ballot; with the district withheld too it faces two unknowns
    expect(disclosureOf(STATION.raterGroups, { self: 1, town: 1, district: 5 }, 3)).toEqual({
      withheld: { self: 'small', town: 'small', district: 'complementary' },
      totalWithheld: false,
    });
    expect(disclosureOf(JINWAN.raterGroups, { reps: 16, committee: 2, town: 1 }, 3)).toEqual({
      withheld: { committee: 'small', town: 'small', reps: 'complementary' },
      totalWithheld: false,
    });
    // no group left to be the partner: the total goes
    expect(disclosureOf(STATION.raterGroups, { self: 1, town: 1 }, 3)).toEqual({
      withheld: { self: 'small', town: 'small' },
      totalWithheld: true,
    });
  });

  it('the only weighted group with ballots is small: the total is withheld', () => {
    expect(disclosureOf(JINWAN.raterGroups, { committee: 2 }, 3)).toEqual({
      withheld: { committee: 'small' },
      totalWithheld: true,
    });
    // a group of weight 0 with many ballots cannot protect it: it adds nothing to the total
    const zero = scheme([group('a', 100, 1, 9), group('observers', 0, 1, 50)], 'renormalise');
    expect(disclosureOf(zero.raterGroups, { a: 2, observers: 30 }, 3)).toEqual({
      withheld: { a: 'small' },
      totalWithheld: true,
    });
  });

  it('a small group of weight 0 is withheld but needs no partner (it is not in the total)', () => {
    const s = scheme([group('a', 50, 1, 9), group('b', 50, 1, 9), group('observers', 0, 1, 9)]);
    expect(disclosureOf(s.raterGroups, { a: 5, b: 6, observers: 2 }, 3)).toEqual({
      withheld: { observers: 'small' },
      totalWithheld: false,
    });
  });

  it('a minimum below 3 (rounds copied from older packs) is read as 3', () => {
    expect(shownMinimum(1)).toBe(3);
    expect(shownMinimum(5)).toBe(5);
    expect(disclosureOf(JINWAN.raterGroups, { reps: 17, committee: 2, town: 7 }, 1).withheld).toEqual({
      committee: 'small',
      town: 'complementary',
    });
  });

  it('the pack schema refuses a minimum group size of 1 or 2', () => {
    const section = (minGroupSizeShown: number) =>
      AssessmentSectionSchema.safeParse({
        minGroupSizeShown,
        gradeScales: [SCALE],
        quotaRules: [],
        schemes: [JINWAN],
      });
    for (const n of [1, 2]) {
      const r = section(n);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
        ['minGroupSizeShown', '单列显示的最少票数不能少于 3 票'],
      ]);
    }
    expect(section(3).success).toBe(true);
  });

  it('worked case of the issue: total minus the shown groups no longer gives the small group', () => {
    // B: reps 14 × 80 (waived), committee 2 × 90 (waived), town 7 × 85:
    // 0.4 × 80 + 0.3 × 90 + 0.3 × 85 = 32 + 27 + 25.5 = 84.5
    const b = (committee: number, town: number) =>
      tallyTarget({
        scheme: JINWAN,
        targetId: 'b',
        ballots: [
          ...ballots(
            'reps',
            Array.from({ length: 14 }, () => split(80)),
          ),
          ...ballots('committee', [split(committee), split(committee)]),
          ...ballots(
            'town',
            Array.from({ length: 7 }, () => split(town)),
          ),
        ],
        waivers: waive('b', 'reps', 'committee'),
      });
    const real = b(90, 85);
    expect(real.total).toEqual(rational(169, 2));
    // without the partner, 84.5 − 32 − 25.5 = 27 = 0.3 × 90: the committee's mean, exactly
    const town = real.groups[2]!.contribution!;
    expect(ratSub(ratSub(real.total!, real.groups[0]!.contribution!), town)).toEqual(rational(27));
    // with it, a committee of 85 and a town of 90 show exactly the same figures
    const other = b(85, 90);
    expect(other.groups[1]!.value).toEqual(rational(85));
    expect(shown(other, 3)).toEqual(shown(real, 3));
    expect(shown(real, 3)).toEqual({
      counts: { reps: 14, committee: 2, town: 7 },
      groups: [['reps', rational(80)]],
      total: rational(169, 2),
    });
  });
});

describe('ranks and tie-breaks never use what is withheld', () => {
  const FENGZE = scheme([group('leaders', 40, 1, 20), group('staff', 60, 1, 200)], 'renormalise');
  const CHAIN = [{ by: 'groupScore' as const, groupId: 'leaders' }, { by: 'ballotCount' as const }];
  const member = (id: string, leaders: TargetBallot['points'][], staff: TargetBallot['points'][]) => {
    const tally = tallyTarget({
      scheme: FENGZE,
      targetId: id,
      ballots: [...ballots('leaders', leaders), ...ballots('staff', staff)],
    });
    return {
      targetId: id,
      unitId: 'u',
      parentId: 'p',
      tally,
      disclosure: disclosureOfCounts(FENGZE.raterGroups, tally.groups, 3),
    } satisfies ProposalTarget;
  };
  const n = (k: number, score: number) => Array.from({ length: k }, () => split(score));

  it('a withheld leaders score does not break a tie on total: the step is skipped, ballots decide', () => {
    // a: leaders 2 × 96 (withheld), staff 3 × 91 → 0.4 × 96 + 0.6 × 91 = 93; its staff is the partner
    // b: leaders 3 × 93, staff 3 × 93 → 93. Shown, the leaders score would give the place to a.
    const a = member('a', n(2, 96), n(3, 91));
    const b = member('b', n(3, 93), n(4, 93));
    expect(a.disclosure.withheld).toEqual({ leaders: 'small', staff: 'complementary' });
    const filler = [member('c', n(3, 99), n(3, 99)), member('d', n(3, 70), n(3, 70))];
    // 4 targets × 50 % = 2 places: c, then a or b tied on 93
    const r = proposeGrades({
      scale: SCALE,
      rule: quotaRule({ share: 50, tieBreak: CHAIN }),
      targets: [a, b, ...filler],
    });
    const steps = r.boundaries[0]!.steps;
    expect(steps.map((s) => [s.tieBreak.by, s.outcome])).toEqual([
      ['groupScore', 'skipped'],
      ['ballotCount', 'applied'],
    ]);
    expect(steps[0]!.values).toEqual([
      { targetId: 'a', value: null },
      { targetId: 'b', value: rational(93) },
    ]);
    // ballots: a 5, b 7 → b
    expect(r.boundaries[0]!.awarded).toEqual(['b']);
  });

  it('a withheld total is not ranked, counts in no rank and competes for no place', () => {
    // w: leaders 2 × 95 only (staff empty, renormalised): its total 95 is the leaders' mean
    const w = member('w', n(2, 95), []);
    expect(w.disclosure).toEqual({ withheld: { leaders: 'small' }, totalWithheld: true });
    expect(w.tally.total).toEqual(rational(95));
    const others = [
      member('x', n(3, 97), n(3, 97)),
      member('y', n(3, 92), n(3, 92)),
      member('z', n(3, 80), n(3, 80)),
    ];
    const ranking = rankTargets([w, ...others]);
    expect(ranking.ranked.map((r) => [r.targetId, r.populationRank, r.populationSize])).toEqual([
      ['x', 1, 3],
      ['y', 2, 3],
      ['z', 3, 3],
    ]);
    expect(ranking.unranked).toEqual([{ targetId: 'w', unitId: 'u', reason: 'totalWithheld' }]);
    // 4 targets × 50 % = 2 places: x and y (w's 95 would have taken y's place)
    const r = proposeGrades({ scale: SCALE, rule: quotaRule({ share: 50 }), targets: [w, ...others] });
    const of = (id: string) => r.proposals.find((p) => p.targetId === id)!;
    expect(r.allocations[0]).toMatchObject({ places: 2, candidates: ['x', 'y'], awarded: ['x', 'y'] });
    expect(of('w')).toMatchObject({ scoreGrade: 'excellent', grade: 'competent', reason: 'totalWithheld' });
    // no quota rule: the grade follows the thresholds
    const free = proposeGrades({ scale: SCALE, rule: null, targets: [w] });
    expect(free.proposals[0]).toMatchObject({ grade: 'excellent', reason: 'totalWithheld' });
  });
});

describe('the recount from an export that withholds groups', () => {
  const JINWAN_RULES = { scheme: JINWAN, gradeScale: SCALE, quotaRule: null, minGroupSizeShown: 3 };
  const score = (ballotId: string, groupId: string, points: number[]) => ({
    ballotId,
    groupId,
    targetId: 'b',
    points,
  });
  const reps = Array.from({ length: 14 }, (_, i) => score(`r${i}`, 'reps', [3200, 4800]));

  it('recomputes status, weights and the total from the shown ballots, the counts and the withheld part', () => {
    const withheld = (contribution: Rational | null) =>
      new Map([['b', { counts: { committee: 2, town: 7 }, contribution }]]);
    const run = (contribution: Rational | null) =>
      evaluateRound({
        rules: JINWAN_RULES,
        targets: [{ id: 'b', unitId: 'v', parentUnitId: 't' }],
        scores: reps,
        waivers: waive('b', 'reps', 'committee'),
        withheld: withheld(contribution),
      });
    // the published total 84.5 minus the shown part 0.4 × 80 = 32: 52.5
    const ev = run(rational(105, 2));
    const tally = ev.tallies.get('b')!;
    expect(tally.status).toBe('sufficient');
    expect(tally.total).toEqual(rational(169, 2));
    expect(tally.ballotCount).toBe(23);
    expect(tally.criterionMeans).toEqual({});
    expect(
      tally.groups.map((g) => [g.groupId, g.ballotCount, g.value, g.counted, g.withheld ?? false]),
    ).toEqual([
      ['reps', 14, rational(80), true, false],
      ['committee', 2, null, true, true],
      ['town', 7, null, true, true],
    ]);
    expect(ev.disclosures.get('b')).toEqual({
      withheld: { committee: 'small', town: 'complementary' },
      totalWithheld: false,
    });
    expect(ev.proposal.proposals[0]).toMatchObject({ grade: 'competent', reason: 'score' });
    // no total was published: the recount has none either
    expect(run(null).tallies.get('b')!.total).toBeNull();
    // without the waiver of the committee the target is insufficient, whatever the withheld part
    const strict = evaluateRound({
      rules: JINWAN_RULES,
      targets: [{ id: 'b', unitId: 'v', parentUnitId: 't' }],
      scores: reps,
      waivers: waive('b', 'reps'),
      withheld: withheld(null),
    });
    expect(strict.tallies.get('b')!.insufficientGroups.map((g) => g.groupId)).toEqual(['committee']);
  });

  it('refuses ballots for a group it was told is withheld', () => {
    expect(() =>
      tallyTarget({
        scheme: JINWAN,
        targetId: 'b',
        ballots: ballots('town', [split(85)]),
        withheld: { counts: { town: 7 }, contribution: null },
      }),
    ).toThrow('target b: group town is withheld but has ballots');
  });
});
