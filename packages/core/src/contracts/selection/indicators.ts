import { z } from 'zod';
import { ORG_KINDS } from '../../org/org-kinds.ts';
import { IndicatorSchema, IndicatorTargetSchema } from '../../selection/indicator.ts';

/**
 * 结构指标 (R-SEL-1): the district pack's indicators computed live over the caller's scope, the breakdown
 * per child unit (adding up to the parent), and the people behind a number.
 */

const IsoDate = z.iso.date();

/** `?orgId=&asOf=`: the unit (default: the caller's scope root) and the day (default: today in China) */
export const IndicatorQuerySchema = z.strictObject({
  orgId: z.string().uuid().optional(),
  asOf: IsoDate.optional(),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

/** Units judged, for an indicator judged per unit (每村(社区)不少于2名): how many, how many reach it. */
export const JudgedUnitsSchema = z.object({
  judged: z.number().int(),
  meeting: z.number().int(),
});

export const IndicatorValueSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  target: IndicatorTargetSchema,
  judgedPer: z.array(z.enum(ORG_KINDS)).nullable(),
  /** `≥ 50%`, `≥ 5 人`, `每个村、社区 ≥ 2 人` */
  targetText: z.string(),
  /** people in the population / of them meeting the numerator, in the unit's subtree */
  population: z.number().int(),
  numerator: z.number().int(),
  /** share in percent (one decimal, half up) or the count; null: a share of an empty population */
  value: z.number().nullable(),
  /** `37.5%（3/8）`, `4 人` */
  valueText: z.string(),
  /** null: not judged (an empty population) */
  met: z.boolean().nullable(),
  /** people still missing to reach the target (0 when met); per unit: summed over the units short of it */
  gap: z.number().int(),
  units: JudgedUnitsSchema.nullable(),
  /** the population and numerator in words, and how the value and the judgment were reached */
  populationText: z.string(),
  numeratorText: z.string(),
  explanation: z.string(),
  /** where the target comes from (the pack's source of it, as text) */
  sourceText: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const IndicatorListSchema = z.object({
  asOf: IsoDate,
  orgId: z.string().uuid(),
  orgName: z.string(),
  /** the pack version the indicators come from */
  packId: z.string(),
  packName: z.string(),
  packVersionId: z.string().uuid(),
  effectiveFrom: IsoDate,
  items: z.array(IndicatorValueSchema),
});
export type IndicatorList = z.infer<typeof IndicatorListSchema>;

/** one child unit of the breakdown: the same figures over its subtree */
export const IndicatorBreakdownRowSchema = z.object({
  orgId: z.string().uuid(),
  orgName: z.string(),
  orgKind: z.enum(ORG_KINDS),
  hasChildren: z.boolean(),
  population: z.number().int(),
  numerator: z.number().int(),
  value: z.number().nullable(),
  valueText: z.string(),
  met: z.boolean().nullable(),
  gap: z.number().int(),
  units: JudgedUnitsSchema.nullable(),
});
export type IndicatorBreakdownRow = z.infer<typeof IndicatorBreakdownRowSchema>;

export const IndicatorBreakdownSchema = z.object({
  indicator: IndicatorValueSchema,
  asOf: IsoDate,
  orgId: z.string().uuid(),
  orgName: z.string(),
  /** the chain of units from the caller's scope root down to this one, for the breadcrumb */
  path: z.array(z.object({ orgId: z.string().uuid(), orgName: z.string() })),
  /** people counted in the unit itself (not in a child unit) */
  own: IndicatorBreakdownRowSchema.omit({ orgId: true, orgName: true, orgKind: true, hasChildren: true }),
  rows: z.array(IndicatorBreakdownRowSchema),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdownSchema>;

/** which people: those meeting both (numerator), the whole population, or the population less the numerator */
export const INDICATOR_PARTS = ['numerator', 'population', 'rest'] as const;
export const IndicatorPartSchema = z.enum(INDICATOR_PARTS);
export type IndicatorPart = z.infer<typeof IndicatorPartSchema>;

export const IndicatorPeopleQuerySchema = IndicatorQuerySchema.extend({
  part: IndicatorPartSchema.default('numerator'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IndicatorPeopleQuery = z.infer<typeof IndicatorPeopleQuerySchema>;

export const IndicatorPersonSchema = z.object({
  cadreId: z.string().uuid(),
  name: z.string(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  postTitle: z.string(),
  rank: z.string(),
  age: z.number().int().nullable(),
  inNumerator: z.boolean(),
});
export type IndicatorPerson = z.infer<typeof IndicatorPersonSchema>;

export const IndicatorPeopleSchema = z.object({
  items: z.array(IndicatorPersonSchema),
  total: z.number().int(),
});
export type IndicatorPeople = z.infer<typeof IndicatorPeopleSchema>;

/** the editor's preview: an indicator not yet saved, computed as if it were in the pack */
export const IndicatorPreviewBodySchema = z.strictObject({
  indicator: IndicatorSchema,
  orgId: z.string().uuid().optional(),
  asOf: IsoDate.optional(),
});
export type IndicatorPreviewBody = z.input<typeof IndicatorPreviewBodySchema>;

/**
 * The roster's filter by an indicator (added to `GET /api/cadres` and its export): exactly the people the
 * indicator's `part` counts under `orgId` on `indicatorAsOf` — the drill-down's "open in the roster".
 */
export const RosterIndicatorFilterSchema = z.strictObject({
  indicator: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,40}$/)
    .optional(),
  indicatorPart: IndicatorPartSchema.optional(),
  indicatorAsOf: IsoDate.optional(),
});
