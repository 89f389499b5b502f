import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flushRefusalCounts,
  INDIVIDUAL_PER_WINDOW,
  REFUSAL_SUMMARY_ACTION,
} from '../../src/platform/refusal-audit.ts';
import { createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function auditCount(): Promise<number> {
  const { rows } = await t.db.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return rows[0]?.n ?? 0;
}

interface Summary {
  total: number;
  writtenInFull: number;
  counted: { action: string; code: string; count: number; addresses: string[] }[];
}

describe('[audit] a flood of anonymous refusals adds a bounded number of rows (SECURITY 12)', () => {
  it('2,000 unauthenticated POSTs: 5 rows in full, then one summary row that counts the rest', async () => {
    // the clock starts on a minute boundary plus 10 s, so the whole flood falls into one window
    t.clock.set(new Date('2026-11-10T08:00:10Z'));
    const before = await auditCount();
    const kinds = [
      // no session cookie: refused before the handler
      { headers: {}, status: 401, code: 'UNAUTHENTICATED' },
      // a made-up cookie without the CSRF header: refused before the handler
      { headers: { cookie: 'sid=made-up' }, status: 403, code: 'CSRF' },
      // a made-up cookie with a CSRF header: refused inside the request transaction
      { headers: { cookie: 'sid=made-up', 'x-csrf-token': 'x' }, status: 401, code: 'UNAUTHENTICATED' },
    ];
    // a valid body: the made-up session is what gets each request refused
    const validOrg = {
      parentId: '00000000-0000-4000-8000-000000000000',
      code: 'X1',
      name: 'x',
      kind: 'village',
    };
    const statuses = new Map<string, number>();
    for (let batch = 0; batch < 100; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const kind = kinds[(batch * 20 + i) % 3]!;
          return t.app
            .inject({ method: 'POST', url: '/api/orgs', payload: validOrg, headers: kind.headers })
            .then((res) => {
              expectError(res, kind.status, kind.code);
              return `${res.statusCode} ${kind.code}`;
            });
        }),
      );
      for (const a of answers) statuses.set(a, (statuses.get(a) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ '401 UNAUTHENTICATED': 1333, '403 CSRF': 667 });
    // during the minute: only the first few were written
    expect(await auditCount()).toBe(before + INDIVIDUAL_PER_WINDOW);
    const { rows: full } = await t.db.admin.query<{ actor_id: string | null; client_address: string }>(
      `SELECT actor_id, client_address FROM audit_log WHERE action = 'POST /api/orgs' ORDER BY id DESC LIMIT 5`,
    );
    expect(full.map((r) => [r.actor_id, r.client_address])).toEqual(Array(5).fill([null, '127.0.0.1']));

    // the next minute: its first refusal closes the last window into one summary row
    t.clock.advance(60_000);
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/orgs', payload: {} }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await auditCount()).toBe(before + INDIVIDUAL_PER_WINDOW + 2);
    const { rows } = await t.db.admin.query<{ after: Summary; result: string; actor_id: string | null }>(
      `SELECT after, result, actor_id FROM audit_log WHERE action = $1`,
      [REFUSAL_SUMMARY_ACTION],
    );
    expect(rows).toHaveLength(1);
    const summary = rows[0]!;
    expect(summary.result).toBe('failure');
    expect(summary.actor_id).toBeNull();
    expect(summary.after).toMatchObject({
      windowStart: '2026-11-10T08:00:00.000Z',
      windowEnd: '2026-11-10T08:01:00.000Z',
      total: 2000,
      writtenInFull: 5,
    });
    // the first five were (by arrival order) some mix of the three kinds; together with the counted
    // rest they make up the 2,000 exactly
    const counted = summary.after.counted;
    expect(counted.map((c) => [c.action, c.code])).toEqual([
      ['POST /api/orgs', 'CSRF'],
      ['POST /api/orgs', 'UNAUTHENTICATED'],
    ]);
    expect(counted.reduce((sum, c) => sum + c.count, 0)).toBe(2000 - INDIVIDUAL_PER_WINDOW);
    for (const c of counted) expect(c.addresses).toEqual(['127.0.0.1']);

    // a window that no later refusal closes is flushed by the timer's function
    await flushRefusalCounts(t.db.pool, new Date(t.clock.now().getTime() + 60_000), t.app.cipher);
    expect(await auditCount()).toBe(before + INDIVIDUAL_PER_WINDOW + 2); // one refusal: already in full
    const left = await t.db.admin.query('SELECT 1 FROM audit_refusal_counts');
    expect(left.rowCount).toBe(0);
  });

  it('a refused mutation by a logged-in user is still audited row by row, with the actor', async () => {
    const s = await loginAs(t, 'orgdept');
    const before = await auditCount();
    for (let i = 0; i < 12; i++) {
      expectError(
        await injectAs(t, s, { method: 'POST', url: '/api/orgs', payload: { name: 1 } }),
        400,
        'VALIDATION',
      );
    }
    // without the CSRF header: refused before the session is resolved, still named by its cookie
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/orgs', payload: {}, headers: { cookie: s.cookie } }),
      403,
      'CSRF',
    );
    expect(await auditCount()).toBe(before + 13);
    const { rows } = await t.db.admin.query<{ actor_username: string; code: string }>(
      `SELECT actor_username, after->>'code' AS code FROM audit_log ORDER BY id DESC LIMIT 13`,
    );
    expect(rows.map((r) => r.actor_username)).toEqual(Array(13).fill('orgdept'));
    expect(rows.map((r) => r.code)).toEqual(['CSRF', ...Array<string>(12).fill('VALIDATION')]);
  });
});
