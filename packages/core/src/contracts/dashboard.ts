import { z } from 'zod';
import { fileResponse, XLSX_MEDIA_TYPE } from './files.ts';

/**
 * 数据看板 (R-RPT-1/2): one dashboard per level, made of sections the web renders generically (a chart and,
 * one click away, the table behind it). Every row that counts people or records carries a `drill` the
 * drill-down route answers with exactly the rows it counted, within the reader's scope; a row of cadres
 * also carries `rosterQuery` when the roster's own filter (GET /api/cadres) selects the same people, so
 * "在名册中查看" opens the roster with it.
 *
 * Levels: `district` (组织部: the whole district), `unit` (a street, township or department and its
 * subtree: a unit administrator's own, or one a district reader picks), `leader` (a leader's overview: the
 * units in their scope, compared side by side).
 */
export const DASHBOARD_LEVELS = ['district', 'unit', 'leader'] as const;
export type DashboardLevel = (typeof DASHBOARD_LEVELS)[number];

/**
 * The sections, in display order: structure indicators against targets, age / education / gender / category
 * distributions, annual grade distribution, pay by unit, training compliance, burden trends, care coverage,
 * case statistics. A section the reader's pack or data does not have is left out (not shown empty).
 */
export const DASHBOARD_SECTION_IDS = [
  'headcount',
  'structure',
  'age',
  'education',
  'gender',
  'category',
  'grades',
  'pay',
  'training',
  'burden',
  'care',
  'cases',
] as const;
export type DashboardSectionId = (typeof DASHBOARD_SECTION_IDS)[number];

export const DashboardQuerySchema = z.strictObject({
  /** default: the top of the reader's scope */
  orgId: z.string().uuid().optional(),
  /** default: the current year (China time) */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** default: from the reader's role (组织部 district, unit administrator unit, leader leader) */
  level: z.enum(DASHBOARD_LEVELS).optional(),
  /**
   * only these sections, comma-separated ids (`headcount,age`): a page may ask the quick ones first and the
   * slow ones (training, care) after; default every section
   */
  sections: z
    .string()
    .max(200)
    .regex(/^[a-z]+(,[a-z]+)*$/)
    .optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** How a row's figure is drilled into: the section, the row's key and, for a multi-series row, the series. */
export const DashboardDrillSchema = z.object({
  section: z.enum(DASHBOARD_SECTION_IDS),
  key: z.string().min(1).max(100),
  series: z.string().min(1).max(60).optional(),
});
export type DashboardDrill = z.infer<typeof DashboardDrillSchema>;

export const DashboardRowSchema = z.object({
  /** stable within the section (an org id, a band id, a grade id …) */
  key: z.string(),
  /** as shown: 35岁以下, 优秀, 东湖街道 */
  label: z.string(),
  /** one value per series of the section, in series order; null: not applicable */
  values: z.array(z.number().nullable()),
  /** a target the values are held against (a structure indicator's 目标 ≥ 30%), null: none */
  target: z.number().nullable(),
  /** drill into this row (all series); null: the row counts nothing drillable */
  drill: DashboardDrillSchema.nullable(),
  /** the roster's query string parameters that select the same people (only for rows of cadres) */
  rosterQuery: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
});
export type DashboardRow = z.infer<typeof DashboardRowSchema>;

export const DashboardSectionSchema = z.object({
  id: z.enum(DASHBOARD_SECTION_IDS),
  /** bar: rows on the axis and one bar per series; pie: one series; line: rows are years or months */
  chart: z.enum(['bar', 'stackedBar', 'pie', 'line', 'gauge', 'table']),
  /** what the values count: people, percent, yuan (元), count, days, minutes */
  unit: z.enum(['people', 'percent', 'yuan', 'count', 'days', 'minutes']),
  series: z.array(z.object({ id: z.string(), name: z.string() })).min(1),
  rows: z.array(DashboardRowSchema),
  /** what the section counts and from where, in Chinese (naming the pack, the round, the register …) */
  explanation: z.string(),
  /** server time spent on this section's query, in milliseconds (for the benchmark and the page's footer) */
  queryMs: z.number(),
});
export type DashboardSection = z.infer<typeof DashboardSectionSchema>;

export const DashboardSchema = z.object({
  level: z.enum(DASHBOARD_LEVELS),
  year: z.number().int(),
  org: z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() }),
  /** the units the reader may switch to (the direct children of the reader's top unit, and that unit) */
  units: z.array(z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() })),
  sections: z.array(DashboardSectionSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const DashboardDrillQuerySchema = z.strictObject({
  orgId: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** the dashboard's level the row came from (a leader's overview counts only the leader's units) */
  level: z.enum(DASHBOARD_LEVELS).optional(),
  section: z.enum(DASHBOARD_SECTION_IDS),
  key: z.string().min(1).max(100),
  series: z.string().min(1).max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DashboardDrillQuery = z.infer<typeof DashboardDrillQuerySchema>;

/** One counted row: a cadre (link to the record) or a record of a module (link to its page). */
export const DashboardDrillItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['cadre', 'record']),
  /** the cadre's name or the record's title */
  name: z.string(),
  orgName: z.string(),
  /** a short line: 职务, the grade, the amount, the register entry's date … */
  detail: z.string(),
  /** the web path that opens it (/cadres/<id>, /burden/registers?… ) */
  link: z.string().nullable(),
  /** what the item adds to the figure when it is not 1 (a pay line's amount in yuan); null: counts 1 */
  value: z.number().nullable(),
});
export type DashboardDrillItem = z.infer<typeof DashboardDrillItemSchema>;

export const DashboardDrillSchemaResponse = z.object({
  /** 东湖街道 · 35岁以下 · 干部 */
  title: z.string(),
  total: z.number().int(),
  items: z.array(DashboardDrillItemSchema),
});
export type DashboardDrillList = z.infer<typeof DashboardDrillSchemaResponse>;

/** `GET /api/dashboard/export`: the table behind one section's chart (the dashboard's query and the section). */
export const DashboardExportQuerySchema = z.strictObject({
  ...DashboardQuerySchema.omit({ sections: true }).shape,
  section: z.enum(DASHBOARD_SECTION_IDS),
});
export type DashboardExportQuery = z.infer<typeof DashboardExportQuerySchema>;

/** `GET /api/dashboard/drill/export`: every item of a drill list (no paging). */
export const DashboardDrillExportQuerySchema = DashboardDrillQuerySchema.omit({ page: true, pageSize: true });
export type DashboardDrillExportQuery = z.infer<typeof DashboardDrillExportQuerySchema>;

export const DashboardXlsxResponse = fileResponse('看板图表背后的表格或下钻名单（Excel）', XLSX_MEDIA_TYPE);
