import { z } from 'zod';
import { ORG_KINDS } from '../../org/org-kinds.ts';
import { POOL_KINDS, PoolLevelSchema } from '../../selection/condition.ts';

/**
 * 人才库 (R-SEL-4): 后备干部 and 年轻干部库 by the levels of the district's pack in force. A level's members
 * are counted per unit of its unit kinds against its quota (达标 / 还差 N 人); a nominee is checked against
 * the level's conditions on the day of entry; members leave with a reason (动态调整), may be flagged as 两委
 * candidates, and are reviewed on the schedule the pack sets (一年一小考核，三年一大考核).
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const PoolKindSchema = z.enum(POOL_KINDS);

/** `GET /api/pools?kind=&level=&orgId=`: the pool under a unit (default: the caller's scope root) */
export const PoolQuerySchema = z.strictObject({
  kind: PoolKindSchema.optional(),
  level: PoolLevelSchema.optional(),
  orgId: Uuid.optional(),
});
export type PoolQuery = z.infer<typeof PoolQuerySchema>;

/** `GET /api/pools/reserve?orgId=`: the reserve pool under a unit (the contract the issue names) */
export const PoolReserveQuerySchema = z.strictObject({ orgId: Uuid.optional() });

/** the entry check as core explained it (stored with the membership) */
export const PoolEntryCheckSchema = z.object({
  met: z.boolean(),
  unmet: z.array(z.string()),
  conditionsText: z.string(),
  asOf: IsoDate,
  explanation: z.string(),
});
export type PoolEntryCheckShown = z.infer<typeof PoolEntryCheckSchema>;

export const PoolQuotaSchema = z.object({
  state: z.enum(['none', 'met', 'short', 'over']),
  count: z.number().int(),
  perUnitMin: z.number().int().nullable(),
  perUnitMax: z.number().int().nullable(),
  short: z.number().int(),
  over: z.number().int(),
  full: z.boolean(),
  /** 达标 / 还差 1 人 / 超出 1 人 / 不设名额 */
  text: z.string(),
  explanation: z.string(),
});
export type PoolQuota = z.infer<typeof PoolQuotaSchema>;

/** a scheduled review of a member and its result */
export const PoolMemberReviewSchema = z.object({
  id: Uuid,
  name: z.string(),
  dueOn: IsoDate,
  /** `入库后第 36 个月` */
  dueText: z.string(),
  doneOn: IsoDate.nullable(),
  result: z.string(),
  keeps: z.boolean().nullable(),
  /** not done and due before today */
  overdue: z.boolean(),
});
export type PoolMemberReview = z.infer<typeof PoolMemberReviewSchema>;

export const PoolMemberSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  name: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number().int().nullable(),
  orgId: Uuid,
  orgName: z.string(),
  postTitle: z.string(),
  rank: z.string(),
  kind: PoolKindSchema,
  level: z.string(),
  /** the unit the member is counted in against the quota; its name null when outside the caller's scope */
  unitOrgId: Uuid,
  unitName: z.string().nullable(),
  enteredOn: IsoDate,
  entryReason: z.string(),
  entryCheck: PoolEntryCheckSchema.nullable(),
  active: z.boolean(),
  leftOn: IsoDate.nullable(),
  exitReason: z.string(),
  /** 表现突出，推荐为“两委”候选人 */
  twoCommitteesCandidate: z.boolean(),
  note: z.string(),
  /** the level's conditions no longer met today (已超龄 …); empty for a member who left or a level gone */
  unmetNow: z.array(z.string()),
  reviews: z.array(PoolMemberReviewSchema),
});
export type PoolMember = z.infer<typeof PoolMemberSchema>;

/** one unit of the level's unit kinds under the unit asked for, with its quota status and members */
export const PoolUnitSchema = z.object({
  /** null: members counted in a unit above the caller's scope (only those the caller sees) */
  orgId: Uuid.nullable(),
  orgName: z.string(),
  orgKind: z.enum(ORG_KINDS).nullable(),
  quota: PoolQuotaSchema.nullable(),
  members: z.array(PoolMemberSchema),
});
export type PoolUnit = z.infer<typeof PoolUnitSchema>;

export const PoolLevelViewSchema = z.object({
  kind: PoolKindSchema,
  level: z.string(),
  /** 后备干部（副处级） */
  name: z.string(),
  unitKinds: z.array(z.enum(ORG_KINDS)),
  perUnitMin: z.number().int().nullable(),
  perUnitMax: z.number().int().nullable(),
  conditionsText: z.string(),
  reviews: z.array(z.object({ name: z.string(), everyMonths: z.number().int() })),
  /** the review schedule in words (一年一小考核，三年一大考核; at 36 months only the 大考核) */
  reviewsText: z.string(),
  duties: z.array(z.string()),
  /** active members under the unit */
  total: z.number().int(),
  /** units of the level's kinds short of the quota, and the members missing over them */
  unitsShort: z.number().int(),
  missing: z.number().int(),
  explanation: z.string(),
  units: z.array(PoolUnitSchema),
});
export type PoolLevelView = z.infer<typeof PoolLevelViewSchema>;

export const PoolOverviewSchema = z.object({
  asOf: IsoDate,
  orgId: Uuid,
  orgName: z.string(),
  packId: z.string(),
  packName: z.string(),
  effectiveFrom: IsoDate,
  levels: z.array(PoolLevelViewSchema),
});
export type PoolOverview = z.infer<typeof PoolOverviewSchema>;

/** `GET /api/pools/entry-check`: what a nomination would find, before it is made */
export const PoolEntryCheckQuerySchema = z.strictObject({
  cadreId: Uuid,
  kind: PoolKindSchema,
  level: PoolLevelSchema,
  unitOrgId: Uuid.optional(),
  enteredOn: IsoDate.optional(),
});
export type PoolEntryCheckQuery = z.infer<typeof PoolEntryCheckQuerySchema>;

export const PoolEntryCheckAnswerSchema = z.object({
  check: PoolEntryCheckSchema,
  /** the unit counted in; null (with the reason) when none can be found in the caller's scope */
  unitOrgId: Uuid.nullable(),
  unitName: z.string().nullable(),
  unitProblem: z.string().nullable(),
  /** the unit's quota before the nominee enters */
  quota: PoolQuotaSchema.nullable(),
  /** an active membership of the same level already */
  already: z.boolean(),
});
export type PoolEntryCheckAnswer = z.infer<typeof PoolEntryCheckAnswerSchema>;

/** 推荐入库 */
export const PoolNominateSchema = z.strictObject({
  cadreId: Uuid,
  kind: PoolKindSchema,
  level: PoolLevelSchema,
  /** the unit counted in (default: the cadre's unit, or its nearest ancestor of the level's unit kinds) */
  unitOrgId: Uuid.optional(),
  /** default: today */
  enteredOn: IsoDate.optional(),
  reason: z.string().trim().min(1).max(500),
});
export type PoolNominate = z.input<typeof PoolNominateSchema>;

export const PoolMemberParamsSchema = z.strictObject({ id: Uuid });
export const PoolReviewParamsSchema = z.strictObject({ id: Uuid, reviewId: Uuid });

/** 动态调整：出库, with the date (default today) and the reason */
export const PoolLeaveSchema = z.strictObject({
  leftOn: IsoDate.optional(),
  reason: z.string().trim().min(1).max(500),
});
export type PoolLeave = z.input<typeof PoolLeaveSchema>;

/** 两委候选人 flag (and a note) */
export const PoolMemberPatchSchema = z.strictObject({
  twoCommitteesCandidate: z.boolean().optional(),
  note: z.string().trim().max(500).optional(),
});
export type PoolMemberPatch = z.infer<typeof PoolMemberPatchSchema>;

/** the result of a due review: kept in the pool, or not (then the member leaves with `exitReason`) */
export const PoolReviewResultSchema = z.strictObject({
  doneOn: IsoDate.optional(),
  result: z.string().trim().min(1).max(500),
  keeps: z.boolean(),
  exitReason: z.string().trim().min(1).max(500).optional(),
});
export type PoolReviewResult = z.input<typeof PoolReviewResultSchema>;

/** `GET /api/pools/reviews?orgId=&withinDays=`: reviews not done, due by today + withinDays (overdue too) */
export const PoolDueReviewsQuerySchema = z.strictObject({
  orgId: Uuid.optional(),
  kind: PoolKindSchema.optional(),
  withinDays: z.coerce.number().int().min(0).max(3660).default(90),
});
export type PoolDueReviewsQuery = z.infer<typeof PoolDueReviewsQuerySchema>;

export const PoolDueReviewSchema = z.object({
  review: PoolMemberReviewSchema,
  memberId: Uuid,
  cadreId: Uuid,
  name: z.string(),
  orgName: z.string(),
  kind: PoolKindSchema,
  level: z.string(),
  unitName: z.string().nullable(),
});
export type PoolDueReview = z.infer<typeof PoolDueReviewSchema>;

export const PoolDueReviewListSchema = z.object({
  asOf: IsoDate,
  until: IsoDate,
  items: z.array(PoolDueReviewSchema),
});
export type PoolDueReviewList = z.infer<typeof PoolDueReviewListSchema>;

export const PoolCadreParamsSchema = z.strictObject({ cadreId: Uuid });

/** a cadre's memberships, current and past, newest first */
export const PoolHistorySchema = z.object({ items: z.array(PoolMemberSchema) });
export type PoolHistory = z.infer<typeof PoolHistorySchema>;
