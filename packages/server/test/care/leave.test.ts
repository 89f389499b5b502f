import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 休假 (R-CARE-2). The test clock reads 2026-11-02; the demo district's pack is Fengze (annual steps 1/10/20
// years → 5/10/15 days, 《职工带薪年休假条例》第三条; no recuperation); the last blocks choose Jinan (疗休养 5–7
// days, not counted against annual leave). Years of service are counted on 1 January of the year.
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let otherAdmin: Session;
let cadreSelf: Session;
let streetId: string;
let aId: string; // 王丽, 参加工作 2013-07: 12 years on 2026-01-01
let bId: string; // 周成, no 参加工作时间
let cId: string; // 陈静, 参加工作 2014-03: 11 years

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });
const leaveRows = () => adminCount(t.db, 'SELECT 1 FROM care_leave_records');

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const other = await newOrg(t.db);
  streetId = street.id;
  const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!.id;
  aId = (await newCadre(t.db, { orgId: street.id, name: '王丽', workStartDate: '2013-07' })).id;
  bId = (await newCadre(t.db, { orgId: street.id, name: '周成' })).id;
  cId = (await newCadre(t.db, { orgId: street.id, name: '陈静', workStartDate: '2014-03' })).id;
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  otherAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  cadreSelf = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId: aId }),
  );
});
afterAll(async () => t.close());

describe('entitlement and annual leave (Fengze)', () => {
  it('lists the unit’s people: 12 years → 10 days, explained; without 参加工作时间 it says so', async () => {
    const res = await as(streetAdmin, 'GET', '/api/care/leave?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<{ items: Json[]; total: number; policy: Json }>();
    expect(list.total).toBe(3);
    expect(list.policy).toMatchObject({ recuperation: null, source: '《职工带薪年休假条例》第三条' });
    const a = list.items.find((i) => i.cadreId === aId);
    expect(a).toMatchObject({
      yearsOfService: 12,
      entitled: 10,
      takenAnnual: 0,
      balance: 10,
      explanation:
        '参加工作12年，满10年不满20年，年休假10天（《职工带薪年休假条例》第三条）；已休年休假0天，剩余10天',
    });
    expect(list.items.find((i) => i.cadreId === bId)).toMatchObject({
      yearsOfService: null,
      entitled: null,
      balance: null,
      explanation: '未填写参加工作时间，无法计算年休假天数，请在干部档案中补充',
    });
    // another street's administrator sees none of them
    const other = (await as(otherAdmin, 'GET', '/api/care/leave?year=2026')).json<{ items: Json[] }>();
    expect(other.items.filter((i) => [aId, bId, cId].includes(i.cadreId as string))).toEqual([]);
  });

  it('annual leave 2026-06-15 … 06-19 counts 4 working days (端午节 2026-06-19 is a holiday); audited', async () => {
    const res = await as(streetAdmin, 'POST', '/api/care/leave/records', {
      cadreId: aId,
      kind: 'annual',
      startOn: '2026-06-15',
      endOn: '2026-06-19',
      note: ' 探亲 ',
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Json & { id: string }>();
    expect(r).toMatchObject({
      kind: 'annual',
      days: 4,
      countsAgainstAnnual: true,
      note: '探亲',
      explanation: '2026-06-15 至 2026-06-19 年休假4个工作日（按工作日历计，节假日和休息日不计）',
    });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'care.leave.record' AND object_id = $1`,
        [r.id],
      ),
    ).toBe(1);
    const year = (await as(streetAdmin, 'GET', `/api/care/leave/cadres/${aId}?year=2026`)).json<{
      balance: Json;
      records: Json[];
    }>();
    expect(year.balance).toMatchObject({ entitled: 10, takenAnnual: 4, balance: 6 });
    expect(year.records).toHaveLength(1);
  });

  it('refuses more than the balance (7 working days 07-06 … 07-14 > 6 left), an overlap, a recuperation, reversed dates — nothing written', async () => {
    const before = await leaveRows();
    const over = await as(streetAdmin, 'POST', '/api/care/leave/records', {
      cadreId: aId,
      kind: 'annual',
      startOn: '2026-07-06',
      endOn: '2026-07-14',
    });
    expectError(over, 400, 'CARE_LEAVE_OVER_BALANCE');
    expect(over.json<{ message: string }>().message).toBe(
      '年休假7个工作日，超过本年度剩余6天（应休10天，已休4天）',
    );
    expectError(
      await as(streetAdmin, 'POST', '/api/care/leave/records', {
        cadreId: aId,
        kind: 'other',
        startOn: '2026-06-19',
        endOn: '2026-06-22',
      }),
      400,
      'CARE_LEAVE_OVERLAP',
    );
    expectError(
      await as(streetAdmin, 'POST', '/api/care/leave/records', {
        cadreId: aId,
        kind: 'recuperation',
        startOn: '2026-05-11',
        endOn: '2026-05-16',
      }),
      400,
      'CARE_LEAVE_NO_RECUPERATION',
    );
    expectError(
      await as(streetAdmin, 'POST', '/api/care/leave/records', {
        cadreId: aId,
        kind: 'annual',
        startOn: '2026-08-05',
        endOn: '2026-08-03',
      }),
      400,
      'CARE_LEAVE_DATES',
    );
    expectError(
      await as(streetAdmin, 'POST', '/api/care/leave/records', {
        cadreId: bId,
        kind: 'annual',
        startOn: '2026-08-03',
        endOn: '2026-08-04',
      }),
      400,
      'CARE_LEAVE_NO_ENTITLEMENT',
    );
    // another street's administrator cannot record for her
    expectError(
      await as(otherAdmin, 'POST', '/api/care/leave/records', {
        cadreId: aId,
        kind: 'annual',
        startOn: '2026-08-03',
        endOn: '2026-08-04',
      }),
      404,
      'NOT_FOUND',
    );
    expect(await leaveRows()).toBe(before);
  });

  it('the cadre sees her own balance and records, and cannot record or read the unit list', async () => {
    const res = await as(cadreSelf, 'GET', '/api/care/leave/mine?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ balance: Json; records: Json[] }>()).toMatchObject({
      balance: { cadreId: aId, cadreName: '王丽', entitled: 10, takenAnnual: 4, balance: 6 },
      records: [{ startOn: '2026-06-15', days: 4 }],
    });
    expectError(await as(cadreSelf, 'GET', '/api/care/leave?year=2026'), 403, 'FORBIDDEN');
    expectError(
      await as(cadreSelf, 'POST', '/api/care/leave/records', {
        cadreId: aId,
        kind: 'annual',
        startOn: '2026-08-03',
        endOn: '2026-08-04',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('coverage of leave: planned = entitled days (10 + 10 + 0), done = annual days taken (4)', async () => {
    const res = await as(orgdept, 'GET', `/api/care/coverage?year=2026&kind=leave&orgId=${streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{ rows: Json[]; total: Json; explanation: string }>();
    // 陈静 started 2014-03: 11 years on 2026-01-01 → 10 days
    expect(c.total).toEqual({ planned: 20, done: 4, rate: 20 });
    expect(c.rows).toEqual([expect.objectContaining({ orgId: null, planned: 20, done: 4, rate: 20 })]);
    expect(c.explanation).toContain('1 人未填写参加工作时间，按 0 天计');
  });
});

describe('Jinan: recuperation 5–7 days outside annual leave', () => {
  it('a 6-day recuperation leaves the balance 10; a 4-day one is refused (below 5)', async () => {
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'jinan' })).statusCode).toBe(200);
    const ok = await as(streetAdmin, 'POST', '/api/care/leave/records', {
      cadreId: cId,
      kind: 'recuperation',
      startOn: '2026-05-11',
      endOn: '2026-05-16',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Json>()).toMatchObject({
      days: 6,
      countsAgainstAnnual: false,
      explanation:
        '2026-05-11 至 2026-05-16 疗休养6天（济南市镇街干部平时考核与任职后评估规定5至7天），不计入年休假',
    });
    const year = (await as(streetAdmin, 'GET', `/api/care/leave/cadres/${cId}?year=2026`)).json<{
      balance: Json;
    }>();
    expect(year.balance).toMatchObject({ entitled: 10, takenAnnual: 0, recuperationDays: 6, balance: 10 });
    const before = await leaveRows();
    const short = await as(streetAdmin, 'POST', '/api/care/leave/records', {
      cadreId: cId,
      kind: 'recuperation',
      startOn: '2026-09-07',
      endOn: '2026-09-10',
    });
    expectError(short, 400, 'CARE_LEAVE_RECUPERATION_LENGTH');
    expect(short.json<{ details: Json }>().details).toMatchObject({ days: 4, minDays: 5, maxDays: 7 });
    expect(await leaveRows()).toBe(before);
  });

  it('deletes a record entered by mistake (audited); the foreign administrator cannot', async () => {
    const rec = (
      await as(streetAdmin, 'POST', '/api/care/leave/records', {
        cadreId: cId,
        kind: 'other',
        startOn: '2026-10-12',
        endOn: '2026-10-13',
      })
    ).json<{ id: string; days: number }>();
    expect(rec.days).toBe(2);
    expectError(await as(otherAdmin, 'DELETE', `/api/care/leave/records/${rec.id}`), 404, 'NOT_FOUND');
    const del = await as(streetAdmin, 'DELETE', `/api/care/leave/records/${rec.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await adminCount(t.db, 'SELECT 1 FROM care_leave_records WHERE id = $1', [rec.id])).toBe(0);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'care.leave.delete' AND object_id = $1`,
        [rec.id],
      ),
    ).toBe(1);
  });
});
