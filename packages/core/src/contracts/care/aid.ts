import { z } from 'zod';

/**
 * 困难帮扶与因公殉职家属关爱 (R-CARE-3): a case per cadre or family with the pack's benefits checklist, visits
 * and follow-ups (next one due every `followUpEveryMonths` after the last), closed when done. The family's
 * contact and situation are sensitive: masked unless the role may see them and asks (the read is audited).
 */

const IsoDate = z.iso.date();
const Uuid = z.string().uuid();
const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const AID_DUE_STATES = ['scheduled', 'due_soon', 'overdue', 'closed'] as const;
export type AidDueState = (typeof AID_DUE_STATES)[number];

export const AidCaseCreateSchema = z.strictObject({
  cadreId: Uuid,
  kindId: Id,
  openedOn: IsoDate,
  /** the family member to contact (name, relation) */
  familyContact: z.string().trim().min(1).max(50),
  familyPhone: z.string().trim().max(20).default(''),
  /** the family's situation (困难情况) */
  situation: z.string().trim().min(1).max(1000),
});
export type AidCaseCreate = z.output<typeof AidCaseCreateSchema>;

export const AidChecklistItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  doneOn: IsoDate.nullable(),
  note: z.string(),
});

export const AidVisitSchema = z.object({
  id: Uuid,
  visitedOn: IsoDate,
  /** who visited (names as written) */
  visitors: z.string(),
  content: z.string(),
});
export type AidVisit = z.infer<typeof AidVisitSchema>;

export const AidCaseSchema = z.object({
  id: Uuid,
  cadreId: Uuid,
  cadreName: z.string(),
  orgName: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  openedOn: IsoDate,
  status: z.enum(['open', 'closed']),
  closedOn: IsoDate.nullable(),
  closeNote: z.string(),
  /** shown in clear only to roles that may see family details and asked for it; masked otherwise */
  familyContact: z.string(),
  familyPhone: z.string(),
  situation: z.string(),
  revealed: z.boolean(),
  checklistDone: z.number().int(),
  checklistTotal: z.number().int(),
  lastVisitOn: IsoDate.nullable(),
  /** next visit or follow-up; null once closed */
  nextDueOn: IsoDate.nullable(),
  dueState: z.enum(AID_DUE_STATES),
  explanation: z.string(),
});
export type AidCase = z.infer<typeof AidCaseSchema>;

export const AidCaseDetailSchema = AidCaseSchema.extend({
  checklist: z.array(AidChecklistItemSchema),
  visits: z.array(AidVisitSchema),
});
export type AidCaseDetail = z.infer<typeof AidCaseDetailSchema>;

export const AidListQuerySchema = z.strictObject({
  state: z.enum([...AID_DUE_STATES, 'open']).optional(),
  kindId: Id.optional(),
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AidListQuery = z.output<typeof AidListQuerySchema>;

export const AidPolicyViewSchema = z.object({
  packName: z.string(),
  kinds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      checklist: z.array(z.object({ id: z.string(), name: z.string() })),
      followUpEveryMonths: z.number().int(),
    }),
  ),
  /** whether this user may see family details in clear */
  maySeeFamily: z.boolean(),
});
export type AidPolicyView = z.infer<typeof AidPolicyViewSchema>;

export const AidListSchema = z.object({
  items: z.array(AidCaseSchema),
  total: z.number().int(),
  policy: AidPolicyViewSchema,
});
export type AidList = z.infer<typeof AidListSchema>;

export const AidDetailQuerySchema = z.strictObject({
  reveal: z.enum(['0', '1', 'true', 'false']).optional(),
});

export const AidItemParamSchema = z.strictObject({ id: Uuid, itemId: Id });

export const AidItemDoneSchema = z.strictObject({
  doneOn: IsoDate,
  note: z.string().trim().max(300).default(''),
});
export type AidItemDone = z.output<typeof AidItemDoneSchema>;

export const AidVisitCreateSchema = z.strictObject({
  visitedOn: IsoDate,
  visitors: z.string().trim().min(1).max(100),
  content: z.string().trim().min(1).max(1000),
});
export type AidVisitCreate = z.output<typeof AidVisitCreateSchema>;

export const AidCloseSchema = z.strictObject({
  closedOn: IsoDate,
  note: z.string().trim().min(1).max(500),
});
export type AidClose = z.output<typeof AidCloseSchema>;
