import {
  DEFAULT_SESSION_POLICY,
  GOVERNMENT_PASSWORD_POLICY,
  SecuritySettingsSchema,
  type SecuritySettings,
} from '@ganbu/core';
import type pg from 'pg';

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  password: GOVERNMENT_PASSWORD_POLICY,
  session: DEFAULT_SESSION_POLICY,
};

export async function loadSecuritySettings(client: pg.ClientBase): Promise<SecuritySettings> {
  const { rows } = await client.query<{ value: unknown }>(
    `SELECT value FROM settings WHERE key = 'security'`,
  );
  const parsed = SecuritySettingsSchema.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
}

export async function saveSecuritySettings(client: pg.ClientBase, value: SecuritySettings): Promise<void> {
  await client.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ('security', $1, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify(value)],
  );
}
