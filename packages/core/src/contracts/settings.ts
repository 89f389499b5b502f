import { z } from 'zod';
import { PasswordPolicySchema } from '../platform/password-policy.ts';
import { SessionPolicySchema } from '../platform/session-policy.ts';

export const SecuritySettingsSchema = z.strictObject({
  password: PasswordPolicySchema,
  session: SessionPolicySchema,
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;
