import { z } from 'zod';
import { CadreDetailQuerySchema } from './cadres.ts';

/**
 * 申请更正: a cadre asks for one field of their own record to be corrected; an officer accepts or rejects
 * the request. Requests and answers of `/api/cadres/:id/corrections` and `/api/cadre-corrections`.
 */

/** Fields a cadre may ask to have corrected (self-service 申请更正). */
export const CORRECTABLE_FIELDS = [
  'name',
  'birthDate',
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'politicalStatus',
  'partyJoinDate',
  'workStartDate',
  'health',
  'phone',
  'postTitle',
  'rewardsAndPunishments',
  'annualAssessment',
  'family',
  'appointments',
  'other',
] as const;

/**
 * The correctable fields whose values are sensitive (SECURITY 17, 18): a request proposing one is stored
 * encrypted and shown masked unless the reader reveals it, like the record's own value.
 */
export const SENSITIVE_CORRECTION_FIELDS = [
  'phone',
  'health',
  'family',
] as const satisfies readonly (typeof CORRECTABLE_FIELDS)[number][];

export const CorrectionCreateInputSchema = z.strictObject({
  field: z.enum(CORRECTABLE_FIELDS),
  proposedValue: z.string().trim().min(1).max(2000),
  reason: z.string().trim().max(500).default(''),
});
export type CorrectionCreateInput = z.input<typeof CorrectionCreateInputSchema>;

export const CorrectionDecisionInputSchema = z.strictObject({
  status: z.enum(['accepted', 'rejected']),
  note: z.string().trim().max(500).default(''),
});

export const CorrectionSchema = z.object({
  id: z.string().uuid(),
  cadreId: z.string().uuid(),
  field: z.enum(CORRECTABLE_FIELDS),
  proposedValue: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  requestedBy: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
});
export type Correction = z.infer<typeof CorrectionSchema>;
export const CorrectionListSchema = z.object({ items: z.array(CorrectionSchema) });
/** Requests across the reader's scope (the officer's inbox), with whom they concern. */
export const CorrectionInboxSchema = z.object({
  items: z.array(CorrectionSchema.extend({ cadreName: z.string(), orgName: z.string() })),
});
export type CorrectionInbox = z.infer<typeof CorrectionInboxSchema>;

/** `reveal=true`: the proposed sensitive values in clear (allowed as the record's reveal, audited). */
export const CorrectionListQuerySchema = CadreDetailQuerySchema;

export const CorrectionIdParamSchema = z.strictObject({ id: z.string().uuid() });

export const CorrectionStatusSchema = z.enum(['pending', 'accepted', 'rejected']);
export const CorrectionInboxQuerySchema = z.strictObject({
  status: CorrectionStatusSchema.default('pending'),
});
