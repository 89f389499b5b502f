import { describe, expect, it } from 'vitest';
import { auditPurgeCutoff } from './audit-retention.ts';
import { checkPasswordStrength, GOVERNMENT_PASSWORD_POLICY, passwordExpired } from './password-policy.ts';
import { can, violatesSeparationOfDuties } from './roles.ts';
import { orgVisible } from './scope.ts';
import { DEFAULT_SESSION_POLICY, isLocked, sessionEnded } from './session-policy.ts';

const day = 86_400_000;

describe('password policy (SECURITY 1)', () => {
  it('needs 8 characters and three of four classes', () => {
    expect(checkPasswordStrength('Ab#12345', GOVERNMENT_PASSWORD_POLICY)).toEqual([]);
    expect(checkPasswordStrength('Ab#1234', GOVERNMENT_PASSWORD_POLICY)).toEqual(['TOO_SHORT']);
    expect(checkPasswordStrength('abcdefgh1', GOVERNMENT_PASSWORD_POLICY)).toEqual(['TOO_FEW_CLASSES']);
    expect(checkPasswordStrength('Zhang#2026zhang', GOVERNMENT_PASSWORD_POLICY, 'zhang')).toEqual([
      'CONTAINS_USERNAME',
    ]);
  });

  it('expires after 90 days with a fixed clock; 0 means never', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(passwordExpired(changed, new Date(changed.getTime() + 89 * day), GOVERNMENT_PASSWORD_POLICY)).toBe(
      false,
    );
    expect(passwordExpired(changed, new Date(changed.getTime() + 90 * day), GOVERNMENT_PASSWORD_POLICY)).toBe(
      true,
    );
    expect(
      passwordExpired(changed, new Date('2030-01-01'), { ...GOVERNMENT_PASSWORD_POLICY, expiryDays: 0 }),
    ).toBe(false);
  });
});

describe('session policy (SECURITY 2, 3)', () => {
  const t0 = new Date('2026-03-02T08:00:00Z');
  it('ends idle sessions after 30 minutes and any session after 12 hours', () => {
    expect(
      sessionEnded(
        { createdAt: t0, lastSeenAt: t0 },
        new Date(t0.getTime() + 29 * 60_000),
        DEFAULT_SESSION_POLICY,
      ),
    ).toBeNull();
    expect(
      sessionEnded(
        { createdAt: t0, lastSeenAt: t0 },
        new Date(t0.getTime() + 30 * 60_000),
        DEFAULT_SESSION_POLICY,
      ),
    ).toBe('IDLE');
    const late = new Date(t0.getTime() + 12 * 3_600_000);
    expect(
      sessionEnded(
        { createdAt: t0, lastSeenAt: new Date(late.getTime() - 60_000) },
        late,
        DEFAULT_SESSION_POLICY,
      ),
    ).toBe('ABSOLUTE');
  });

  it('locks for 15 minutes after the 5th failure', () => {
    const last = t0;
    expect(isLocked({ failedLogins: 4, lastFailedAt: last }, t0, DEFAULT_SESSION_POLICY)).toBe(false);
    expect(
      isLocked(
        { failedLogins: 5, lastFailedAt: last },
        new Date(t0.getTime() + 14 * 60_000),
        DEFAULT_SESSION_POLICY,
      ),
    ).toBe(true);
    expect(
      isLocked(
        { failedLogins: 5, lastFailedAt: last },
        new Date(t0.getTime() + 15 * 60_000),
        DEFAULT_SESSION_POLICY,
      ),
    ).toBe(false);
  });
});

describe('roles and scope', () => {
  it('keeps the three admin roles apart', () => {
    expect(violatesSeparationOfDuties(['sysadmin', 'auditor'])).toBe(true);
    expect(can(['auditor'], 'audit.read')).toBe(true);
    expect(can(['sysadmin'], 'audit.read')).toBe(false);
  });

  it('never combines an admin role with any other role (SECURITY 6, 33)', () => {
    expect(violatesSeparationOfDuties(['sysadmin', 'orgdept'])).toBe(true);
    expect(violatesSeparationOfDuties(['auditor', 'orgdept'])).toBe(true);
    expect(violatesSeparationOfDuties(['secadmin', 'leader'])).toBe(true);
    expect(violatesSeparationOfDuties(['cadre', 'auditor'])).toBe(true);
    expect(violatesSeparationOfDuties(['sysadmin'])).toBe(false);
    expect(violatesSeparationOfDuties(['auditor', 'auditor'])).toBe(false);
    expect(violatesSeparationOfDuties(['orgdept', 'unit_admin', 'leader', 'cadre'])).toBe(false);
    expect(violatesSeparationOfDuties([])).toBe(false);
  });

  it('mirrors the SQL scope rule', () => {
    const scope = { mode: 'subtree' as const, orgPath: 'QY.S01', cadreId: null };
    expect(orgVisible(scope, 'QY.S01')).toBe(true);
    expect(orgVisible(scope, 'QY.S01.C0101')).toBe(true);
    expect(orgVisible(scope, 'QY.S010')).toBe(false);
    expect(orgVisible({ ...scope, mode: 'unit' }, 'QY.S01.C0101')).toBe(false);
  });
});

describe('audit retention (SECURITY 15)', () => {
  it('never allows a cut-off younger than 180 days', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(auditPurgeCutoff(new Date('2026-06-01T00:00:00Z'), now, 180)).toEqual({
      ok: false,
      earliestAllowed: new Date('2026-05-26T00:00:00Z'),
    });
    expect(auditPurgeCutoff(new Date('2026-05-26T00:00:00Z'), now, 30)).toEqual({
      ok: true,
      cutoff: new Date('2026-05-26T00:00:00Z'),
    });
  });
});
