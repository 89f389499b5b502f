import { z } from 'zod';
import { ROLE_KINDS } from '../../cadre/model.ts';
import { SELECTION_STEP_TYPES } from '../../selection/process-kind.ts';
import { fileResponse } from '../files.ts';

/**
 * 选拔任用 (R-SEL-2, R-SEL-5): a process is a case of the workflow engine whose steps come from the pack's
 * process kind; candidates enter with their eligibility shown (a hard stop where the pack says so), each step
 * records per candidate, 公示 runs on the working-day calendar with objections handled, and the last step
 * writes the appointment into the registry and schedules the post-appointment review.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();

export const SelectionProcessKindSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  ineligibleHardStop: z.boolean(),
  steps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(SELECTION_STEP_TYPES).nullable(),
      noticeWorkingDays: z.number().int().nullable(),
    }),
  ),
});
export type SelectionProcessKindSummary = z.infer<typeof SelectionProcessKindSummarySchema>;

export const SelectionPostSchema = z.strictObject({
  /** 职务 as written: 党委副书记 */
  title: z.string().trim().min(1).max(100),
  rank: z.string().trim().max(30).default(''),
  roleKind: z.enum(ROLE_KINDS).default('team_member'),
  isLeadership: z.boolean().default(true),
});

export const SelectionProcessCreateSchema = z.strictObject({
  /** the pack's process kind (plain, competitive, four-one …) */
  kindId: z.string().min(1).max(41),
  /** the unit whose post is filled */
  orgId: Uuid,
  title: z.string().trim().min(1).max(100),
  post: SelectionPostSchema,
  positions: z.number().int().min(1).max(50).default(1),
});
export type SelectionProcessCreate = z.input<typeof SelectionProcessCreateSchema>;

export const EligibilityShownSchema = z.object({
  eligible: z.boolean(),
  /** the engine's reasons, in Chinese, each with what it rests on */
  reasons: z.array(z.string()),
  date: IsoDate,
});

export const SelectionCandidateSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  name: z.string(),
  orgName: z.string(),
  postTitle: z.string(),
  rank: z.string(),
  age: z.number().int().nullable(),
  eligibility: EligibilityShownSchema,
  status: z.enum(['in', 'out', 'chosen', 'appointed']),
  outStep: z.string().nullable(),
  outReason: z.string(),
});
export type SelectionCandidate = z.infer<typeof SelectionCandidateSchema>;

export const SelectionCandidateAddSchema = z.strictObject({ cadreId: Uuid });

/** 出列: a candidate leaves at the current step, with the reason */
export const SelectionCandidateOutSchema = z.strictObject({ reason: z.string().trim().min(1).max(300) });

export const SelectionStepResultSchema = z.object({
  candidateId: Uuid,
  votesFor: z.number().int().min(0).nullable(),
  votesAgainst: z.number().int().min(0).nullable(),
  votesAbstain: z.number().int().min(0).nullable(),
  score: z.number().min(0).max(1000).nullable(),
  passed: z.boolean().nullable(),
  finding: z.string().max(1000),
});
export type SelectionStepResult = z.infer<typeof SelectionStepResultSchema>;

export const SelectionStepResultsBodySchema = z.strictObject({
  results: z
    .array(
      z.strictObject({
        candidateId: Uuid,
        votesFor: z.number().int().min(0).nullable().default(null),
        votesAgainst: z.number().int().min(0).nullable().default(null),
        votesAbstain: z.number().int().min(0).nullable().default(null),
        score: z.number().min(0).max(1000).nullable().default(null),
        passed: z.boolean().nullable().default(null),
        finding: z.string().trim().max(1000).default(''),
      }),
    )
    .min(1)
    .max(200),
});
export type SelectionStepResultsBody = z.input<typeof SelectionStepResultsBodySchema>;

export const OBJECTION_FINDINGS = ['unfounded', 'partly', 'founded'] as const;

export const SelectionObjectionSchema = z.object({
  id: Uuid,
  noticeId: Uuid,
  candidateId: Uuid.nullable(),
  candidateName: z.string().nullable(),
  receivedOn: IsoDate,
  channel: z.string(),
  summary: z.string(),
  status: z.enum(['open', 'closed']),
  finding: z.enum(OBJECTION_FINDINGS).nullable(),
  handling: z.string(),
  closedOn: IsoDate.nullable(),
});
export type SelectionObjection = z.infer<typeof SelectionObjectionSchema>;

export const SelectionObjectionCreateSchema = z.strictObject({
  candidateId: Uuid.nullable().default(null),
  receivedOn: IsoDate,
  channel: z.string().trim().max(20).default(''),
  summary: z.string().trim().min(1).max(1000),
});
export const SelectionObjectionCloseSchema = z.strictObject({
  finding: z.enum(OBJECTION_FINDINGS),
  handling: z.string().trim().min(1).max(1000),
  closedOn: IsoDate,
});

export const SelectionNoticeSchema = z.object({
  id: Uuid,
  stepId: z.string(),
  stepName: z.string(),
  start: IsoDate,
  /** the last day of the notice: `workingDays` working days from `start` on the working-day calendar */
  end: IsoDate,
  workingDays: z.number().int(),
  /** how the end was reached: the working days counted and the days skipped (holidays, weekends) */
  explanation: z.string(),
  contact: z.string(),
  /** running: today ≤ end; over: after it */
  running: z.boolean(),
  objections: z.array(SelectionObjectionSchema),
});
export type SelectionNotice = z.infer<typeof SelectionNoticeSchema>;

/** `{start}` → `{start, end}`; the days default to the step's `noticeWorkingDays` and may not be fewer */
export const SelectionNoticeCreateSchema = z.strictObject({
  stepId: z.string().min(1).max(41).optional(),
  start: IsoDate,
  workingDays: z.number().int().min(1).max(60).optional(),
  contact: z.string().trim().max(300).default(''),
});
export type SelectionNoticeCreate = z.input<typeof SelectionNoticeCreateSchema>;

export const SelectionNoticeFileResponse = fileResponse(
  '公示通知（Word）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
);

export const SELECTION_STATES = ['open', 'done', 'rejected', 'withdrawn'] as const;

export const SelectionStepViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(SELECTION_STEP_TYPES).nullable(),
  status: z.enum(['done', 'current', 'pending']),
  /** what keeps the process from leaving this step now (a notice running, an objection open, results missing) */
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const SelectionProcessSchema = z.object({
  id: Uuid,
  title: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  packId: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  post: z.object({
    title: z.string(),
    rank: z.string(),
    roleKind: z.enum(ROLE_KINDS),
    isLeadership: z.boolean(),
  }),
  positions: z.number().int(),
  state: z.enum(SELECTION_STATES),
  caseId: Uuid.nullable(),
  currentStep: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  appointedOn: IsoDate.nullable(),
  createdAt: z.string(),
});
export type SelectionProcess = z.infer<typeof SelectionProcessSchema>;

export const SelectionProcessDetailSchema = SelectionProcessSchema.extend({
  ineligibleHardStop: z.boolean(),
  steps: z.array(SelectionStepViewSchema),
  candidates: z.array(SelectionCandidateSchema),
  /** by step id */
  results: z.record(z.string(), z.array(SelectionStepResultSchema)),
  notices: z.array(SelectionNoticeSchema),
  /** the case's actions the caller may take now (approve, return, reject, withdraw …) */
  actions: z.array(z.object({ action: z.string(), commentRequired: z.boolean() })),
});
export type SelectionProcessDetail = z.infer<typeof SelectionProcessDetailSchema>;

export const SelectionProcessListQuerySchema = z.strictObject({
  state: z.enum(SELECTION_STATES).optional(),
  orgId: Uuid.optional(),
});
export const SelectionProcessListSchema = z.object({ items: z.array(SelectionProcessSchema) });

/** 讨论决定: who is chosen (at most `positions`) */
export const SelectionDecisionBodySchema = z.strictObject({
  chosenCandidateIds: z.array(Uuid).min(1).max(50),
});

/** 推进: an action of the process's case at its current step; the appointment step needs the day */
export const SelectionActBodySchema = z.strictObject({
  action: z.enum(['approve', 'return', 'reject', 'withdraw', 'comment']),
  comment: z.string().trim().max(1000).default(''),
  /** the appointment step: 任职日期 written into the registry */
  appointedOn: IsoDate.optional(),
});
export type SelectionActBody = z.input<typeof SelectionActBodySchema>;

/** `GET /api/selection/kinds`: the district pack's process kinds (added by the process part) */
export const SelectionKindListSchema = z.object({ items: z.array(SelectionProcessKindSummarySchema) });

const StepId = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
/** path parameters of a process's candidate, step, notice and objection routes */
export const SelectionCandidateParamsSchema = z.strictObject({ id: Uuid, candidateId: Uuid });
export const SelectionStepParamsSchema = z.strictObject({ id: Uuid, stepId: StepId });
export const SelectionNoticeParamsSchema = z.strictObject({ id: Uuid, noticeId: Uuid });
export const SelectionObjectionParamsSchema = z.strictObject({ id: Uuid, objectionId: Uuid });
