import { z } from 'zod';

/** Password rules; the government profile (MLPS) is the default. */
export const PasswordPolicySchema = z.strictObject({
  minLength: z.number().int().min(8).max(128),
  /** how many of: lower case, upper case, digit, symbol. */
  minClasses: z.number().int().min(1).max(4),
  /** days until a password expires; 0 = never (the OWASP ASVS choice). */
  expiryDays: z.number().int().min(0).max(3650),
  /** how many previous passwords cannot be reused. */
  historyCount: z.number().int().min(0).max(24),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const GOVERNMENT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  minClasses: 3,
  expiryDays: 90,
  historyCount: 5,
};

export type PasswordViolation = 'TOO_SHORT' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME';

export function characterClasses(password: string): number {
  const tests = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return tests.filter((t) => t.test(password)).length;
}

export function checkPasswordStrength(
  password: string,
  policy: PasswordPolicy,
  username?: string,
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  if ([...password].length < policy.minLength) violations.push('TOO_SHORT');
  if (characterClasses(password) < policy.minClasses) violations.push('TOO_FEW_CLASSES');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    violations.push('CONTAINS_USERNAME');
  }
  return violations;
}

/** Expired when the policy sets an expiry and the last change is older than it. */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.expiryDays === 0) return false;
  return now.getTime() - changedAt.getTime() >= policy.expiryDays * 86_400_000;
}
