import { z } from 'zod';
import { DOCX_MEDIA_TYPE, fileResponse } from './files.ts';

/**
 * 从严管理 (strict-management records), 改革创新风险报备 (risk pre-filing), 容错纠错 (tolerance cases) and
 * 澄清正名 (clarification): the request and answer shapes of the discipline module (issue 12 §1, §2).
 */

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();
const code = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/);
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);

// ---------------------------------------------------------------- record kinds (from the pack)

/** A record kind as the pack in force states it (提醒, 函询, 诫勉 …) with its grades (党内警告 …). */
export const DisciplineKindSchema = z.object({
  id: code,
  name: z.string(),
  nameEn: z.string(),
  grades: z.array(z.object({ id: code, name: z.string(), nameEn: z.string() })),
});
export type DisciplineKind = z.infer<typeof DisciplineKindSchema>;
export const DisciplineKindListSchema = z.object({
  /** the pack version the kinds come from */
  packId: z.string(),
  effectiveFrom: day,
  items: z.array(DisciplineKindSchema),
});
export const DisciplineKindsQuerySchema = z.strictObject({ date: day.optional() });

// ---------------------------------------------------------------- records

/** A 容错 decision that concerns a record (its outcome, date and 文号). */
export const RecordDecisionSchema = z.object({
  toleranceCaseId: z.string().uuid(),
  outcome: z.enum(['exempt', 'lighter', 'mitigated', 'refused']),
  decidedOn: day,
  documentNo: z.string(),
});

export const DisciplineRecordSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  cadreName: z.string(),
  unitName: z.string(),
  kind: code,
  grade: code.nullable(),
  facts: z.string(),
  decidedBy: z.string(),
  decidedOn: day,
  documentNo: z.string(),
  revokedOn: day.nullable(),
  revokedReason: z.string().nullable(),
  attachmentCount: z.number().int(),
  decisions: z.array(RecordDecisionSchema),
});
export type DisciplineRecord = z.infer<typeof DisciplineRecordSchema>;
export const DisciplineRecordListSchema = z.object({
  items: z.array(DisciplineRecordSchema),
  total: z.number().int(),
});

export const DisciplineRecordListQuerySchema = z.strictObject({
  kind: code.optional(),
  /** the year of the decision date */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  /** the cadre's unit (its subtree) */
  unitId: z.string().uuid().optional(),
  /** the cadre's name */
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type DisciplineRecordListQuery = z.output<typeof DisciplineRecordListQuerySchema>;

export const DisciplineRecordCreateInputSchema = z.strictObject({
  cadreId: z.string().uuid(),
  kind: code,
  /** required when the kind has grades, absent (null) when it has none */
  grade: code.nullable().default(null),
  facts: z.string().trim().min(1).max(4000),
  /** the deciding body as written (区纪委, 区委组织部 …) */
  decidedBy: z.string().trim().min(1).max(100),
  decidedOn: day,
  documentNo: z.string().trim().max(60).default(''),
});
export type DisciplineRecordCreateInput = z.input<typeof DisciplineRecordCreateInputSchema>;

/** 撤销: the decision annulled on review (kept, no longer counts), dated today by the server. */
export const DisciplineRecordRevokeInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type DisciplineRecordRevokeInput = z.input<typeof DisciplineRecordRevokeInputSchema>;

// ---------------------------------------------------------------- attachments

/** Largest attachment (a scanned decision): a limit of the platform, not of policy. */
export const DISCIPLINE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DISCIPLINE_ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const DisciplineAttachmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  mime: z.enum(DISCIPLINE_ATTACHMENT_TYPES),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type DisciplineAttachment = z.infer<typeof DisciplineAttachmentSchema>;
export const DisciplineAttachmentListSchema = z.object({ items: z.array(DisciplineAttachmentSchema) });
/** An attachment downloaded as it was uploaded. */
export const DisciplineAttachmentFileResponse = fileResponse(
  '附件（PDF、JPG 或 PNG）',
  ...DISCIPLINE_ATTACHMENT_TYPES,
);
/** Upload: the raw bytes as the body, the original file name in the query. */
export const DisciplineAttachmentUploadQuerySchema = z.strictObject({ name: z.string().max(300).optional() });
export const DisciplineAttachmentParamsSchema = z.strictObject({
  id: z.string().uuid(),
  attachmentId: z.string().uuid(),
});

// ---------------------------------------------------------------- risk pre-filing

export const RiskFilingSchema = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  unitName: z.string(),
  project: z.string(),
  risks: z.string(),
  measures: z.string(),
  workStartsOn: day,
  /** the server's date when it was filed (never typed) */
  filedOn: day,
  filedBy: z.string(),
});
export type RiskFiling = z.infer<typeof RiskFilingSchema>;
export const RiskFilingListSchema = z.object({ items: z.array(RiskFilingSchema), total: z.number().int() });
export const RiskFilingListQuerySchema = z.strictObject({
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type RiskFilingListQuery = z.output<typeof RiskFilingListQuerySchema>;

export const RiskFilingCreateInputSchema = z.strictObject({
  /** the unit filing; the user's own unit when absent */
  orgId: z.string().uuid().optional(),
  project: z.string().trim().min(1).max(200),
  risks: z.string().trim().min(1).max(4000),
  measures: z.string().trim().min(1).max(4000),
  workStartsOn: day,
});
export type RiskFilingCreateInput = z.input<typeof RiskFilingCreateInputSchema>;

// ---------------------------------------------------------------- tolerance cases

/** The statutory checklist's items: 三个区分开来, the six circumstances, and the four conditions. */
export const CHECKLIST_ITEMS = [
  'threeDistinctions',
  'motive',
  'conditions',
  'procedure',
  'nature',
  'consequences',
  'recovery',
  'lawful',
  'dutyDone',
  'publicInterest',
  'harmAvoided',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const ChecklistAnswerSchema = z.strictObject({
  answer: z.enum(['yes', 'no', 'unknown']),
  note: z.string().trim().max(1000).default(''),
});
export const ToleranceChecklistSchema = z.strictObject(
  Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, ChecklistAnswerSchema.optional()])) as Record<
    ChecklistItem,
    z.ZodOptional<typeof ChecklistAnswerSchema>
  >,
);
export type ToleranceChecklist = z.output<typeof ToleranceChecklistSchema>;

export const TOLERANCE_OUTCOMES = ['exempt', 'lighter', 'mitigated', 'refused'] as const;

export const ToleranceCaseSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  cadreName: z.string(),
  unitName: z.string(),
  appliedBy: z.enum(['cadre', 'unit', 'ex_officio']),
  appliedOn: day,
  factsOn: day.nullable(),
  facts: z.string(),
  outcome: z.enum(TOLERANCE_OUTCOMES).nullable(),
  decidedOn: day.nullable(),
  /** the investigation was completed (调查核实 done) on this day */
  investigatedOn: day.nullable(),
  /** the workflow case that carries its steps (null before the engine took it) */
  caseId: z.string().uuid().nullable(),
});
export type ToleranceCase = z.infer<typeof ToleranceCaseSchema>;
export const ToleranceCaseListSchema = z.object({
  items: z.array(ToleranceCaseSchema),
  total: z.number().int(),
});
export const ToleranceCaseListQuerySchema = z.strictObject({
  cadreId: z.string().uuid().optional(),
  state: z.enum(['open', 'decided']).optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type ToleranceCaseListQuery = z.output<typeof ToleranceCaseListQuerySchema>;

export const ToleranceMeasureSchema = z.object({
  id: z.string().uuid(),
  measure: z.string(),
  dueOn: day,
  doneOn: day.nullable(),
});
export const ToleranceFollowupSchema = z.object({
  id: z.string().uuid(),
  visitedOn: day,
  notes: z.string(),
  writtenBy: z.string(),
});
export const CommitteeMemberSchema = z.object({ userId: z.string().uuid(), name: z.string() });

export const ToleranceCaseDetailSchema = ToleranceCaseSchema.extend({
  riskFiling: RiskFilingSchema.nullable(),
  /** 报备在先: filed on or before work started and before the facts */
  filedFirst: z.boolean(),
  records: z.array(DisciplineRecordSchema),
  checklist: ToleranceChecklistSchema,
  investigation: z.string(),
  committee: z.array(CommitteeMemberSchema),
  decisionReason: z.string().nullable(),
  decisionDocumentNo: z.string().nullable(),
  /** the committee as recorded in the decision (names as written) */
  decidedByCommittee: z.array(z.string()),
  measures: z.array(ToleranceMeasureSchema),
  followups: z.array(ToleranceFollowupSchema),
  /** what the reader may do now */
  canDecide: z.boolean(),
});
export type ToleranceCaseDetail = z.infer<typeof ToleranceCaseDetailSchema>;

export const ToleranceCaseCreateInputSchema = z.strictObject({
  cadreId: z.string().uuid(),
  appliedBy: z.enum(['cadre', 'unit', 'ex_officio']),
  /** when the matter happened (the filing must precede it for 报备在先) */
  factsOn: day,
  facts: z.string().trim().min(1).max(4000),
  /** records of that cadre the case concerns */
  recordIds: z.array(z.string().uuid()).max(20).default([]),
  riskFilingId: z.string().uuid().optional(),
});
export type ToleranceCaseCreateInput = z.input<typeof ToleranceCaseCreateInputSchema>;

export const ToleranceCaseUpdateInputSchema = z.strictObject({
  checklist: ToleranceChecklistSchema.optional(),
  investigation: z.string().trim().max(8000).optional(),
  /** 调查核实完成: the checklist answered and the notes written; dated today */
  completeInvestigation: z.literal(true).optional(),
});
export type ToleranceCaseUpdateInput = z.input<typeof ToleranceCaseUpdateInputSchema>;
export type ToleranceCaseUpdate = z.output<typeof ToleranceCaseUpdateInputSchema>;

export const ToleranceCommitteeInputSchema = z.strictObject({
  userIds: z.array(z.string().uuid()).min(1).max(15),
});
export type ToleranceCommitteeInput = z.input<typeof ToleranceCommitteeInputSchema>;
export const CommitteeCandidateListSchema = z.object({
  items: z.array(CommitteeMemberSchema.extend({ unitName: z.string(), roles: z.array(z.string()) })),
});

/** The joint committee's decision (issue contract). */
export const ToleranceDecisionInputSchema = z.strictObject({
  outcome: z.enum(TOLERANCE_OUTCOMES),
  /** the records the decision applies to (records of the case) */
  recordIds: z.array(z.string().uuid()).max(20),
  reason: z.string().trim().min(1).max(4000),
  documentNo: z.string().trim().min(1).max(60),
});
export type ToleranceDecisionInput = z.input<typeof ToleranceDecisionInputSchema>;

export const ToleranceMeasureInputSchema = z.strictObject({
  measure: z.string().trim().min(1).max(1000),
  dueOn: day,
});
export type ToleranceMeasureInput = z.input<typeof ToleranceMeasureInputSchema>;
export const ToleranceMeasureParamsSchema = z.strictObject({
  id: z.string().uuid(),
  measureId: z.string().uuid(),
});
export const ToleranceFollowupInputSchema = z.strictObject({
  visitedOn: day,
  notes: z.string().trim().min(1).max(4000),
});
export type ToleranceFollowupInput = z.input<typeof ToleranceFollowupInputSchema>;

// ---------------------------------------------------------------- clarification

export const CLARIFICATION_CONCLUSIONS = [
  'founded',
  'partly_founded',
  'unfounded',
  'false_accusation',
] as const;

export const ClarificationSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  cadreName: z.string(),
  unitName: z.string(),
  receivedOn: day,
  channel: z.string(),
  allegation: z.string(),
  verification: z.string(),
  conclusion: z.enum(CLARIFICATION_CONCLUSIONS).nullable(),
  concludedOn: day.nullable(),
  documentNo: z.string().nullable(),
  noticeIssuedOn: day.nullable(),
  caseId: z.string().uuid().nullable(),
});
export type Clarification = z.infer<typeof ClarificationSchema>;
export const ClarificationListSchema = z.object({
  items: z.array(ClarificationSchema),
  total: z.number().int(),
});
export const ClarificationListQuerySchema = z.strictObject({
  cadreId: z.string().uuid().optional(),
  state: z.enum(['open', 'concluded']).optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type ClarificationListQuery = z.output<typeof ClarificationListQuerySchema>;

/** The accuser's side of a false accusation: discipline roles only. */
export const ClarificationAccuserSchema = z.object({ accuser: z.string(), handling: z.string() });
export const ClarificationDetailSchema = ClarificationSchema.extend({
  /** null for everyone but 纪检联络 (or when none is recorded) */
  accuser: ClarificationAccuserSchema.nullable(),
});
export type ClarificationDetail = z.infer<typeof ClarificationDetailSchema>;

export const ClarificationCreateInputSchema = z.strictObject({
  cadreId: z.string().uuid(),
  receivedOn: day,
  /** 信访举报, 12380, 巡察移交 … as written */
  channel: z.string().trim().min(1).max(50),
  allegation: z.string().trim().min(1).max(4000),
});
export type ClarificationCreateInput = z.input<typeof ClarificationCreateInputSchema>;

export const ClarificationConclusionInputSchema = z.strictObject({
  conclusion: z.enum(CLARIFICATION_CONCLUSIONS),
  verification: z.string().trim().min(1).max(8000),
  documentNo: z.string().trim().min(1).max(60),
});
export type ClarificationConclusionInput = z.input<typeof ClarificationConclusionInputSchema>;

/** 澄清正名通报 as a Word document. */
export const ClarificationNoticeFileResponse = fileResponse('澄清正名通报（Word）', DOCX_MEDIA_TYPE);

export const ClarificationAccuserInputSchema = z.strictObject({
  accuser: z.string().trim().min(1).max(200),
  handling: z.string().trim().max(4000).default(''),
});
export type ClarificationAccuserInput = z.input<typeof ClarificationAccuserInputSchema>;
