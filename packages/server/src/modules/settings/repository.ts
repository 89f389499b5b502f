import {
  DEFAULT_SESSION_POLICY,
  GOVERNMENT_PASSWORD_POLICY,
  SecuritySettingsSchema,
  type SecuritySettings,
} from '@ganbu/core';
import type pg from 'pg';
import { queryRow } from '../../db/rows.ts';

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  password: GOVERNMENT_PASSWORD_POLICY,
  session: DEFAULT_SESSION_POLICY,
};

const SECURITY_KEY = 'security';

interface SettingRow {
  value: unknown;
}

/** The stored security settings, or the defaults when none (or an unreadable value) are stored. */
export async function loadSecuritySettings(client: pg.PoolClient | pg.Client): Promise<SecuritySettings> {
  const stored = await queryRow(
    client,
    'SELECT value FROM settings WHERE key = $1',
    [SECURITY_KEY],
    (r: SettingRow) => r.value,
  );
  const parsed = SecuritySettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
}

export async function saveSecuritySettings(
  client: pg.PoolClient | pg.Client,
  value: SecuritySettings,
): Promise<void> {
  await client.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [SECURITY_KEY, JSON.stringify(value)],
  );
}
