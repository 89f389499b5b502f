import { z } from 'zod';
import { fileResponse, XLSX_MEDIA_TYPE } from './files.ts';

export const AuditQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The export takes the list's filters without paging. */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, pageSize: true });
export const AuditExportFileResponse = fileResponse('审计日志（Excel）', XLSX_MEDIA_TYPE);

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  clientAddress: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema), total: z.number().int() });

/** The hash chain checked from its start: `firstBrokenId` is the first entry that does not verify. */
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.string().nullable(),
});
export type AuditVerify = z.output<typeof AuditVerifySchema>;
