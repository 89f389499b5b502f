import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/backup/backup.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { createTestApp, injectAs, loginAs, logLines, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let orgdept: Session;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
  dir = mkdtempSync(join(tmpdir(), 'ganbu-anon-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

async function ok(s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await as(s, method, url, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.db.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

/** The rows of one table in a backup file, in the order the dump holds them. */
async function dumpedRows(file: string, table: string): Promise<string[][]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const rows: string[][] = [];
  let current: { table: string; columns: string[]; left: number } | null = null;
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false; // the header
    } else if (!current || current.left === 0) {
      const meta = JSON.parse(line) as { table: string; columns: string[]; rows: number };
      current = { table: meta.table, columns: meta.columns, left: meta.rows };
    } else {
      current.left--;
      if (current.table === table) rows.push(line.split('\t'));
    }
  }
  return rows;
}

describe('[assessment] anonymity against database access (SECURITY 30)', () => {
  it('after close, no system column, audit row, log line or dump order links a ballot to a slip or an account', async () => {
    // 万人双评议 of three departments by the public (bearer slips) and by named representatives
    const { rows: depts } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM orgs WHERE kind = 'department' ORDER BY path LIMIT 3`,
    );
    const { rows: root } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM orgs WHERE parent_id IS NULL`,
    );
    const round = (
      await ok(orgdept, 'POST', '/api/assessment/rounds', {
        name: '2026年度万人双评议（匿名性检验）',
        packId: 'wenzhou',
        schemeId: 'mass-rating',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        orgId: root[0]!.id,
        population: { unitIds: depts.map((d) => d.id) },
      })
    ).json<{ id: string }>();
    const codes = (
      await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens`, { groupId: 'public', count: 12 })
    ).json<{ codes: string[] }>().codes;
    await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'open' });
    const page = (await ok(null, 'GET', `/api/ballot/${codes[0]}`)).json<{
      targets: { id: string }[];
      criteria: { maxPoints: number }[];
    }>();
    expect(page.criteria.map((c) => c.maxPoints)).toEqual([30, 30, 25, 15]);

    // the i-th slip gives the first criterion i points: the cast order can be read back from any row
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log`);
    const logFrom = logLines.length;
    for (const [i, code] of codes.entries()) {
      await ok(null, 'POST', `/api/ballot/${code}`, {
        scores: page.targets.map((x) => ({ targetId: x.id, points: [i + 1, 20, 20, 10] })),
      });
    }
    const castOrder = codes.map((_, i) => String((i + 1) * 100));

    // while open, the pool row and its slip row share a transaction id: the join the test runs after
    // close does find every pooled ballot here (so it can fail)
    const joinPool = `SELECT p.scores FROM ballot_tokens t JOIN ballot_pending p ON p.xmin = t.xmin
                       WHERE t.round_id = $1`;
    expect(await count(`SELECT count(*) AS n FROM (${joinPool}) j`, [round.id])).toBe(12);
    // no ballot was audited on its own
    expect(await count(`SELECT count(*) AS n FROM audit_log`)).toBe(auditBefore);
    // turnout counts the pool
    const turnout = (await ok(orgdept, 'GET', `/api/assessment/rounds/${round.id}/turnout`)).json<{
      items: { groupId: string; used: number; ballots: number }[];
    }>();
    expect(turnout.items.find((g) => g.groupId === 'public')).toMatchObject({ used: 12, ballots: 12 });

    await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'close' });

    // system columns: every ballot and score row of the round was written by the close, none by a cast
    expect(await count(`SELECT count(*) AS n FROM ballot_pending WHERE round_id = $1`, [round.id])).toBe(0);
    expect(
      await count(
        `SELECT count(DISTINCT xmin::text) AS n FROM (SELECT xmin FROM ballots WHERE round_id = $1
          UNION ALL SELECT xmin FROM ballot_scores WHERE round_id = $1) x`,
        [round.id],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM ballot_tokens t JOIN ballots b ON b.xmin = t.xmin WHERE t.round_id = $1`,
        [round.id],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM ballot_tokens t JOIN ballot_scores s ON s.xmin = t.xmin WHERE t.round_id = $1`,
        [round.id],
      ),
    ).toBe(0);
    // the ballots are all there, under ids that were not theirs while pooled
    expect(await count(`SELECT count(*) AS n FROM ballots WHERE round_id = $1`, [round.id])).toBe(12);
    expect(await count(`SELECT count(*) AS n FROM ballot_scores WHERE round_id = $1`, [round.id])).toBe(36);

    // audit: one row for the close with the count, none per ballot; its time is the close's
    const { rows: closeRows } = await t.db.admin.query<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'assessment.round.close' AND object_id = $1`,
      [round.id],
    );
    expect(closeRows.map((r) => r.after)).toEqual([{ state: 'closed', ballots: 12 }]);

    // log: ballot requests carry no client address (the token itself is redacted)
    const ballotLines = logLines.slice(logFrom).filter((l) => l.includes('/api/ballot/'));
    expect(ballotLines.length).toBeGreaterThanOrEqual(12);
    for (const line of ballotLines) {
      expect(line).not.toContain('remoteAddress');
      expect(line).not.toContain('127.0.0.1');
    }
    for (const code of codes) expect(logLines.join('\n')).not.toContain(code);

    // a dump keeps neither the order the ballots were cast in nor the order the slips were used in
    const file = join(dir, 'after-close.backup');
    await backupDatabase(t.db.adminUrl, file);
    const scoresDumped = (await dumpedRows(file, 'ballot_scores'))
      .filter((r) => r[1] === round.id && r[3] === page.targets[0]!.id)
      .map((r) => r[4]!.replace(/[{}]/g, '').split(',')[0]!);
    expect([...scoresDumped].sort((a, b) => Number(a) - Number(b))).toEqual(castOrder);
    expect(scoresDumped).not.toEqual(castOrder);
  });

  it('a grade ballot (一票一档, 0035) is settled like a score ballot: same xmin, no slip link, no cast order', async () => {
    const street = await newOrg(t.db, { kind: 'street' });
    const cadre = await newCadre(t.db, { orgId: street.id });
    const round = (
      await ok(orgdept, 'POST', '/api/assessment/rounds', {
        name: '2026年度民主测评（一票一档匿名性检验）',
        packId: 'fengze',
        schemeId: 'example-grade-ballot',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        orgId: street.parentId,
        population: { cadreIds: [cadre.id] },
      })
    ).json<{ id: string }>();
    const codes = (
      await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens`, {
        groupId: 'colleagues',
        count: 12,
        unitId: street.id,
      })
    ).json<{ codes: string[] }>().codes;
    await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'open' });
    const target = (await ok(null, 'GET', `/api/ballot/${codes[0]}`)).json<{ targets: { id: string }[] }>()
      .targets[0]!.id;
    // the i-th slip votes the (i mod 4)-th grade: the cast order could be read back from any row order
    const grades = ['excellent', 'competent', 'basic', 'incompetent'];
    const castOrder = codes.map((_, i) => grades[i % 4]!);
    for (const [i, code] of codes.entries())
      await ok(null, 'POST', `/api/ballot/${code}`, { grades: [{ targetId: target, grade: castOrder[i] }] });
    // while open the pool row shares its slip's xmin (so the join below can find something)
    expect(
      await count(
        `SELECT count(*) AS n FROM ballot_tokens t JOIN ballot_pending p ON p.xmin = t.xmin
          WHERE t.round_id = $1 AND p.grades IS NOT NULL`,
        [round.id],
      ),
    ).toBe(12);
    await ok(orgdept, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'close' });

    expect(await count(`SELECT count(*) AS n FROM ballot_pending WHERE round_id = $1`, [round.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM ballot_grades WHERE round_id = $1`, [round.id])).toBe(12);
    expect(await count(`SELECT count(*) AS n FROM ballot_scores WHERE round_id = $1`, [round.id])).toBe(0);
    expect(
      await count(
        `SELECT count(DISTINCT xmin::text) AS n FROM (SELECT xmin FROM ballots WHERE round_id = $1
          UNION ALL SELECT xmin FROM ballot_grades WHERE round_id = $1) x`,
        [round.id],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM ballot_tokens t JOIN ballot_grades g ON g.xmin = t.xmin WHERE t.round_id = $1`,
        [round.id],
      ),
    ).toBe(0);
    // SECURITY 21: the vote row has no slip, account, address or time of its own
    const columns = (
      await t.db.admin.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'ballot_grades' ORDER BY ordinal_position`,
      )
    ).rows.map((c) => c.column_name);
    expect(columns).toEqual(['ballot_id', 'round_id', 'group_id', 'target_id', 'grade']);
    // the dump keeps neither the physical order of the votes nor the cast order
    const file = join(dir, 'after-grade-close.backup');
    await backupDatabase(t.db.adminUrl, file);
    const dumped = (await dumpedRows(file, 'ballot_grades'))
      .filter((r) => r[1] === round.id)
      .map((r) => r[4]!);
    expect([...dumped].sort()).toEqual([...castOrder].sort());
    expect(dumped).not.toEqual(castOrder);
  });

  it('ballot_settle (SECURITY DEFINER) refuses a round outside the caller’s scope', async () => {
    const { rows } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM assessment_rounds ORDER BY created_at LIMIT 1`,
    );
    const { rows: street } = await t.db.admin.query<{ path: string }>(
      `SELECT path::text FROM orgs WHERE kind = 'street' ORDER BY path DESC LIMIT 1`,
    );
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `SELECT set_config('app.context', 'user', true), set_config('app.scope_mode', 'subtree', true),
                set_config('app.scope_path', $1, true)`,
        [street[0]!.path],
      );
      await expect(c.query('SELECT ballot_settle($1)', [rows[0]!.id])).rejects.toThrow(/not in scope/);
      await c.query('ROLLBACK');
      // nor can the app role delete a ballot itself
      await expect(c.query('DELETE FROM ballots')).rejects.toThrow(/permission denied/);
    } finally {
      c.release();
    }
  });
});
