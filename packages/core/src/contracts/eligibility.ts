import { z } from 'zod';
import { ELIGIBILITY_PURPOSES } from '../policy/discipline-section.ts';
import { SourceSchema } from '../policy/source.ts';

/** A calendar day `YYYY-MM-DD`. */
const day = z.iso.date();

/** The purposes the API answers (the engine accepts other modules' codes too). */
export const EligibilityPurposeSchema = z.enum(ELIGIBILITY_PURPOSES);

/** `GET /api/cadres/{id}/eligibility?date=&purpose=` (date: today in Asia/Shanghai when absent). */
export const EligibilityQuerySchema = z.strictObject({
  date: day.optional(),
  purpose: EligibilityPurposeSchema,
});
export type EligibilityQuery = z.infer<typeof EligibilityQuerySchema>;

/** `GET /api/cadres/{id}/eligibility/all?date=` and `/warnings?date=`. */
export const EligibilityDateQuerySchema = z.strictObject({ date: day.optional() });
export type EligibilityDateQuery = z.infer<typeof EligibilityDateQuerySchema>;

const DurationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('months'), months: z.number().int() }),
  z.object({ type: z.literal('endOfYear') }),
  z.object({ type: z.literal('permanent') }),
  z.object({ type: z.literal('untilConcluded') }),
]);

const ReasonRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  grade: z.string().nullable(),
  gradeName: z.string().nullable(),
  decidedOn: day,
  documentNo: z.string(),
});

export const EligibilityReasonSchema = z.object({
  rule: z.string(),
  ruleText: z.string(),
  effect: DurationSchema,
  from: day,
  until: day.nullable(),
  record: ReasonRecordSchema,
  exemption: z
    .object({ outcome: z.enum(['exempt', 'lighter', 'mitigated']), decidedOn: day, documentNo: z.string() })
    .optional(),
  source: SourceSchema,
  counts: z.boolean(),
  /** the reason in one Chinese line (`explainReason`) */
  explanation: z.string(),
});
export type EligibilityReasonDto = z.infer<typeof EligibilityReasonSchema>;

export const EligibilityAnswerSchema = z.object({
  eligible: z.boolean(),
  purpose: z.string(),
  /** the purpose's Chinese name */
  purposeName: z.string(),
  date: day,
  reasons: z.array(EligibilityReasonSchema),
});
export type EligibilityAnswerDto = z.infer<typeof EligibilityAnswerSchema>;

export const EligibilityAllSchema = z.object({ date: day, items: z.array(EligibilityAnswerSchema) });
export type EligibilityAll = z.infer<typeof EligibilityAllSchema>;

export const EarlyWarningSchema = z.object({
  rule: z.string(),
  name: z.string(),
  type: z.enum(['countInWindow', 'recordDuring']),
  records: z.array(ReasonRecordSchema),
  processId: z.string().optional(),
  notify: z.array(z.string()),
  source: SourceSchema,
  explanation: z.string(),
});
export const EarlyWarningListSchema = z.object({
  date: day,
  items: z.array(EarlyWarningSchema),
  /**
   * the in-progress processes the `recordDuring` rules were evaluated against: none until the selection
   * module exists (say so in the UI)
   */
  processesKnown: z.boolean(),
});
export type EarlyWarningList = z.infer<typeof EarlyWarningListSchema>;
