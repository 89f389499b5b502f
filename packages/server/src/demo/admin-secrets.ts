import { randomInt } from 'node:crypto';
import { checkPasswordStrength, GOVERNMENT_PASSWORD_POLICY } from '@ganbu/core';
import { newTotpSecret, otpauthUrl } from '../modules/auth/totp.ts';

/** Sign-in secrets of one demo administrator (系统/安全/审计管理员). */
export interface DemoAdminSecret {
  password: string;
  totpSecret: string;
}

export interface DemoAdmin extends DemoAdminSecret {
  username: string;
}

/** No look-alikes (0/O, 1/l/I): the password is read off a terminal and typed. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Four groups of four (about 92 bits), meeting the government password policy. */
export function randomAdminPassword(username: string): string {
  for (;;) {
    const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const password = [group(), group(), group(), group()].join('-');
    if (checkPasswordStrength(password, GOVERNMENT_PASSWORD_POLICY, username).length === 0) return password;
  }
}

/** Fresh secrets per data directory: nothing about them follows from the code or the README. */
export function randomAdminSecret(username: string): DemoAdminSecret {
  return { password: randomAdminPassword(username), totpSecret: newTotpSecret() };
}

/**
 * What the first start prints on its terminal, once. The database keeps only the password hash and the
 * encrypted TOTP secret, so these lines are the only copy: they never go to the server log or a file.
 */
export function demoAdminLines(admins: DemoAdmin[]): string[] {
  return [
    'demo administrator accounts (shown only this once — note them now; the database keeps only a hash):',
    ...admins.flatMap((a) => [
      `  ${a.username.padEnd(9)} password: ${a.password}  TOTP secret: ${a.totpSecret}`,
      `  ${' '.repeat(9)} ${otpauthUrl(a.totpSecret, a.username)}`,
    ]),
  ];
}
