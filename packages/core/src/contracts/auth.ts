import { z } from 'zod';
import { ROLES } from '../platform/roles.ts';
import { SCOPE_MODES } from '../platform/scope.ts';

export const LoginInputSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MeSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  scopeMode: z.enum(SCOPE_MODES),
  orgId: z.string().uuid(),
  orgName: z.string(),
  cadreId: z.string().uuid().nullable(),
  mustChangePassword: z.boolean(),
  mustEnrolTotp: z.boolean(),
  totpEnrolled: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const PasswordChangeInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInputSchema>;

export const TotpEnrolStartSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export type TotpEnrolStart = z.infer<typeof TotpEnrolStartSchema>;

export const TotpEnrolConfirmInputSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/),
});
export type TotpEnrolConfirmInput = z.infer<typeof TotpEnrolConfirmInputSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
