import { z } from 'zod';
import { fileResponse, XLSX_MEDIA_TYPE } from '../files.ts';

/**
 * 减负松绑 registers (R-BUR-3, R-BUR-4, R-BUR-6): meetings (会议), documents (文件), inspections, checks and
 * appraisals (督查检查考核) and overtime (加班); the yearly summary with the change against last year. An
 * entry belongs to its organiser's (issuer's, overtime: the cadre's) unit; a meeting or an inspection is seen
 * in the organiser's subtree and in each target unit's subtree too.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
const Year = z.coerce.number().int().min(2000).max(2100);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const BURDEN_REGISTERS = ['meeting', 'document', 'inspection', 'overtime'] as const;
export type BurdenRegister = (typeof BURDEN_REGISTERS)[number];

/** An approval on record (文号 and date), e.g. 区委统筹批准 for an item beyond the plan. */
export const BurdenApprovalSchema = z.strictObject({
  reference: Text(60),
  approvedOn: IsoDate,
});
export type BurdenApproval = z.output<typeof BurdenApprovalSchema>;

export const MeetingInputSchema = z.strictObject({
  register: z.literal('meeting'),
  heldOn: IsoDate,
  /** the organising unit */
  orgId: Uuid,
  kindId: Id,
  /** 会议层级 as written (e.g. 区级、街道级) */
  level: z.string().trim().max(20).default(''),
  title: Text(200),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** the attendees' units */
  targetOrgIds: z.array(Uuid).max(500).default([]),
  video: z.boolean().default(false),
});

export const DocumentInputSchema = z.strictObject({
  register: z.literal('document'),
  issuedOn: IsoDate,
  /** the issuing body */
  orgId: Uuid,
  kindId: Id,
  /** 文号 */
  number: z.string().trim().max(60).default(''),
  title: Text(200),
});

export const InspectionInputSchema = z.strictObject({
  register: z.literal('inspection'),
  /** the organiser */
  orgId: Uuid,
  kindId: Id,
  title: Text(200),
  startOn: IsoDate,
  endOn: IsoDate.nullable().default(null),
  targetOrgIds: z.array(Uuid).min(1).max(500),
  /** 一票否决 */
  veto: z.boolean().default(false),
  /** the over-plan approval (the pack's `overPlanApprovalBy`) when the item is beyond the plan */
  overPlanApproval: BurdenApprovalSchema.nullable().default(null),
  /** the veto approval (the pack's `veto.approvalBy`) */
  vetoApproval: BurdenApprovalSchema.nullable().default(null),
});

export const OvertimeInputSchema = z.strictObject({
  register: z.literal('overtime'),
  cadreId: Uuid,
  /** the day, or the first day of a period */
  fromOn: IsoDate,
  toOn: IsoDate.nullable().default(null),
  /** how many times (次) in the day or period */
  times: z.number().int().min(1).max(366),
  hours: z.number().min(0).max(2000).default(0),
  reason: Text(200),
});

export const BurdenEntryInputSchema = z.discriminatedUnion('register', [
  MeetingInputSchema,
  DocumentInputSchema,
  InspectionInputSchema,
  OvertimeInputSchema,
]);
export type BurdenEntryInput = z.output<typeof BurdenEntryInputSchema>;
export type MeetingInput = z.output<typeof MeetingInputSchema>;
export type DocumentInput = z.output<typeof DocumentInputSchema>;
export type InspectionInput = z.output<typeof InspectionInputSchema>;
export type OvertimeInput = z.output<typeof OvertimeInputSchema>;

/** One entry as listed: the common columns and the register's own (null where they do not apply). */
export const BurdenEntrySchema = z.object({
  id: Uuid,
  register: z.enum(BURDEN_REGISTERS),
  year: z.number().int(),
  /** held / issued / start / first day */
  date: IsoDate,
  endDate: IsoDate.nullable(),
  orgId: Uuid,
  orgName: z.string(),
  kindId: z.string().nullable(),
  kindName: z.string().nullable(),
  level: z.string(),
  /** title, or the overtime's reason */
  title: z.string(),
  minutes: z.number().int().nullable(),
  video: z.boolean().nullable(),
  number: z.string().nullable(),
  targets: z.array(z.object({ id: Uuid, name: z.string() })),
  veto: z.boolean(),
  overPlanApproval: z.object({ reference: z.string(), approvedOn: IsoDate }).nullable(),
  vetoApproval: z.object({ reference: z.string(), approvedOn: IsoDate }).nullable(),
  cadreId: Uuid.nullable(),
  cadreName: z.string().nullable(),
  times: z.number().int().nullable(),
  hours: z.number().nullable(),
  /** whether the signed-in user may edit or delete it (organised in their scope) */
  editable: z.boolean(),
});
export type BurdenEntry = z.output<typeof BurdenEntrySchema>;

export const BurdenRegisterParamSchema = z.strictObject({ register: z.enum(BURDEN_REGISTERS) });
export const BurdenEntryParamSchema = z.strictObject({ register: z.enum(BURDEN_REGISTERS), id: Uuid });

export const BurdenEntryListQuerySchema = z.strictObject({
  year: Year.optional(),
  kindId: Id.optional(),
  /** entries organised in this unit's subtree or aimed at it (as the summary counts) */
  orgId: Uuid.optional(),
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type BurdenEntryListQuery = z.output<typeof BurdenEntryListQuerySchema>;

const Named = z.object({ id: z.string(), name: z.string() });

/** What the forms need from the pack in force. */
export const BurdenRegisterPolicyViewSchema = z.object({
  packName: z.string(),
  meetingKinds: z.array(Named),
  documentKinds: z.array(Named),
  inspectionKinds: z.array(Named),
  yearlyMax: z.number().int().nullable(),
  perOrganiserPerUnitMax: z.number().int().nullable(),
  overPlanApprovalBy: z.string(),
  vetoApprovalBy: z.string().nullable(),
  vetoUnitKinds: z.array(z.string()),
  overtimePeriodMonths: z.number().int(),
  overtimeBands: z.array(z.number().int()),
});
export type BurdenRegisterPolicyView = z.output<typeof BurdenRegisterPolicyViewSchema>;

export const BurdenEntryListSchema = z.object({
  items: z.array(BurdenEntrySchema),
  total: z.number().int(),
  policy: BurdenRegisterPolicyViewSchema,
});
export type BurdenEntryList = z.output<typeof BurdenEntryListSchema>;

export const BurdenSummaryQuerySchema = z.strictObject({
  year: Year,
  orgId: Uuid.optional(),
});

const Change = z.number().nullable();

/** `GET /api/burden/summary`: the year's counts and the change in percent against last year. */
export const BurdenSummarySchema = z.object({
  year: z.number().int(),
  meetings: z.number().int(),
  meetingMinutes: z.number().int(),
  documents: z.number().int(),
  inspections: z.number().int(),
  /** percent, one decimal, negative = reduction; null when last year had none */
  changeVsLastYear: z.object({
    meetings: Change,
    meetingMinutes: Change,
    documents: Change,
    inspections: Change,
  }),
  explanation: z.string(),
});
export type BurdenSummary = z.output<typeof BurdenSummarySchema>;

/** The summary of several years (the trend table), newest first. */
export const BurdenTrendQuerySchema = z.strictObject({
  year: Year,
  years: z.coerce.number().int().min(1).max(10).default(3),
  orgId: Uuid.optional(),
});
export const BurdenTrendSchema = z.object({ items: z.array(BurdenSummarySchema) });

export const OvertimeDistributionQuerySchema = z.strictObject({
  /** the last day of the period (default today); the period is the pack's `surveyPeriodMonths` before it */
  until: IsoDate.optional(),
  orgId: Uuid.optional(),
});

export const OvertimeDistributionSchema = z.object({
  from: IsoDate,
  until: IsoDate,
  months: z.number().int(),
  cadres: z.number().int(),
  totalTimes: z.number().int(),
  /** times per cadre, one decimal; null when nobody is in the register */
  mean: z.number().nullable(),
  max: z.number().int().nullable(),
  bands: z.array(
    z.object({
      label: z.string(),
      from: z.number().int(),
      to: z.number().int().nullable(),
      count: z.number().int(),
    }),
  ),
  explanation: z.string(),
});
export type OvertimeDistribution = z.output<typeof OvertimeDistributionSchema>;

export const BurdenImportResultSchema = z.object({
  register: z.enum(BURDEN_REGISTERS),
  imported: z.number().int(),
});
export type BurdenImportResult = z.output<typeof BurdenImportResultSchema>;

export const BurdenRegisterTemplateFileResponse = fileResponse('登记簿导入模板（Excel）', XLSX_MEDIA_TYPE);
export const BurdenRegisterExportFileResponse = fileResponse('登记簿（Excel）', XLSX_MEDIA_TYPE);
export const BurdenRegisterImportReportFileResponse = fileResponse(
  '登记簿导入检查报告（Excel，标出错误单元格）',
  XLSX_MEDIA_TYPE,
);
