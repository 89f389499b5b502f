import type { Role, ScopeMode } from '@ganbu/core';
import { expect } from 'vitest';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { insertUser } from '../../src/modules/users/repository.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { hashPassword } from '../../src/platform/password-hash.ts';
import { TEST_ENCRYPTION_KEY, TEST_SEED_TIME, testTotpSecret } from '../db-urls.ts';
import type { Session, TestApp, TestDb } from '../helpers.ts';
import { asSystem, uniqueToken } from './system.ts';

/** The password of every factory account. */
export const FACTORY_PASSWORD = 'Factory#2026';
let hashed: Promise<string> | undefined;

export interface NewUser {
  orgId: string;
  roles?: Role[];
  scopeMode?: ScopeMode;
  username?: string;
  displayName?: string;
  cadreId?: string | null;
  mustChangePassword?: boolean;
}

export interface UserFactoryResult {
  id: string;
  username: string;
  password: string;
  /** the account's TOTP secret (accounts with an admin role have one, as they must) */
  totpSecret: string | null;
}

/**
 * An active account in `orgId` (default: a 仅本单位 unit administrator), its password set at the seed's
 * time and not to be changed; an administrator role brings an enrolled TOTP secret.
 */
export async function newUser(db: TestDb, u: NewUser): Promise<UserFactoryResult> {
  const roles = u.roles ?? ['unit_admin'];
  const username = u.username ?? `u${uniqueToken().toLowerCase()}`;
  const admin = roles.some((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor');
  const totpSecret = admin ? testTotpSecret(username) : null;
  hashed ??= hashPassword(FACTORY_PASSWORD);
  const passwordHash = await hashed;
  const id = await asSystem(db, (client) =>
    insertUser(client, {
      username,
      displayName: u.displayName ?? username,
      orgId: u.orgId,
      cadreId: u.cadreId ?? null,
      scopeMode: u.scopeMode ?? 'unit',
      roles,
      passwordHash,
      mustChange: u.mustChangePassword ?? false,
      totpSecret: totpSecret ? createFieldCipher(TEST_ENCRYPTION_KEY).encrypt(totpSecret) : null,
      now: TEST_SEED_TIME,
    }),
  );
  return { id, username, password: FACTORY_PASSWORD, totpSecret };
}

/** Sign a factory account in (with a fresh TOTP code: the clock steps 30 s) and return its session. */
export async function signIn(t: TestApp, user: UserFactoryResult): Promise<Session> {
  const body: Record<string, string> = { username: user.username, password: user.password };
  if (user.totpSecret) {
    t.clock.advance(30_000);
    body.totp = totpCode(user.totpSecret, t.clock.now());
  }
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });
  expect(res.statusCode, `${user.username}: ${res.body}`).toBe(200);
  const me = res.json<{ csrfToken: string; id: string }>();
  const cookie = res.cookies.find((c) => c.name === 'sid')?.value ?? '';
  return { username: user.username, cookie: `sid=${cookie}`, csrf: me.csrfToken, userId: me.id };
}
