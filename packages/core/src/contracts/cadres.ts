import { z } from 'zod';

/** Minimal roster row; the cadre registry module extends it. */
export const CadreListItemSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  postTitle: z.string(),
});
export type CadreListItem = z.infer<typeof CadreListItemSchema>;

export const CadreListQuerySchema = z.strictObject({
  q: z.string().max(50).optional(),
  orgId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CadreListQuery = z.infer<typeof CadreListQuerySchema>;

export const CadreListSchema = z.object({ items: z.array(CadreListItemSchema), total: z.number().int() });
