import { shippedPacks, type PoolDueReviewList, type PoolMember, type PoolOverview } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePack, selectPack } from '../../src/modules/assessment/service/packs.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

/**
 * 后备干部 under Jinwan's pack (村(社区)后备干部: counted per village and community, ≥ 2 each, age ≤ 40,
 * 小考核 every 12 months and 大考核 every 36), worked by hand on the test clock's day 2026-11-02. A test
 * town 甲镇 holds 一村, 二村 and 三社区; its unit administrator nominates.
 */

let t: TestApp;
let town: { id: string; path: string; name: string };
let v1: { id: string; name: string };
let v2: { id: string; name: string };
let c3: { id: string; name: string };
let admin: Session;
let otherAdmin: Session;
let zhang: string; // 一村, born 1990-05
let li: string; // 一村, born 1985-11-02: 41 on the day
let wang: string; // 二村, born 1988-03
let zhao: string; // 二村, born 1992-07
let qian: string; // 三社区, born 1995-01

const LEVEL = '村(社区)后备干部';
const get = <T>(s: Session, url: string) => injectAs(t, s, { method: 'GET', url }).then((r) => r.json<T>());
const post = (s: Session, url: string, payload: object) => injectAs(t, s, { method: 'POST', url, payload });
const nominate = (s: Session, cadreId: string, extra: object = {}) =>
  post(s, '/api/pools/members', { cadreId, kind: 'reserve', level: LEVEL, reason: '村“两委”推荐', ...extra });
const overview = (s: Session = admin) => get<PoolOverview>(s, `/api/pools/reserve?orgId=${town.id}`);
const unitOf = (o: PoolOverview, name: string) => o.levels[0]!.units.find((u) => u.orgName === name)!;
const tagsOf = async (cadreId: string) =>
  (await t.db.admin.query<{ tags: string[] }>('SELECT tags FROM cadres WHERE id = $1', [cadreId])).rows[0]!
    .tags;

beforeAll(async () => {
  t = await createTestApp();
  await asSystem(t.db, (client) => selectPack(client, 'jinwan'));
  town = await newOrg(t.db, { kind: 'township', name: '甲镇（人才库测试）' });
  v1 = await newOrg(t.db, { parentId: town.id, kind: 'village', name: '一村（人才库测试）', sortOrder: 1 });
  v2 = await newOrg(t.db, { parentId: town.id, kind: 'village', name: '二村（人才库测试）', sortOrder: 2 });
  c3 = await newOrg(t.db, {
    parentId: town.id,
    kind: 'community',
    name: '三社区（人才库测试）',
    sortOrder: 3,
  });
  const cadre = (orgId: string, name: string, birthDate: string) =>
    newCadre(t.db, { orgId, name, birthDate, category: 'village_community' }).then((c) => c.id);
  zhang = await cadre(v1.id, '张一', '1990-05');
  li = await cadre(v1.id, '李一', '1985-11-02');
  wang = await cadre(v2.id, '王二', '1988-03');
  zhao = await cadre(v2.id, '赵二', '1992-07');
  qian = await cadre(c3.id, '钱三', '1995-01');
  admin = await signIn(
    t,
    await newUser(t.db, { orgId: town.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const other = await newOrg(t.db, { kind: 'township', name: '乙镇（人才库测试）' });
  otherAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(() => t.close());

describe('the reserve pool of a town under Jinwan', () => {
  it('before anyone enters: three units, each 还差 2 人 (6 missing)', async () => {
    const o = await overview();
    expect(o.packId).toBe('jinwan');
    expect(o.asOf).toBe('2026-11-02');
    const level = o.levels[0]!;
    expect(o.levels).toHaveLength(1);
    expect([level.name, level.conditionsText, level.reviewsText]).toEqual([
      '后备干部（村(社区)后备干部）',
      '年龄 40 岁及以下（41 岁以下）',
      '入库后每 12 个月小考核、每 36 个月大考核；同时到期的只进行大考核',
    ]);
    expect(level.units.map((u) => [u.orgName, u.quota?.text])).toEqual([
      ['一村（人才库测试）', '还差 2 人'],
      ['二村（人才库测试）', '还差 2 人'],
      ['三社区（人才库测试）', '还差 2 人'],
    ]);
    expect([level.total, level.unitsShort, level.missing]).toEqual([0, 3, 6]);
    expect(level.explanation).toBe(
      '甲镇（人才库测试）后备干部（村(社区)后备干部）现有 0 人；3 个村、社区中3 个未达标，共还差 6 人',
    );
    expect(level.duties).toContain('表现突出的推荐为“两委”候选人');
  });

  it('a nominee of 一村 enters it by default, reviews at 12, 24 and (only the big one) 36 months, tagged reserve', async () => {
    const res = await nominate(admin, zhang);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<PoolMember>();
    expect([m.unitName, m.enteredOn, m.active, m.age]).toEqual([
      '一村（人才库测试）',
      '2026-11-02',
      true,
      36,
    ]);
    expect(m.entryCheck?.explanation).toBe(
      '按2026-11-02的情况，符合后备干部（村(社区)后备干部）的条件（年龄 40 岁及以下（41 岁以下））',
    );
    expect(m.reviews.map((r) => [r.name, r.dueOn, r.dueText, r.overdue])).toEqual([
      ['小考核', '2027-11-02', '入库后第 12 个月', false],
      ['小考核', '2028-11-02', '入库后第 24 个月', false],
      ['大考核', '2029-11-02', '入库后第 36 个月', false],
    ]);
    expect(await tagsOf(zhang)).toContain('reserve');
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'pool.nominate' AND object_id = $1`, [
        m.id,
      ]),
    ).toBe(1);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'cadre.tag' AND object_id = $1`, [
        zhang,
      ]),
    ).toBe(1);
    // one inbox notice per scheduled review, due on its day
    const { rows } = await t.db.admin.query<{ due_on: string }>(
      `SELECT due_on::text FROM inbox_notices WHERE source_key LIKE $1 ORDER BY due_on`,
      [`pool.review:${m.id}:%`],
    );
    expect(rows.map((r) => r.due_on)).toEqual(['2027-11-02', '2028-11-02', '2029-11-02']);
  });

  it('a village with one member is short by 1', async () => {
    const u = unitOf(await overview(), v1.name);
    expect(u.quota).toMatchObject({ state: 'short', count: 1, short: 1, text: '还差 1 人' });
    expect(u.quota?.explanation).toBe('现有 1 人，每单位不少于 2 人：还差 1 人');
    expect(u.members.map((m) => m.name)).toEqual(['张一']);
  });

  it('a nominee aged 41 on the day is refused with the clause, nothing stored', async () => {
    const check = await get<{ check: { met: boolean; unmet: string[] } }>(
      admin,
      `/api/pools/entry-check?cadreId=${li}&kind=reserve&level=${encodeURIComponent(LEVEL)}`,
    );
    expect(check.check).toMatchObject({ met: false, unmet: ['年龄 40 岁及以下（41 岁以下）'] });
    const res = await nominate(admin, li);
    expectError(res, 422, 'POOL_CONDITION_UNMET');
    expect(res.json<{ details: { unmet: string[] } }>().details.unmet).toEqual([
      '年龄 40 岁及以下（41 岁以下）',
    ]);
    expect(res.json<{ message: string }>().message).toContain('不符合后备干部（村(社区)后备干部）的条件');
    expect(await adminCount(t.db, 'SELECT 1 FROM pool_members WHERE cadre_id = $1', [li])).toBe(0);
    expect(await tagsOf(li)).not.toContain('reserve');
  });

  it('the same member twice, an unknown level, a unit of another kind, a future day: refused', async () => {
    expectError(await nominate(admin, zhang), 409, 'CONFLICT');
    expectError(await nominate(admin, wang, { level: '副处级' }), 400, 'VALIDATION');
    expectError(await nominate(admin, wang, { unitOrgId: town.id }), 400, 'VALIDATION');
    expectError(await nominate(admin, wang, { enteredOn: '2026-11-03' }), 400, 'VALIDATION');
    expect(await adminCount(t.db, 'SELECT 1 FROM pool_members WHERE cadre_id = $1', [wang])).toBe(0);
  });

  it("another town's administrator cannot nominate, read or count into this town", async () => {
    expectError(await nominate(otherAdmin, wang), 404, 'NOT_FOUND');
    expect(
      (await injectAs(t, otherAdmin, { method: 'GET', url: `/api/pools/reserve?orgId=${town.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('two in 二村: 达标; the 两委 candidate flag', async () => {
    const a = (await nominate(admin, wang)).json<PoolMember>();
    expect((await nominate(admin, zhao)).statusCode).toBe(200);
    expect(unitOf(await overview(), v2.name).quota?.text).toBe('达标');
    const res = await injectAs(t, admin, {
      method: 'PATCH',
      url: `/api/pools/members/${a.id}`,
      payload: { twoCommitteesCandidate: true },
    });
    expect(res.json<PoolMember>().twoCommitteesCandidate).toBe(true);
    const level = (await overview()).levels[0]!;
    expect([level.total, level.unitsShort, level.missing]).toEqual([3, 2, 3]);
  });

  it('a reserve member counted in the town (not a village or community) is no 两委 candidate', async () => {
    // a membership counted in 甲镇 itself, as a district-level reserve is (written past the API: Jinwan's level
    // counts in villages and communities only)
    const { rows } = await t.db.admin.query<{ id: string }>(
      `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason)
       SELECT c.id, c.org_path, 'reserve', '镇级后备（测试）', o.id, o.path, '2026-10-01', '测试'
         FROM cadres c, orgs o WHERE c.id = $1 AND o.id = $2 RETURNING id`,
      [qian, town.id],
    );
    const res = await injectAs(t, admin, {
      method: 'PATCH',
      url: `/api/pools/members/${rows[0]!.id}`,
      payload: { twoCommitteesCandidate: true },
    });
    expectError(res, 400, 'VALIDATION');
    expect(res.json<{ message: string }>().message).toBe(
      '只有计入村(社区)名额的后备干部可推荐为“两委”候选人',
    );
    await t.db.admin.query('DELETE FROM pool_reviews WHERE member_id = $1', [rows[0]!.id]);
    await t.db.admin.query('DELETE FROM pool_members WHERE id = $1', [rows[0]!.id]);
  });

  it('leave with a reason (动态调整): 二村 back to 还差 1 人, tag cleared; a day before entry refused', async () => {
    const m = (await overview()).levels[0]!.units.find((u) => u.orgId === v2.id)!.members.find(
      (x) => x.cadreId === zhao,
    )!;
    expectError(
      await post(admin, `/api/pools/members/${m.id}/leave`, { leftOn: '2026-11-01', reason: '调离' }),
      400,
      'VALIDATION',
    );
    const res = await post(admin, `/api/pools/members/${m.id}/leave`, { reason: '考取公务员，调离本村' });
    expect(res.json<PoolMember>()).toMatchObject({
      active: false,
      leftOn: '2026-11-02',
      exitReason: '考取公务员，调离本村',
    });
    expect(unitOf(await overview(), v2.name).quota?.text).toBe('还差 1 人');
    expect(await tagsOf(zhao)).not.toContain('reserve');
    expectError(await post(admin, `/api/pools/members/${m.id}/leave`, { reason: '再次' }), 409, 'CONFLICT');
  });

  it('an entry three years back: reviews overdue, recorded; after the 大考核 the next cycle is scheduled', async () => {
    const res = await nominate(admin, qian, { enteredOn: '2023-11-01' });
    const m = res.json<PoolMember>();
    expect(m.reviews.map((r) => [r.name, r.dueOn, r.overdue])).toEqual([
      ['小考核', '2024-11-01', true],
      ['小考核', '2025-11-01', true],
      ['大考核', '2026-11-01', true],
    ]);
    const due = await get<PoolDueReviewList>(admin, `/api/pools/reviews?orgId=${town.id}&withinDays=0`);
    expect(due.items.map((i) => [i.name, i.review.name, i.review.dueOn])).toEqual([
      ['钱三', '小考核', '2024-11-01'],
      ['钱三', '小考核', '2025-11-01'],
      ['钱三', '大考核', '2026-11-01'],
    ]);
    let after = m;
    for (const [i, r] of m.reviews.entries()) {
      const rec = await post(admin, `/api/pools/members/${m.id}/reviews/${r.id}`, {
        doneOn: r.dueOn,
        result: i === 2 ? '大考核：称职' : '小考核：称职',
        keeps: true,
      });
      expect(rec.statusCode, rec.body).toBe(200);
      after = rec.json<PoolMember>();
    }
    expect(after.reviews.map((r) => [r.name, r.dueOn, r.doneOn])).toEqual([
      ['小考核', '2024-11-01', '2024-11-01'],
      ['小考核', '2025-11-01', '2025-11-01'],
      ['大考核', '2026-11-01', '2026-11-01'],
      ['小考核', '2027-11-01', null],
      ['小考核', '2028-11-01', null],
      ['大考核', '2029-11-01', null],
    ]);
    expectError(
      await post(admin, `/api/pools/members/${m.id}/reviews/${m.reviews[0]!.id}`, {
        result: '再登记',
        keeps: true,
      }),
      409,
      'CONFLICT',
    );
  });

  it('a review not kept: the member leaves that day with the result as reason', async () => {
    const m = unitOf(await overview(), v1.name).members[0]!;
    const res = await post(admin, `/api/pools/members/${m.id}/reviews/${m.reviews[0]!.id}`, {
      result: '考核不称职',
      keeps: false,
    });
    expect(res.json<PoolMember>()).toMatchObject({
      active: false,
      leftOn: '2026-11-02',
      exitReason: '小考核：考核不称职',
    });
    expect(unitOf(await overview(), v1.name).quota?.text).toBe('还差 2 人');
    expect(await tagsOf(zhang)).not.toContain('reserve');
  });

  it("a cadre's history holds the past membership", async () => {
    const h = await get<{ items: PoolMember[] }>(admin, `/api/pools/cadres/${zhang}`);
    expect(h.items.map((m) => [m.level, m.enteredOn, m.leftOn, m.exitReason])).toEqual([
      [LEVEL, '2026-11-02', '2026-11-02', '小考核：考核不称职'],
    ]);
  });
});

describe('a ceiling and the young pool', () => {
  it('perUnitMax 2 in a district version: the third nominee of a unit is refused POOL_QUOTA_FULL', async () => {
    const base = shippedPacks()
      .filter((p) => p.id === 'jinwan')
      .at(-1)!;
    const pools = base.selection!.pools.map((p) => ({ ...p, perUnitMax: 2 }));
    await asSystem(t.db, (client) =>
      savePack(
        client,
        {
          ...base,
          version: { ...base.version, effectiveFrom: '2026-06-01' },
          selection: { ...base.selection, pools },
          sources: {
            ...base.sources,
            '/selection/pools/0/perUnitMax': base.sources['/selection/pools/0/perUnitMin'],
          },
        },
        null,
      ),
    );
    const a = await newCadre(t.db, { orgId: c3.id, birthDate: '1991-01' });
    const b = await newCadre(t.db, { orgId: c3.id, birthDate: '1993-01' });
    expect((await nominate(admin, a.id)).statusCode).toBe(200);
    // 钱三 and a: two in 三社区, full
    const res = await nominate(admin, b.id);
    expectError(res, 409, 'POOL_QUOTA_FULL');
    expect(res.json<{ message: string }>().message).toBe(
      '三社区（人才库测试）后备干部（村(社区)后备干部）已有 2 人，达到每单位不多于 2 人的上限',
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM pool_members WHERE cadre_id = $1', [b.id])).toBe(0);
  });

  it("Fengze's young pool: age ≤ 35 on the day; 36 refused", async () => {
    await asSystem(t.db, (client) => selectPack(client, 'fengze'));
    const orgdept = await signIn(
      t,
      await newUser(t.db, { orgId: town.id, roles: ['orgdept'], scopeMode: 'subtree' }),
    );
    const young = await newCadre(t.db, { orgId: town.id, birthDate: '1991-11-02' }); // 35 on the day
    const old = await newCadre(t.db, { orgId: town.id, birthDate: '1990-11-02' }); // 36
    const body = (cadreId: string) => ({
      cadreId,
      kind: 'young',
      level: '优秀年轻干部',
      unitOrgId: undefined,
      reason: '年轻干部调研',
    });
    const refused = await post(orgdept, '/api/pools/members', body(old.id));
    expectError(refused, 422, 'POOL_CONDITION_UNMET');
    expect(refused.json<{ details: { unmet: string[] } }>().details.unmet).toEqual([
      '年龄 35 岁及以下（36 岁以下）',
    ]);
    // counted in the district (the level's unit kind), which a town's scope does not hold
    const inTown = await post(orgdept, '/api/pools/members', body(young.id));
    expectError(inTown, 400, 'VALIDATION');
    await asSystem(t.db, (client) => selectPack(client, 'jinwan'));
  });
});
