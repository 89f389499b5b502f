import { z } from 'zod';
import { ExchangeKindSchema, PostReviewPolicySchema, UnfitMeasureSchema } from '../selection/after-policy.ts';
import { IndicatorSchema } from '../selection/indicator.ts';
import { PoolLevelPolicySchema } from '../selection/pools-policy.ts';
import { SelectionProcessKindSchema } from '../selection/process-kind.ts';

/**
 * Policy-pack section of selection and structure (选拔任用与结构, R-SEL-1…6): structure indicators, selection
 * process kinds, pools, the post-appointment review, measures for unfit cadres and kinds of exchange.
 */
export const SelectionSectionSchema = z.object({
  indicators: z.array(IndicatorSchema).max(50),
  processKinds: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), SelectionProcessKindSchema),
  pools: z.array(PoolLevelPolicySchema).max(20),
  postReview: PostReviewPolicySchema.nullable(),
  unfitMeasures: z.array(UnfitMeasureSchema).max(10),
  exchangeKinds: z.array(ExchangeKindSchema).max(10),
});
export type SelectionSection = z.infer<typeof SelectionSectionSchema>;
