import {
  DEFAULT_SESSION_POLICY,
  GOVERNMENT_PASSWORD_POLICY,
  SecuritySettingsSchema,
  type SecuritySettings,
} from '@ganbu/core';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { settings } from '../../db/schema.ts';

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  password: GOVERNMENT_PASSWORD_POLICY,
  session: DEFAULT_SESSION_POLICY,
};

const SECURITY_KEY = 'security';

export async function loadSecuritySettings(client: pg.PoolClient | pg.Client): Promise<SecuritySettings> {
  const rows = await drizzle(client)
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, SECURITY_KEY));
  const parsed = SecuritySettingsSchema.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
}

export async function saveSecuritySettings(
  client: pg.PoolClient | pg.Client,
  value: SecuritySettings,
): Promise<void> {
  await drizzle(client)
    .insert(settings)
    .values({ key: SECURITY_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}
