import { z } from 'zod';
import { CaseStatusSchema } from './workflow.ts';
import {
  AssessmentKindSchema,
  CriterionSchema,
  GradeScaleSchema,
  QuotaRuleSchema,
  SchemeSchema,
} from '../policy/assessment-section.ts';
import { PackSchema } from '../policy/pack.ts';

// ------------------------------------------------------------------ packs

export const PackSummarySchema = z.object({
  /** database id of this version */
  id: z.string().uuid(),
  packId: z.string(),
  name: z.string(),
  locality: z.string(),
  effectiveFrom: z.string(),
  origin: z.enum(['shipped', 'edited']),
  /** the district's chosen pack */
  selected: z.boolean(),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;

export const PackListSchema = z.object({ items: z.array(PackSummarySchema) });
export const PackDetailSchema = PackSummarySchema.extend({ body: PackSchema });
export type PackDetail = z.infer<typeof PackDetailSchema>;

/** 保存本地版本: the whole pack body, validated by the server (400 PACK_INVALID lists every problem). */
export const PackSaveInputSchema = z.object({ body: z.unknown() });
export const PackSelectInputSchema = z.strictObject({ packId: z.string().max(41) });
export const PackDiffParamsSchema = z.strictObject({ id: z.string().uuid(), otherId: z.string().uuid() });
/** Leaf-by-leaf changes from one pack version to another (core `diffPacks`). */
export const PackDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  // a leaf added or removed has no value on one side (absent from the JSON)
  changes: z.array(
    z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
  ),
});
export type PackDiff = z.infer<typeof PackDiffSchema>;

// ------------------------------------------------------------------ rounds

export const ROUND_STATES = ['draft', 'open', 'closed', 'computed', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** open 开始评议 · close 结束评议 · reopen 延长评议 · compute 计算结果 · publish 公布 */
export const ROUND_ACTIONS = ['open', 'close', 'reopen', 'compute', 'publish'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RoundCreateInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** pack id (fengze …); default: the district's chosen pack */
  packId: z.string().max(41).optional(),
  schemeId: z.string().max(63),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** organising unit; default: the user's own unit */
  orgId: z.string().uuid().optional(),
  /**
   * Targets. Cadre schemes: the listed cadres plus every active cadre in the subtrees of the listed
   * units. Unit schemes: the listed units.
   */
  population: z.strictObject({
    unitIds: z.array(z.string().uuid()).max(5000).default([]),
    cadreIds: z.array(z.string().uuid()).max(20000).default([]),
  }),
});
export type RoundCreateInput = z.input<typeof RoundCreateInputSchema>;

/** What a round computes with, copied from the pack version in force when it was created (frozen). */
export const RoundRulesSchema = z.object({
  packName: z.string(),
  scheme: SchemeSchema,
  gradeScale: GradeScaleSchema,
  quotaRule: QuotaRuleSchema.nullable(),
  minGroupSizeShown: z.number().int(),
});

export const RoundSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  packId: z.string(),
  packEffectiveFrom: z.string(),
  schemeId: z.string(),
  schemeName: z.string(),
  kind: AssessmentKindSchema,
  targetKind: z.enum(['cadre', 'unit']),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.enum(ROUND_STATES),
  targetCount: z.number().int(),
  rules: RoundRulesSchema,
  /** scores have left the database (a compute or the ballot export): the round can no longer be reopened */
  scoresDisclosed: z.boolean(),
  /** may this user run the round (organiser scope and permission) */
  manageable: z.boolean(),
  createdAt: z.string(),
});
export type Round = z.infer<typeof RoundSchema>;
export const RoundListSchema = z.object({ items: z.array(RoundSchema) });

export const RoundTransitionInputSchema = z.strictObject({ action: z.enum(ROUND_ACTIONS) });

export const TargetReportInputSchema = z.strictObject({ report: z.string().max(20000) });

/** A target of a round: `/api/assessment/rounds/:id/targets/:targetId/…`. */
export const RoundTargetParamsSchema = z.strictObject({ id: z.string().uuid(), targetId: z.string().uuid() });

/** An action that answers with nothing but its success. */
export const AssessmentOkSchema = z.object({ ok: z.literal(true) });

/** The largest 述职报告 file (PDF or Word) a target may attach. */
export const REPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** A 述职报告 file beside the text (PDF or Word), downloaded through its own route. */
export const ReportFileInfoSchema = z.object({ name: z.string(), size: z.number().int() }).nullable();

/** Upload of a 述职报告 file: the raw bytes as the body, the original file name in the query. */
export const ReportFileUploadQuerySchema = z.strictObject({ name: z.string().max(300).optional() });
export const ReportFileUploadResultSchema = z.object({ name: z.string(), size: z.number().int() });

export const RoundTargetSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid().nullable(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  name: z.string(),
  post: z.string(),
  report: z.string(),
  reportFile: ReportFileInfoSchema,
});
export type RoundTarget = z.infer<typeof RoundTargetSchema>;
export const RoundTargetListSchema = z.object({ items: z.array(RoundTargetSchema) });

// ------------------------------------------------------------------ tokens

export const TokenIssueInputSchema = z.strictObject({
  groupId: z.string().max(63),
  count: z.number().int().min(1).max(2000),
  /** the sub-population (unit) the slips rate, for groups that rate their own unit only */
  unitId: z.string().uuid().optional(),
});
export const TokenIssueResultSchema = z.object({
  batchId: z.string().uuid(),
  groupId: z.string(),
  unitId: z.string().uuid().nullable(),
  /** shown once, for printing; only their keyed hashes are stored */
  codes: z.array(z.string()),
});
export type TokenIssueResult = z.infer<typeof TokenIssueResultSchema>;

export const TokenRevokeInputSchema = z.strictObject({ code: z.string().min(4).max(40) });

/** 实名评议: the accounts of a named rater group, each given one slip through their account. */
export const NamedRatersInputSchema = z.strictObject({
  groupId: z.string().max(63),
  userIds: z.array(z.string().uuid()).min(1).max(500),
  unitId: z.string().uuid().optional(),
});
export const NamedRatersResultSchema = z.object({ assigned: z.number().int() });

/** One named slip of the signed-in account; `code` only while it can be used (round open, unused). */
export const MyBallotSchema = z.object({
  roundId: z.string().uuid(),
  roundName: z.string(),
  roundState: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  used: z.boolean(),
  code: z.string().nullable(),
});
export type MyBallot = z.infer<typeof MyBallotSchema>;
export const MyBallotListSchema = z.object({ items: z.array(MyBallotSchema) });

export const TurnoutSchema = z.object({
  items: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      issued: z.number().int(),
      used: z.number().int(),
      revoked: z.number().int(),
      ballots: z.number().int(),
    }),
  ),
});
export type Turnout = z.infer<typeof TurnoutSchema>;

// ------------------------------------------------------------------ the public ballot

/** The slip's code in the path of the public ballot routes. */
export const BallotParamsSchema = z.strictObject({ token: z.string().min(1).max(40) });
export const BallotReportParamsSchema = z.strictObject({
  token: z.string().min(1).max(40),
  targetId: z.string().uuid(),
});
export const BallotCastResultSchema = z.object({ accepted: z.literal(true) });

export const BallotPageSchema = z.object({
  round: z.object({
    name: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    state: z.enum(ROUND_STATES),
  }),
  group: z.object({ id: z.string(), name: z.string() }),
  criteria: z.array(CriterionSchema),
  /** 'scores': points per criterion; 'grade': one tap per target for a vote grade (一票一档) */
  ballotForm: z.enum(['scores', 'grade']),
  /** the vote grades of a grade ballot, best first (empty for scores) */
  voteGrades: z.array(z.object({ code: z.string(), name: z.string() })),
  targets: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      post: z.string(),
      unitName: z.string(),
      report: z.string(),
      reportFile: ReportFileInfoSchema,
    }),
  ),
});
export type BallotPage = z.infer<typeof BallotPageSchema>;

/** Points with at most two decimals, within each criterion's maximum (checked against the scheme). */
export const ScoreBallotInputSchema = z.strictObject({
  scores: z
    .array(
      z.strictObject({ targetId: z.string().uuid(), points: z.array(z.number().min(0).max(100)).max(30) }),
    )
    .min(1)
    .max(500),
});
export type ScoreBallotInput = z.infer<typeof ScoreBallotInputSchema>;

/** A grade ballot (一票一档): one vote grade per target, a code of the round's vote grades (checked there). */
export const GradeBallotInputSchema = z.strictObject({
  grades: z
    .array(z.strictObject({ targetId: z.string().uuid(), grade: z.string().min(1).max(32) }))
    .min(1)
    .max(500),
});
export type GradeBallotInput = z.infer<typeof GradeBallotInputSchema>;

/** A score ballot or a grade ballot; which one a slip takes is its round's `ballotForm`. */
export const BallotSubmitInputSchema = z.union([ScoreBallotInputSchema, GradeBallotInputSchema]);
export type BallotSubmitInput = z.infer<typeof BallotSubmitInputSchema>;

// ------------------------------------------------------------------ results and review

export const WaiverInputSchema = z.strictObject({
  targetId: z.string().uuid(),
  groupId: z.string().max(63),
  reason: z.string().trim().min(2).max(500),
});

/** 按单位豁免: one rater group waived for every target of a unit's subtree short of it, with one reason. */
export const UnitWaiverInputSchema = z.strictObject({
  orgId: z.string().uuid(),
  groupId: z.string().max(63),
  reason: z.string().trim().min(2).max(500),
});
export type UnitWaiverInput = z.infer<typeof UnitWaiverInputSchema>;
export const UnitWaiverResultSchema = z.object({
  /** the targets waived (those of the unit's subtree short of the group, not yet waived for it) */
  waived: z.number().int(),
});

export const GradeOverrideInputSchema = z.strictObject({
  targetId: z.string().uuid(),
  grade: z.string().max(20),
  reason: z.string().trim().max(500),
  exceptionApproved: z.boolean().default(false),
  approvalRef: z.string().max(100).default(''),
});
export type GradeOverrideInput = z.input<typeof GradeOverrideInputSchema>;

/** 考核等次申诉: the cadre's reason for appealing her own published result (the case's 提交申诉 comment). */
export const GradeAppealInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});
export type GradeAppealInput = z.infer<typeof GradeAppealInputSchema>;

/** An appeal of a result, with where its case stands. */
export const GradeAppealSchema = z.object({
  id: z.string().uuid(),
  roundId: z.string().uuid(),
  targetId: z.string().uuid(),
  caseId: z.string().uuid(),
  /** the case's status: open / done / rejected / withdrawn */
  status: CaseStatusSchema,
  /** the name of the step it waits at (复核), null once closed */
  stepName: z.string().nullable(),
  openedAt: z.string(),
});
export type GradeAppeal = z.infer<typeof GradeAppealSchema>;
export const GradeAppealListSchema = z.object({
  items: z.array(GradeAppealSchema),
  /** the caller's own results that may be appealed: her cadre's targets in published rounds */
  appealableTargetIds: z.array(z.string().uuid()),
});
export type GradeAppealList = z.infer<typeof GradeAppealListSchema>;
