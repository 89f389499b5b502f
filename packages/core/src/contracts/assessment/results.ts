import { z } from 'zod';
import {
  GradeSchema,
  QuotaRoundingSchema,
  QuotaRuleSchema,
  TieBreakSchema,
} from '../../policy/assessment-section.ts';
import { RoundRulesSchema, ROUND_STATES } from '../assessment.ts';

/**
 * The answers of the results routes: core's engine output made JSON-safe (exact rationals as
 * {fraction, value}, bigints as strings). The objects are loose: they list what the web app and the
 * recount read, and keep every other figure of the explanation as the engine produced it.
 */

/** An exact rational as the server sends it: the fraction and its rounded decimal (scoreDecimals). */
export const FigureSchema = z.object({ fraction: z.string(), value: z.string() });
export type Figure = z.infer<typeof FigureSchema>;

/** A ballot's score in hundredths (bigints travel as strings). */
const BallotScoreJsonSchema = z.looseObject({ ballotId: z.string(), hundredths: z.string() });

export const WithheldReasonSchema = z.enum(['small', 'complementary']);

export const GroupAggregateJsonSchema = z.looseObject({
  applied: z.enum(['mean', 'trimmedMean']),
  fallback: z
    .looseObject({ reason: z.literal('belowMinBallots'), minBallots: z.number(), ballotCount: z.number() })
    .nullable(),
  ballotCount: z.number(),
  usedCount: z.number(),
  trimmed: z.looseObject({ highest: BallotScoreJsonSchema, lowest: BallotScoreJsonSchema }).nullable(),
  sumHundredths: z.string(),
  value: FigureSchema.nullable(),
});
export type GroupAggregateJson = z.infer<typeof GroupAggregateJsonSchema>;

/**
 * One rater group's figures for a target; `suppressed` groups carry the count only: too few ballots
 * ('small'), or withheld beside a small group so the total cannot give it away ('complementary').
 */
export const GroupTallyJsonSchema = z.looseObject({
  groupId: z.string(),
  name: z.string(),
  ballotCount: z.number(),
  suppressed: z.boolean(),
  suppressedReason: WithheldReasonSchema.optional(),
  minRaters: z.number().optional(),
  maxRaters: z.number().optional(),
  empty: z.boolean().optional(),
  belowMinimum: z.boolean().optional(),
  aboveMaximum: z.boolean().optional(),
  waiver: z
    .looseObject({ reason: z.string(), approvalRef: z.string().nullable(), applied: z.boolean() })
    .nullable()
    .optional(),
  counted: z.boolean().optional(),
  aggregate: GroupAggregateJsonSchema.optional(),
  value: FigureSchema.nullable().optional(),
  weight: FigureSchema.optional(),
  effectiveWeight: FigureSchema.optional(),
  contribution: FigureSchema.nullable().optional(),
});
export type GroupTallyJson = z.infer<typeof GroupTallyJsonSchema>;

export const ProposalReasonJsonSchema = z.enum([
  'score',
  'withinQuota',
  'quota',
  'veto',
  'tiedAtBoundary',
  'insufficient',
  'totalWithheld',
]);
export type ProposalReasonJson = z.infer<typeof ProposalReasonJsonSchema>;

export const ProposalJsonSchema = z.looseObject({
  total: FigureSchema.nullable(),
  scoreGrade: z.string().nullable(),
  /** what scoreGrade follows (absent in results computed before grade-ballot vote-share rules) */
  gradeBy: z.enum(['score', 'votes']).optional(),
  grade: z.string().nullable(),
  reason: ProposalReasonJsonSchema,
  vetoReasons: z.array(z.string()),
  quotaGroupKey: z.string().nullable(),
  placedBy: z.enum(['group', 'pool']).nullable(),
  tiedAtBoundary: z.boolean(),
});
export type ProposalJson = z.infer<typeof ProposalJsonSchema>;

export const RankJsonSchema = z.looseObject({
  population: z.number(),
  of: z.number(),
  unit: z.number(),
  ofUnit: z.number(),
});

/** A grade ballot's votes of a group or of the shown groups together (core `tallyGradeVotes`). */
const GradeVoteTallyJsonSchema = z.looseObject({
  total: z.number(),
  grades: z.array(
    z.looseObject({ code: z.string(), name: z.string(), count: z.number(), shareHundredths: z.number() }),
  ),
  scoreHundredths: z.number().nullable(),
  grade: z.string().nullable(),
  explanation: z.array(z.string()),
});

/** A target's result with the explanation of every figure (计算说明), as anyone may see it. */
export const ExplanationJsonSchema = z.looseObject({
  tally: z.looseObject({
    status: z.enum(['sufficient', 'insufficient']),
    insufficientGroups: z.array(
      z.looseObject({
        groupId: z.string(),
        reason: z.enum(['belowMinimum', 'empty']),
        ballotCount: z.number(),
        minRaters: z.number(),
      }),
    ),
    aboveMaximum: z.array(
      z.looseObject({ groupId: z.string(), ballotCount: z.number(), maxRaters: z.number() }),
    ),
    total: FigureSchema.nullable(),
    /** the total would be a small group's figure: not shown, nor the rank */
    totalWithheld: z.boolean().optional(),
    /** the suppressed groups' combined contribution (the total minus the shown part) */
    withheldContribution: FigureSchema.nullable().optional(),
    groups: z.array(GroupTallyJsonSchema),
    ballotCount: z.number(),
    explanation: z.looseObject({
      emptyGroup: z.enum(['renormalise', 'insufficient']),
      renormalised: z
        .looseObject({ emptyGroups: z.array(z.string()), countedWeight: FigureSchema })
        .nullable(),
    }),
  }),
  rank: RankJsonSchema.nullable(),
  proposal: ProposalJsonSchema.nullable(),
  /**
   * a grade ballot's votes (一票一档): per shown rater group and over the shown groups together, the count and
   * share (hundredths of a percent) of each vote grade and the pack rule's step (core `explainGradeVotes`)
   */
  gradeVotes: z
    .looseObject({
      groups: z.array(GradeVoteTallyJsonSchema.extend({ groupId: z.string(), name: z.string() })),
      overall: GradeVoteTallyJsonSchema.nullable(),
    })
    .optional(),
});
export type ExplanationJson = z.infer<typeof ExplanationJsonSchema>;

export const RoundResultTargetSchema = z.object({
  id: z.string(),
  /** the cadre rated; null for a unit target (万人双评议 …) */
  cadreId: z.string().nullable(),
  name: z.string(),
  post: z.string(),
  unitName: z.string(),
  status: z.enum(['sufficient', 'insufficient']).nullable(),
  total: FigureSchema.nullable(),
  /** a total not published (it would reveal a group below the minimum); `total` is null then */
  totalWithheld: z.boolean(),
  rank: RankJsonSchema.nullable(),
  proposedGrade: z.string().nullable(),
  proposedGradeName: z.string().nullable(),
  finalGrade: z.string().nullable(),
  finalGradeName: z.string().nullable(),
  overrideReason: z.string().nullable(),
  explanation: ExplanationJsonSchema.nullable(),
});
export type RoundResultTarget = z.infer<typeof RoundResultTargetSchema>;

const QuotaCountJsonSchema = z.looseObject({
  n: z.number(),
  share: FigureSchema,
  product: FigureSchema,
  rounding: QuotaRoundingSchema,
  places: z.number(),
});

/** The quota allocation of a computed round (名额测算), shown to the organiser. */
export const QuotaSummarySchema = z.looseObject({
  plan: z
    .looseObject({
      ruleId: z.string(),
      groupBy: QuotaRuleSchema.shape.groupBy,
      groups: z.array(
        z.looseObject({
          key: z.string(),
          targetIds: z.array(z.string()),
          count: QuotaCountJsonSchema,
          poolKey: z.string().nullable(),
        }),
      ),
      pools: z.array(
        z.looseObject({
          key: z.string(),
          level: z.enum(['parent', 'population']),
          groupKeys: z.array(z.string()),
          count: QuotaCountJsonSchema,
          groupPlaces: z.number(),
          pooledPlaces: z.number(),
        }),
      ),
    })
    .nullable(),
  allocations: z.array(
    z.looseObject({
      stage: z.enum(['group', 'pool']),
      key: z.string(),
      places: z.number(),
      candidates: z.array(z.string()),
      awarded: z.array(z.string()),
      unusedPlaces: z.number(),
    }),
  ),
  boundaries: z.array(
    z.looseObject({
      stage: z.enum(['group', 'pool']),
      key: z.string(),
      total: FigureSchema,
      tied: z.array(z.string()),
      placesInContention: z.number(),
      steps: z.array(
        z.looseObject({
          tieBreak: TieBreakSchema,
          values: z.array(z.looseObject({ targetId: z.string(), value: FigureSchema.nullable() })),
          outcome: z.enum(['applied', 'skipped']),
          won: z.array(z.string()),
          lost: z.array(z.string()),
          stillTied: z.array(z.string()),
        }),
      ),
      awarded: z.array(z.string()),
      flagged: z.array(z.string()),
      placesLeftOpen: z.number(),
    }),
  ),
});
export type QuotaSummary = z.infer<typeof QuotaSummarySchema>;

/** The most rows one page of results carries; past it RESULTS_PAGE_SIZE (a transport limit, not a policy). */
export const RESULTS_MAX_PAGE_SIZE = 200;

/** How a page of results is ordered: by rank (the unranked last), name, total (highest first) or unit. */
export const RESULT_SORTS = ['rank', 'name', 'total', 'unit'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

/**
 * GET /api/assessment/rounds/:id/results?page=&pageSize=&status=&unitId=&q=&sort=: one page of the targets
 * the reader may see; `unitId` keeps that unit's subtree, `q` a part of the name, post or unit name.
 */
export const ResultsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).default(50),
  status: z.enum(['sufficient', 'insufficient']).optional(),
  unitId: z.string().uuid().optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(RESULT_SORTS).default('rank'),
});
export type ResultsQuery = Partial<z.output<typeof ResultsQuerySchema>>;

/**
 * The round's figures over every target the reader may see (not only the page), counted by the database:
 * per status (`none`: no stored result), per proposed and final grade, the committee's changes, and — for
 * the organiser of a computed round — the targets short of each rater group (below its minimum, the ones a
 * 按单位豁免 can waive).
 */
export const ResultCountsSchema = z.object({
  targets: z.number().int(),
  status: z.object({ sufficient: z.number().int(), insufficient: z.number().int(), none: z.number().int() }),
  proposed: z.record(z.string(), z.number().int()),
  final: z.record(z.string(), z.number().int()),
  overridden: z.number().int(),
  shortByGroup: z.record(z.string(), z.number().int()).nullable(),
});
export type ResultCounts = z.infer<typeof ResultCountsSchema>;

/**
 * What the 名额校准 view needs of the targets named in the quota summary, for the organiser: per quota
 * group, its targets' final grades counted; the names of the targets the boundaries and awards name.
 */
export const CalibrationFactsSchema = z.object({
  finalByQuotaGroup: z.record(z.string(), z.record(z.string(), z.number().int())),
  names: z.record(z.string(), z.string()),
});
export type CalibrationFacts = z.infer<typeof CalibrationFactsSchema>;

/** GET /api/assessment/rounds/:id/results/:targetId: one target's result with its full explanation. */
export const TargetResultParamsSchema = z.strictObject({
  id: z.string().uuid(),
  targetId: z.string().uuid(),
});

/** GET /api/assessment/rounds/:id/results: one page of figures (each with its explanation) and the counts. */
export const RoundResultsSchema = z.object({
  round: z.object({ id: z.string(), name: z.string(), state: z.enum(ROUND_STATES), schemeName: z.string() }),
  /** the reader runs the round: sees the quota summary and may review */
  organiser: z.boolean(),
  grades: z.array(GradeSchema),
  raterGroups: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number() })),
  minGroupSizeShown: z.number().int(),
  quotaRule: QuotaRuleSchema.nullable(),
  counts: ResultCountsSchema,
  page: z.number().int(),
  pageSize: z.number().int(),
  /** the targets matching the filters (the table's row count) */
  total: z.number().int(),
  /** the page's rows */
  targets: z.array(RoundResultTargetSchema),
});
export type RoundResults = z.infer<typeof RoundResultsSchema>;

/**
 * GET /api/assessment/rounds/:id/results/calibration — 名额校准, the organiser's only: the quota summary
 * (every quota group's places, pools, boundaries and awards) and the facts its view names. Its own route:
 * for a large round it names every target, which a page of results must not carry (issue 10 §9).
 */
export const RoundCalibrationSchema = z.object({
  summary: QuotaSummarySchema.nullable(),
  calibration: CalibrationFactsSchema.nullable(),
});
export type RoundCalibration = z.infer<typeof RoundCalibrationSchema>;

/**
 * A target of the anonymous ballot export, with the groups whose ballots it withholds for that target
 * (SECURITY 31). Written by the results routes, read by the recount CLI.
 */
export const ExportTargetSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  parentUnitId: z.string().nullable(),
  name: z.string(),
  withheld: z
    .object({
      groups: z.array(
        z.object({ groupId: z.string(), ballotCount: z.number().int(), reason: WithheldReasonSchema }),
      ),
      /** the published total minus its shown part, "num/den"; null when no total was published */
      contribution: z.string().nullable(),
      /**
       * a grade ballot proposing grades from vote shares (按票率定等次): the grade the round's votes gave
       * (the proposal's scoreGrade, published with it) — the withheld votes cannot be pooled again
       */
      voteGrade: z.string().nullable().optional(),
    })
    .optional(),
});
export type ExportTarget = z.infer<typeof ExportTargetSchema>;

/** GET /api/assessment/rounds/:id/ballots.json: the anonymous ballots, to recount (复核计票). */
export const BallotExportSchema = z.object({
  round: z.object({ id: z.string(), name: z.string(), periodEnd: z.string(), rules: RoundRulesSchema }),
  targets: z.array(ExportTargetSchema),
  waivers: z.array(z.object({ targetId: z.string(), groupId: z.string(), reason: z.string() })),
  ballots: z.array(
    z.object({
      id: z.string(),
      groupId: z.string(),
      day: z.string(),
      scores: z.array(z.object({ targetId: z.string(), points: z.array(z.number()) })),
      /** a grade ballot's votes (一票一档; its `scores` is empty) */
      grades: z.array(z.object({ targetId: z.string(), grade: z.string() })).optional(),
    }),
  ),
});
export type BallotExport = z.infer<typeof BallotExportSchema>;
