import { z } from 'zod';
import { ESTABLISHMENT_KINDS, ORG_KINDS } from '../org/org-kinds.ts';
import { ORG_TAGS } from '../selection/condition.ts';

export const EstablishmentSchema = z.partialRecord(
  z.enum(ESTABLISHMENT_KINDS),
  z.number().int().min(0).max(100000),
);

export const OrgSchema = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  path: z.string(),
  active: z.boolean(),
  establishment: EstablishmentSchema,
  /** 工作难度系数, used by pay. */
  difficulty: z.string(),
  sortOrder: z.number().int(),
  /** 单位标签 (`professional`: 专业部门), read by the structure indicators' conditions */
  tags: z.array(z.string()),
});
export type Org = z.infer<typeof OrgSchema>;

/** 单位标签 a unit may be given (values of ORG_TAGS), each at most once */
const OrgTagsSchema = z
  .array(z.enum(ORG_TAGS))
  .max(ORG_TAGS.length)
  .refine((t) => new Set(t).size === t.length, '单位标签不能重复');

export const OrgListSchema = z.object({ items: z.array(OrgSchema) });

const difficulty = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, '难度系数为最多两位小数的数')
  .refine((v) => Number(v) > 0 && Number(v) <= 10, '难度系数须在 0 到 10 之间');

export const OrgCreateInputSchema = z.strictObject({
  parentId: z.string().uuid(),
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, '编码以字母开头，只含字母、数字和下划线'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ORG_KINDS),
  establishment: EstablishmentSchema.default({}),
  difficulty: difficulty.default('1.00'),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  tags: OrgTagsSchema.default([]),
});
export type OrgCreateInput = z.input<typeof OrgCreateInputSchema>;

export const OrgUpdateInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  establishment: EstablishmentSchema.optional(),
  difficulty: difficulty.optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  tags: OrgTagsSchema.optional(),
});
export type OrgUpdateInput = z.infer<typeof OrgUpdateInputSchema>;

export const OrgMoveInputSchema = z.strictObject({ parentId: z.string().uuid() });
export type OrgMoveInput = z.infer<typeof OrgMoveInputSchema>;

export const IdParamSchema = z.strictObject({ id: z.string().uuid() });
