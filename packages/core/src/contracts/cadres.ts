import { z } from 'zod';
import { CADRE_CATEGORIES, GENDERS } from '../cadre/model.ts';
import { CadreRecordInputSchema } from '../cadre/record.ts';
import { fileResponse, XLSX_MEDIA_TYPE } from './files.ts';
import { RosterIndicatorFilterSchema } from './selection/indicators.ts';

/** One row of the roster (干部名册). Sensitive fields are always masked here. */
export const CadreListItemSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  age: z.number().int().nullable(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  /** 编制所在单位 (null: the working unit) */
  establishmentOrgId: z.string().uuid().nullable().optional(),
  postTitle: z.string(),
  rank: z.string(),
  category: z.enum(CADRE_CATEGORIES).nullable(),
  politicalStatus: z.string(),
  education: z.string(),
  degree: z.string(),
  tags: z.array(z.string()),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});
export type CadreListItem = z.infer<typeof CadreListItemSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Roster filters: any field, and facts derived from the appointment history. */
export const CadreListQuerySchema = z.strictObject({
  q: z.string().max(50).optional(),
  orgId: z.string().uuid().optional(),
  gender: z.enum(GENDERS).optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  education: z.string().max(30).optional(),
  degree: z.string().max(30).optional(),
  politicalStatus: z.string().max(30).optional(),
  category: z.enum(CADRE_CATEGORIES).optional(),
  rank: z.string().max(30).optional(),
  tag: z.string().max(20).optional(),
  professionalType: flag.optional(),
  streetOrTownship: flag.optional(),
  streetLeadership: flag.optional(),
  townshipSecretary: flag.optional(),
  grassrootsYearsMin: z.coerce.number().min(0).max(60).optional(),
  /** 可提拔: only cadres the eligibility engine finds eligible for promotion on this day (eligibility.read) */
  promotableOn: z.iso.date().optional(),
  /** 结构指标: exactly the people an indicator's part counts under `orgId` (the drill-down's 在名册中查看) */
  ...RosterIndicatorFilterSchema.shape,
  sort: z.enum(['org', 'name', 'birthDate', 'rank']).default('org'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CadreListQuery = z.infer<typeof CadreListQuerySchema>;

export const CadreListSchema = z.object({
  items: z.array(CadreListItemSchema),
  /** the number of matches; when `totalCapped`, a floor (the count stops at a cap: "10,000+") */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type CadreList = z.infer<typeof CadreListSchema>;

/** A derived fact with the sentence that explains it. */
export const ExplainedFactSchema = z.object({
  value: z.union([z.boolean(), z.number(), z.string(), z.null()]),
  explanation: z.string(),
});

export const CadreDetailSchema = CadreRecordInputSchema.extend({
  id: z.string().uuid(),
  orgName: z.string(),
  /** the name of 编制所在单位 (`establishmentOrgId`); null when it is the working unit */
  establishmentOrgName: z.string().nullable(),
  /** true when ID number, phone, health and family are shown in clear (the read was audited) */
  revealed: z.boolean(),
  health: z.string(),
  hasPhoto: z.boolean(),
  resume: z.string(),
  facts: z.record(z.string(), ExplainedFactSchema),
  /** grades of the published annual rounds the cadre was a target of, oldest first (R-ASM-6) */
  publishedAnnualResults: z.array(
    z.object({
      year: z.number().int(),
      grade: z.string(),
      gradeName: z.string(),
      roundId: z.string().uuid(),
      roundName: z.string(),
    }),
  ),
  /** 年度考核结果 as the 任免审批表 prints it: the written text and the published years it does not mention */
  annualAssessmentShown: z.string(),
});
export type CadreDetail = z.infer<typeof CadreDetailSchema>;

export const CadreDetailQuerySchema = z.strictObject({
  reveal: flag.optional(),
});

/** The roster's filters and order without paging: the Excel exports of the roster take these. */
export const CadreExportQuerySchema = CadreListQuerySchema.omit({ page: true, pageSize: true });
export type CadreExportQuery = z.infer<typeof CadreExportQuerySchema>;
export const CadreRosterFileResponse = fileResponse('干部名册（Excel）', XLSX_MEDIA_TYPE);

export const CadreCreatedSchema = z.object({ id: z.string().uuid() });
export type CadreCreated = z.output<typeof CadreCreatedSchema>;

/** The photo as stored: its type is decided by content (JPEG or PNG). */
export const CadrePhotoFileResponse = fileResponse('干部照片', 'image/jpeg', 'image/png');
