import type { IndicatorValue, PracticeList, PracticePolicy, PracticePosting } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPack } from '../../src/modules/assessment/service/packs.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newPosting } from '../factories/practice.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02. The district runs the fengze pack: 攻坚一线 12 months, 巡察 6 months
// (training.practiceKinds, assumed from seed 001).
let t: TestApp;
let orgdept: Session;
let unitAdmin: Session;
let cadreSelf: Session;
let street: { id: string; name: string };
let dept: { id: string; name: string };
let wang: string;
let li: string;
let zhao: string;

beforeAll(async () => {
  t = await createTestApp();
  await asSystem(t.db, (client) => selectPack(client, 'fengze'));
  street = await newOrg(t.db, { kind: 'street', name: '历练街道（测试）' });
  dept = await newOrg(t.db, { kind: 'department', name: '历练局（测试）' });
  wang = (await newCadre(t.db, { orgId: dept.id, name: '王历练' })).id;
  li = (await newCadre(t.db, { orgId: dept.id, name: '李历练' })).id;
  zhao = (await newCadre(t.db, { orgId: street.id, name: '赵历练' })).id;
  const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!;
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  unitAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: dept.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  cadreSelf = await signIn(
    t,
    await newUser(t.db, { orgId: dept.id, roles: ['cadre'], scopeMode: 'self', cadreId: wang }),
  );
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: object) => injectAs(t, s, { method: 'POST', url, payload });
const patch = (s: Session, url: string, payload: object) => injectAs(t, s, { method: 'PATCH', url, payload });
const get = <T>(s: Session, url: string) => injectAs(t, s, { method: 'GET', url }).then((r) => r.json<T>());
const countPostings = () => adminCount(t.db, 'SELECT 1 FROM practice_postings');

describe('实战历练 (practice postings, R-TRN-4)', () => {
  let wangPosting: string;

  it("gives the pack's practice kinds", async () => {
    const p = await get<PracticePolicy>(orgdept, '/api/training/practice/policy');
    expect(p.packId).toBe('fengze');
    expect(p.kinds.map((k) => [k.id, k.name, k.defaultMonths])).toEqual([
      ['frontline', '攻坚一线', 12],
      ['key_project', '重点工程', 12],
      ['inspection_tour', '巡察', 6],
      ['stability', '涉稳涉访', 12],
    ]);
    expect(p.stations).toBeNull();
  });

  it("posts a cadre with the end defaulting to the kind's months, and audits it", async () => {
    // 巡察 6 months from 2026-03-01: the day before 2026-09-01
    const res = await post(orgdept, '/api/training/practice', {
      cadreId: wang,
      kind: 'inspection_tour',
      post: ' 区委第三巡察组组员 ',
      hostOrgId: street.id,
      startedOn: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PracticePosting>();
    wangPosting = p.id;
    expect(p).toMatchObject({
      cadreName: '王历练',
      unitName: '历练局（测试）',
      kind: 'inspection_tour',
      kindName: '巡察',
      post: '区委第三巡察组组员',
      hostOrgId: street.id,
      hostName: '历练街道（测试）',
      startedOn: '2026-03-01',
      endsOn: '2026-08-31',
      status: 'ended',
      outcome: null,
    });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'practice.create' AND object_id = $1`, [
        p.id,
      ]),
    ).toBe(1);
    const li12 = await post(orgdept, '/api/training/practice', {
      cadreId: li,
      kind: 'frontline',
      post: '征迁攻坚组',
      startedOn: '2026-02-28',
    });
    // 12 months from 2026-02-28 is 2027-02-28; the day before: 2027-02-27, so current on 2026-11-02
    expect(li12.json<PracticePosting>()).toMatchObject({ endsOn: '2027-02-27', status: 'current' });
    // a start after today is planned
    const planned = await post(orgdept, '/api/training/practice', {
      cadreId: zhao,
      kind: 'stability',
      post: '信访接待',
      startedOn: '2026-12-01',
      endsOn: '2027-05-31',
    });
    expect(planned.json<PracticePosting>()).toMatchObject({ endsOn: '2027-05-31', status: 'planned' });
  });

  it('refuses a kind the pack does not have and an end before the start, writing nothing', async () => {
    const before = await countPostings();
    const unknown = await post(orgdept, '/api/training/practice', {
      cadreId: wang,
      kind: 'abroad',
      post: 'x',
      startedOn: '2026-03-01',
    });
    expectError(unknown, 400, 'PRACTICE_KIND_UNKNOWN');
    const early = await post(orgdept, '/api/training/practice', {
      cadreId: wang,
      kind: 'frontline',
      post: 'x',
      startedOn: '2026-03-01',
      endsOn: '2026-02-28',
    });
    expectError(early, 400, 'VALIDATION');
    expect(early.json<{ details: { problem: string } }>().details.problem).toBe('PRACTICE_END_BEFORE_START');
    // only 组织部 posts (practice.manage)
    expectError(
      await post(unitAdmin, '/api/training/practice', {
        cadreId: wang,
        kind: 'frontline',
        post: 'x',
        startedOn: '2026-03-01',
      }),
      403,
      'FORBIDDEN',
    );
    expect(await countPostings()).toBe(before);
  });

  it('records the outcome only once the posting has ended', async () => {
    const current = (await get<PracticeList>(orgdept, `/api/training/practice?cadreId=${li}`)).items[0]!;
    expectError(
      await patch(orgdept, `/api/training/practice/${current.id}`, { outcome: { rating: 'good', note: '' } }),
      400,
      'PRACTICE_NOT_ENDED',
    );
    const res = await patch(orgdept, `/api/training/practice/${wangPosting}`, {
      outcome: { rating: 'excellent', note: ' 发现问题线索 5 条 ' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PracticePosting>().outcome).toEqual({
      rating: 'excellent',
      note: '发现问题线索 5 条',
      recordedOn: '2026-11-02',
    });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'practice.outcome' AND object_id = $1`, [
        wangPosting,
      ]),
    ).toBe(1);
    // ending the current posting early (2026-10-31) lets its outcome be recorded
    const ended = await patch(orgdept, `/api/training/practice/${current.id}`, {
      endsOn: '2026-10-31',
      outcome: { rating: 'good', note: '' },
    });
    expect(ended.json<PracticePosting>()).toMatchObject({ status: 'ended', outcome: { rating: 'good' } });
  });

  it('lists by status and kind in scope; a cadre of 仅本人 has no access to the register', async () => {
    const all = await get<PracticeList>(orgdept, '/api/training/practice?pageSize=200');
    expect(all.items.filter((p) => [wang, li, zhao].includes(p.cadreId))).toHaveLength(3);
    const planned = await get<PracticeList>(orgdept, '/api/training/practice?status=planned');
    // the demo district's own postings (seeded into every test database) are left out: only this test's people
    const mine = (l: PracticeList) => l.items.filter((p) => [wang, li, zhao].includes(p.cadreId));
    expect(mine(planned).map((p) => p.cadreName)).toEqual(['赵历练']);
    const inspection = await get<PracticeList>(orgdept, '/api/training/practice?kind=inspection_tour');
    expect(inspection.items.every((p) => p.kind === 'inspection_tour')).toBe(true);
    expect(mine(inspection).map((p) => p.cadreName)).toEqual(['王历练']);
    // the department's admin sees its own two, not the street's
    const own = await get<PracticeList>(unitAdmin, '/api/training/practice');
    expect(own.items.map((p) => p.cadreName).sort()).toEqual(['李历练', '王历练']);
    expectError(
      await injectAs(t, cadreSelf, { method: 'GET', url: '/api/training/practice' }),
      403,
      'FORBIDDEN',
    );
  });

  it("is counted by a structure indicator's practice clause, with the clause in words", async () => {
    // 历练局: 王 (巡察 2026-03-01), 李 (攻坚一线 2026-02-28), and 钱 with a 巡察 of 2022 (outside 3 years)
    const qian = (await newCadre(t.db, { orgId: dept.id, name: '钱历练' })).id;
    await newPosting(t.db, { cadreId: qian, startedOn: '2022-05-01', endsOn: '2022-10-31' });
    await newCadre(t.db, { orgId: dept.id, name: '孙历练' });
    const preview = (numerator: object) =>
      post(orgdept, '/api/indicators/preview', {
        orgId: dept.id,
        asOf: '2026-11-02',
        indicator: {
          id: 'practice-share',
          name: '有实战历练经历干部占比',
          population: {},
          numerator,
          target: { measure: 'share', op: 'gte', percent: 50 },
        },
      }).then((r) => {
        expect(r.statusCode, r.body).toBe(200);
        return r.json<IndicatorValue>();
      });
    // any posting: 王, 李, 钱 of 4
    expect(await preview({ practice: {} })).toMatchObject({
      population: 4,
      numerator: 3,
      valueText: '75.0%（3/4）',
      numeratorText: '有实战历练经历',
    });
    // 巡察 within 3 years (on or after 2023-11-02): 王 only
    expect(await preview({ practice: { kinds: ['inspection_tour'], withinYears: 3 } })).toMatchObject({
      population: 4,
      numerator: 1,
      valueText: '25.0%（1/4）',
      met: false,
      numeratorText: '近 3 年内有实战历练经历（巡察）',
    });
  });
});
