import { Secret, TOTP } from 'otpauth';

const ISSUER = 'GanbuCare';
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function otpauthUrl(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: at.getTime() });
}

/**
 * The 30-second step a code belongs to (±1 step of clock drift), or null when invalid.
 * Callers refuse a step not newer than the last one used, so a code cannot be replayed.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}
