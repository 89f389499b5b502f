import { z } from 'zod';

/**
 * After appointment (R-SEL-3) and exchanges (R-SEL-6): when the post-appointment review (回头看 / 任职后评估)
 * falls due and which assessment scheme runs it; the measures for unfit cadres (不胜任) with their terms; the
 * kinds of exchange and secondment.
 */

export const PostReviewPolicySchema = z.strictObject({
  /** months after the appointment the review falls due (Jinan: a year) */
  afterMonths: z.number().int().min(1).max(60),
  /** the assessment scheme (kind post_appointment) that runs it; null: recorded without a round */
  schemeId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,40}$/)
    .nullable(),
});

export const UnfitMeasureSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  /** 召回管理 / 回炉锻造 / 二次择岗 */
  name: z.string().min(1).max(20),
  /** months the measure runs before its result is due */
  termMonths: z.number().int().min(1).max(36),
});

export const ExchangeKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  /** 交流 / 挂职 / 实战历练 */
  name: z.string().min(1).max(20),
  /** true: the cadre's registry unit moves to the host unit (交流); false: kept, the posting recorded (挂职) */
  movesRecord: z.boolean(),
  /** months a posting usually lasts (the default end date) */
  defaultMonths: z.number().int().min(1).max(60),
});
