import { z } from 'zod';

/**
 * 谈心谈话 (R-CARE-4) and 双向约谈 (R-CARE-5): the district leaders who hold the year's talks and the units
 * linked to them, the plan computed from the pack's `care.talkPlan`, the records of talks held (their content
 * restricted to the talker and the organisation department), and a cadre's requests to talk with a leader.
 */

const day = z.iso.date();
const uuid = z.string().uuid();

export const TALK_LEADER_KINDS = ['principal', 'linked'] as const;
export const TALK_FORMS = ['individual', 'group'] as const;

/** 区委主要负责人 (principal) or another district leader with linked units (linked). */
export const TalkLeaderSchema = z.object({
  id: uuid,
  name: z.string(),
  title: z.string(),
  kind: z.enum(TALK_LEADER_KINDS),
  /** the leader's account (talk requests can name only a leader with one) */
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  cadreId: uuid.nullable(),
  active: z.boolean(),
  /** 挂钩街道、分管部门 */
  links: z.array(z.object({ orgId: uuid, orgName: z.string() })),
});
export type TalkLeader = z.infer<typeof TalkLeaderSchema>;
export const TalkLeaderListSchema = z.object({ items: z.array(TalkLeaderSchema) });

export const TalkLeaderInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  title: z.string().trim().min(1).max(60),
  kind: z.enum(TALK_LEADER_KINDS),
  userId: uuid.nullable().optional(),
  cadreId: uuid.nullable().optional(),
  orgIds: z.array(uuid).max(50).default([]),
});
export type TalkLeaderInput = z.input<typeof TalkLeaderInputSchema>;

export const TalkLeaderUpdateSchema = TalkLeaderInputSchema.partial().extend({
  active: z.boolean().optional(),
});
export type TalkLeaderUpdate = z.input<typeof TalkLeaderUpdateSchema>;

/** The year's plan: one row per (talker, talkee) the pack's rules ask for, with how many were held. */
export const TalkPlanQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  orgId: uuid.optional(),
  /** only the pairs not yet fully held */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TalkPlanQuery = z.output<typeof TalkPlanQuerySchema>;

export const TalkPlanRowSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  leaderId: uuid,
  leaderName: z.string(),
  leaderTitle: z.string(),
  cadreId: uuid,
  cadreName: z.string(),
  postTitle: z.string(),
  orgName: z.string(),
  times: z.number().int(),
  held: z.number().int(),
  /** 区委书记 王某 与 甲街道党工委书记 张某：丰泽政策包“…”每年至少1次，已谈1次 */
  explanation: z.string(),
});
export type TalkPlanRow = z.infer<typeof TalkPlanRowSchema>;
export const TalkPlanSchema = z.object({
  year: z.number().int(),
  items: z.array(TalkPlanRowSchema),
  total: z.number().int(),
  planned: z.number().int(),
  done: z.number().int(),
  /** the pack's rules in words, and the leaders the plan rests on (or why a rule plans nothing) */
  explanation: z.string(),
});
export type TalkPlan = z.infer<typeof TalkPlanSchema>;

/** A talk held: its fact (seen for coverage); `contentVisible` tells whether the reader may open its content. */
export const TalkSchema = z.object({
  id: uuid,
  leaderId: uuid,
  leaderName: z.string(),
  leaderTitle: z.string(),
  cadreId: uuid,
  cadreName: z.string(),
  orgName: z.string(),
  heldOn: day,
  form: z.enum(TALK_FORMS),
  contentVisible: z.boolean(),
});
export type Talk = z.infer<typeof TalkSchema>;
export const TalkListSchema = z.object({ items: z.array(TalkSchema), total: z.number().int() });
/** `POST /api/care/talks`: the talks recorded (one per talkee). */
export const TalksRecordedSchema = z.object({ items: z.array(TalkSchema) });
export const TalkListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  cadreId: uuid.optional(),
  leaderId: uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TalkListQuery = z.output<typeof TalkListQuerySchema>;

/** 谈话内容: read only by the talker and the organisation department. */
export const TalkContentSchema = z.object({ talkId: uuid, topics: z.string(), notes: z.string() });
export type TalkContent = z.infer<typeof TalkContentSchema>;

export const TalkInputSchema = z.strictObject({
  leaderId: uuid,
  cadreIds: z.array(uuid).min(1).max(50),
  heldOn: day,
  form: z.enum(TALK_FORMS),
  topics: z.string().trim().min(1).max(500),
  notes: z.string().trim().max(4000).default(''),
});
export type TalkInput = z.input<typeof TalkInputSchema>;

// ---------------------------------------------------------------- 双向约谈

export const TALK_REQUEST_STATES = ['waiting', 'overdue', 'answered', 'answered_late', 'withdrawn'] as const;
export type TalkRequestState = (typeof TALK_REQUEST_STATES)[number];

export const TalkRequestInputSchema = z.strictObject({
  leaderId: uuid,
  /** what the cadre wants to talk about (the difficulty) */
  reason: z.string().trim().min(1).max(1000),
});
export type TalkRequestInput = z.input<typeof TalkRequestInputSchema>;

export const TalkRequestSchema = z.object({
  id: uuid,
  caseId: uuid,
  leaderId: uuid,
  leaderName: z.string(),
  leaderTitle: z.string(),
  cadreId: uuid,
  cadreName: z.string(),
  orgName: z.string(),
  reason: z.string(),
  requestedOn: day,
  /** the last day of the answer step (the case kind's working days) */
  dueOn: day.nullable(),
  answer: z.string().nullable(),
  answeredOn: day.nullable(),
  state: z.enum(TALK_REQUEST_STATES),
  /** e.g. 2026-09-25 提出，按丰泽政策包“双向约谈”领导答复时限10个工作日，应于2026-10-14前答复；已逾期 */
  explanation: z.string(),
});
export type TalkRequest = z.infer<typeof TalkRequestSchema>;
export const TalkRequestListSchema = z.object({ items: z.array(TalkRequestSchema) });

export const TalkRequestAnswerSchema = z.strictObject({
  /** the arranged time and place, or the reply */
  answer: z.string().trim().min(1).max(2000),
});
export type TalkRequestAnswer = z.input<typeof TalkRequestAnswerSchema>;

/** The leaders a cadre may ask (serving, with an account). */
export const TalkRequestLeaderListSchema = z.object({
  items: z.array(z.object({ id: uuid, name: z.string(), title: z.string() })),
  /** false: the pack in force offers no two-way appointments */
  offered: z.boolean(),
});
