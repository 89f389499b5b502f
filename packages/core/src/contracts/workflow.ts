import { z } from 'zod';
import { CASE_ACTIONS } from '../workflow/kind.ts';

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();
const timestamp = z.string();

export const CaseStatusSchema = z.enum(['open', 'done', 'rejected', 'withdrawn']);

/** One line of the 待办: a case step waiting for the caller, or a reminder posted to them. */
export const InboxItemSchema = z.object({
  id: z.string().uuid(),
  source: z.enum(['case', 'notice']),
  /** the case kind (`tolerance`, `grade_appeal` …) or the notice's kind (`discipline.warning` …) */
  kind: z.string(),
  /** the kind as the pack names it (容错申请 …); the notice kind's own name for notices */
  kindName: z.string(),
  title: z.string(),
  /** where the row opens (a web path) */
  link: z.string(),
  /** the current step's name (受理 …); null for a notice */
  step: z.string().nullable(),
  dueOn: day.nullable(),
  overdue: z.boolean(),
  /** when the case entered its current step, or the notice was posted (ISO timestamp) */
  since: timestamp,
  /** 发起时间: when the case was opened, or the notice posted */
  openedAt: timestamp,
  /** for 我发起的: the case's status */
  status: CaseStatusSchema.nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxSchema = z.object({
  /** case steps the caller may act on, then their unresolved notices; oldest deadline first */
  items: z.array(InboxItemSchema),
  /** 我发起的: open cases the caller opened */
  mine: z.array(InboxItemSchema),
});
export type Inbox = z.infer<typeof InboxSchema>;

export const InboxCountSchema = z.object({
  /** case steps waiting for the caller plus unresolved notices */
  pending: z.number().int(),
  /** of those, past their deadline */
  overdue: z.number().int(),
});
export type InboxCount = z.infer<typeof InboxCountSchema>;

export const CaseActionCodeSchema = z.enum(CASE_ACTIONS);

export const CaseSummarySchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  kindName: z.string(),
  title: z.string(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  subjectCadreId: z.string().uuid().nullable(),
  status: CaseStatusSchema,
  currentStep: z.string().nullable(),
  currentStepName: z.string().nullable(),
  dueOn: day.nullable(),
  overdue: z.boolean(),
  openedByName: z.string(),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  link: z.string(),
  /** the steps of the kind, in order (as the case copied them when it opened) */
  steps: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** One transition of a case's timeline. */
export const CaseEventSchema = z.object({
  seq: z.number().int(),
  step: z.string(),
  stepName: z.string(),
  action: z.union([CaseActionCodeSchema, z.literal('open')]),
  actorName: z.string(),
  at: timestamp,
  comment: z.string(),
  toStep: z.string().nullable(),
  toStepName: z.string().nullable(),
  toStatus: CaseStatusSchema,
});
export type CaseEventView = z.infer<typeof CaseEventSchema>;

export const CaseDetailSchema = z.object({
  case: CaseSummarySchema,
  timeline: z.array(CaseEventSchema),
  /** what the caller may do at the current step */
  allowedActions: z.array(z.object({ action: CaseActionCodeSchema, commentRequired: z.boolean() })),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseActionInputSchema = z.strictObject({
  action: CaseActionCodeSchema,
  /** 意见: required where the step says so */
  comment: z.string().max(2000).optional(),
});
export type CaseActionInput = z.infer<typeof CaseActionInputSchema>;
