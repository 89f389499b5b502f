import { z } from 'zod';
import { CadreConditionSchema } from '../selection/condition.ts';

/**
 * Precision incentives (精准激励, R-NEED-1/2, Jinan): the needs survey asks cadres which incentive kinds they
 * value; answers are anonymous and broken down by rank band, post kind and education band; a group is shown
 * only when at least `minGroupSize` answered; each group's result recommends an incentive mix.
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

/**
 * A band of a breakdown (乡科级及以上 / 乡科级以下 …): a respondent falls in the FIRST band whose condition
 * their record matches on the survey's date (so the last band is usually the catch-all `{}`).
 */
const BandSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).max(30),
  condition: CadreConditionSchema,
});

export const NeedsSectionSchema = z.strictObject({
  /** 政治激励 / 经济激励 / 精神激励 / 生活关爱 / 成长发展 … the options a respondent ranks */
  incentiveKinds: z
    .array(z.strictObject({ id: Id, name: z.string().min(1).max(20), hint: z.string().max(80) }))
    .min(2)
    .max(10),
  /** a respondent picks at most this many kinds, in order of importance */
  picksPerAnswer: z.number().int().min(1).max(10),
  /** points for the 1st, 2nd … pick (Borda-like); length = picksPerAnswer */
  pickPoints: z.array(z.number().int().min(0).max(100)).min(1).max(10),
  /** the breakdowns by rank (职务级别), post (任职岗位) and education (教育水平) */
  breakdowns: z.strictObject({
    rank: z.array(BandSchema).min(1).max(10),
    post: z.array(BandSchema).min(1).max(10),
    education: z.array(BandSchema).min(1).max(10),
  }),
  /** a group with fewer answers than this is not shown (nor derivable from totals) */
  minGroupSize: z.number().int().min(2).max(100),
  /** the recommended mix names a group's top kinds by share of points, at most this many */
  recommendTop: z.number().int().min(1).max(5),
});
export type NeedsSection = z.infer<typeof NeedsSectionSchema>;

/** The section's references: unique ids, one point per pick. */
export function checkNeeds(section: NeedsSection, ctx: z.RefinementCtx): void {
  if (section.pickPoints.length !== section.picksPerAnswer)
    ctx.addIssue({
      code: 'custom',
      path: ['needs', 'pickPoints'],
      message: '每个选择位次都要有分值',
    });
  if (section.picksPerAnswer > section.incentiveKinds.length)
    ctx.addIssue({
      code: 'custom',
      path: ['needs', 'picksPerAnswer'],
      message: '可选个数不能多于激励类型数',
    });
  const ids = section.incentiveKinds.map((k) => k.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['needs', 'incentiveKinds', i, 'id'],
        message: `编号 ${id} 重复`,
      });
  });
}
