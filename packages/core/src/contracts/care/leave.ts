import { z } from 'zod';
import { LEAVE_KINDS } from '../../care/leave-rules.ts';

/**
 * 休假与疗休养 (R-CARE-2): per cadre the year's annual leave entitlement by years of service, the leave taken
 * and the balance; leave records (annual leave in working days, 疗休养 within the pack's length).
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();

export const LeaveRecordCreateSchema = z.strictObject({
  cadreId: Uuid,
  kind: z.enum(LEAVE_KINDS),
  startOn: IsoDate,
  endOn: IsoDate,
  note: z.string().trim().max(200).default(''),
});
export type LeaveRecordCreate = z.output<typeof LeaveRecordCreateSchema>;

export const LeaveRecordSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  kind: z.enum(LEAVE_KINDS),
  startOn: IsoDate,
  endOn: IsoDate,
  /** working days for annual leave, calendar days otherwise */
  days: z.number().int(),
  /** whether the days come off the annual leave balance */
  countsAgainstAnnual: z.boolean(),
  note: z.string(),
  explanation: z.string(),
});
export type LeaveRecord = z.infer<typeof LeaveRecordSchema>;

export const LeaveBalanceSchema = z.object({
  cadreId: Uuid,
  cadreName: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  year: z.number().int(),
  /** whole years of service on 1 January; null without 参加工作时间 */
  yearsOfService: z.number().int().nullable(),
  entitled: z.number().int().nullable(),
  /** annual leave days taken (and other days counted against it) */
  takenAnnual: z.number().int(),
  recuperationDays: z.number().int(),
  balance: z.number().int().nullable(),
  explanation: z.string(),
});
export type LeaveBalance = z.infer<typeof LeaveBalanceSchema>;

export const LeavePolicyViewSchema = z.object({
  packName: z.string(),
  annual: z.array(z.object({ minYears: z.number().int(), days: z.number().int() })),
  recuperation: z
    .object({ minDays: z.number().int(), maxDays: z.number().int(), countsAgainstAnnual: z.boolean() })
    .nullable(),
  /** the source of the steps as cited (《职工带薪年休假条例》第三条) */
  source: z.string(),
});
export type LeavePolicyView = z.infer<typeof LeavePolicyViewSchema>;

export const LeaveListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** the cadre's name */
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type LeaveListQuery = z.output<typeof LeaveListQuerySchema>;

export const LeaveListSchema = z.object({
  items: z.array(LeaveBalanceSchema),
  total: z.number().int(),
  policy: LeavePolicyViewSchema,
});
export type LeaveList = z.infer<typeof LeaveListSchema>;

export const LeaveYearQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

/** One cadre's year: the balance and the records. */
export const LeaveCadreYearSchema = z.object({
  balance: LeaveBalanceSchema,
  records: z.array(LeaveRecordSchema),
  policy: LeavePolicyViewSchema,
});
export type LeaveCadreYear = z.infer<typeof LeaveCadreYearSchema>;
