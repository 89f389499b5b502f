/**
 * Builders shared by the assessment tests (not exported from the package). Pack objects go through the
 * policy schemas, so every fixture is a valid pack section.
 */
import {
  type GradeScale,
  GradeScaleSchema,
  type QuotaRule,
  QuotaRuleSchema,
  type RaterGroup,
  type Scheme,
  SchemeSchema,
  type TieBreak,
} from '../policy/assessment-section.ts';
import type { GradeVote } from './grade-vote.ts';
import type { ProposalTarget } from './proposal.ts';
import { type TargetBallot, tallyTarget } from './tally.ts';

export function group(
  id: string,
  weight: number,
  minRaters: number,
  maxRaters: number,
  aggregation: RaterGroup['aggregation'] = { method: 'mean' },
): RaterGroup {
  return { id, name: id, weight, minRaters, maxRaters, mode: 'bearer', aggregation, rates: 'all' };
}

/** 百分制 with two criteria: conduct (德/廉, 40) and performance (能/勤/绩, 60). */
export function scheme(raterGroups: RaterGroup[], emptyGroup: Scheme['emptyGroup'] = 'insufficient'): Scheme {
  return SchemeSchema.parse({
    id: 'test-scheme',
    name: 'test',
    kind: 'annual',
    targetKind: 'cadre',
    criteria: [
      { id: 'conduct', name: '德廉', maxPoints: 40 },
      { id: 'performance', name: '能勤绩', maxPoints: 60 },
    ],
    raterGroups,
    emptyGroup,
    gradeScaleId: 'civil-servant',
    quotaRuleId: 'quota',
    scoreDecimals: 2,
  });
}

/** 优秀 ≥ 90, 称职 ≥ 70, 基本称职 ≥ 60, 不称职 below. */
export const SCALE: GradeScale = GradeScaleSchema.parse({
  id: 'civil-servant',
  name: '公务员年度考核',
  grades: [
    { code: 'excellent', name: '优秀', minScore: 90 },
    { code: 'competent', name: '称职', minScore: 70 },
    { code: 'basic', name: '基本称职', minScore: 60 },
    { code: 'incompetent', name: '不称职', minScore: 0 },
  ],
  quotaGrade: 'excellent',
  fallbackGrade: 'competent',
});

export function quotaRule(over: Partial<QuotaRule> & { tieBreak?: TieBreak[] } = {}): QuotaRule {
  return QuotaRuleSchema.parse({
    id: 'quota',
    name: '优秀比例',
    share: 20,
    rounding: 'floor',
    groupBy: 'unit',
    poolRemainders: false,
    tieBreak: [],
    allowApprovedException: false,
    ...over,
  });
}

/** A ballot for `total` points split conduct = ⌊0.4 × total⌋, performance = the rest (integer totals). */
export function split(total: number): TargetBallot['points'] {
  const conduct = Math.floor((total * 4) / 10);
  return { conduct, performance: total - conduct };
}

let seq = 0;
export function ballots(groupId: string, points: TargetBallot['points'][]): TargetBallot[] {
  return points.map((p) => ({ ballotId: `b${++seq}`, groupId, points: p }));
}

export function target(
  s: Scheme,
  targetId: string,
  unitId: string,
  parentId: string,
  list: TargetBallot[],
): ProposalTarget {
  return { targetId, unitId, parentId, tally: tallyTarget({ scheme: s, targetId, ballots: list }) };
}

const GRADE_ASSUMED = { assumed: '测试用：一票一档方案' };

/**
 * A grade-ballot scheme (一票一档): one 100-point criterion, 领导班子 40 % and 机关干部 60 % (3–50 raters,
 * plain means), the vote grades 优秀 100 / 称职 80 / 基本称职 60 / `lowest` 0 and the given rule
 * (`points` when absent).
 */
export function gradeBallotScheme(
  rule: { method: 'points' } | Omit<Extract<GradeVote['rule'], { method: 'thresholds' }>, 'source'> = {
    method: 'points',
  },
  lowest: 'unfit' | 'incompetent' = 'unfit',
): Scheme {
  const group = (id: string, name: string, weight: number) => ({
    id,
    name,
    weight,
    minRaters: 3,
    maxRaters: 50,
    mode: 'bearer' as const,
    aggregation: { method: 'mean' as const },
    rates: 'all' as const,
  });
  return SchemeSchema.parse({
    id: 'grade-test',
    name: '民主测评',
    kind: 'annual',
    targetKind: 'cadre',
    criteria: [{ id: 'overall', name: '总体评价', maxPoints: 100 }],
    raterGroups: [group('leaders', '领导班子', 40), group('staff', '机关干部', 60)],
    emptyGroup: 'insufficient',
    gradeScaleId: 'civil-servant',
    quotaRuleId: rule.method === 'points' ? null : 'quota',
    scoreDecimals: 2,
    ballotForm: 'grade',
    gradeVote: {
      grades: [
        { code: 'excellent', name: '优秀', pointsHundredths: 10000 },
        { code: 'competent', name: '称职', pointsHundredths: 8000 },
        { code: 'basic', name: '基本称职', pointsHundredths: 6000 },
        { code: lowest, name: '不称职', pointsHundredths: 0 },
      ],
      gradesSource: GRADE_ASSUMED,
      rule: { ...rule, source: GRADE_ASSUMED },
    },
  });
}
