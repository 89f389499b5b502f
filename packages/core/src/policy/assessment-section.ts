import { z } from 'zod';
import { GradeCodeSchema } from '../assessment/grade-code.ts';
import { GradeVoteSchema } from '../assessment/grade-vote.ts';

/**
 * Policy-pack sections read by the assessment engine: grade scales (等次), the excellent-grade quota
 * (优秀等次比例) and assessment schemes (考核方案) with their rater groups (评议主体). Every number here
 * is a pack parameter; the engine in `assessment/` has no figure of its own.
 */

const Id = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, '编号只能用小写字母、数字和连字符，并以字母开头');
const Percent = z.number().min(0).max(100);

// ------------------------------------------------------------------ grade scales (等次)

export const GradeSchema = z.object({
  /** stable code used by other modules (pay, honours, eligibility) */
  code: GradeCodeSchema,
  /** as written in the pack's documents: 优秀, 称职, 基本称职, 不称职, 良好, 合格, 较差 … */
  name: z.string().min(1).max(20),
  /** lowest weighted total (百分制) that proposes this grade; the top grade is also capped by the quota */
  minScore: z.number().min(0).max(100),
});
export type Grade = z.infer<typeof GradeSchema>;

export const GradeScaleSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(50),
    /** best first; thresholds strictly decreasing; the last one starts at 0 so every score has a grade */
    grades: z.array(GradeSchema).min(2).max(7),
    /** the grade the quota caps (优秀) */
    quotaGrade: z.enum(['excellent', 'good']).default('excellent'),
    /** where the quota pushes a target down to when it misses the capped grade */
    fallbackGrade: z.enum(['competent', 'good', 'fair']).default('competent'),
  })
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.grades.length; i++) {
      if (s.grades[i]!.minScore >= s.grades[i - 1]!.minScore)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'minScore'],
          message: '等次分数线须逐级降低',
        });
    }
    if (s.grades.at(-1)?.minScore !== 0)
      ctx.addIssue({ code: 'custom', path: ['grades'], message: '最低等次的分数线须为 0' });
    const codes = s.grades.map((g) => g.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['grades'], message: '等次代码不能重复' });
    if (!codes.includes(s.quotaGrade))
      ctx.addIssue({ code: 'custom', path: ['quotaGrade'], message: '受名额限制的等次不在等次表中' });
    if (!codes.includes(s.fallbackGrade))
      ctx.addIssue({ code: 'custom', path: ['fallbackGrade'], message: '超出名额时的等次不在等次表中' });
  });
export type GradeScale = z.infer<typeof GradeScaleSchema>;

// ------------------------------------------------------------------ excellent quota (优秀比例)

/** How a share of a population becomes a whole number of places. */
export const QuotaRoundingSchema = z.enum(['floor', 'halfUp', 'ceil']);
export type QuotaRounding = z.infer<typeof QuotaRoundingSchema>;

/**
 * Tie-break at the quota boundary, applied in order after the weighted total. Deterministic: when the
 * chain cannot separate the targets at the boundary, none of them is proposed beyond the quota and the
 * committee decides (`tiedAtBoundary`) — never a random draw.
 */
export const TieBreakSchema = z.discriminatedUnion('by', [
  /** higher aggregate of one rater group first (e.g. the superior leadership group) */
  z.object({ by: z.literal('groupScore'), groupId: Id }),
  /** higher score on one criterion (mean over the counted ballots) first */
  z.object({ by: z.literal('criterionScore'), criterionId: Id }),
  /** more ballots counted first (a broader base of raters) */
  z.object({ by: z.literal('ballotCount') }),
]);
export type TieBreak = z.infer<typeof TieBreakSchema>;

export const QuotaRuleSchema = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  /** the capped grade's share of the quota group, in percent (15 = 15 %) */
  share: Percent,
  rounding: QuotaRoundingSchema,
  /**
   * Quota groups: 'population' = the whole round; 'unit' = each target's unit (e.g. each street's staff);
   * 'parent' = the unit's parent (e.g. all villages of a town).
   */
  groupBy: z.enum(['population', 'unit', 'parent']),
  /**
   * Places the per-group rounding leaves over (Σ fractions) are pooled one level up and given to the best
   * remaining targets of that level, so no fraction is left for people to settle.
   */
  poolRemainders: z.boolean(),
  tieBreak: z.array(TieBreakSchema).max(5),
  /** the committee may exceed the quota with an approved exception (破格) */
  allowApprovedException: z.boolean(),
});
export type QuotaRule = z.infer<typeof QuotaRuleSchema>;

// ------------------------------------------------------------------ schemes (考核方案)

export const AssessmentKindSchema = z.enum([
  'annual',
  'regular',
  'term',
  'special',
  'post_appointment',
  'target',
]);
export type AssessmentKind = z.infer<typeof AssessmentKindSchema>;

export const AggregationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mean') }),
  /** drop one highest and one lowest ballot when at least `minBallots` were counted; plain mean below */
  z.object({ method: z.literal('trimmedMean'), minBallots: z.number().int().min(3).max(1000) }),
]);
export type Aggregation = z.infer<typeof AggregationSchema>;

export const RaterGroupSchema = z
  .object({
    id: Id,
    /** 党员和群众代表, 村"两委"班子, 镇党委班子, 县四套班子, "两代表一委员", 站点自评 … */
    name: z.string().min(1).max(50),
    /** percent of the weighted total; a scheme's groups sum to 100 */
    weight: Percent,
    minRaters: z.number().int().min(1).max(100000),
    maxRaters: z.number().int().min(1).max(100000),
    /** bearer: anonymous one-time tokens (slips); named: accounts, whose ballot is stored without their id */
    mode: z.enum(['bearer', 'named']),
    aggregation: AggregationSchema,
    /**
     * Who the group's raters rate: 'all' targets of the round, or only the targets of the rater's own unit
     * ('ownUnit': village X's representatives rate village X's leaders) — tokens are issued per unit then.
     */
    rates: z.enum(['all', 'ownUnit']),
  })
  .refine((g) => g.minRaters <= g.maxRaters, {
    path: ['maxRaters'],
    message: '最少评议人数不能大于最多评议人数',
  });
export type RaterGroup = z.infer<typeof RaterGroupSchema>;

export const CriterionSchema = z.object({
  id: Id,
  name: z.string().min(1).max(50),
  description: z.string().max(500).default(''),
  maxPoints: z.number().positive().max(100),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const SchemeSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(80),
    kind: AssessmentKindSchema,
    /** a cadre, or a unit (remote-education stations and villages are assessed as units) */
    targetKind: z.enum(['cadre', 'unit']),
    /** 百分制: criteria points sum to 100 */
    criteria: z.array(CriterionSchema).min(1).max(30),
    raterGroups: z.array(RaterGroupSchema).min(1).max(10),
    /** what a group with no ballot at all does: spread its weight over the others, or block the target */
    emptyGroup: z.enum(['renormalise', 'insufficient']),
    gradeScaleId: Id,
    quotaRuleId: Id.nullable(),
    /** decimals shown for scores (rounded half-up for display only; ranks use exact values) */
    scoreDecimals: z.number().int().min(0).max(4),
    /**
     * The ballot form (absent = 'scores'): 'scores' = points per criterion; 'grade' = one tap per person for
     * a vote grade (一票一档, 优秀 / 称职 / 基本称职 / 不称职), tallied by `gradeVote` (see grade-ballot.ts).
     */
    ballotForm: z.enum(['scores', 'grade']).optional(),
    /** the grade ballot's vote grades and rule; required with `ballotForm: 'grade'`, refused otherwise */
    gradeVote: GradeVoteSchema.optional(),
  })
  .superRefine((s, ctx) => {
    const weight = s.raterGroups.reduce((sum, g) => sum + g.weight, 0);
    if (Math.abs(weight - 100) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['raterGroups'],
        message: `各评议组权重合计为 ${weight}%，应为 100%`,
      });
    const points = s.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
    if (Math.abs(points - 100) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: `各项指标分值合计为 ${points} 分，应为 100 分`,
      });
    const ids = s.raterGroups.map((g) => g.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['raterGroups'], message: '评议组编号不能重复' });
    const cids = s.criteria.map((c) => c.id);
    if (new Set(cids).size !== cids.length)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: '指标编号不能重复' });
    checkGradeBallot(s, ctx);
  });
export type Scheme = z.infer<typeof SchemeSchema>;

/**
 * A grade-ballot scheme's shape: its vote grades, one criterion (the vote's points stand for the ballot's
 * total, so a group's mean is the `points` rule's score) and plain means (trimming by a vote's points
 * would drop one 优秀 and one 不称职 vote, which no 民主测评 rule does).
 */
function checkGradeBallot(
  s: {
    ballotForm?: 'scores' | 'grade' | undefined;
    gradeVote?: unknown;
    criteria: readonly { maxPoints: number }[];
    raterGroups: readonly { aggregation: { method: string } }[];
  },
  ctx: z.RefinementCtx,
): void {
  if (s.ballotForm !== 'grade') {
    if (s.gradeVote !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['gradeVote'],
        message: '只有等次票（一票一档）方案才设票面等次',
      });
    return;
  }
  if (s.gradeVote === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['gradeVote'],
      message: '等次票（一票一档）方案须设票面等次和计票规则',
    });
  if (s.criteria.length !== 1)
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: '等次票方案只设一项总体评价指标（100 分）' });
  s.raterGroups.forEach((g, i) => {
    if (g.aggregation.method !== 'mean')
      ctx.addIssue({
        code: 'custom',
        path: ['raterGroups', i, 'aggregation'],
        message: '等次票方案的评议组按全部有效票计算，不去掉最高最低票',
      });
  });
}

/**
 * The least `minGroupSizeShown` a pack may set (SECURITY 31): below three ballots a group's mean hands each
 * of its raters the other's score.
 */
export const MIN_GROUP_SIZE_SHOWN_FLOOR = 3;

export const AssessmentSectionSchema = z.object({
  /** per-group figures are hidden below this many ballots (SECURITY 22, 31; see assessment/disclosure.ts) */
  minGroupSizeShown: z
    .number()
    .int()
    .min(MIN_GROUP_SIZE_SHOWN_FLOOR, `单列显示的最少票数不能少于 ${MIN_GROUP_SIZE_SHOWN_FLOOR} 票`)
    .max(50),
  gradeScales: z.array(GradeScaleSchema).min(1),
  quotaRules: z.array(QuotaRuleSchema),
  schemes: z.array(SchemeSchema).min(1),
});
export type AssessmentSection = z.infer<typeof AssessmentSectionSchema>;
