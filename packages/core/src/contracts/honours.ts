import { z } from 'zod';
import { DOCX_MEDIA_TYPE, fileResponse } from './files.ts';

/**
 * 精神激励 (R-HON-1/2): commendation batches (表彰批次) with nominations by units under the pack's quotas,
 * the eligibility engine's answer (purpose `honour`), 公示 on the working-day calendar with objections, the
 * decision (date and 文号) with its Word notice, proposals from published annual grades, and the hero board
 * (英雄榜) of the year's decided honours.
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const Year = z.coerce.number().int().min(2000).max(2100);

/** 草稿 → 推荐中 → 公示中 → 已决定 (or 已取消) */
export const HONOUR_BATCH_STATES = ['draft', 'nominating', 'notice', 'decided', 'cancelled'] as const;
export type HonourBatchState = (typeof HONOUR_BATCH_STATES)[number];

/** 已推荐 / 已撤回 / 公示后取消 (an objection upheld) / 已表彰 */
export const HONOUR_NOMINATION_STATES = ['nominated', 'withdrawn', 'removed', 'honoured'] as const;
export type HonourNominationState = (typeof HONOUR_NOMINATION_STATES)[number];

/** 待处理 / 属实（取消推荐）/ 不属实 */
export const HONOUR_OBJECTION_STATES = ['open', 'upheld', 'dismissed'] as const;
export type HonourObjectionState = (typeof HONOUR_OBJECTION_STATES)[number];

// ---------------------------------------------------------------- the pack's rules

export const HonourPolicyViewSchema = z.object({
  packId: z.string(),
  packName: z.string(),
  kinds: z.array(z.object({ id: z.string(), name: z.string(), rank: z.number().int() })),
  quotas: z.array(
    z.object({
      kindId: z.string(),
      kindName: z.string(),
      unitKinds: z.array(z.string()),
      sharePercent: z.number(),
      rounding: z.enum(['floor', 'round', 'ceil']),
      minPerUnit: z.number().int(),
      /** in Chinese: "街道：在册干部的 15%，向下取整，至少 1 名" */
      explanation: z.string(),
    }),
  ),
  noticeWorkingDays: z.number().int(),
  proposalRules: z.array(
    z.object({
      id: z.string(),
      kindId: z.string(),
      kindName: z.string(),
      grades: z.array(z.string()),
      consecutiveYears: z.number().int(),
      explanation: z.string(),
    }),
  ),
});
export type HonourPolicyView = z.infer<typeof HonourPolicyViewSchema>;

// ---------------------------------------------------------------- batches

export const HonourBatchSchema = z.object({
  id: Uuid,
  name: z.string(),
  year: z.number().int(),
  kindId: z.string(),
  kindName: z.string(),
  /** the kind's precedence (a higher rank is listed first on the board) */
  kindRank: z.number().int(),
  /** the district org the batch belongs to */
  orgId: Uuid,
  orgName: z.string(),
  state: z.enum(HONOUR_BATCH_STATES),
  /** the pack version in force when the batch was created (its rules are copied into the batch) */
  packId: z.string(),
  packName: z.string(),
  noticeWorkingDays: z.number().int(),
  /** 公示: first and last day (noticeWorkingDays working days from the first, on the district's calendar) */
  noticeStart: IsoDate.nullable(),
  noticeEnd: IsoDate.nullable(),
  /** why the notice ends that day (the days off it stepped over), in Chinese; null before the notice */
  noticeExplanation: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
  /** 文号 of the decision */
  documentNumber: z.string().nullable(),
  /** nominations in state nominated or honoured that the reader's scope shows */
  nominationCount: z.number().int(),
  createdAt: z.string(),
});
export type HonourBatch = z.infer<typeof HonourBatchSchema>;

export const HonourBatchListQuerySchema = z.strictObject({
  year: Year.optional(),
  state: z.enum(HONOUR_BATCH_STATES).optional(),
  page,
  pageSize,
});
export type HonourBatchListQuery = z.output<typeof HonourBatchListQuerySchema>;
export const HonourBatchListSchema = z.object({ items: z.array(HonourBatchSchema), total: z.number().int() });

/** `POST /api/honours/batches` (honour.decide): a draft batch of one kind of the pack in force. */
export const HonourBatchCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  kindId: z.string().min(1).max(41),
});
export type HonourBatchCreate = z.input<typeof HonourBatchCreateSchema>;

/** A quota unit (区直单位 / 街道 …, the units directly under the district, and the district's own cadres). */
export const HonourQuotaLineSchema = z.object({
  unitId: Uuid,
  unitName: z.string(),
  unitKind: z.string(),
  /** active cadres of the unit's subtree (the district line: the cadres placed in the district org itself) */
  activeCadres: z.number().int(),
  /** null: the pack has no quota row of this kind for the unit's kind (名额不限) */
  sharePercent: z.number().nullable(),
  quota: z.number().int().nullable(),
  /** nominations in state nominated (or honoured) counted against the quota */
  used: z.number().int(),
  /** in Chinese: "甲街道：在册干部 23 人 × 15% = 3.45，向下取整 3 名（…）" */
  explanation: z.string(),
});
export type HonourQuotaLine = z.infer<typeof HonourQuotaLineSchema>;

export const HonourObjectionSchema = z.object({
  id: Uuid,
  nominationId: Uuid,
  receivedOn: IsoDate,
  content: z.string(),
  state: z.enum(HONOUR_OBJECTION_STATES),
  resolution: z.string(),
  resolvedOn: IsoDate.nullable(),
});
export type HonourObjection = z.infer<typeof HonourObjectionSchema>;

export const HonourNominationSchema = z.object({
  id: Uuid,
  batchId: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  /** the quota unit the nomination counts against */
  unitId: Uuid,
  unitName: z.string(),
  postTitle: z.string(),
  /** 先进事迹 */
  deeds: z.string(),
  /** the registry's photo is used (on the board and the notice page) */
  usePhoto: z.boolean(),
  state: z.enum(HONOUR_NOMINATION_STATES),
  /** the engine's answer (purpose honour) when nominated, rules only (no record facts) */
  eligibilityDate: IsoDate,
  eligibilityReasons: z.array(z.string()),
  /** the proposal rule it came from (one-click 提名建议), if any */
  proposalRuleId: z.string().nullable(),
  objections: z.array(HonourObjectionSchema),
  nominatedAt: z.string(),
});
export type HonourNomination = z.infer<typeof HonourNominationSchema>;

export const HonourBatchDetailSchema = HonourBatchSchema.extend({
  /** the quota lines the reader's scope touches */
  quotas: z.array(HonourQuotaLineSchema),
  /** the nominations the reader's scope shows, by unit then name (withdrawn ones included) */
  nominations: z.array(HonourNominationSchema),
});
export type HonourBatchDetail = z.infer<typeof HonourBatchDetailSchema>;

/** `POST …/batches/:id/nominations` (honour.nominate): a cadre of the unit's subtree, while nominating. */
export const HonourNominationCreateSchema = z.strictObject({
  cadreId: Uuid,
  /** 先进事迹; may be empty only for a proposal (its explanation is used) */
  deeds: z.string().trim().max(2000).default(''),
  usePhoto: z.boolean().default(false),
  /** adding a proposal of `GET …/proposals` */
  proposalRuleId: z.string().min(1).max(41).optional(),
});
export type HonourNominationCreate = z.input<typeof HonourNominationCreateSchema>;

export const HonourNominationParamSchema = z.strictObject({ id: Uuid, nominationId: Uuid });
export const HonourObjectionParamSchema = z.strictObject({ id: Uuid, objectionId: Uuid });

/** A cadre a proposal rule of the pack finds (优秀 in 3 consecutive years → 记三等功 …). */
export const HonourProposalSchema = z.object({
  cadreId: Uuid,
  cadreName: z.string(),
  unitName: z.string(),
  postTitle: z.string(),
  ruleId: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  /** the years whose published annual grade counted */
  years: z.array(z.number().int()),
  explanation: z.string(),
  /** already nominated in this batch */
  nominated: z.boolean(),
});
export type HonourProposal = z.infer<typeof HonourProposalSchema>;
export const HonourProposalListSchema = z.object({ items: z.array(HonourProposalSchema) });

/** `POST …/batches/:id/notice` (honour.decide): 提交公示 — refused while a unit is over its quota. */
export const HonourNoticeStartSchema = z.strictObject({ startOn: IsoDate });
export type HonourNoticeStart = z.input<typeof HonourNoticeStartSchema>;

/** `POST …/batches/:id/objections` (honour.decide): an objection received during the 公示. */
export const HonourObjectionCreateSchema = z.strictObject({
  nominationId: Uuid,
  receivedOn: IsoDate,
  content: z.string().trim().min(1).max(2000),
});
export type HonourObjectionCreate = z.input<typeof HonourObjectionCreateSchema>;

/** `POST …/objections/:objectionId/resolve`: upheld removes the nomination from the batch. */
export const HonourObjectionResolveSchema = z.strictObject({
  outcome: z.enum(['upheld', 'dismissed']),
  resolution: z.string().trim().min(1).max(1000),
  resolvedOn: IsoDate,
});
export type HonourObjectionResolve = z.input<typeof HonourObjectionResolveSchema>;

/** `POST …/batches/:id/decide` (honour.decide): after the 公示 has ended with no open objection. */
export const HonourDecideSchema = z.strictObject({
  decidedOn: IsoDate,
  documentNumber: z.string().trim().min(1).max(60),
});
export type HonourDecide = z.input<typeof HonourDecideSchema>;

// ---------------------------------------------------------------- board and record

export const HonourBoardQuerySchema = z.strictObject({ year: Year });
export type HonourBoardQuery = z.output<typeof HonourBoardQuerySchema>;

/** One honoured cadre on the hero board: only these fields, district-wide. */
export const HonourBoardEntrySchema = z.object({
  /** the nomination's id (the photo is `GET /api/honours/board/{id}/photo`) */
  id: Uuid,
  cadreName: z.string(),
  unitName: z.string(),
  postTitle: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  kindRank: z.number().int(),
  batchName: z.string(),
  decidedOn: IsoDate,
  documentNumber: z.string(),
  deeds: z.string(),
  /** null: no photo chosen or none in the registry */
  photoUrl: z.string().nullable(),
});
export type HonourBoardEntry = z.infer<typeof HonourBoardEntrySchema>;
export const HonourBoardSchema = z.object({ year: z.number().int(), items: z.array(HonourBoardEntrySchema) });
export type HonourBoard = z.infer<typeof HonourBoardSchema>;

/** `GET /api/cadres/{id}/honours`: the cadre's decided honours, newest first (the record page). */
export const CadreHonourSchema = z.object({
  id: Uuid,
  batchId: Uuid,
  batchName: z.string(),
  year: z.number().int(),
  kindName: z.string(),
  decidedOn: IsoDate,
  documentNumber: z.string(),
  deeds: z.string(),
});
export type CadreHonour = z.infer<typeof CadreHonourSchema>;
export const CadreHonourListSchema = z.object({ items: z.array(CadreHonourSchema) });

/** `GET …/batches/{id}/notice.docx`: the 表彰决定 of a decided batch. */
export const HonourNoticeFileResponse = fileResponse('表彰决定（Word）', DOCX_MEDIA_TYPE);
/** `GET /api/honours/board/{id}/photo`: an honoured cadre's registry photo, when chosen for the board. */
export const HonourBoardPhotoFileResponse = fileResponse('英雄榜照片', 'image/jpeg', 'image/png');
