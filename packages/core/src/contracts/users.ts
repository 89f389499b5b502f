import { z } from 'zod';
import { ROLES } from '../platform/roles.ts';
import { SCOPE_MODES } from '../platform/scope.ts';

export const UserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string().uuid(),
  orgName: z.string(),
  cadreId: z.string().uuid().nullable(),
  roles: z.array(z.enum(ROLES)),
  scopeMode: z.enum(SCOPE_MODES),
  active: z.boolean(),
  locked: z.boolean(),
  totpEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.strictObject({
  q: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() });

const username = z
  .string()
  .regex(/^[a-z][a-z0-9_.]{2,31}$/, '用户名以小写字母开头，3–32 位小写字母、数字、下划线或点');

/** 系统管理员 creates an account with an initial password; it must be changed at first login. */
export const UserCreateInputSchema = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  orgId: z.string().uuid(),
  cadreId: z.string().uuid().nullable().default(null),
  scopeMode: z.enum(SCOPE_MODES),
  initialPassword: z.string().min(1).max(256),
});
export type UserCreateInput = z.input<typeof UserCreateInputSchema>;

/**
 * 系统管理员 edits plain fields only. The unit (`orgId`) is part of the data scope: moving an account to
 * another unit is a grant (UserRolesInputSchema), for the security administrator.
 */
export const UserUpdateInputSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  active: z.boolean().optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInputSchema>;

/** 安全管理员 grants roles and sets the data scope: scope mode and, to move the account, its unit. */
export const UserRolesInputSchema = z.strictObject({
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  scopeMode: z.enum(SCOPE_MODES),
  orgId: z.string().uuid().optional(),
});
export type UserRolesInput = z.infer<typeof UserRolesInputSchema>;

export const UserPasswordResetInputSchema = z.strictObject({
  initialPassword: z.string().min(1).max(256),
});
