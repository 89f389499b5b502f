import { z } from 'zod';
import { SourceSchema } from '../policy/source.ts';
import { type GradeCode, GradeCodeSchema } from './grade-code.ts';

/**
 * The grade ballot (一票一档, issue 10 §1): each rater taps one grade per person (优秀 / 称职 / 基本称职 /
 * 不称职 or the pack's list); a target's votes are tallied as grade shares (优秀票率 …) and the pack's rule
 * turns them into a score or a grade. Counts are integers and every comparison is made on them exactly
 * (count × 10000 against percent-hundredths × total); shares are shown in hundredths of a percent, rounded
 * half up, and never fed back into a comparison.
 */

const Code = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
/** a percentage with at most two decimals, held as hundredths of a percent (60 % = 6000) */
const PercentHundredths = z.number().int().min(0).max(10000);

export const VoteGradeSchema = z.object({
  code: Code,
  name: z.string().min(1).max(20),
  /** points this grade's vote is worth on the 百分制 for the `points` rule, in hundredths (优秀 = 10000) */
  pointsHundredths: z.number().int().min(0).max(10000),
});
export type VoteGrade = z.infer<typeof VoteGradeSchema>;

/** One condition of a threshold rule: the share of these vote grades is at least (or above) a percentage. */
export const ShareConditionSchema = z.object({
  grades: z.array(Code).min(1),
  /** `gte`: share ≥ percent; `gt`: share > percent (不称职票超过三分之一 …) */
  op: z.enum(['gte', 'gt']),
  percentHundredths: PercentHundredths,
});
export type ShareCondition = z.infer<typeof ShareConditionSchema>;

export const GradeVoteRuleSchema = z.discriminatedUnion('method', [
  /** score = Σ share × the grade's points (百分制, two decimals, half up) */
  z.object({ method: z.literal('points'), source: SourceSchema }),
  /**
   * the first result grade whose conditions all hold (in the order listed); the last has none and takes
   * every other target. `grade` is a code of the scheme's grade scale (the pack checks it), so the vote
   * shares propose the grade the quota, pay and honours read.
   */
  z.object({
    method: z.literal('thresholds'),
    results: z
      .array(
        z.object({
          grade: GradeCodeSchema,
          /** the grade's name as the scale prints it (优秀 …), for the explanation */
          name: z.string().min(1).max(20),
          when: z.array(ShareConditionSchema),
        }),
      )
      .min(2),
    source: SourceSchema,
  }),
]);
export type GradeVoteRule = z.infer<typeof GradeVoteRuleSchema>;

export const GradeVoteSchema = z
  .object({
    /** best first */
    grades: z.array(VoteGradeSchema).min(2).max(7),
    gradesSource: SourceSchema,
    rule: GradeVoteRuleSchema,
  })
  .superRefine((g, ctx) => {
    const codes = new Set(g.grades.map((x) => x.code));
    if (codes.size !== g.grades.length)
      ctx.addIssue({ code: 'custom', path: ['grades'], message: '票面等次代码不能重复' });
    if (g.rule.method === 'thresholds') {
      g.rule.results.forEach((r, i) => {
        const last = i === (g.rule as { results: unknown[] }).results.length - 1;
        if (last !== (r.when.length === 0))
          ctx.addIssue({
            code: 'custom',
            path: ['rule', 'results', i, 'when'],
            message: '只有最后一个等次不设条件（其余对象都归入它）',
          });
        r.when.forEach((w, k) =>
          w.grades.forEach((c) => {
            if (!codes.has(c))
              ctx.addIssue({
                code: 'custom',
                path: ['rule', 'results', i, 'when', k, 'grades'],
                message: `没有票面等次“${c}”`,
              });
          }),
        );
      });
    }
  });
export type GradeVote = z.infer<typeof GradeVoteSchema>;

/** One target's votes in one rater group. */
export interface GradeVoteCount {
  /** valid votes cast for the target */
  total: number;
  /** per vote grade, in the pack's order */
  grades: { code: string; name: string; count: number; shareHundredths: number }[];
}

export interface GradeVoteResult extends GradeVoteCount {
  /** `points`: the score in hundredths (9000 = 90.00 分); `thresholds`: null */
  scoreHundredths: number | null;
  /** `thresholds`: the result grade (a code of the scheme's grade scale); `points`: null */
  grade: GradeCode | null;
  /** Chinese lines naming the counts, the shares and the rule's step */
  explanation: string[];
}

/** `num / den` rounded half up to an integer (non-negative integers, den > 0). */
const divHalfUp = (num: number, den: number): number => Math.floor((2 * num + den) / (2 * den));

/** Hundredths → "60.00". */
const twoDecimals = (h: number): string => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

/**
 * Count one target's votes (each a vote grade's code). A code the pack does not list is an error: the
 * server refuses such a ballot before it is stored, so one here means the data is wrong.
 */
export function countGradeVotes(spec: GradeVote, votes: readonly string[]): GradeVoteCount {
  const counts = new Map(spec.grades.map((g) => [g.code, 0]));
  for (const v of votes) {
    const n = counts.get(v);
    if (n === undefined) throw new RangeError(`vote for unknown grade “${v}”`);
    counts.set(v, n + 1);
  }
  return gradeVoteCountOf(
    spec,
    spec.grades.map((g) => counts.get(g.code) ?? 0),
  );
}

/** Votes per grade (in the pack's order) with their total and shares. */
export function gradeVoteCountOf(spec: GradeVote, counts: readonly number[]): GradeVoteCount {
  const total = counts.reduce((s, n) => s + n, 0);
  return {
    total,
    grades: spec.grades.map((g, i) => {
      const count = counts[i] ?? 0;
      return {
        code: g.code,
        name: g.name,
        count,
        shareHundredths: total === 0 ? 0 : divHalfUp(count * 10000, total),
      };
    }),
  };
}

/** Whether a condition holds, on the counts (exact): count × 10000 ≥ (or >) percent-hundredths × total. */
function holds(c: ShareCondition, tally: GradeVoteCount): boolean {
  const count = tally.grades.filter((g) => c.grades.includes(g.code)).reduce((s, g) => s + g.count, 0);
  const lhs = count * 10000;
  const rhs = c.percentHundredths * tally.total;
  return c.op === 'gte' ? lhs >= rhs : lhs > rhs;
}

function conditionText(c: ShareCondition, spec: GradeVote, tally: GradeVoteCount): string {
  const names = c.grades.map((code) => spec.grades.find((g) => g.code === code)?.name ?? code).join('+');
  const count = tally.grades.filter((g) => c.grades.includes(g.code)).reduce((s, g) => s + g.count, 0);
  const share = tally.total === 0 ? 0 : divHalfUp(count * 10000, tally.total);
  const op = c.op === 'gte' ? '≥' : '>';
  const verdict = holds(c, tally) ? '成立' : '不成立';
  return `${names}票率 ${twoDecimals(share)}%（${count}/${tally.total}）${op} ${twoDecimals(c.percentHundredths)}%：${verdict}`;
}

/**
 * A target's result from its votes by the pack's rule. With no vote the result is empty (null score and
 * grade): whether the group counts at all is the caller's rule on the minimum number of raters.
 */
export function tallyGradeVotes(spec: GradeVote, votes: readonly string[]): GradeVoteResult {
  return gradeVoteResultOf(spec, countGradeVotes(spec, votes));
}

/** The pack rule's step on counted votes (see `tallyGradeVotes`). */
export function gradeVoteResultOf(spec: GradeVote, tally: GradeVoteCount): GradeVoteResult {
  const explanation = [
    `有效票 ${tally.total} 张：` +
      tally.grades.map((g) => `${g.name} ${g.count} 票（${twoDecimals(g.shareHundredths)}%）`).join('，'),
  ];
  if (tally.total === 0) {
    explanation.push('没有有效票，不计结果');
    return { ...tally, scoreHundredths: null, grade: null, explanation };
  }
  if (spec.rule.method === 'points') {
    // Σ count × points (hundredths) / total, half up: exact on the counts, not on the rounded shares
    const sum = tally.grades.reduce(
      (s, g) => s + g.count * (spec.grades.find((x) => x.code === g.code)?.pointsHundredths ?? 0),
      0,
    );
    const score = divHalfUp(sum, tally.total);
    const terms = tally.grades
      .map(
        (g) => `${g.count}×${twoDecimals(spec.grades.find((x) => x.code === g.code)?.pointsHundredths ?? 0)}`,
      )
      .join(' + ');
    explanation.push(`得分 = (${terms}) ÷ ${tally.total} = ${twoDecimals(score)} 分（两位小数，四舍五入）`);
    return { ...tally, scoreHundredths: score, grade: null, explanation };
  }
  for (const r of spec.rule.results) {
    const ok = r.when.every((c) => holds(c, tally));
    if (r.when.length > 0)
      explanation.push(`${r.name}：${r.when.map((c) => conditionText(c, spec, tally)).join('；')}`);
    if (ok) {
      explanation.push(r.when.length > 0 ? `结果：${r.name}` : `结果：${r.name}（以上条件均不满足）`);
      return { ...tally, scoreHundredths: null, grade: r.grade, explanation };
    }
  }
  // unreachable for a valid pack: the last result has no condition
  throw new RangeError('grade vote rule has no default result');
}
