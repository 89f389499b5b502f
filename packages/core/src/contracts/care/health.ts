import { z } from 'zod';
import { SUPPORT_CATEGORIES } from '../../care/health-rules.ts';

/**
 * 体检 and 心理支持 (R-CARE-1). A check is only its plan, year, the day it was done and whether a follow-up is
 * needed (with a note of what follow-up): medical results are never stored. A support request names one care
 * officer (关爱专员) and is read only by that officer and the cadre who filed it.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const Year = z.coerce.number().int().min(2000).max(2100);
const PlanId = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(500).default(50);

// ---------------------------------------------------------------- health checks

export const HEALTH_CHECK_STATES = ['due', 'done', 'follow_up'] as const;

export const HealthCheckListQuerySchema = z.strictObject({
  year: Year,
  /** the unit whose subtree is listed (default: the top of the caller's scope) */
  orgId: Uuid.optional(),
  /** due: not yet checked; done: checked; follow_up: checked and a follow-up is needed; none: all due */
  state: z.enum(HEALTH_CHECK_STATES).optional(),
  /** the cadre's name */
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type HealthCheckListQuery = z.output<typeof HealthCheckListQuerySchema>;

/** A cadre due a check under a plan in the year, and the check when done. */
export const HealthCheckRowSchema = z.object({
  cadreId: Uuid,
  cadreName: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  postTitle: z.string(),
  planId: z.string(),
  planName: z.string(),
  year: z.number().int(),
  /** the check's id; null: not done */
  checkId: Uuid.nullable(),
  doneOn: IsoDate.nullable(),
  followUp: z.boolean(),
  followUpNote: z.string(),
});
export type HealthCheckRow = z.infer<typeof HealthCheckRowSchema>;

export const HealthCheckListSchema = z.object({
  year: z.number().int(),
  orgId: Uuid,
  orgName: z.string(),
  items: z.array(HealthCheckRowSchema),
  total: z.number().int(),
  /** the pack's plans, in words (who is due and how often) */
  explanation: z.string(),
  plans: z.array(z.object({ id: z.string(), name: z.string(), text: z.string() })),
});
export type HealthCheckList = z.infer<typeof HealthCheckListSchema>;

/** 批量登记已体检: these cadres were checked under the plan on the day (the year is the day's). */
export const HealthCheckMarkSchema = z.strictObject({
  planId: PlanId,
  doneOn: IsoDate,
  cadreIds: z.array(Uuid).min(1).max(500),
});
export type HealthCheckMark = z.infer<typeof HealthCheckMarkSchema>;
export const HealthCheckMarkResultSchema = z.object({
  /** checks recorded now */
  recorded: z.number().int(),
  /** already recorded for the plan and year (left as they were) */
  already: z.number().int(),
});
export type HealthCheckMarkResult = z.infer<typeof HealthCheckMarkResultSchema>;

/** Correct a check: its day, and whether a follow-up is needed (what, never a finding). */
export const HealthCheckUpdateSchema = z.strictObject({
  doneOn: IsoDate,
  followUp: z.boolean(),
  followUpNote: z.string().trim().max(200).default(''),
});
export type HealthCheckUpdate = z.infer<typeof HealthCheckUpdateSchema>;

export const HealthCheckSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  planId: z.string(),
  year: z.number().int(),
  doneOn: IsoDate,
  followUp: z.boolean(),
  followUpNote: z.string(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/** A cadre's own checks (我的关爱 · 体检): this year's due plans and the checks on record. */
export const MyHealthSchema = z.object({
  year: z.number().int(),
  due: z.array(
    z.object({ planId: z.string(), planName: z.string(), done: z.boolean(), explanation: z.string() }),
  ),
  checks: z.array(HealthCheckSchema.extend({ planName: z.string() })),
});
export type MyHealth = z.infer<typeof MyHealthSchema>;

// ---------------------------------------------------------------- care officers (关爱专员)

export const CareOfficerSchema = z.object({
  id: Uuid,
  userId: Uuid,
  displayName: z.string(),
  active: z.boolean(),
});
export type CareOfficer = z.infer<typeof CareOfficerSchema>;
export const CareOfficerListSchema = z.object({ items: z.array(CareOfficerSchema) });
export const CareOfficerCreateSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  /** the name a cadre sees (default: the account's display name) */
  displayName: z.string().trim().min(1).max(40).optional(),
});
export type CareOfficerCreate = z.infer<typeof CareOfficerCreateSchema>;

// ---------------------------------------------------------------- support requests (心理支持)

export const SUPPORT_STATUSES = ['open', 'answered', 'closed'] as const;
export const SupportCategorySchema = z.enum(SUPPORT_CATEGORIES);

export const SupportRequestCreateSchema = z.strictObject({
  /** the care officer (care_officers.id) the request is for */
  officerId: Uuid,
  category: SupportCategorySchema,
  body: z.string().trim().min(1).max(2000),
});
export type SupportRequestCreate = z.infer<typeof SupportRequestCreateSchema>;

export const SupportRequestSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  officerUserId: Uuid,
  officerName: z.string(),
  category: SupportCategorySchema,
  body: z.string(),
  status: z.enum(SUPPORT_STATUSES),
  answer: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SupportRequest = z.infer<typeof SupportRequestSchema>;
export const SupportRequestListSchema = z.object({ items: z.array(SupportRequestSchema) });

export const SupportAnswerSchema = z.strictObject({ answer: z.string().trim().min(1).max(2000) });
export type SupportAnswer = z.infer<typeof SupportAnswerSchema>;
