import { z } from 'zod';

/**
 * 精准激励 (R-NEED-1/2): the needs survey. 组织部 opens a survey of a unit subtree under the pack's `needs`
 * section, issues one-time codes (printed slips, like the assessment's ballot slips), and closes it; a
 * respondent answers on the public ballot page (`/ballot#CODE`) with no account: their own rank / post /
 * education band (self-reported), up to `picksPerAnswer` incentive kinds in order of importance and, when
 * the survey asks, their overtime count. Results per band (groups under the pack's minimum size
 * suppressed, with complementary suppression) give the recommended incentive mix.
 *
 * A survey code is 16 characters (XXXX-XXXX-XXXX-XXXX) from the ballot's alphabet; an assessment slip has
 * 12, so the ballot page tells them apart by length alone and the assessment's path is unchanged.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const SURVEY_CODE_LENGTH = 16;
export const SURVEY_STATES = ['open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_BREAKDOWNS = ['rank', 'post', 'education'] as const;
export type SurveyBreakdownId = (typeof SURVEY_BREAKDOWNS)[number];

export const SurveyCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  /** the surveyed unit (its subtree) */
  orgId: Uuid,
  opensOn: IsoDate,
  closesOn: IsoDate,
  /** also ask 近N个月加班次数 (N: the pack's burden.overtime.surveyPeriodMonths) */
  withOvertime: z.boolean().default(false),
});
export type SurveyCreate = z.output<typeof SurveyCreateSchema>;

export const SurveySchema = z.object({
  id: Uuid,
  title: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  withOvertime: z.boolean(),
  packName: z.string(),
  state: z.enum(SURVEY_STATES),
  closedOn: IsoDate.nullable(),
  /** slips: live (issued, unused), used and revoked — counts only, never which slip */
  codes: z.object({ issued: z.number().int(), used: z.number().int(), revoked: z.number().int() }),
  /** answers received (the pool while open, the settled answers after close) */
  answers: z.number().int(),
  /** active cadres of the surveyed subtree today (the population) */
  population: z.number().int(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyListSchema = z.object({
  items: z.array(SurveySchema),
  /** the pack in force has a needs section (a survey can be opened) */
  offered: z.boolean(),
  packName: z.string(),
});
export type SurveyList = z.infer<typeof SurveyListSchema>;

export const SurveyCodesInputSchema = z.strictObject({
  /** the unit whose cadres get the slips (inside the survey's subtree) */
  orgId: Uuid,
  /** default: the active cadres of the unit's subtree */
  count: z.number().int().min(1).max(5000).optional(),
});
export type SurveyCodesInput = z.output<typeof SurveyCodesInputSchema>;

export const SurveyCodesResultSchema = z.object({
  batchId: Uuid,
  orgId: Uuid,
  orgName: z.string(),
  /** the codes, returned once for printing (only keyed hashes are stored) */
  codes: z.array(z.string()),
});
export type SurveyCodesResult = z.infer<typeof SurveyCodesResultSchema>;

export const SurveyRevokeInputSchema = z.strictObject({ code: z.string().min(1).max(40) });
export type SurveyRevokeInput = z.output<typeof SurveyRevokeInputSchema>;

/** The public answer routes' path: `/api/ballot/:token/survey` (redacted in the logs as every ballot path). */
export const SurveyCodeParamsSchema = z.object({ token: z.string().min(1).max(40) });

const NamedSchema = z.object({ id: z.string(), name: z.string() });

/** What a survey slip shows on the ballot page (no account): the questions, never who was issued it. */
export const SurveyFormSchema = z.object({
  title: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  bands: z.object({
    rank: z.array(NamedSchema),
    post: z.array(NamedSchema),
    education: z.array(NamedSchema),
  }),
  kinds: z.array(z.object({ id: z.string(), name: z.string(), hint: z.string() })),
  picksPerAnswer: z.number().int(),
  /** the overtime question's period in months; null: not asked */
  overtimeMonths: z.number().int().nullable(),
});
export type SurveyForm = z.infer<typeof SurveyFormSchema>;

export const SurveyAnswerInputSchema = z.strictObject({
  rankBand: Id,
  postBand: Id,
  educationBand: Id,
  /** incentive kind ids, most important first */
  picks: z.array(Id).min(1).max(10),
  overtime: z.number().int().min(0).max(500).nullable().optional(),
});
export type SurveyAnswerInput = z.output<typeof SurveyAnswerInputSchema>;

export const SurveyAnswerResultSchema = z.object({ accepted: z.literal(true) });

export const SurveyKindShareSchema = z.object({
  id: z.string(),
  name: z.string(),
  points: z.number().int(),
  /** share of the band's points, percent with one decimal */
  share: z.number(),
});
export type SurveyKindShare = z.infer<typeof SurveyKindShareSchema>;

export const SurveyOvertimeFiguresSchema = z.object({
  /** answers per bucket of the pack's bands (… ≤ b1, ≤ b2, …, > last) */
  counts: z.array(z.number().int()),
  /** one decimal */
  mean: z.number(),
  max: z.number().int(),
});

export const SurveyBandResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** active cadres of the subtree in this band (the band's condition, first match wins) */
  expected: z.number().int(),
  /** null when suppressed */
  answers: z.number().int().nullable(),
  /** answers / expected, percent with one decimal; null when suppressed or nobody expected */
  responseRate: z.number().nullable(),
  suppressed: z.enum(['small', 'complementary']).nullable(),
  kinds: z.array(SurveyKindShareSchema).nullable(),
  /** the recommended mix: the top `recommendTop` kinds by share */
  recommended: z.array(SurveyKindShareSchema).nullable(),
  overtime: SurveyOvertimeFiguresSchema.nullable(),
  explanation: z.string(),
});
export type SurveyBandResult = z.infer<typeof SurveyBandResultSchema>;

export const SurveyBreakdownResultSchema = z.object({
  id: z.enum(SURVEY_BREAKDOWNS),
  name: z.string(),
  bands: z.array(SurveyBandResultSchema),
  explanation: z.string(),
});
export type SurveyBreakdownResult = z.infer<typeof SurveyBreakdownResultSchema>;

export const SurveyTallySchema = z.object({
  minGroupSize: z.number().int(),
  recommendTop: z.number().int(),
  pickPoints: z.array(z.number().int()),
  /** the whole survey (suppressed too when fewer than minGroupSize answered) */
  total: SurveyBandResultSchema,
  breakdowns: z.array(SurveyBreakdownResultSchema),
  /** the overtime buckets' labels and the period; null when the survey did not ask */
  overtime: z
    .object({ months: z.number().int(), buckets: z.array(z.string()), bounds: z.array(z.number().int()) })
    .nullable(),
  explanation: z.string(),
});
export type SurveyTally = z.infer<typeof SurveyTallySchema>;

export const SurveyResultsSchema = SurveyTallySchema.extend({ survey: SurveySchema });
export type SurveyResults = z.infer<typeof SurveyResultsSchema>;

export const SurveyRecommendationQuerySchema = z.object({ orgId: Uuid });

/** R-NEED-2: the latest closed survey covering a unit, its per-band mix (null: none yet). */
export const SurveyRecommendationSchema = z.object({
  survey: z
    .object({
      id: Uuid,
      title: z.string(),
      orgName: z.string(),
      closedOn: IsoDate,
      groups: z.array(
        z.object({
          breakdown: z.enum(SURVEY_BREAKDOWNS),
          bandId: z.string(),
          name: z.string(),
          answers: z.number().int(),
          recommended: z.array(SurveyKindShareSchema),
          explanation: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type SurveyRecommendation = z.infer<typeof SurveyRecommendationSchema>;
