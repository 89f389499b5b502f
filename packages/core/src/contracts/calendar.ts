import { z } from 'zod';

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();

export const DAY_REASONS = [
  'weekday',
  'weekend',
  'holiday',
  'makeup-workday',
  'override-holiday',
  'override-workday',
] as const;

/** One day explained: worked or not, why (reason), named, and on whose say-so (source). */
export const CalendarDaySchema = z.object({
  date: day,
  working: z.boolean(),
  reason: z.enum(DAY_REASONS),
  /** the holiday's name, or the district override's note */
  name: z.string().optional(),
  nameEn: z.string().optional(),
  source: z.enum(['official', 'statutory', 'district']),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const YearScheduleSchema = z.enum(['published', 'statutory-only']);

/** `GET /api/calendar/working-days?from=2026-09-28&n=5`: a period of n working days starting on `from`. */
export const WorkingDaysQuerySchema = z.strictObject({
  from: day,
  n: z.coerce.number().int().min(1).max(366),
});
export type WorkingDaysQuery = z.output<typeof WorkingDaysQuerySchema>;

export const WorkingDaysSchema = z.object({
  /** the day on which the period ends */
  date: day,
  from: day,
  n: z.number().int(),
  /** every day of the period that is not worked, explained */
  skipped: z.array(CalendarDaySchema),
  /** years of the period whose holiday arrangement is not published yet (statutory holidays only) */
  unpublishedYears: z.array(z.number().int()),
});
export type WorkingDays = z.infer<typeof WorkingDaysSchema>;

export const CalendarYearParamsSchema = z.strictObject({ year: z.coerce.number().int() });

/** A year's holidays, make-up workdays and district overrides. */
export const CalendarYearSchema = z.object({
  year: z.number().int(),
  schedule: YearScheduleSchema,
  /** the last year whose arrangement the calendar has from the State Council */
  lastPublishedYear: z.number().int(),
  days: z.array(CalendarDaySchema),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const OVERRIDE_KINDS = ['holiday', 'workday'] as const;

/** A district override (组织部): an extra day off, or a make-up workday. */
export const CalendarOverrideSchema = z.object({
  date: day,
  kind: z.enum(OVERRIDE_KINDS),
  note: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CalendarOverrideRecord = z.infer<typeof CalendarOverrideSchema>;
export const CalendarOverrideListSchema = z.object({ items: z.array(CalendarOverrideSchema) });

export const CalendarOverrideInputSchema = z.strictObject({
  date: day,
  kind: z.enum(OVERRIDE_KINDS),
  note: z.string().trim().min(1).max(100),
});
export type CalendarOverrideInput = z.input<typeof CalendarOverrideInputSchema>;

export const CalendarDayParamSchema = z.strictObject({ day });
