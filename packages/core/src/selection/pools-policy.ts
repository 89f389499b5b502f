import { z } from 'zod';
import { ORG_KINDS } from '../org/org-kinds.ts';
import { CadreConditionSchema, POOL_KINDS, PoolLevelSchema } from './condition.ts';

/**
 * Pools (R-SEL-4): 后备干部 and 年轻干部库 by level. A level says where its members are counted and the quota
 * per such unit (≥ 2 per village and community, Jinwan), the conditions a nominee must meet (checked on
 * entry, shown with the reason when not met), and the scheduled reviews (一年一小考核，三年一大考核).
 */

export const PoolReviewSchema = z.strictObject({
  /** 小考核 / 大考核 */
  name: z.string().min(1).max(20),
  /** due every this many months after entry */
  everyMonths: z.number().int().min(1).max(120),
});

export const PoolLevelPolicySchema = z.strictObject({
  kind: z.enum(POOL_KINDS),
  level: PoolLevelSchema,
  /** the units whose members are counted against `perUnitMin` (the member's own unit or an ancestor of it) */
  unitKinds: z.array(z.enum(ORG_KINDS)).min(1),
  /** the least number of members per such unit; null: no quota */
  perUnitMin: z.number().int().min(1).max(100).nullable(),
  /** the most per unit; null: no ceiling */
  perUnitMax: z.number().int().min(1).max(100).nullable().default(null),
  /** what a nominee must meet on the day of entry (age, education, political status …) */
  conditions: CadreConditionSchema,
  reviews: z.array(PoolReviewSchema).max(5).default([]),
  /** duties as the policy lists them (任职安排及工作职责), shown on the pool page */
  duties: z.array(z.string().min(1).max(100)).max(10).default([]),
});
export type PoolLevelPolicy = z.infer<typeof PoolLevelPolicySchema>;
