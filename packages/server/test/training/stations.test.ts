import type { Station, StationList } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPack } from '../../src/modules/assessment/service/packs.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newStation } from '../factories/practice.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02. Jinwan's pack plans 21 stations (training.stations.planned) and assesses
// them with the scheme station-target (targetKind unit; 站点自评 20 / 镇党委考评 40 / 区党员教育中心考评 40).
let t: TestApp;
let townAdmin: Session;
let villageAdmin: Session;
let town: { id: string; name: string };
let village: { id: string; name: string };
let manager: string;
let s1: string;
let s2: string;

beforeAll(async () => {
  t = await createTestApp();
  await asSystem(t.db, (client) => selectPack(client, 'jinwan'));
  town = await newOrg(t.db, { kind: 'township', name: '站点镇（测试）' });
  village = await newOrg(t.db, { parentId: town.id, kind: 'village', name: '站点村（测试）' });
  const other = await newOrg(t.db, { parentId: town.id, kind: 'village', name: '站点二村（测试）' });
  manager = (await newCadre(t.db, { orgId: village.id, name: '周管理' })).id;
  s1 = (await newStation(t.db, { parentId: other.id, name: '二村远教站（测试）', activityOn: '2026-06-01' }))
    .stationId;
  townAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: town.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  villageAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: village.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: object) => injectAs(t, s, { method: 'POST', url, payload });
const list = (s: Session) =>
  injectAs(t, s, { method: 'GET', url: '/api/training/stations' }).then((r) => r.json<StationList>());

describe('党员远程教育站点 (stations, R-TRN-3)', () => {
  it('creates a station unit under a village through the org service, with its manager', async () => {
    const res = await post(townAdmin, '/api/training/stations', {
      parentId: village.id,
      name: '站点村远教站（测试）',
      managerId: manager,
      address: '村部一楼',
      equipment: '电视机、机顶盒',
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<Station>();
    s2 = s.orgId;
    expect(s).toMatchObject({
      name: '站点村远教站（测试）',
      parentName: '站点村（测试）',
      managerId: manager,
      managerName: '周管理',
      address: '村部一楼',
      equipment: '电视机、机顶盒',
      activityCount: 0,
      lastActivityOn: null,
      latestResult: null,
    });
    expect(await adminCount(t.db, `SELECT 1 FROM orgs WHERE id = $1 AND kind = 'station'`, [s2])).toBe(1);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'org.create' AND object_id = $1`, [s2]),
    ).toBe(1);
    // a station cannot sit under another station (the org kinds' rule)
    expectError(
      await post(townAdmin, '/api/training/stations', { parentId: s1, name: 'x' }),
      400,
      'ORG_INVALID_PARENT',
    );
  });

  it("lists the stations in scope against the pack's 21 planned, with the sentence saying so", async () => {
    const all = await list(townAdmin);
    expect(all.items.map((s) => s.name).sort()).toEqual(
      ['二村远教站（测试）', '站点村远教站（测试）'].sort(),
    );
    expect(all.items).toHaveLength(2);
    expect(all.planned).toBe(21);
    expect(all.explanation).toBe(
      '政策包“金湾区村（社区）基层干部考核”规划党员远程教育站点 21 个；本范围登记在册 2 个，比规划少 19 个。站点目标管理考评按考核方案“党员远程教育站点目标管理考评”进行。',
    );
    // the village's admin sees its own station only
    expect((await list(villageAdmin)).items.map((s) => s.orgId)).toEqual([s2]);
  });

  it('records activities (not in the future) and changes the manager', async () => {
    const add = (heldOn: string) =>
      post(villageAdmin, `/api/training/stations/${s2}/activities`, {
        heldOn,
        topic: '收看“灯塔大课堂”',
        attendees: 23,
      });
    const bad = await add('2026-11-03');
    expectError(bad, 400, 'VALIDATION');
    expect(bad.json<{ details: { problem: string } }>().details.problem).toBe('PRACTICE_ACTIVITY_FUTURE');
    const res = await add('2026-10-20');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { id: string }[] }>().items;
    expect(items.map(({ id: _id, ...rest }) => rest)).toEqual([
      { heldOn: '2026-10-20', topic: '收看“灯塔大课堂”', attendees: 23 },
    ]);
    expect(items[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    const changed = await injectAs(t, villageAdmin, {
      method: 'PATCH',
      url: `/api/training/stations/${s2}`,
      payload: { managerId: null },
    });
    expect(changed.json<Station>()).toMatchObject({
      managerId: null,
      managerName: '',
      activityCount: 1,
      lastActivityOn: '2026-10-20',
    });
    // the other village's station is outside the village admin's scope
    expectError(
      await injectAs(t, villageAdmin, {
        method: 'PATCH',
        url: `/api/training/stations/${s1}`,
        payload: { address: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it("starts a round of the pack's station scheme on the stations, and shows each one's latest published result", async () => {
    const bad = await post(townAdmin, '/api/training/stations/rounds', {
      periodStart: '2026-12-31',
      periodEnd: '2026-01-01',
    });
    expectError(bad, 400, 'VALIDATION');
    const res = await post(townAdmin, '/api/training/stations/rounds', {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { roundId, targetCount } = res.json<{ roundId: string; targetCount: number }>();
    expect(targetCount).toBe(2);
    const round = await t.db.admin.query<{ scheme_id: string; name: string; org_id: string; n: number }>(
      `SELECT r.scheme_id, r.name, r.org_id, (SELECT count(*)::int FROM assessment_targets x WHERE x.round_id = r.id AND x.cadre_id IS NULL) AS n
         FROM assessment_rounds r WHERE r.id = $1`,
      [roundId],
    );
    expect(round.rows[0]).toEqual({
      scheme_id: 'station-target',
      name: '党员远程教育站点目标管理考评（2026）',
      org_id: town.id,
      n: 2,
    });
    // publish it by hand with a grade for s2: the register shows it next to the station
    await t.db.admin.query(`UPDATE assessment_rounds SET state = 'published' WHERE id = $1`, [roundId]);
    await t.db.admin.query(
      `UPDATE assessment_targets SET published = true, final_grade = '好', result = '{"total": 91.5}' WHERE round_id = $1 AND unit_id = $2`,
      [roundId, s2],
    );
    const after = await list(townAdmin);
    expect(after.items.find((s) => s.orgId === s2)!.latestResult).toEqual({
      roundId,
      roundName: '党员远程教育站点目标管理考评（2026）',
      periodEnd: '2026-12-31',
      grade: '好',
      score: 91.5,
    });
    expect(after.items.find((s) => s.orgId === s1)!.latestResult).toMatchObject({ grade: null, score: null });
  });

  it('says so when the pack keeps no stations, and refuses a round', async () => {
    await asSystem(t.db, (client) => selectPack(client, 'fengze'));
    const l = await list(townAdmin);
    expect(l.planned).toBeNull();
    expect(l.explanation).toBe(
      '政策包“丰泽区街道干部考核”未规定党员远程教育站点，不设规划数与站点目标管理考评。',
    );
    const before = await adminCount(t.db, 'SELECT 1 FROM assessment_rounds');
    expectError(
      await post(townAdmin, '/api/training/stations/rounds', {
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      }),
      400,
      'STATION_NO_POLICY',
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM assessment_rounds')).toBe(before);
    await asSystem(t.db, (client) => selectPack(client, 'jinwan'));
  });
});
