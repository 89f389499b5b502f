import { z } from 'zod';

/**
 * 关心关爱 coverage (R-CARE-1/2/4): per unit, how many of what the pack plans for the year were done —
 *   health: people due a check under a plan of the pack (planned) and those checked in the year (done);
 *   talk: talks the talk plan asks for (each talkee × times a year: planned) and talks held (done);
 *   leave: days of paid annual leave the people are entitled to (planned) and days taken (done).
 * Rows are the direct child units of `orgId` (default: the top of the caller's scope), each over its subtree,
 * plus a row for the unit's own people (orgId null) when it has any; the rows add up to `total`.
 */
export const CARE_COVERAGE_KINDS = ['health', 'talk', 'leave'] as const;
export type CareCoverageKind = (typeof CARE_COVERAGE_KINDS)[number];

export const CareCoverageQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  kind: z.enum(CARE_COVERAGE_KINDS),
  orgId: z.string().uuid().optional(),
});
export type CareCoverageQuery = z.infer<typeof CareCoverageQuerySchema>;

export const CareCoverageRowSchema = z.object({
  /** null: the unit's own people (本级) */
  orgId: z.string().uuid().nullable(),
  orgName: z.string(),
  planned: z.number(),
  done: z.number(),
  /** done ÷ planned in percent with one decimal; null when nothing is planned */
  rate: z.number().nullable(),
});
export type CareCoverageRow = z.infer<typeof CareCoverageRowSchema>;

export const CareCoverageSchema = z.object({
  kind: z.enum(CARE_COVERAGE_KINDS),
  year: z.number().int(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  rows: z.array(CareCoverageRowSchema),
  total: CareCoverageRowSchema.omit({ orgId: true, orgName: true }),
  /** what planned and done count, in Chinese, naming the pack's plans (e.g. 村（社区）干部健康查体 每12个月一次) */
  explanation: z.string(),
});
export type CareCoverage = z.infer<typeof CareCoverageSchema>;

/** done ÷ planned in percent, one decimal, half up on the exact fraction; null when nothing is planned. */
export function coverageRate(done: number, planned: number): number | null {
  if (planned <= 0) return null;
  return Math.round((done * 1000) / planned) / 10;
}
