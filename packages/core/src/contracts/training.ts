import { z } from 'zod';
import { CadreConditionSchema } from '../selection/condition.ts';

/**
 * 教育培训 (R-TRN-1/2): programmes (培训班次) with their sessions, enrolment (报名 / 竞争性选调 / 点名调训 with
 * the unit's confirmation or a substitute), attendance and credit (days, or hours ÷ the pack's hoursPerDay),
 * a cadre's yearly record, the compliance report against the pack's requirements with shortfall warnings,
 * and the organisers' holding plans.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const Year = z.coerce.number().int().min(2000).max(2100);
/** days of credit: halves are common (半天) */
const Days = z.number().min(0).max(366);

/** 报名参训 (the organiser admits) / 竞争性选调 (ranked and selected with a reason) / 点名调训 (the unit must send) */
export const ENROLMENT_MODES = ['application', 'competitive', 'dispatch'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

/**
 * applied → admitted | rejected (application, competitive);
 * named → confirmed | substitution_requested → (organiser) confirmed (refused: the named cadre stays) or
 * replaced (the substitute gets an enrolment of their own, `confirmed`) (dispatch)
 */
export const ENROLMENT_STATUSES = [
  'applied',
  'admitted',
  'rejected',
  'named',
  'confirmed',
  'substitution_requested',
  'replaced',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const TrainingIdParamSchema = z.strictObject({ id: Uuid });

// ---------------------------------------------------------------- policy

export const TrainingPolicyViewSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  programmeKinds: z.array(z.object({ id: z.string(), name: z.string() })),
  hoursPerDay: z.number(),
  /** the pack's requirements, each with its population and rule in Chinese */
  requirements: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      measure: z.enum(['days', 'programmes', 'everyPeriod']),
      text: z.string(),
    }),
  ),
  holdingPlans: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      programmeKind: z.string(),
      min: z.number().int(),
      max: z.number().int().nullable(),
    }),
  ),
});
export type TrainingPolicyView = z.infer<typeof TrainingPolicyViewSchema>;

// ---------------------------------------------------------------- programmes

/** A session (一次课 / 一天): on a day, its credit in days or hours (neither: an equal share of the programme's). */
export const ProgrammeSessionInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  on: IsoDate,
  days: Days.optional(),
  hours: z
    .number()
    .min(0)
    .max(24 * 366)
    .optional(),
});
export type ProgrammeSessionInput = z.input<typeof ProgrammeSessionInputSchema>;

export const ProgrammeCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** one of the pack's programmeKinds */
  kindId: z.string().min(1).max(41),
  /** 主办单位: the programme is seen in its subtree and by the units below it */
  organiserOrgId: Uuid,
  startOn: IsoDate,
  endOn: IsoDate,
  /** the credit of the whole programme: days, or hours (学时, converted with the pack's hoursPerDay); exactly one */
  days: Days.optional(),
  hours: z
    .number()
    .min(0)
    .max(24 * 366)
    .optional(),
  /** 培训对象: units (with their subtrees) and/or a condition on the cadre; both empty: everyone below the organiser */
  target: z
    .strictObject({
      orgIds: z.array(Uuid).max(200).default([]),
      condition: CadreConditionSchema.nullable().default(null),
    })
    .default({ orgIds: [], condition: null }),
  enrolmentMode: z.enum(ENROLMENT_MODES),
  /** 名额 (competitive selection admits at most this many; null: no limit) */
  seats: z.number().int().min(1).max(10000).nullable().default(null),
  sessions: z.array(ProgrammeSessionInputSchema).max(200).default([]),
  note: z.string().trim().max(1000).default(''),
});
export type ProgrammeCreate = z.input<typeof ProgrammeCreateSchema>;

export const ProgrammeSessionSchema = z.object({
  id: Uuid,
  title: z.string(),
  on: IsoDate,
  days: z.number().nullable(),
  hours: z.number().nullable(),
  /** the credit an attendee earns for it */
  creditDays: z.number(),
  creditExplanation: z.string(),
});
export type ProgrammeSession = z.infer<typeof ProgrammeSessionSchema>;

export const ProgrammeSchema = z.object({
  id: Uuid,
  name: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  organiserOrgId: Uuid,
  organiserName: z.string(),
  startOn: IsoDate,
  endOn: IsoDate,
  days: z.number().nullable(),
  hours: z.number().nullable(),
  /** the credit of attending the whole programme, in days */
  creditDays: z.number(),
  /** e.g. "12学时 ÷ 丰泽政策包每天8学时 = 1.5天" */
  creditExplanation: z.string(),
  target: z.object({
    orgIds: z.array(Uuid),
    orgNames: z.array(z.string()),
    condition: CadreConditionSchema.nullable(),
    /** the target in Chinese */
    text: z.string(),
  }),
  enrolmentMode: z.enum(ENROLMENT_MODES),
  seats: z.number().int().nullable(),
  note: z.string(),
  sessions: z.array(ProgrammeSessionSchema),
  /** enrolments that take part (admitted / confirmed / named) and those who attended at least once */
  enrolled: z.number().int(),
  attended: z.number().int(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const ProgrammeListQuerySchema = z.strictObject({
  /** programmes starting in the year */
  year: Year.optional(),
  kindId: z.string().max(41).optional(),
  /** 主办单位 */
  organiserOrgId: Uuid.optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type ProgrammeListQuery = z.output<typeof ProgrammeListQuerySchema>;
export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema), total: z.number().int() });

// ---------------------------------------------------------------- enrolment

export const EnrolmentSchema = z.object({
  id: Uuid,
  programmeId: Uuid,
  programmeName: z.string(),
  enrolmentMode: z.enum(ENROLMENT_MODES),
  cadreId: Uuid,
  cadreName: z.string(),
  orgId: Uuid,
  unitName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  /** competitive selection: the organiser's rank of the applicant */
  rank: z.number().int().nullable(),
  /** the applicant's note, the organiser's reason for a decision */
  note: z.string(),
  reason: z.string(),
  /** dispatch: the substitute the unit asked for, with its reason */
  substitute: z.object({ cadreId: Uuid, cadreName: z.string(), reason: z.string() }).nullable(),
  /** dispatch: this enrolment replaced the named cadre of that enrolment */
  substituteFor: z.object({ enrolmentId: Uuid, cadreName: z.string() }).nullable(),
  /** where it stands, in Chinese ("点名调训：单位须派张三参加，待单位确认") */
  explanation: z.string(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const EnrolmentListQuerySchema = z.strictObject({
  programmeId: Uuid.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  /** 须派人员: dispatch enrolments awaiting the unit (named, substitution_requested) */
  mustSend: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page,
  pageSize,
});
export type EnrolmentListQuery = z.output<typeof EnrolmentListQuerySchema>;
export const EnrolmentListSchema = z.object({ items: z.array(EnrolmentSchema), total: z.number().int() });

/**
 * The organiser names cadres (点名调训, status named) on a dispatch programme; on an application or competitive
 * programme a unit applies for its cadres (applied). Each must be in the programme's target.
 */
export const EnrolmentsAddSchema = z.strictObject({
  cadreIds: z.array(Uuid).min(1).max(500),
  note: z.string().trim().max(500).default(''),
});
export type EnrolmentsAdd = z.input<typeof EnrolmentsAddSchema>;
export const EnrolmentsAddResultSchema = z.object({ items: z.array(EnrolmentSchema) });

/** A cadre applies to an application or competitive programme they are a target of. */
export const ApplySchema = z.strictObject({ note: z.string().trim().max(500).default('') });
export type Apply = z.input<typeof ApplySchema>;

/** The unit confirms it sends the named cadre (nothing to say). */
export const EnrolmentConfirmSchema = z.strictObject({});

/** The organiser admits or rejects an applicant; competitive: the rank and the reason are required. */
export const EnrolmentDecisionSchema = z.strictObject({
  decision: z.enum(['admit', 'reject']),
  rank: z.number().int().min(1).max(10000).optional(),
  reason: z.string().trim().max(500).default(''),
});
export type EnrolmentDecision = z.input<typeof EnrolmentDecisionSchema>;

/** The unit asks to send another cadre instead of the named one, with the reason. */
export const SubstitutionRequestSchema = z.strictObject({
  substituteCadreId: Uuid,
  reason: z.string().trim().min(1).max(500),
});
export type SubstitutionRequest = z.input<typeof SubstitutionRequestSchema>;

/** The organiser decides the request: accept (the substitute goes) or refuse (the named cadre must go). */
export const SubstitutionDecisionSchema = z.strictObject({
  accept: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export type SubstitutionDecision = z.input<typeof SubstitutionDecisionSchema>;

// ---------------------------------------------------------------- attendance

/** Attendance of one session (sessionId) or of the whole programme (null), per cadre. */
export const AttendanceInputSchema = z.strictObject({
  sessionId: Uuid.nullable().default(null),
  records: z
    .array(
      z.strictObject({
        cadreId: Uuid,
        attended: z.boolean(),
        /** 请假事由 for an absence */
        leaveReason: z.string().trim().max(200).default(''),
        /** credit other than the session's / programme's (e.g. half of it attended); only when attended */
        creditDays: Days.optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type AttendanceInput = z.input<typeof AttendanceInputSchema>;

export const AttendanceRecordSchema = z.object({
  programmeId: Uuid,
  programmeName: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  sessionId: Uuid.nullable(),
  sessionTitle: z.string().nullable(),
  /** the day the credit counts on (the session's day, or the programme's last day) */
  on: IsoDate,
  cadreId: Uuid,
  cadreName: z.string(),
  attended: z.boolean(),
  leaveReason: z.string(),
  creditDays: z.number(),
  explanation: z.string(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

export const AttendanceResultSchema = z.object({
  programmeId: Uuid,
  sessionId: Uuid.nullable(),
  on: IsoDate,
  items: z.array(AttendanceRecordSchema),
});
export type AttendanceResult = z.infer<typeof AttendanceResultSchema>;

/** What is recorded for a programme: every session's and the whole programme's rows (visible to the user). */
export const AttendanceListSchema = z.object({ items: z.array(AttendanceRecordSchema) });
export type AttendanceList = z.infer<typeof AttendanceListSchema>;

// ---------------------------------------------------------------- compliance

export const PERIOD_STATES = ['met', 'missed', 'open', 'upcoming'] as const;

/** One requirement of the pack judged for one cadre on `asOf`. */
export const RequirementJudgementSchema = z.object({
  requirementId: z.string(),
  requirementName: z.string(),
  measure: z.enum(['days', 'programmes', 'everyPeriod']),
  /** days / programmes: the minimum; everyPeriod: the periods of the year */
  required: z.number(),
  /** days / programmes: so far; everyPeriod: periods met */
  actual: z.number(),
  /** days / programmes: what is missing; everyPeriod: periods missed (past, without training) */
  shortfall: z.number(),
  met: z.boolean(),
  /** a shortfall on or after the pack's warning day (or a missed / closing period) */
  warning: z.boolean(),
  /** everyPeriod: each period's state */
  periods: z
    .array(z.object({ index: z.number().int(), from: IsoDate, to: IsoDate, state: z.enum(PERIOD_STATES) }))
    .nullable(),
  explanation: z.string(),
});
export type RequirementJudgement = z.infer<typeof RequirementJudgementSchema>;

export const ComplianceLineSchema = z.object({
  cadreId: Uuid,
  cadreName: z.string(),
  orgId: Uuid,
  unitName: z.string(),
  /** credit days attended in the year up to asOf */
  days: z.number(),
  /** the days the pack requires of this cadre (the largest days requirement whose population takes them); null: none */
  required: z.number().nullable(),
  /** required − days, not below 0 */
  shortfall: z.number(),
  /** programmes attended in the year up to asOf */
  programmes: z.number().int(),
  judgements: z.array(RequirementJudgementSchema),
  /** every requirement that applies is met */
  met: z.boolean(),
  warning: z.boolean(),
  explanation: z.string(),
});
export type ComplianceLine = z.infer<typeof ComplianceLineSchema>;

export const ComplianceUnitSchema = z.object({
  orgId: Uuid,
  unitName: z.string(),
  cadres: z.number().int(),
  /** cadres some requirement applies to */
  required: z.number().int(),
  met: z.number().int(),
  short: z.number().int(),
  warnings: z.number().int(),
  /** average credit days */
  averageDays: z.number(),
});
export type ComplianceUnit = z.infer<typeof ComplianceUnitSchema>;

export const ComplianceQuerySchema = z.strictObject({
  /** the subtree (default: the user's scope) */
  orgId: Uuid.optional(),
  year: Year.optional(),
  /** the day judged (default: today, or 31 December of a past year) */
  asOf: IsoDate.optional(),
  /** only cadres short of some requirement */
  onlyShort: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type ComplianceQuery = z.output<typeof ComplianceQuerySchema>;

export const ComplianceReportSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  year: z.number().int(),
  asOf: IsoDate,
  requirements: TrainingPolicyViewSchema.shape.requirements,
  units: z.array(ComplianceUnitSchema),
  items: z.array(ComplianceLineSchema),
  total: z.number().int(),
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;

// ---------------------------------------------------------------- a cadre's record

export const TrainingRecordSchema = z.object({
  cadreId: Uuid,
  cadreName: z.string(),
  year: z.number().int(),
  totalDays: z.number(),
  lines: z.array(AttendanceRecordSchema),
  compliance: ComplianceLineSchema,
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;
export const TrainingRecordQuerySchema = z.strictObject({ year: Year.optional() });

/** 我的培训: the record, my enrolments, and the programmes open to my application. */
export const MyTrainingSchema = z.object({
  record: TrainingRecordSchema,
  enrolments: z.array(EnrolmentSchema),
  open: z.array(ProgrammeSchema),
});
export type MyTraining = z.infer<typeof MyTrainingSchema>;

// ---------------------------------------------------------------- holding plans and warnings

export const HoldingReportSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  year: z.number().int(),
  plans: z.array(
    z.object({
      planId: z.string(),
      name: z.string(),
      programmeKind: z.string(),
      kindName: z.string(),
      min: z.number().int(),
      max: z.number().int().nullable(),
      held: z.number().int(),
      met: z.boolean(),
      explanation: z.string(),
    }),
  ),
});
export type HoldingReport = z.infer<typeof HoldingReportSchema>;
export const HoldingQuerySchema = z.strictObject({ year: Year.optional() });

/** Post the shortfall warnings due on asOf (default today); idempotent per requirement, cadre, year and period. */
export const WarningsRunSchema = z.strictObject({ asOf: IsoDate.optional() });
export const WarningsResultSchema = z.object({
  asOf: IsoDate,
  /** notices posted now (not those posted before) */
  cadreNotices: z.number().int(),
  unitNotices: z.number().int(),
  /** cadres short on asOf */
  short: z.number().int(),
  explanation: z.string(),
});
export type WarningsResult = z.infer<typeof WarningsResultSchema>;
