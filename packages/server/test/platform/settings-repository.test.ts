import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SECURITY_SETTINGS,
  loadSecuritySettings,
  saveSecuritySettings,
} from '../../src/modules/settings/repository.ts';
import { cloneTestDb, type TestDb } from '../helpers.ts';

let db: TestDb;
beforeAll(async () => {
  db = await cloneTestDb();
});
afterAll(async () => db.drop());

describe('[platform] security settings repository (parameterised SQL + row mapper)', () => {
  it('reads the defaults when nothing is stored, then what was saved, and saves over it', async () => {
    const c = await db.pool.connect();
    try {
      await c.query(`DELETE FROM settings WHERE key = 'security'`);
      expect(await loadSecuritySettings(c)).toEqual(DEFAULT_SECURITY_SETTINGS);

      const first = {
        ...DEFAULT_SECURITY_SETTINGS,
        session: { ...DEFAULT_SECURITY_SETTINGS.session, idleMinutes: 20 },
      };
      await saveSecuritySettings(c, first);
      expect(await loadSecuritySettings(c)).toEqual(first);

      const second = { ...first, session: { ...first.session, idleMinutes: 45 } };
      await saveSecuritySettings(c, second);
      expect(await loadSecuritySettings(c)).toEqual(second);
      const { rows } = await db.admin.query<{ n: number; fresh: boolean }>(
        `SELECT count(*)::int AS n, bool_and(updated_at > now() - interval '1 minute') AS fresh
           FROM settings WHERE key = 'security'`,
      );
      expect(rows[0]).toEqual({ n: 1, fresh: true });

      // an unreadable stored value falls back to the defaults
      await db.admin.query(`UPDATE settings SET value = '{"password": 1}' WHERE key = 'security'`);
      expect(await loadSecuritySettings(c)).toEqual(DEFAULT_SECURITY_SETTINGS);
    } finally {
      c.release();
    }
  });
});
