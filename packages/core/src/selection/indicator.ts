import { z } from 'zod';
import { ORG_KINDS } from '../org/org-kinds.ts';
import { CadreConditionSchema } from './condition.ts';

/**
 * A structure indicator (结构指标, R-SEL-1): among a population (`population`), those who also meet
 * `numerator`, measured as a share or a count against a target — over the whole scope, or in each unit of
 * the given kinds (`judgedPer`, e.g. ≥ 2 reserve cadres in every village and community: every such unit must
 * reach it, and the gap is the people still missing summed over the units short of it).
 */

export const IndicatorIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,40}$/, '指标编号只能用小写字母、数字和连字符，并以字母开头');

export const IndicatorTargetSchema = z.discriminatedUnion('measure', [
  /** share (percent, up to one decimal) of the population meeting the numerator, at least / at most */
  z.strictObject({
    measure: z.literal('share'),
    op: z.enum(['gte', 'lte']),
    percent: z.number().min(0).max(100),
  }),
  /** count of people meeting both, at least / at most */
  z.strictObject({
    measure: z.literal('count'),
    op: z.enum(['gte', 'lte']),
    count: z.number().int().min(0).max(1_000_000),
  }),
]);
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const IndicatorSchema = z.strictObject({
  id: IndicatorIdSchema,
  /** as the policy names it: 县党政领导班子成员中具有乡镇党委书记经历的比例 */
  name: z.string().min(1).max(60),
  description: z.string().max(300).default(''),
  population: CadreConditionSchema,
  numerator: CadreConditionSchema,
  target: IndicatorTargetSchema,
  /** null: judged over the whole scope; else in every unit of these kinds (counting its subtree) */
  judgedPer: z.array(z.enum(ORG_KINDS)).min(1).nullable().default(null),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorInput = z.input<typeof IndicatorSchema>;
