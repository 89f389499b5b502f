import { z } from 'zod';

/**
 * After appointment (R-SEL-3) and exchanges (R-SEL-6): post-appointment reviews (任后评估 / 回头看) due the
 * pack's months after an appointment, measures for unfit cadres (不胜任: 召回管理 / 回炉锻造 / 二次择岗) with
 * their terms, and exchanges and secondments (交流 / 挂职) in yearly batches.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);

/** Where a dated item stands today: done / overdue / due soon (this month or next) / scheduled later. */
export const AFTER_DUE_STATES = ['scheduled', 'due_soon', 'overdue', 'done'] as const;
export type AfterDueState = (typeof AFTER_DUE_STATES)[number];

// ---------------------------------------------------------------- post-appointment reviews

/** 胜任 / 基本胜任 / 不胜任 */
export const POST_REVIEW_OUTCOMES = ['fit', 'basically_fit', 'unfit'] as const;
export type PostReviewOutcome = (typeof POST_REVIEW_OUTCOMES)[number];

export const PostReviewSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  unitName: z.string(),
  /** the selection process that made the appointment; null: entered by hand */
  processId: Uuid.nullable(),
  postTitle: z.string(),
  appointedOn: IsoDate,
  dueOn: IsoDate,
  dueState: z.enum(AFTER_DUE_STATES),
  /** the assessment round of the pack's post-appointment scheme that runs it, once started */
  roundId: Uuid.nullable(),
  status: z.enum(['scheduled', 'done']),
  outcome: z.enum(POST_REVIEW_OUTCOMES).nullable(),
  outcomeNote: z.string(),
  decidedOn: IsoDate.nullable(),
  /** the unfit measure opened on an outcome 不胜任 */
  measureId: Uuid.nullable(),
  /** why it is due then, in Chinese */
  explanation: z.string(),
});
export type PostReview = z.infer<typeof PostReviewSchema>;

export const PostReviewListQuerySchema = z.strictObject({
  /** open: not yet done (any due state) */
  state: z.enum([...AFTER_DUE_STATES, 'open']).optional(),
  /** the cadre's name */
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type PostReviewListQuery = z.output<typeof PostReviewListQuerySchema>;
export const PostReviewListSchema = z.object({ items: z.array(PostReviewSchema), total: z.number().int() });

/** An appointment made elsewhere (not by a selection process here): its review scheduled by hand. */
export const PostReviewCreateSchema = z.strictObject({
  cadreId: Uuid,
  postTitle: z.string().trim().min(1).max(200),
  appointedOn: IsoDate,
});
export type PostReviewCreate = z.input<typeof PostReviewCreateSchema>;

/**
 * 开始评估: with the pack's post-appointment scheme a round of it is created for the cadre; `roundId` links
 * a round created elsewhere instead (also the way without a scheme).
 */
export const PostReviewStartSchema = z.strictObject({ roundId: Uuid.optional() });
export type PostReviewStart = z.input<typeof PostReviewStartSchema>;

/** 评估结论; 不胜任 opens an unfit measure (`measure` required then). */
export const PostReviewOutcomeInputSchema = z.strictObject({
  outcome: z.enum(POST_REVIEW_OUTCOMES),
  note: z.string().trim().max(1000).default(''),
  decidedOn: IsoDate,
  measure: z
    .strictObject({
      measureId: z.string().min(1).max(41),
      reason: z.string().trim().min(1).max(500),
      startOn: IsoDate,
    })
    .optional(),
});
export type PostReviewOutcomeInput = z.input<typeof PostReviewOutcomeInputSchema>;

// ---------------------------------------------------------------- unfit measures

export const UnfitMeasureRecordSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  unitName: z.string(),
  postReviewId: Uuid.nullable(),
  measureId: z.string(),
  measureName: z.string(),
  reason: z.string(),
  startOn: IsoDate,
  dueOn: IsoDate,
  dueState: z.enum(AFTER_DUE_STATES),
  status: z.enum(['open', 'closed']),
  result: z.string(),
  closedOn: IsoDate.nullable(),
  explanation: z.string(),
});
export type UnfitMeasureRecord = z.infer<typeof UnfitMeasureRecordSchema>;

export const UnfitMeasureListQuerySchema = z.strictObject({
  state: z.enum([...AFTER_DUE_STATES, 'open']).optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type UnfitMeasureListQuery = z.output<typeof UnfitMeasureListQuerySchema>;
export const UnfitMeasureListSchema = z.object({
  items: z.array(UnfitMeasureRecordSchema),
  total: z.number().int(),
});

export const UnfitMeasureCreateSchema = z.strictObject({
  cadreId: Uuid,
  /** the pack's measure (recall, retrain, reassign …) */
  measureId: z.string().min(1).max(41),
  reason: z.string().trim().min(1).max(500),
  startOn: IsoDate,
});
export type UnfitMeasureCreate = z.input<typeof UnfitMeasureCreateSchema>;

export const UnfitMeasureCloseSchema = z.strictObject({
  result: z.string().trim().min(1).max(1000),
  closedOn: IsoDate,
});
export type UnfitMeasureClose = z.input<typeof UnfitMeasureCloseSchema>;

// ---------------------------------------------------------------- exchanges and secondments

export const ExchangeSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  homeOrgId: Uuid,
  homeOrgName: z.string(),
  hostOrgId: Uuid,
  hostOrgName: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  /** true: the registry moved the cadre to the host unit (交流); false: a posting kept beside the record */
  movesRecord: z.boolean(),
  batchYear: z.number().int(),
  hostPost: z.string(),
  startOn: IsoDate,
  endOn: IsoDate,
  status: z.enum(['active', 'ended']),
  /** active past its end date */
  overdue: z.boolean(),
  outcome: z.string(),
  endedOn: IsoDate.nullable(),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

export const ExchangeListQuerySchema = z.strictObject({
  batchYear: z.coerce.number().int().min(2000).max(2100).optional(),
  kindId: z.string().max(41).optional(),
  status: z.enum(['active', 'ended']).optional(),
  cadreId: Uuid.optional(),
  q: z.string().max(50).optional(),
  page,
  pageSize,
});
export type ExchangeListQuery = z.output<typeof ExchangeListQuerySchema>;
export const ExchangeListSchema = z.object({ items: z.array(ExchangeSchema), total: z.number().int() });

/** A yearly batch: several cadres posted at once, each to a host unit. */
export const ExchangeBatchCreateSchema = z.strictObject({
  batchYear: z.number().int().min(2000).max(2100),
  /** the pack's exchange kind (exchange, secondment, practice …) */
  kindId: z.string().min(1).max(41),
  startOn: IsoDate,
  /** default: the kind's defaultMonths from the start */
  endOn: IsoDate.optional(),
  postings: z
    .array(
      z.strictObject({
        cadreId: Uuid,
        hostOrgId: Uuid,
        hostPost: z.string().trim().max(100).default(''),
      }),
    )
    .min(1)
    .max(200),
});
export type ExchangeBatchCreate = z.input<typeof ExchangeBatchCreateSchema>;
export const ExchangeBatchResultSchema = z.object({ items: z.array(ExchangeSchema) });

export const ExchangeEndSchema = z.strictObject({
  endedOn: IsoDate,
  outcome: z.string().trim().min(1).max(1000),
});
export type ExchangeEnd = z.input<typeof ExchangeEndSchema>;

// ---------------------------------------------------------------- the pack's rules, for the forms

export const AfterPolicyViewSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  postReview: z.object({ afterMonths: z.number().int(), schemeId: z.string().nullable() }).nullable(),
  unfitMeasures: z.array(z.object({ id: z.string(), name: z.string(), termMonths: z.number().int() })),
  exchangeKinds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      movesRecord: z.boolean(),
      defaultMonths: z.number().int(),
    }),
  ),
});
export type AfterPolicyView = z.infer<typeof AfterPolicyViewSchema>;
