import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../../src/modules/training/programmes/repository.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { cloneTestDb, type TestDb } from '../helpers.ts';

// training_cadre_years (migration 0034): the per-cadre-year sums the compliance report reads, kept by
// triggers in the transaction of every attendance write and cadre move. After each write the table must
// hold exactly what a full rebuild (`training_cadre_years_rows(NULL)`) computes, with the values worked out
// by hand below; the app role can neither write it nor call the rebuild; readers see it by the cadre's unit.
let db: TestDb;
let streetA: { id: string; path: string };
let streetB: { id: string; path: string };
let x: string; // attends a two-session 专题班 (February and March) and a 党校 programme (May)
let y: string; // on leave for the first session, then attends it; later moves to street B
let special: string;
let s1: string;
let s2: string;
let partySchool: string;

const AS_OF = new Date('2026-06-01T00:00:00Z');

/** Begins a transaction of the app role as a writer scoped to street A (本单位及下级). */
async function beginStreetA(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  await setScope(client, {
    userId: '00000000-0000-0000-0000-000000000000',
    scopeMode: 'subtree',
    orgPath: streetA.path,
    cadreId: null,
    roles: ['unit_admin'],
  } as unknown as Parameters<typeof setScope>[1]);
}

/** One transaction of the app role as a writer scoped to street A. */
async function asStreetA<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await beginStreetA(client);
    const r = await fn(client);
    await client.query('COMMIT');
    return r;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

function attend(
  client: pg.ClientBase,
  a: { programmeId: string; sessionId: string | null; cadreId: string; kindId: string; on: string },
  attended: boolean,
  creditDays: number,
) {
  return repo.upsertAttendance(client, {
    ...a,
    orgPath: streetA.path,
    attended,
    leaveReason: attended ? '' : '公务',
    creditDays,
    recordedBy: null,
    now: AS_OF,
  });
}

interface Row {
  cadre_id: string;
  year: number;
  org_path: string;
  days: number[];
  programmes: number[];
  months: number;
  kinds: Record<string, { d: number[]; p: number[]; m: number }>;
}

const COLUMNS = `cadre_id, year, org_path::text AS org_path, days::float8[] AS days, programmes, months, kinds`;

async function kept(): Promise<Row[]> {
  return (await db.admin.query<Row>(`SELECT ${COLUMNS} FROM training_cadre_years ORDER BY cadre_id, year`))
    .rows;
}

async function rebuilt(): Promise<Row[]> {
  return (
    await db.admin.query<Row>(
      `SELECT ${COLUMNS} FROM training_cadre_years_rows(NULL) ORDER BY cadre_id, year`,
    )
  ).rows;
}

async function rowOf(cadreId: string): Promise<Row | undefined> {
  return (await kept()).find((r) => r.cadre_id === cadreId);
}

/** twelve cumulated monthly figures from the month-by-month values given (the rest 0) */
function cum(perMonth: Record<number, number>): number[] {
  const out: number[] = [];
  let s = 0;
  for (let m = 1; m <= 12; m++) out.push((s += perMonth[m] ?? 0));
  return out;
}

beforeAll(async () => {
  db = await cloneTestDb();
  const a = await newOrg(db, { name: '汇总甲街道' });
  const b = await newOrg(db, { name: '汇总乙街道' });
  streetA = { id: a.id, path: a.path };
  streetB = { id: b.id, path: b.path };
  x = (await newCadre(db, { orgId: a.id, name: '汇总甲' })).id;
  y = (await newCadre(db, { orgId: a.id, name: '汇总乙' })).id;
  await asSystem(db, async (client) => {
    const programme = async (name: string, kind: string, start: string, end: string) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO training_programmes (org_id, org_path, organiser_name, name, kind_id, kind_name, start_on, end_on,
                                            days, hours_per_day, credit_days, pack_name, enrolment_mode)
           VALUES ($1, $2::ltree, '汇总甲街道', $3, $4, $4, $5, $6, 2, 8, 2, '测试', 'application') RETURNING id`,
          [a.id, a.path, name, kind, start, end],
        )
      ).rows[0]!.id;
    special = await programme('汇总专题班', 'special', '2026-02-27', '2026-03-03');
    partySchool = await programme('汇总党校班', 'party_school', '2026-05-18', '2026-05-20');
    const session = async (seq: number, on: string) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO training_sessions (programme_id, seq, title, on_date, days, credit_days)
           VALUES ($1, $2, '课次', $3, 1, 1) RETURNING id`,
          [special, seq, on],
        )
      ).rows[0]!.id;
    s1 = await session(1, '2026-02-27');
    s2 = await session(2, '2026-03-03');
  });
});
afterAll(async () => db?.drop());

describe('training_cadre_years kept on write equals a rebuild (issue 15 speed)', () => {
  it('upserts: X 1 + 1.5 days of one 专题班 over February and March and 3 days of 党校 in May; Y on leave has no row', async () => {
    await asStreetA(async (c) => {
      await attend(
        c,
        { programmeId: special, sessionId: s1, cadreId: x, kindId: 'special', on: '2026-02-27' },
        true,
        1,
      );
      await attend(
        c,
        { programmeId: special, sessionId: s2, cadreId: x, kindId: 'special', on: '2026-03-03' },
        true,
        1.5,
      );
      await attend(
        c,
        { programmeId: partySchool, sessionId: null, cadreId: x, kindId: 'party_school', on: '2026-05-20' },
        true,
        3,
      );
      await attend(
        c,
        { programmeId: special, sessionId: s1, cadreId: y, kindId: 'special', on: '2026-02-27' },
        false,
        0,
      );
    });
    expect(await rowOf(x)).toEqual({
      cadre_id: x,
      year: 2026,
      org_path: streetA.path,
      days: cum({ 2: 1, 3: 1.5, 5: 3 }),
      // the 专题班 counted once, in February (its first month); the 党校 programme in May
      programmes: cum({ 2: 1, 5: 1 }),
      months: 0b10110,
      kinds: {
        special: { d: cum({ 2: 1, 3: 1.5 }), p: cum({ 2: 1 }), m: 0b110 },
        party_school: { d: cum({ 5: 3 }), p: cum({ 5: 1 }), m: 0b10000 },
      },
    });
    expect(await rowOf(y)).toBeUndefined();
    expect(await kept()).toEqual(await rebuilt());
  });

  it('an upsert over a row: X’s March session now 2 days, Y attends the first session', async () => {
    await asStreetA(async (c) => {
      await attend(
        c,
        { programmeId: special, sessionId: s2, cadreId: x, kindId: 'special', on: '2026-03-03' },
        true,
        2,
      );
      await attend(
        c,
        { programmeId: special, sessionId: s1, cadreId: y, kindId: 'special', on: '2026-02-27' },
        true,
        1,
      );
    });
    const rx = (await rowOf(x))!;
    expect(rx.days).toEqual(cum({ 2: 1, 3: 2, 5: 3 }));
    expect(rx.kinds.special!.d).toEqual(cum({ 2: 1, 3: 2 }));
    expect(await rowOf(y)).toMatchObject({
      days: cum({ 2: 1 }),
      programmes: cum({ 2: 1 }),
      months: 0b10,
      kinds: { special: { d: cum({ 2: 1 }), p: cum({ 2: 1 }), m: 0b10 } },
    });
    expect(await kept()).toEqual(await rebuilt());
  });

  it('an edit of many rows in one statement: the February session’s credit becomes 0.5 for both', async () => {
    await asSystem(db, (c) =>
      c.query(`UPDATE training_attendance SET credit_days = 0.5 WHERE session_id = $1`, [s1]),
    );
    expect((await rowOf(x))!.days).toEqual(cum({ 2: 0.5, 3: 2, 5: 3 }));
    expect((await rowOf(y))!.days).toEqual(cum({ 2: 0.5 }));
    expect(await kept()).toEqual(await rebuilt());
  });

  it('a delete: without the February session the 专题班 counts in March; without any attendance no row', async () => {
    await db.admin.query(`DELETE FROM training_attendance WHERE session_id = $1`, [s1]);
    expect(await rowOf(x)).toMatchObject({
      days: cum({ 3: 2, 5: 3 }),
      programmes: cum({ 3: 1, 5: 1 }),
      months: 0b10100,
      kinds: { special: { d: cum({ 3: 2 }), p: cum({ 3: 1 }), m: 0b100 } },
    });
    expect(await rowOf(y)).toBeUndefined();
    expect(await kept()).toEqual(await rebuilt());
  });

  it('a move: the row follows the cadre’s unit (row-level security reads it by the new unit)', async () => {
    await asStreetA(async (c) => {
      await attend(
        c,
        { programmeId: special, sessionId: s1, cadreId: y, kindId: 'special', on: '2026-02-27' },
        true,
        1,
      );
    });
    await db.admin.query(`UPDATE cadres SET org_id = $2, org_path = $3::ltree WHERE id = $1`, [
      y,
      streetB.id,
      streetB.path,
    ]);
    expect((await rowOf(y))!.org_path).toBe(streetB.path);
    expect(await kept()).toEqual(await rebuilt());
    const visible = await asStreetA(async (c) =>
      (await c.query<{ cadre_id: string }>('SELECT cadre_id FROM training_cadre_years')).rows.map(
        (r) => r.cadre_id,
      ),
    );
    expect(visible).toEqual([x]);
  });

  it('two transactions recording X at once: the second waits for the first and counts both', async () => {
    const c1 = await db.pool.connect();
    const c2 = await db.pool.connect();
    try {
      await beginStreetA(c1);
      await beginStreetA(c2);
      await attend(
        c1,
        { programmeId: special, sessionId: s1, cadreId: x, kindId: 'special', on: '2026-02-27' },
        true,
        1,
      );
      let waited = true;
      const second = attend(
        c2,
        { programmeId: partySchool, sessionId: null, cadreId: x, kindId: 'party_school', on: '2026-05-20' },
        true,
        4,
      ).then(() => {
        waited = false;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(waited).toBe(true);
      await c1.query('COMMIT');
      await second;
      await c2.query('COMMIT');
    } finally {
      // (a no-op after COMMIT; after a failure the clients go back to the pool clean)
      await c1.query('ROLLBACK');
      await c2.query('ROLLBACK');
      c1.release();
      c2.release();
    }
    expect(await rowOf(x)).toMatchObject({
      days: cum({ 2: 1, 3: 2, 5: 4 }),
      programmes: cum({ 2: 1, 5: 1 }),
      months: 0b10110,
    });
    expect(await kept()).toEqual(await rebuilt());
  });

  it('the app role can neither write the table nor run the rebuild', async () => {
    await expect(
      asSystem(db, (c) => c.query(`UPDATE training_cadre_years SET days = '{}' WHERE cadre_id = $1`, [x])),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      asSystem(db, (c) => c.query(`SELECT training_cadre_years_refresh(NULL)`)),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
