import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleKind } from '@ganbu/core';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import {
  adminCount,
  createTestApp,
  expectError,
  injectAs,
  loginAs,
  type Session,
  type TestApp,
} from '../helpers.ts';

// The demo district runs the Fengze pack (丰泽区街道干部考核): its talk plan asks the principal leader
// (区委主要负责人) to talk once a year with each street's party secretary and government head, and every other
// district leader once a year with the leadership of the streets and departments linked to them; its
// `talk_request` case kind gives the leader 10 working days to answer (the day of the request not counted).
// The demo seed registered 周明远 (区委书记, the demo `leader` account) as the principal leader.
const PACK = '丰泽区街道干部考核';
const PRINCIPAL_RULE = '区委主要负责人与街道党政班子主要负责人谈心谈话';
const LINKED_RULE = '其他区领导与所挂钩街道和分管部门班子成员谈心谈话';

type Json = Record<string, unknown>;
let t: TestApp;
let orgdept: Session;
let leader: Session;
let otherLeader: Session;
let streetAdmin: Session;
let cadre: Session;
let streetId: string;
let streetName: string;
let secretaryId: string;
let headId: string;
let memberId: string;
let clerkId: string;
let cadreUserId: string;
let principalId: string;
let linkedId: string;
let secretaryTalkId: string;

const as = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

const appointment = (title: string, roleKind: RoleKind, isLeadership = true) => ({
  unitName: streetName,
  unitKind: 'street' as const,
  title,
  isLeadership,
  roleKind,
  rank: '正科级',
  start: '2021-01',
  end: null,
});

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  streetId = street.id;
  streetName = street.name;
  const c = (name: string, postTitle: string, roleKind: RoleKind | null) =>
    newCadre(t.db, {
      orgId: street.id,
      name,
      postTitle,
      appointments: roleKind ? [appointment(postTitle, roleKind)] : [],
    });
  secretaryId = (await c('林书记', '党工委书记', 'party_secretary')).id;
  headId = (await c('郑主任', '办事处主任', 'government_head')).id;
  memberId = (await c('许委员', '党工委委员', 'team_member')).id;
  clerkId = (await c('吴科员', '科员', null)).id;
  orgdept = await loginAs(t, 'orgdept');
  leader = await loginAs(t, 'leader');
  const district = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  otherLeader = await signIn(
    t,
    await newUser(t.db, { orgId: district.rows[0]!.id, roles: ['leader'], scopeMode: 'all' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const cadreUser = await newUser(t.db, {
    orgId: street.id,
    roles: ['cadre'],
    scopeMode: 'self',
    cadreId: clerkId,
  });
  cadreUserId = cadreUser.id;
  cadre = await signIn(t, cadreUser);
  const leaders = (await as(orgdept, 'GET', '/api/care/talk-leaders')).json<{
    items: { id: string; kind: string; name: string; active: boolean }[];
  }>();
  principalId = leaders.items.find((l) => l.kind === 'principal' && l.active)!.id;
});
afterAll(async () => t.close());

describe('谈话领导与挂钩单位 (kept by the organisation department)', () => {
  it('registers a linked leader with the new street; a second principal is refused', async () => {
    const res = await as(orgdept, 'POST', '/api/care/talk-leaders', {
      name: '测试副区长',
      title: '副区长',
      kind: 'linked',
      orgIds: [streetId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'linked',
      userId: null,
      active: true,
      links: [{ orgId: streetId, orgName: streetName }],
    });
    linkedId = res.json<{ id: string }>().id;
    expectError(
      await as(orgdept, 'POST', '/api/care/talk-leaders', {
        name: '第二书记',
        title: '区委书记',
        kind: 'principal',
      }),
      409,
      'CONFLICT',
    );
    expect(await adminCount(t.db, `SELECT 1 FROM talk_leaders WHERE name = '第二书记'`)).toBe(0);
    // a street administrator may not change the district's leaders
    expectError(
      await as(streetAdmin, 'PATCH', `/api/care/talk-leaders/${linkedId}`, { title: '改' }),
      403,
      'FORBIDDEN',
    );
    expect(
      await adminCount(t.db, `SELECT 1 FROM talk_leaders WHERE id = $1 AND title = '副区长'`, [linkedId]),
    ).toBe(1);
  });
});

describe('谈心谈话计划 (R-CARE-4)', () => {
  it('pairs the principal with the two heads and the linked leader with the three team members, none held yet', async () => {
    const res = await as(orgdept, 'GET', `/api/care/talk-plan?year=2026&orgId=${streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<{
      items: Json[];
      total: number;
      planned: number;
      done: number;
      explanation: string;
    }>();
    // principal × {书记, 主任} + linked × {书记, 主任, 委员}; the 科员 holds no leadership post: 5 pairs × 1 time
    expect(plan).toMatchObject({ total: 5, planned: 5, done: 0 });
    const pairs = plan.items.map((i) => `${i.leaderId === principalId ? 'P' : 'L'}:${i.cadreName as string}`);
    expect(pairs.sort()).toEqual(['L:林书记', 'L:许委员', 'L:郑主任', 'P:林书记', 'P:郑主任']);
    expect(plan.items.find((i) => i.leaderId === principalId && i.cadreId === secretaryId)).toMatchObject({
      ruleName: PRINCIPAL_RULE,
      times: 1,
      held: 0,
      explanation: `区委书记 周明远 与 ${streetName} 党工委书记 林书记：${PACK}“${PRINCIPAL_RULE}”每年1次，已谈0次`,
    });
    expect(plan.explanation).toContain(`${PACK}：“${PRINCIPAL_RULE}”：区委书记周明远与`);
    expect(plan.items.find((i) => i.leaderId === linkedId && i.cadreId === memberId)).toMatchObject({
      ruleName: LINKED_RULE,
      leaderTitle: '副区长',
      explanation: `副区长 测试副区长 与 ${streetName} 党工委委员 许委员：${PACK}“${LINKED_RULE}”每年1次，已谈0次`,
    });
  });

  it('a leader records their own talk; not another leader’s; the department records anyone’s', async () => {
    const own = await as(leader, 'POST', '/api/care/talks', {
      leaderId: principalId,
      cadreIds: [secretaryId],
      heldOn: '2026-10-20',
      form: 'individual',
      topics: '班子团结和个人思想',
      notes: '提出编制困难',
    });
    expect(own.statusCode, own.body).toBe(200);
    secretaryTalkId = own.json<{ items: { id: string }[] }>().items[0]!.id;
    expectError(
      await as(leader, 'POST', '/api/care/talks', {
        leaderId: linkedId,
        cadreIds: [memberId],
        heldOn: '2026-10-20',
        form: 'individual',
        topics: 'x',
      }),
      403,
      'TALK_NOT_TALKER',
    );
    expectError(
      await as(orgdept, 'POST', '/api/care/talks', {
        leaderId: linkedId,
        cadreIds: [memberId],
        heldOn: '2026-11-03',
        form: 'group',
        topics: '明天的谈话',
      }),
      400,
      'VALIDATION',
    );
    // two talks with the same member count once against the plan's one time
    for (const heldOn of ['2026-06-01', '2026-09-01'])
      expect(
        (
          await as(orgdept, 'POST', '/api/care/talks', {
            leaderId: linkedId,
            cadreIds: [memberId],
            heldOn,
            form: 'group',
            topics: '分管工作',
          })
        ).statusCode,
      ).toBe(200);
    // a talk of last year does not count for 2026
    await as(orgdept, 'POST', '/api/care/talks', {
      leaderId: linkedId,
      cadreIds: [headId],
      heldOn: '2025-12-30',
      form: 'individual',
      topics: '去年的谈话',
    });
    const plan = (
      await as(orgdept, 'GET', `/api/care/talk-plan?year=2026&orgId=${streetId}&open=true`)
    ).json<{
      items: { cadreId: string; leaderId: string }[];
      total: number;
      planned: number;
      done: number;
    }>();
    expect(plan).toMatchObject({ total: 3, planned: 5, done: 2 });
    expect(plan.items.some((i) => i.cadreId === memberId)).toBe(false);
  });

  it('coverage of the street: its own people, 5 planned, 2 held (40.0 %)', async () => {
    const res = await as(orgdept, 'GET', `/api/care/coverage?year=2026&kind=talk&orgId=${streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'talk',
      orgId: streetId,
      rows: [{ orgId: null, orgName: `${streetName}（本级）`, planned: 5, done: 2, rate: 40 }],
      total: { planned: 5, done: 2, rate: 40 },
    });
    // from the district: the street is one row among the district's units
    const district = (await as(leader, 'GET', '/api/care/coverage?year=2026&kind=talk')).json<{
      rows: { orgId: string | null; planned: number; done: number }[];
    }>();
    expect(district.rows.find((r) => r.orgId === streetId)).toMatchObject({ planned: 5, done: 2 });
  });
});

describe('谈话内容 is read only by the talker and the organisation department', () => {
  it('the talker and the department read it; another leader and the street admin do not', async () => {
    for (const s of [leader, orgdept]) {
      const res = await as(s, 'GET', `/api/care/talks/${secretaryTalkId}/content`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        talkId: secretaryTalkId,
        topics: '班子团结和个人思想',
        notes: '提出编制困难',
      });
    }
    expectError(await as(otherLeader, 'GET', `/api/care/talks/${secretaryTalkId}/content`), 404, 'NOT_FOUND');
    expectError(await as(streetAdmin, 'GET', `/api/care/talks/${secretaryTalkId}/content`), 403, 'FORBIDDEN');
    expectError(await as(cadre, 'GET', `/api/care/talks/${secretaryTalkId}/content`), 403, 'FORBIDDEN');
    // the department lists them a page at a time, the talker's content openable
    const dept = await as(orgdept, 'GET', '/api/care/talks?year=2026&page=1&pageSize=20');
    expect(dept.statusCode, dept.body).toBe(200);
    expect(dept.json<{ items: Json[] }>().items.find((i) => i.id === secretaryTalkId)).toMatchObject({
      contentVisible: true,
    });
    // the street admin sees that the talk happened (for coverage), not what was said
    const list = (await as(streetAdmin, 'GET', '/api/care/talks?year=2026')).json<{ items: Json[] }>();
    const fact = list.items.find((i) => i.id === secretaryTalkId);
    expect(fact).toMatchObject({ cadreName: '林书记', heldOn: '2026-10-20', contentVisible: false });
    expect(JSON.stringify(list)).not.toContain('班子团结');
    expect(
      (await as(otherLeader, 'GET', '/api/care/talks?year=2026'))
        .json<{ items: Json[] }>()
        .items.find((i) => i.id === secretaryTalkId),
    ).toMatchObject({ contentVisible: false });
    // reading content is audited
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'talk.content.read' AND object_id = $1`,
        [secretaryTalkId],
      ),
    ).toBe(2);
  });
});

describe('双向约谈 (R-CARE-5): answered within 10 working days, overdue from the day after', () => {
  let requestId: string;
  const mine = async () =>
    (await as(cadre, 'GET', '/api/care/talk-requests/mine'))
      .json<{ items: Json[] }>()
      .items.find((i) => i.id === requestId);
  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    cadre = await signIn(t, {
      id: cadreUserId,
      username: cadre.username,
      password: 'Factory#2026',
      totpSecret: null,
    });
    leader = await loginAs(t, 'leader');
    orgdept = await loginAs(t, 'orgdept');
  };

  it('refuses a leader without an account, and a pack without two-way appointments (nothing written)', async () => {
    expectError(
      await as(cadre, 'POST', '/api/care/talk-requests', { leaderId: linkedId, reason: '想谈谈' }),
      400,
      'TALK_LEADER_UNAVAILABLE',
    );
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'wenzhou' })).statusCode).toBe(200);
    const before = await adminCount(t.db, 'SELECT 1 FROM cases');
    expectError(
      await as(cadre, 'POST', '/api/care/talk-requests', { leaderId: principalId, reason: '想谈谈' }),
      409,
      'TALK_REQUESTS_NOT_OFFERED',
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM cases')).toBe(before);
    expect(
      (await as(cadre, 'GET', '/api/care/talk-requests/leaders')).json<{ offered: boolean }>().offered,
    ).toBe(false);
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'fengze' })).statusCode).toBe(200);
  });

  it('a request of Thursday 2026-09-24 is due Thursday 2026-10-15, over 中秋 and 国庆 and the 10-10 make-up day', async () => {
    // 10:00 in Beijing. Counting from the next day: 09-25…09-27 中秋 (off), 09-28, 09-29, 09-30 (1–3),
    // 10-01…10-07 国庆 (off), 10-08, 10-09 (4–5), Saturday 10-10 调休上班 (6), Sunday 10-11 off,
    // 10-12, 10-13, 10-14, 10-15 (7–10).
    await at('2026-09-24T02:00:00.000Z');
    const leaders = (await as(cadre, 'GET', '/api/care/talk-requests/leaders')).json<{
      items: { id: string; name: string }[];
      offered: boolean;
    }>();
    expect(leaders.offered).toBe(true);
    expect(leaders.items.map((l) => l.id)).toEqual([principalId]);
    const res = await as(cadre, 'POST', '/api/care/talk-requests', {
      leaderId: principalId,
      reason: '家庭困难，想当面汇报',
    });
    expect(res.statusCode, res.body).toBe(200);
    requestId = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({
      leaderName: '周明远',
      leaderTitle: '区委书记',
      cadreName: '吴科员',
      reason: '家庭困难，想当面汇报',
      requestedOn: '2026-09-24',
      dueOn: '2026-10-15',
      answer: null,
      state: 'waiting',
      explanation: `2026-09-24 提出，按${PACK}“双向约谈”领导答复时限10个工作日（不含提出当日），应于2026-10-15前答复；等待答复`,
    });
    // the leader's 待办, and the department's 督办 reminder carrying the same last day
    const inbox = (await as(leader, 'GET', '/api/inbox')).json<{ items: Json[] }>();
    expect(inbox.items.find((i) => i.title === '吴科员申请约谈区委书记周明远')).toMatchObject({
      dueOn: '2026-10-15',
      overdue: false,
    });
    const dept = (await as(orgdept, 'GET', '/api/inbox')).json<{ items: Json[] }>();
    expect(dept.items.find((i) => i.title === '督办：吴科员申请约谈区委书记周明远')).toMatchObject({
      dueOn: '2026-10-15',
      overdue: false,
    });
    // the street admin does not see the request (a confidential case)
    expect(JSON.stringify((await as(orgdept, 'GET', '/api/care/talk-requests')).json())).toContain(requestId);
    expect(JSON.stringify((await as(otherLeader, 'GET', '/api/care/talk-requests')).json())).not.toContain(
      requestId,
    );
  });

  it('still waiting at 17:00 on 10-15; overdue on 10-16, in the leader’s and the department’s inbox', async () => {
    await at('2026-10-15T09:00:00.000Z');
    expect(await mine()).toMatchObject({ state: 'waiting' });
    await at('2026-10-16T01:00:00.000Z');
    expect(await mine()).toMatchObject({ state: 'overdue' });
    const inbox = (await as(leader, 'GET', '/api/inbox')).json<{ items: Json[] }>();
    expect(inbox.items.find((i) => i.title === '吴科员申请约谈区委书记周明远')).toMatchObject({
      overdue: true,
    });
    const dept = (await as(orgdept, 'GET', '/api/inbox')).json<{ items: Json[] }>();
    expect(dept.items.find((i) => i.title === '督办：吴科员申请约谈区委书记周明远')).toMatchObject({
      overdue: true,
    });
  });

  it('a second request is withdrawn by the cadre (not by another), and its reminder resolved', async () => {
    const res = await as(cadre, 'POST', '/api/care/talk-requests', {
      leaderId: principalId,
      reason: '第二件事',
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ id: string }>().id;
    expectError(await as(orgdept, 'POST', `/api/care/talk-requests/${id}/withdraw`), 403, 'FORBIDDEN');
    const out = await as(cadre, 'POST', `/api/care/talk-requests/${id}/withdraw`);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ state: 'withdrawn', answer: null });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM inbox_notices n JOIN talk_requests r ON n.source_key = 'care.talk_request:' || r.case_id
          WHERE r.id = $1 AND n.resolved_at IS NOT NULL`,
        [id],
      ),
    ).toBe(1);
  });

  it('answered on 10-16 it stays marked as answered late; the reminder is resolved', async () => {
    expectError(
      await as(otherLeader, 'POST', `/api/care/talk-requests/${requestId}/answer`, { answer: '我来答复' }),
      404,
      'NOT_FOUND',
    );
    const res = await as(leader, 'POST', `/api/care/talk-requests/${requestId}/answer`, {
      answer: '10月20日上午九点区委办公楼',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'answered_late',
      answer: '10月20日上午九点区委办公楼',
      answeredOn: '2026-10-16',
      dueOn: '2026-10-15',
    });
    expect(await mine()).toMatchObject({ state: 'answered_late', answer: '10月20日上午九点区委办公楼' });
    const dept = (await as(orgdept, 'GET', '/api/inbox')).json<{ items: Json[] }>();
    expect(dept.items.some((i) => i.title === '督办：吴科员申请约谈区委书记周明远')).toBe(false);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'talk.answer' AND object_id = $1`, [
        requestId,
      ]),
    ).toBe(1);
  });
});
