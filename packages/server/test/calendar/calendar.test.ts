import type { Role } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../src/modules/calendar/service.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import { newCalendarOverrides } from '../factories/calendar.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn, type UserFactoryResult } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let leader: Session;
let cadre: Session;
let sysadmin: Session;
let streetAdminUser: UserFactoryResult;

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  const district = { id: root.rows[0]?.id ?? '' };
  const street = await newOrg(t.db);
  const person = await newCadre(t.db, { orgId: street.id });
  const user = (
    roles: Role[],
    orgId: string,
    extra: { scopeMode?: 'all' | 'subtree' | 'unit' | 'self'; cadreId?: string } = {},
  ) => newUser(t.db, { orgId, roles, displayName: `${roles[0] ?? ''}用户`, ...extra });
  orgdept = await signIn(t, await user(['orgdept'], district.id, { scopeMode: 'all' }));
  streetAdminUser = await user(['unit_admin'], street.id, { scopeMode: 'subtree' });
  streetAdmin = await signIn(t, streetAdminUser);
  leader = await signIn(t, await user(['leader'], street.id));
  cadre = await signIn(t, await user(['cadre'], street.id, { scopeMode: 'self', cadreId: person.id }));
  sysadmin = await signIn(t, await user(['sysadmin'], district.id));
});
afterAll(async () => t.close());

const period = (s: Session, from: string, n: number | string) =>
  injectAs(t, s, { method: 'GET', url: '/api/calendar/working-days', query: { from, n: String(n) } });
const addOverride = (s: Session, payload: Record<string, unknown>) =>
  injectAs(t, s, { method: 'POST', url: '/api/calendar/overrides', payload });
const removeOverride = (s: Session, day: string) =>
  injectAs(t, s, { method: 'DELETE', url: `/api/calendar/overrides/${day}` });
const problemOf = (res: { json: <T>() => T }) => res.json<{ details: { problem: string } }>().details.problem;

describe('工作日历: deadlines in working days', () => {
  it('5 working days from 2026-09-28 end on 2026-10-09, the National Day week explained', async () => {
    // Mon 09-28, Tue 09-29, Wed 09-30 = 3; 10-01 … 10-07 国庆节; Thu 10-08 = 4, Fri 10-09 = 5
    const res = await period(cadre, '2026-09-28', 5);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ skipped: { date: string; reason: string; name: string }[] }>();
    expect(body).toMatchObject({ date: '2026-10-09', from: '2026-09-28', n: 5, unpublishedYears: [] });
    expect(body.skipped.map((d) => `${d.date} ${d.reason} ${d.name}`)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d} holiday 国庆节`),
    );
  });

  it('crosses into 2027, whose arrangement is not published: 1 January skipped by the statute', async () => {
    // Mon 2026-12-28 … Thu 12-31 = 4; Fri 2027-01-01 元旦; Sat 01-02, Sun 01-03; Mon 01-04 = 5
    const res = await period(leader, '2026-12-28', 5);
    expect(res.json()).toMatchObject({ date: '2027-01-04', unpublishedYears: [2027] });
    const year = await injectAs(t, leader, { method: 'GET', url: '/api/calendar/year/2027' });
    const y = year.json<{ schedule: string; lastPublishedYear: number; days: { date: string }[] }>();
    expect(y.schedule).toBe('statutory-only');
    expect(y.lastPublishedYear).toBe(2026);
    expect(y.days.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('refuses a bad date, n outside 1..366 and a year outside the calendar, with stable codes', async () => {
    expectError(await period(cadre, '2026-02-30', 5), 400, 'VALIDATION');
    expectError(await period(cadre, '2026-9-28', 5), 400, 'VALIDATION');
    expectError(await period(cadre, '2026-09-28', 0), 400, 'VALIDATION');
    expectError(await period(cadre, '2026-09-28', 367), 400, 'VALIDATION');
    expectError(await period(cadre, '2026-09-28', 'five'), 400, 'VALIDATION');
    const old = await period(cadre, '2003-12-31', 5);
    expectError(old, 400, 'VALIDATION');
    expect(problemOf(old)).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    // a period running past 2099
    expect(problemOf(await period(cadre, '2099-12-01', 366))).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    expect(problemOf(await injectAs(t, cadre, { method: 'GET', url: '/api/calendar/year/2100' }))).toBe(
      'CALENDAR_DATE_OUT_OF_RANGE',
    );
    expectError(
      await injectAs(t, cadre, {
        method: 'GET',
        url: '/api/calendar/working-days',
        query: { from: '2026-09-28', n: '5', orgPath: 'x' },
      }),
      400,
      'UNKNOWN_FIELD',
    );
  });

  it('is closed to the three administrators', async () => {
    expectError(await period(sysadmin, '2026-09-28', 5), 403, 'FORBIDDEN');
  });
});

describe('工作日历: district overrides (组织部)', () => {
  it('an extra holiday on 2026-10-09 moves the period end to the make-up Saturday, and back when deleted', async () => {
    const res = await addOverride(orgdept, { date: '2026-10-09', kind: 'holiday', note: ' 区运动会 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      items: [{ date: '2026-10-09', kind: 'holiday', note: '区运动会', createdByName: 'orgdept用户' }],
    });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'calendar.override.create' AND object_id = '2026-10-09'`,
      ),
    ).toBe(1);
    // 09-28 … 09-30 = 3; 10-01 … 10-07 off; Thu 10-08 = 4; Fri 10-09 off (district); Sat 10-10 (调休上班) = 5
    const moved = await period(cadre, '2026-09-28', 5);
    expect(moved.json<{ date: string; skipped: unknown[] }>().date).toBe('2026-10-10');
    expect(moved.json<{ skipped: unknown[] }>().skipped.at(-1)).toEqual({
      date: '2026-10-09',
      working: false,
      reason: 'override-holiday',
      name: '区运动会',
      source: 'district',
    });
    const year = await injectAs(t, streetAdmin, { method: 'GET', url: '/api/calendar/year/2026' });
    expect(year.json<{ schedule: string; days: { date: string; reason: string }[] }>()).toMatchObject({
      schedule: 'published',
    });
    expect(
      year.json<{ days: { date: string; reason: string }[] }>().days.find((d) => d.date === '2026-10-09'),
    ).toMatchObject({ reason: 'override-holiday', source: 'district' });

    const del = await removeOverride(orgdept, '2026-10-09');
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ items: [] });
    expect((await period(cadre, '2026-09-28', 5)).json<{ date: string }>().date).toBe('2026-10-09');
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'calendar.override.delete' AND object_id = '2026-10-09'`,
      ),
    ).toBe(1);
  });

  it('a street administrator, a leader and a cadre may read but not write (403, nothing changes)', async () => {
    await newCalendarOverrides(t.db, [{ date: '2026-12-24', kind: 'holiday', note: '测试调整' }]);
    for (const s of [streetAdmin, leader, cadre]) {
      expectError(
        await addOverride(s, { date: '2026-12-25', kind: 'holiday', note: '越权' }),
        403,
        'FORBIDDEN',
      );
      expectError(await removeOverride(s, '2026-12-24'), 403, 'FORBIDDEN');
      const list = await injectAs(t, s, { method: 'GET', url: '/api/calendar/overrides' });
      expect(list.json<{ items: { date: string }[] }>().items.map((o) => o.date)).toEqual(['2026-12-24']);
    }
    expect(await adminCount(t.db, 'SELECT 1 FROM calendar_overrides')).toBe(1);
    // refused writes are audited too
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'POST /api/calendar/overrides' AND result = 'failure'
            AND actor_id = $1`,
        [streetAdminUser.id],
      ),
    ).toBe(1);
    expect((await removeOverride(orgdept, '2026-12-24')).statusCode).toBe(200);
  });

  it('refuses an override that changes nothing, a second one for the same day, and a bad note', async () => {
    const holidayOnHoliday = await addOverride(orgdept, {
      date: '2026-10-03',
      kind: 'holiday',
      note: '重复',
    });
    expectError(holidayOnHoliday, 400, 'VALIDATION');
    expect(problemOf(holidayOnHoliday)).toBe('CALENDAR_OVERRIDE_NO_EFFECT');
    expect(problemOf(await addOverride(orgdept, { date: '2026-10-12', kind: 'workday', note: '重复' }))).toBe(
      'CALENDAR_OVERRIDE_NO_EFFECT',
    );
    expectError(
      await addOverride(orgdept, { date: '2026-11-07', kind: 'workday', note: '  ' }),
      400,
      'VALIDATION',
    );
    expectError(
      await addOverride(orgdept, { date: '2026-11-07', kind: 'workday', note: '长'.repeat(101) }),
      400,
      'VALIDATION',
    );
    expectError(
      await addOverride(orgdept, { date: '2026-11-07', kind: 'workday', note: '换届', createdBy: 'x' }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(
      (await addOverride(orgdept, { date: '2026-11-07', kind: 'workday', note: '换届' })).statusCode,
    ).toBe(200);
    expectError(
      await addOverride(orgdept, { date: '2026-11-07', kind: 'holiday', note: '换届' }),
      409,
      'CONFLICT',
    );
    expectError(await removeOverride(orgdept, '2026-11-08'), 404, 'NOT_FOUND');
    expectError(await removeOverride(orgdept, '2026-11-31'), 400, 'VALIDATION');
    expect((await removeOverride(orgdept, '2026-11-07')).statusCode).toBe(200);
    expect(await adminCount(t.db, 'SELECT 1 FROM calendar_overrides')).toBe(0);
  });
});

describe('工作日历: row-level security and the loader', () => {
  it('the database itself refuses a write by anyone but 组织部, and shows nothing without a session', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await setScope(client, {
        userId: streetAdminUser.id,
        sessionId: 'x',
        username: streetAdminUser.username,
        roles: ['unit_admin'],
        scopeMode: 'subtree',
        orgId: '',
        orgPath: 'QY',
        cadreId: null,
        csrfToken: '',
        mustChangePassword: false,
        mustEnrolTotp: false,
      });
      await expect(
        client.query(
          `INSERT INTO calendar_overrides (day, kind, note) VALUES ('2026-11-20', 'holiday', 'x')`,
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await newCalendarOverrides(t.db, [{ date: '2026-11-20', kind: 'holiday', note: '可见性' }]);
    const bare = await t.db.pool.connect();
    try {
      // no scope set (no session, no system context): nothing visible
      const { rows } = await bare.query('SELECT day FROM calendar_overrides');
      expect(rows).toEqual([]);
    } finally {
      bare.release();
    }
    expect(
      await asSystem(t.db, async (c) => (await c.query('SELECT day FROM calendar_overrides')).rowCount),
    ).toBe(1);
  });

  it('loadWorkingCalendar keeps its calendar until the overrides change', async () => {
    const first = await asSystem(t.db, (c) => loadWorkingCalendar(c));
    const again = await asSystem(t.db, (c) => loadWorkingCalendar(c));
    expect(again).toBe(first);
    expect(first.overrides.get('2026-11-20')).toEqual({
      date: '2026-11-20',
      kind: 'holiday',
      note: '可见性',
    });
    expect((await removeOverride(orgdept, '2026-11-20')).statusCode).toBe(200);
    const after = await asSystem(t.db, (c) => loadWorkingCalendar(c));
    expect(after).not.toBe(first);
    expect(after.overrides.size).toBe(0);
  });
});
