import { z } from 'zod';

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();

/** 结对帮扶: a mentor (帮扶人) paired with a cadre (帮扶对象), with dated notes of what was done. */
export const PairingSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  cadreName: z.string(),
  unitName: z.string(),
  mentorId: z.string().uuid(),
  mentorName: z.string(),
  mentorPost: z.string(),
  /** 帮扶重点 */
  focus: z.string(),
  startedOn: day,
  endedOn: day.nullable(),
  noteCount: z.number().int(),
  lastNoteOn: day.nullable(),
  /** 年度评议 (the pack's care.pairingReviewEveryMonths): the last one, the next due day and its state */
  lastReviewOn: day.nullable(),
  /** null: the pack in force has no care section (no review cycle) */
  reviewDueOn: day.nullable(),
  /** null: the pairing has ended, or no review cycle */
  reviewState: z.enum(['ok', 'due', 'overdue']).nullable(),
  reviewExplanation: z.string(),
});
export type Pairing = z.infer<typeof PairingSchema>;

export const PairingListQuerySchema = z.strictObject({
  /** name of the mentor or of the cadre */
  q: z.string().max(50).optional(),
  /** `true`: only pairings not yet ended */
  current: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PairingListQuery = z.output<typeof PairingListQuerySchema>;
export const PairingListSchema = z.object({ items: z.array(PairingSchema), total: z.number().int() });

export const PairingCreateInputSchema = z.strictObject({
  cadreId: z.string().uuid(),
  mentorId: z.string().uuid(),
  focus: z.string().trim().min(1).max(500),
  startedOn: day,
});
export type PairingCreateInput = z.input<typeof PairingCreateInputSchema>;

/** Change the focus, or end the pairing (结束帮扶) on a day. */
export const PairingUpdateInputSchema = z.strictObject({
  focus: z.string().trim().min(1).max(500).optional(),
  endedOn: day.nullable().optional(),
});
export type PairingUpdateInput = z.input<typeof PairingUpdateInputSchema>;

/** 帮扶记录: what the mentor did on a day. */
export const PairingNoteSchema = z.object({
  id: z.string().uuid(),
  notedOn: day,
  content: z.string(),
  writtenBy: z.string(),
});
export type PairingNote = z.infer<typeof PairingNoteSchema>;
export const PairingNoteListSchema = z.object({ items: z.array(PairingNoteSchema) });

export const PairingNoteInputSchema = z.strictObject({
  notedOn: day,
  content: z.string().trim().min(1).max(2000),
});
export type PairingNoteInput = z.input<typeof PairingNoteInputSchema>;

/** 年度评议: rating, summary and whether the pairing continues (结束结对 ends it on the review's day). */
export const PAIRING_REVIEW_RATINGS = ['good', 'fair', 'average', 'poor'] as const;
export const PairingReviewSchema = z.object({
  id: z.string().uuid(),
  reviewedOn: day,
  rating: z.enum(PAIRING_REVIEW_RATINGS),
  summary: z.string(),
  decision: z.enum(['continue', 'end']),
  writtenBy: z.string(),
});
export type PairingReview = z.infer<typeof PairingReviewSchema>;
export const PairingReviewListSchema = z.object({ items: z.array(PairingReviewSchema) });

export const PairingReviewInputSchema = z.strictObject({
  reviewedOn: day,
  rating: z.enum(PAIRING_REVIEW_RATINGS),
  summary: z.string().trim().min(1).max(2000),
  decision: z.enum(['continue', 'end']),
});
export type PairingReviewInput = z.input<typeof PairingReviewInputSchema>;
