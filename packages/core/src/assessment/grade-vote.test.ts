import { describe, expect, it } from 'vitest';
import { GradeVoteSchema, countGradeVotes, tallyGradeVotes, type GradeVote } from './grade-vote.ts';

const GRADES = [
  { code: 'excellent', name: '优秀', pointsHundredths: 10000 },
  { code: 'competent', name: '称职', pointsHundredths: 8000 },
  { code: 'basic', name: '基本称职', pointsHundredths: 6000 },
  { code: 'unfit', name: '不称职', pointsHundredths: 0 },
];
const ASSUMED = { assumed: '各地民主测评通行做法，种子资料未给出票面分值' };

const byPoints: GradeVote = GradeVoteSchema.parse({
  grades: GRADES,
  gradesSource: ASSUMED,
  rule: { method: 'points', source: ASSUMED },
});

const byThresholds: GradeVote = GradeVoteSchema.parse({
  grades: GRADES,
  gradesSource: ASSUMED,
  rule: {
    method: 'thresholds',
    source: ASSUMED,
    results: [
      {
        grade: 'incompetent',
        name: '不称职',
        when: [{ grades: ['unfit'], op: 'gt', percentHundredths: 5000 }],
      },
      {
        grade: 'excellent',
        name: '优秀',
        when: [{ grades: ['excellent'], op: 'gte', percentHundredths: 6000 }],
      },
      {
        grade: 'basic',
        name: '基本称职',
        when: [{ grades: ['basic', 'unfit'], op: 'gte', percentHundredths: 3000 }],
      },
      { grade: 'competent', name: '称职', when: [] },
    ],
  },
});

const votes = (excellent: number, competent: number, basic: number, unfit: number): string[] => [
  ...Array<string>(excellent).fill('excellent'),
  ...Array<string>(competent).fill('competent'),
  ...Array<string>(basic).fill('basic'),
  ...Array<string>(unfit).fill('unfit'),
];

describe('countGradeVotes: counts and shares (hundredths of a percent, half up)', () => {
  it('20 raters: 12 优秀, 6 称职, 2 基本称职 → 60.00 %, 30.00 %, 10.00 %, 0.00 %', () => {
    expect(countGradeVotes(byPoints, votes(12, 6, 2, 0))).toEqual({
      total: 20,
      grades: [
        { code: 'excellent', name: '优秀', count: 12, shareHundredths: 6000 },
        { code: 'competent', name: '称职', count: 6, shareHundredths: 3000 },
        { code: 'basic', name: '基本称职', count: 2, shareHundredths: 1000 },
        { code: 'unfit', name: '不称职', count: 0, shareHundredths: 0 },
      ],
    });
  });

  it('7 raters: 1/7 = 14.2857 % → 14.29 %, 6/7 = 85.7143 % → 85.71 %', () => {
    const shares = countGradeVotes(byPoints, votes(1, 6, 0, 0)).grades.map((g) => g.shareHundredths);
    expect(shares).toEqual([1429, 8571, 0, 0]);
  });

  it('a vote for a grade the pack does not list is an error', () => {
    expect(() => countGradeVotes(byPoints, ['excellent', 'good'])).toThrow('unknown grade “good”');
  });
});

describe('tallyGradeVotes, points rule: score = Σ share × grade points', () => {
  it('12 优秀, 6 称职, 2 基本称职 → (12×100 + 6×80 + 2×60 + 0×0) ÷ 20 = 90.00', () => {
    const r = tallyGradeVotes(byPoints, votes(12, 6, 2, 0));
    expect(r.scoreHundredths).toBe(9000);
    expect(r.grade).toBeNull();
    expect(r.explanation).toEqual([
      '有效票 20 张：优秀 12 票（60.00%），称职 6 票（30.00%），基本称职 2 票（10.00%），不称职 0 票（0.00%）',
      '得分 = (12×100.00 + 6×80.00 + 2×60.00 + 0×0.00) ÷ 20 = 90.00 分（两位小数，四舍五入）',
    ]);
  });

  it('from the counts, not the rounded shares: 1 优秀 + 6 称职 of 7 → 580 ÷ 7 = 82.857… → 82.86', () => {
    expect(tallyGradeVotes(byPoints, votes(1, 6, 0, 0)).scoreHundredths).toBe(8286);
  });

  it('no vote: no score, and the explanation says so', () => {
    const r = tallyGradeVotes(byPoints, []);
    expect(r.scoreHundredths).toBeNull();
    expect(r.explanation[1]).toBe('没有有效票，不计结果');
  });
});

describe('tallyGradeVotes, thresholds rule: the first result grade whose conditions hold', () => {
  it('优秀票率 exactly 60.00 % (12 of 20) meets ≥ 60 % → 优秀', () => {
    const r = tallyGradeVotes(byThresholds, votes(12, 6, 2, 0));
    expect(r.grade).toBe('excellent');
    expect(r.scoreHundredths).toBeNull();
    expect(r.explanation).toEqual([
      '有效票 20 张：优秀 12 票（60.00%），称职 6 票（30.00%），基本称职 2 票（10.00%），不称职 0 票（0.00%）',
      '不称职：不称职票率 0.00%（0/20）> 50.00%：不成立',
      '优秀：优秀票率 60.00%（12/20）≥ 60.00%：成立',
      '结果：优秀',
    ]);
  });

  it('11 优秀 of 20 (55 %) and 4 基本称职+不称职 (20 %) → 称职, the default', () => {
    const r = tallyGradeVotes(byThresholds, votes(11, 5, 3, 1));
    expect(r.grade).toBe('competent');
    expect(r.explanation.at(-1)).toBe('结果：称职（以上条件均不满足）');
  });

  it('7 优秀, 4 基本称职, 2 不称职 of 13: 优秀 53.85 % < 60 %, 6/13 = 46.15 % ≥ 30 % → 基本称职', () => {
    const r = tallyGradeVotes(byThresholds, votes(7, 0, 4, 2));
    expect(r.grade).toBe('basic');
    expect(r.explanation.slice(2)).toEqual([
      '优秀：优秀票率 53.85%（7/13）≥ 60.00%：不成立',
      '基本称职：基本称职+不称职票率 46.15%（6/13）≥ 30.00%：成立',
      '结果：基本称职',
    ]);
  });

  it('不称职票率 exactly 50 % is not above 50 % (gt); 11 of 20 is', () => {
    expect(tallyGradeVotes(byThresholds, votes(0, 10, 0, 10)).grade).toBe('basic');
    expect(tallyGradeVotes(byThresholds, votes(0, 9, 0, 11)).grade).toBe('incompetent');
  });

  it('a recount (the same votes in any order) gives the identical result', () => {
    const cast = votes(7, 3, 4, 2);
    const shuffled = [...cast].reverse();
    shuffled.push(shuffled.shift() as string);
    expect(tallyGradeVotes(byThresholds, shuffled)).toEqual(tallyGradeVotes(byThresholds, cast));
    expect(tallyGradeVotes(byPoints, shuffled)).toEqual(tallyGradeVotes(byPoints, cast));
  });
});

describe('GradeVoteSchema: the pack option is checked', () => {
  it('refuses a condition on a grade the list lacks, and a default that is not last', () => {
    const bad = GradeVoteSchema.safeParse({
      grades: GRADES,
      gradesSource: ASSUMED,
      rule: {
        method: 'thresholds',
        source: ASSUMED,
        results: [
          { grade: 'competent', name: '称职', when: [] },
          {
            grade: 'excellent',
            name: '优秀',
            when: [{ grades: ['outstanding'], op: 'gte', percentHundredths: 6000 }],
          },
        ],
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      '只有最后一个等次不设条件（其余对象都归入它）',
      '只有最后一个等次不设条件（其余对象都归入它）',
      '没有票面等次“outstanding”',
    ]);
  });
});
