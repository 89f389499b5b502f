import { z } from 'zod';
import { PAY_KINDS } from '../policy/pay-section.ts';
import { SourceSchema } from '../policy/source.ts';
import { XLSX_MEDIA_TYPE, fileResponse } from './files.ts';

/**
 * 经济激励 (issue 13, R-PAY-1…5): pay runs per period and scheme, their lines with explanations, the
 * what-if comparison under another pack version, and the district's pay tables and statistics.
 * Amounts are integer fen (`…Fen`) everywhere.
 */

const day = z.iso.date();
const uuid = z.string().uuid();
const fenAmount = z.number().int().min(0).max(1e13);
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(500).default(50);

export const PayKindSchema = z.enum(PAY_KINDS);
/** a year: 2026 */
export const PayPeriodSchema = z.string().regex(/^(19|20)\d{2}$/, '核算期间应为年份，例如 2026');

export const PAY_RUN_STATES = ['draft', 'computed', 'submitted', 'approved', 'paid'] as const;
export const PayRunStateSchema = z.enum(PAY_RUN_STATES);

// ---------------------------------------------------------------- explanation (as stored on a line)

export const PayStepSchema = z.object({
  label: z.string(),
  value: z.string(),
  amountFen: z.number().int().optional(),
  clause: z.string().optional(),
  source: SourceSchema.optional(),
});
export const PayExplanationSchema = z.object({
  summary: z.string(),
  steps: z.array(PayStepSchema),
  notes: z.array(z.string()),
});

// ---------------------------------------------------------------- runs

export const CreatePayRunSchema = z.strictObject({
  kind: PayKindSchema,
  period: PayPeriodSchema,
  /** the unit whose subtree is paid; default: the district (the caller's scope root) */
  orgId: uuid.optional(),
  /** the pack whose section is applied (its version in force at the period end); default: the district's */
  packId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,40}$/)
    .optional(),
  /** 总量 (street uplift) or 奖励池 (reward pool) in fen; default: the pack's rule */
  budget: fenAmount.optional(),
  name: z.string().trim().min(1).max(100).optional(),
});
export type CreatePayRun = z.infer<typeof CreatePayRunSchema>;

export const PayUnitTotalSchema = z.object({
  unitId: uuid,
  unitName: z.string(),
  count: z.number().int(),
  totalFen: z.number().int(),
});

export const PayRunSchema = z.object({
  id: uuid,
  name: z.string(),
  kind: PayKindSchema,
  period: PayPeriodSchema,
  orgId: uuid,
  orgName: z.string(),
  packId: z.string(),
  packEffectiveFrom: day,
  packName: z.string(),
  state: PayRunStateSchema,
  budgetFen: z.number().int().nullable(),
  /** the last computation's figures; null before the first */
  totalFen: z.number().int().nullable(),
  lineCount: z.number().int(),
  computedAt: z.string().nullable(),
  /** the run-level explanation (budget rule, feasibility, spreading factor) */
  steps: z.array(PayStepSchema),
  /** people in the population without a line, with why */
  excluded: z.array(z.object({ cadreId: uuid, name: z.string(), reason: z.string() })),
  /** the approval case once submitted */
  caseId: uuid.nullable(),
  createdAt: z.string(),
});
export type PayRun = z.infer<typeof PayRunSchema>;

export const PayRunListQuerySchema = z.strictObject({
  kind: PayKindSchema.optional(),
  period: PayPeriodSchema.optional(),
  page,
  pageSize,
});
export const PayRunListSchema = z.object({ items: z.array(PayRunSchema), total: z.number().int() });

export const PayRunParamsSchema = z.strictObject({ id: uuid });

/** submit the computed run for approval (opens the pack's `pay_run` case); mark an approved run paid */
export const PayRunSubmitSchema = z.strictObject({ comment: z.string().trim().max(500).optional() });

// ---------------------------------------------------------------- lines

export const PayLineSchema = z.object({
  id: uuid,
  cadreId: uuid,
  name: z.string(),
  unitId: uuid,
  unitName: z.string(),
  amountFen: z.number().int(),
  baseFen: z.number().int().nullable(),
  explanation: PayExplanationSchema,
});
export type PayLineDto = z.infer<typeof PayLineSchema>;

export const PayLineListQuerySchema = z.strictObject({
  unitId: uuid.optional(),
  q: z.string().trim().max(50).optional(),
  page,
  pageSize,
});
export const PayLineListSchema = z.object({
  items: z.array(PayLineSchema),
  total: z.number().int(),
  /** the sum of the lines the caller may see (all of the run for 组织部; a street's for its admin) */
  visibleTotalFen: z.number().int(),
  /** per unit, among the lines the caller may see */
  unitTotals: z.array(PayUnitTotalSchema),
});

export const PayLinesXlsxResponse = fileResponse('核算明细与分单位汇总（Excel）', XLSX_MEDIA_TYPE);

/** a cadre's own lines in approved or paid runs (我的待遇) */
export const MyPayLineSchema = PayLineSchema.extend({
  runId: uuid,
  runName: z.string(),
  kind: PayKindSchema,
  period: PayPeriodSchema,
  state: PayRunStateSchema,
});
export const MyPayLinesSchema = z.object({ items: z.array(MyPayLineSchema) });

// ---------------------------------------------------------------- what-if

export const PayWhatIfSchema = z.strictObject({
  packId: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  /** a specific version (a draft not yet in force); default: the version in force at the period end */
  effectiveFrom: day.optional(),
  /** another budget for the comparison; default: the run's */
  budget: fenAmount.optional(),
});
/** A what-if answers with at most this many lines (the largest changes): 100,000 explained lines would be
 * hundreds of megabytes of JSON for a page that shows the top of the list. */
export const PAY_WHAT_IF_LINES = 1000;

export const PayWhatIfLineSchema = z.object({
  cadreId: uuid,
  name: z.string(),
  unitId: uuid,
  unitName: z.string(),
  beforeFen: z.number().int(),
  afterFen: z.number().int(),
  deltaFen: z.number().int(),
  /** the explanation under the other version */
  after: PayExplanationSchema,
});
export const PayWhatIfResultSchema = z.object({
  pack: z.object({ id: z.string(), effectiveFrom: day, name: z.string() }),
  totals: z.object({ beforeFen: z.number().int(), afterFen: z.number().int(), deltaFen: z.number().int() }),
  units: z.array(
    z.object({
      unitId: uuid,
      unitName: z.string(),
      count: z.number().int(),
      beforeFen: z.number().int(),
      afterFen: z.number().int(),
      deltaFen: z.number().int(),
    }),
  ),
  /** the lines with the largest changes first, at most PAY_WHAT_IF_LINES of them (the totals cover all) */
  lines: z.array(PayWhatIfLineSchema),
  /** how many people either version pays (lines beyond PAY_WHAT_IF_LINES are in the totals only) */
  lineCount: z.number().int(),
  steps: z.array(PayStepSchema),
});
export type PayWhatIfResult = z.infer<typeof PayWhatIfResultSchema>;

// ---------------------------------------------------------------- district tables and statistics

export const PAY_TABLE_KINDS = ['rank-base', 'bonus-base', 'village-base'] as const;
export const PayTableKindSchema = z.enum(PAY_TABLE_KINDS);

export const PayTableRowSchema = z.object({
  kind: PayTableKindSchema,
  /** 职级 (rank-base), grade code (bonus-base) or role id (village-base) */
  key: z.string().trim().min(1).max(40),
  /** as shown: 正科级, 优秀, 村（社区）“两委”主干 */
  label: z.string().trim().max(40),
  amountFen: fenAmount,
});
export const PayTableQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const PayTableSchema = z.object({
  year: z.number().int(),
  rows: z.array(PayTableRowSchema.extend({ updatedAt: z.string() })),
});
/** replace the year's rows of one kind (the page's save, or an import) */
export const PutPayTableSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  kind: PayTableKindSchema,
  rows: z.array(PayTableRowSchema.omit({ kind: true })).max(500),
});

export const PayStatisticSchema = z.object({
  /** rural-income-per-capita … */
  key: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
  year: z.number().int().min(1990).max(2100),
  valueFen: fenAmount,
  /** where the figure comes from: 统计公报 and its date */
  source: z.string().trim().min(1).max(200),
});
export const PayStatisticListSchema = z.object({ items: z.array(PayStatisticSchema) });

// ---------------------------------------------------------------- tables page, template and import (paytables)

/** a key the district's table should hold a base amount for: a rank in the registry, a pack's grade or role */
export const PayTableKeySchema = z.object({
  kind: PayTableKindSchema,
  key: z.string(),
  label: z.string(),
});
/** `GET /api/pay/tables`: the year's rows and the keys expected (the page lists a key without a row as empty) */
export const PayTableViewSchema = PayTableSchema.extend({ keys: z.array(PayTableKeySchema) });
export type PayTableView = z.infer<typeof PayTableViewSchema>;

/** the template, with the year's amounts filled in when a year is given */
export const PayTableTemplateQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const PayTableTemplateFileResponse = fileResponse('薪酬基数表导入模板（Excel）', XLSX_MEDIA_TYPE);
export const PayTableImportReportFileResponse = fileResponse(
  '标出错误单元格的薪酬基数表（Excel）',
  XLSX_MEDIA_TYPE,
);
/** an import replaced the kinds whose sheet holds at least one amount (all or nothing) */
export const PayTableImportResultSchema = z.object({
  year: z.number().int(),
  replaced: z.array(z.object({ kind: PayTableKindSchema, count: z.number().int() })),
});
export type PayTableImportResult = z.infer<typeof PayTableImportResultSchema>;

/** save one statistic of a year (insert or replace) */
export const PutPayStatisticSchema = z.strictObject(PayStatisticSchema.shape);
export type PayTableKind = z.infer<typeof PayTableKindSchema>;
export type PutPayTable = z.infer<typeof PutPayTableSchema>;
export type PayStatistic = z.infer<typeof PayStatisticSchema>;
