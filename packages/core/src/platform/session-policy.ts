import { z } from 'zod';

export const SessionPolicySchema = z.strictObject({
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  absoluteHours: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  /** failed logins before the account locks. */
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type SessionPolicy = z.infer<typeof SessionPolicySchema>;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMinutes: 30,
  absoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

export type SessionEnd = 'IDLE' | 'ABSOLUTE' | null;

/** Why a session is over at `now`, or null while it is alive. */
export function sessionEnded(
  session: { createdAt: Date; lastSeenAt: Date },
  now: Date,
  policy: SessionPolicy,
): SessionEnd {
  if (now.getTime() - session.createdAt.getTime() >= policy.absoluteHours * 3_600_000) return 'ABSOLUTE';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'IDLE';
  return null;
}

/** The account is locked until this instant after the threshold-th consecutive failure, else null. */
export function lockedUntil(
  account: { failedLogins: number; lastFailedAt: Date | null },
  policy: SessionPolicy,
): Date | null {
  if (account.failedLogins < policy.lockoutThreshold || !account.lastFailedAt) return null;
  return new Date(account.lastFailedAt.getTime() + policy.lockoutMinutes * 60_000);
}

export function isLocked(
  account: { failedLogins: number; lastFailedAt: Date | null },
  now: Date,
  policy: SessionPolicy,
): boolean {
  const until = lockedUntil(account, policy);
  return until !== null && now < until;
}
