import { describe, expect, it } from 'vitest';
import { evaluateRound } from './evaluate.ts';
import { explainGradeVotes, type GradeCounts, gradeVoteScores, voteGradeOf } from './grade-ballot.ts';
import { gradeBallotScheme, quotaRule, SCALE } from './test-fixtures.ts';

/**
 * A grade ballot (一票一档) whose pack rule proposes the grade from the vote shares (按票率定等次): the
 * conditions are tested on the pooled votes of the groups that counted; the votes' points still give the
 * score that ranks the targets for the quota's places. Figures computed by hand in each test.
 */
const scheme = gradeBallotScheme(
  {
    method: 'thresholds',
    results: [
      {
        grade: 'excellent',
        name: '优秀',
        when: [{ grades: ['excellent'], op: 'gt', percentHundredths: 5000 }],
      },
      {
        grade: 'incompetent',
        name: '不称职',
        when: [{ grades: ['incompetent'], op: 'gt', percentHundredths: 5000 }],
      },
      {
        grade: 'basic',
        name: '基本称职',
        when: [{ grades: ['basic', 'incompetent'], op: 'gt', percentHundredths: 5000 }],
      },
      { grade: 'competent', name: '称职', when: [] },
    ],
  },
  'incompetent',
);

type Votes = Record<string, [number, number, number, number]>;
const CODES = ['excellent', 'competent', 'basic', 'incompetent'];

/** The round's ballots and counts from votes per target and group ([优秀, 称职, 基本称职, 不称职]). */
function round(votes: Record<string, Votes>) {
  let seq = 0;
  const cast: { ballotId: string; groupId: string; targetId: string; grade: string }[] = [];
  const counts = new Map<string, GradeCounts[]>();
  for (const [targetId, groups] of Object.entries(votes)) {
    counts.set(
      targetId,
      Object.entries(groups).map(([groupId, c]) => ({ groupId, counts: [...c] })),
    );
    for (const [groupId, c] of Object.entries(groups))
      c.forEach((n, i) => {
        for (let k = 0; k < n; k++) cast.push({ ballotId: `b${++seq}`, groupId, targetId, grade: CODES[i]! });
      });
  }
  return { scores: gradeVoteScores(scheme, cast), counts };
}

const VOTES: Record<string, Votes> = {
  // 7 of 8 优秀 (87.5 %) → 优秀; score 0.4 × 100 + 0.6 × (400 + 80) / 5 = 40 + 57.6 = 97.6
  A: { leaders: [3, 0, 0, 0], staff: [4, 1, 0, 0] },
  // 5 of 8 优秀 (62.5 %) → 优秀; 0.4 × 280/3 + 0.6 × 460/5 = 37.333… + 55.2 = 92.533…
  B: { leaders: [2, 1, 0, 0], staff: [3, 2, 0, 0] },
  // 5 of 8 优秀 → 优秀; 0.4 × 260/3 + 0.6 × 96 = 34.666… + 57.6 = 92.266… (third: no place left)
  C: { leaders: [1, 2, 0, 0], staff: [4, 1, 0, 0] },
  // all 称职 → 称职 (the default); 80
  D: { leaders: [0, 3, 0, 0], staff: [0, 5, 0, 0] },
  // 3 of 8 优秀 (37.5 %), 5 of 8 基本称职 + 不称职 (62.5 %) → 基本称职, although its score
  // 0.4 × 220/3 + 0.6 × 380/5 = 29.333… + 45.6 = 74.933… is over the scale's 称职 line (70)
  F: { leaders: [1, 0, 2, 0], staff: [2, 0, 3, 0] },
  // two 领导班子 votes, below the group's minimum of 3: no result, no grade
  G: { leaders: [2, 0, 0, 0], staff: [0, 0, 0, 5] },
};

describe('a grade ballot proposing grades from vote shares (按票率定等次)', () => {
  it('votes give the grade, the points rank for the quota: 40 % of 6 targets = 2 places', () => {
    const { scores, counts } = round(VOTES);
    const ev = evaluateRound({
      rules: {
        scheme,
        gradeScale: SCALE,
        quotaRule: quotaRule({ share: 40 }),
        minGroupSizeShown: 3,
      },
      targets: Object.keys(VOTES).map((id) => ({ id, unitId: 'u1', parentUnitId: 'p' })),
      scores,
      waivers: [],
      gradeVotes: { counts },
    });
    expect(
      ev.proposal.proposals.map((p) => [p.targetId, p.gradeBy, p.scoreGrade, p.grade, p.reason]),
    ).toEqual([
      ['A', 'votes', 'excellent', 'excellent', 'withinQuota'],
      ['B', 'votes', 'excellent', 'excellent', 'withinQuota'],
      ['C', 'votes', 'excellent', 'competent', 'quota'],
      ['D', 'votes', 'competent', 'competent', 'score'],
      ['F', 'votes', 'basic', 'basic', 'score'],
      ['G', 'votes', null, null, 'insufficient'],
    ]);
    const total = (id: string) => ev.tallies.get(id)!.total;
    expect(total('A')).toEqual({ num: 488n, den: 5n }); // 97.6
    expect(total('B')).toEqual({ num: 1388n, den: 15n }); // 92.533…
    expect(total('C')).toEqual({ num: 1384n, den: 15n }); // 92.266…
    expect(total('F')).toEqual({ num: 1124n, den: 15n }); // 74.933…
    expect(ev.proposal.allocations[0]).toMatchObject({ places: 2, candidates: ['A', 'B', 'C'] });
  });

  it('only the groups that counted are pooled: a group not counted leaves the shares', () => {
    const counts = [
      { groupId: 'leaders', counts: [3, 0, 0, 0] },
      { groupId: 'staff', counts: [1, 2, 0, 0] },
    ];
    // both: 4 of 6 优秀 (66.67 %) → 优秀; 机关干部 alone: 1 of 3 (33.33 %) → 称职
    expect(voteGradeOf(scheme, counts, new Set(['leaders', 'staff']))).toBe('excellent');
    expect(voteGradeOf(scheme, counts, new Set(['staff']))).toBe('competent');
    expect(voteGradeOf(scheme, counts, new Set())).toBeNull();
  });

  it('a recount given the round’s vote grade for a target whose group the export withholds uses it', () => {
    const { scores, counts } = round({ D: VOTES.D! });
    const ev = evaluateRound({
      rules: { scheme, gradeScale: SCALE, quotaRule: null, minGroupSizeShown: 3 },
      targets: [{ id: 'D', unitId: 'u1', parentUnitId: 'p' }],
      scores,
      waivers: [],
      gradeVotes: { counts, given: new Map([['D', 'basic' as const]]) },
    });
    expect(ev.proposal.proposals[0]).toMatchObject({ scoreGrade: 'basic', grade: 'basic', gradeBy: 'votes' });
  });

  it('explains the rule once, on the pooled votes; a hidden group’s votes give the grade, not figures', () => {
    const counts = [
      { groupId: 'staff', counts: [2, 0, 3, 0] },
      { groupId: 'leaders', counts: [1, 0, 2, 0] },
    ];
    const all = explainGradeVotes(scheme, counts, new Set(), new Set(['leaders', 'staff']));
    expect(all.groups.map((g) => [g.groupId, g.grade, g.explanation.length])).toEqual([
      ['leaders', null, 1],
      ['staff', null, 1],
    ]);
    expect(all.overall!.grade).toBe('basic');
    expect(all.overall!.explanation).toEqual([
      '有效票 8 张：优秀 3 票（37.50%），称职 0 票（0.00%），基本称职 5 票（62.50%），不称职 0 票（0.00%）',
      '优秀：优秀票率 37.50%（3/8）> 50.00%：不成立',
      '不称职：不称职票率 0.00%（0/8）> 50.00%：不成立',
      '基本称职：基本称职+不称职票率 62.50%（5/8）> 50.00%：成立',
      '结果：基本称职',
    ]);
    // 领导班子 hidden (too few to show) but counted: its votes decide with the others', its figures stay out
    const hidden = explainGradeVotes(scheme, counts, new Set(['leaders']), new Set(['leaders', 'staff']));
    expect(hidden.groups.map((g) => g.groupId)).toEqual(['staff']);
    expect(hidden.overall!.grade).toBe('basic');
    expect(hidden.overall!.explanation).toEqual([
      '有效票 5 张：优秀 2 票（40.00%），称职 0 票（0.00%），基本称职 3 票（60.00%），不称职 0 票（0.00%）',
      '结果：基本称职（按全部计入的评议组的票数确定，其中有评议组票数过少，不单列显示）',
    ]);
  });
});
