import { z } from 'zod';

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();
const kindId = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

/** 实战历练 (R-TRN-4) and 党员远程教育站点 (R-TRN-3): what the district's pack says of them. */
export const PracticePolicySchema = z.object({
  packId: z.string(),
  packName: z.string(),
  /** 攻坚一线 / 重点工程 / 巡察 / 涉稳涉访 with the months a posting usually lasts */
  kinds: z.array(z.object({ id: z.string(), name: z.string(), defaultMonths: z.number().int() })),
  /** null: the pack keeps no station register (the page says so) */
  stations: z
    .object({
      schemeId: z.string(),
      schemeName: z.string(),
      /** the count of stations the pack plans (jinwan: 21) */
      planned: z.number().int(),
    })
    .nullable(),
});
export type PracticePolicy = z.infer<typeof PracticePolicySchema>;

/** 历练成效: how the posting went, recorded once it has ended. */
export const PRACTICE_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type PracticeRating = (typeof PRACTICE_RATINGS)[number];

export const PracticeOutcomeSchema = z.object({
  rating: z.enum(PRACTICE_RATINGS),
  note: z.string(),
  recordedOn: day,
});

/** planned: starts after today; current: under way; ended: its end day has passed */
export const PRACTICE_STATUSES = ['planned', 'current', 'ended'] as const;

/** A practice posting (实战历练): a cadre sent to a front-line post for a time. */
export const PracticePostingSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  cadreName: z.string(),
  unitName: z.string(),
  kind: z.string(),
  kindName: z.string(),
  /** 历练岗位 / 地点 */
  post: z.string(),
  hostOrgId: z.string().uuid().nullable(),
  hostName: z.string(),
  startedOn: day,
  endsOn: day,
  status: z.enum(PRACTICE_STATUSES),
  outcome: PracticeOutcomeSchema.nullable(),
});
export type PracticePosting = z.infer<typeof PracticePostingSchema>;

export const PracticeListQuerySchema = z.strictObject({
  /** the cadre's name, the post or the host */
  q: z.string().max(50).optional(),
  kind: kindId.optional(),
  cadreId: z.string().uuid().optional(),
  status: z.enum(PRACTICE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PracticeListQuery = z.output<typeof PracticeListQuerySchema>;
export const PracticeListSchema = z.object({
  items: z.array(PracticePostingSchema),
  total: z.number().int(),
});
export type PracticeList = z.infer<typeof PracticeListSchema>;

export const PracticeCreateInputSchema = z.strictObject({
  cadreId: z.string().uuid(),
  kind: kindId,
  post: z.string().trim().min(1).max(200),
  hostOrgId: z.string().uuid().nullable().optional(),
  startedOn: day,
  /** default: the kind's defaultMonths after the start (the day before the same day that many months on) */
  endsOn: day.optional(),
});
export type PracticeCreateInput = z.input<typeof PracticeCreateInputSchema>;

/** Change the post or the end (an early return), or record the outcome once ended (null clears it). */
export const PracticeUpdateInputSchema = z.strictObject({
  post: z.string().trim().min(1).max(200).optional(),
  endsOn: day.optional(),
  outcome: z
    .strictObject({ rating: z.enum(PRACTICE_RATINGS), note: z.string().trim().max(1000) })
    .nullable()
    .optional(),
});
export type PracticeUpdateInput = z.input<typeof PracticeUpdateInputSchema>;

/** 站点: a unit of kind `station` with its manager (站点管理员), notes, activities and latest result. */
export const StationSchema = z.object({
  orgId: z.string().uuid(),
  name: z.string(),
  parentName: z.string(),
  managerId: z.string().uuid().nullable(),
  managerName: z.string(),
  address: z.string(),
  equipment: z.string(),
  activityCount: z.number().int(),
  lastActivityOn: day.nullable(),
  /** the latest published round of the pack's station scheme with this station among its targets */
  latestResult: z
    .object({
      roundId: z.string().uuid(),
      roundName: z.string(),
      periodEnd: z.string(),
      grade: z.string().nullable(),
      score: z.number().nullable(),
    })
    .nullable(),
});
export type Station = z.infer<typeof StationSchema>;
export const StationListSchema = z.object({
  items: z.array(StationSchema),
  /** the pack's planned count, with the sentence comparing it with the register */
  planned: z.number().int().nullable(),
  explanation: z.string(),
});
export type StationList = z.infer<typeof StationListSchema>;

export const StationUpdateInputSchema = z.strictObject({
  managerId: z.string().uuid().nullable().optional(),
  address: z.string().trim().max(200).optional(),
  equipment: z.string().trim().max(500).optional(),
});
export type StationUpdateInput = z.input<typeof StationUpdateInputSchema>;

/** A new station unit under a village or community (made through the org service). */
export const StationCreateInputSchema = z.strictObject({
  parentId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  managerId: z.string().uuid().nullable().optional(),
  address: z.string().trim().max(200).optional(),
  equipment: z.string().trim().max(500).optional(),
});
export type StationCreateInput = z.input<typeof StationCreateInputSchema>;

export const StationActivitySchema = z.object({
  id: z.string().uuid(),
  heldOn: day,
  topic: z.string(),
  attendees: z.number().int(),
});
export type StationActivity = z.infer<typeof StationActivitySchema>;
export const StationActivityListSchema = z.object({ items: z.array(StationActivitySchema) });
export const StationActivityInputSchema = z.strictObject({
  heldOn: day,
  topic: z.string().trim().min(1).max(200),
  attendees: z.number().int().min(0).max(100000),
});
export type StationActivityInput = z.input<typeof StationActivityInputSchema>;

/** 站点目标管理考评: start a round of the pack's station scheme on the stations in scope. */
export const StationRoundInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  periodStart: day,
  periodEnd: day,
  /** default: every station in scope */
  stationIds: z.array(z.string().uuid()).min(1).max(5000).optional(),
});
export type StationRoundInput = z.input<typeof StationRoundInputSchema>;
export const StationRoundSchema = z.object({ roundId: z.string().uuid(), targetCount: z.number().int() });
