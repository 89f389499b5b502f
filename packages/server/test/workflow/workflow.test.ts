import type { CaseDetail, Inbox, InboxItem, Role, ScopeMode } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/modules/workflow/service.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { newCase } from '../factories/workflow.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';
import { asPerson, type Person } from './helpers.ts';

// The test clock reads 2026-11-02 (a Monday). November 2026 has no official holiday, so working days are
// Monday–Friday unless a test adds a district override.
let t: TestApp;
let streetA: { id: string; path: string };
let streetB: { id: string; path: string };
let cadreA: string;
const people: Record<string, Person> = {};
const sessions: Record<string, Session> = {};
const transitions: string[] = [];

async function person(
  key: string,
  org: { id: string; path: string },
  roles: Role[],
  scopeMode: ScopeMode,
  cadreId: string | null = null,
  displayName?: string,
) {
  const u = await newUser(t.db, { orgId: org.id, roles, scopeMode, cadreId, displayName });
  people[key] = {
    id: u.id,
    username: u.username,
    roles,
    scopeMode,
    orgId: org.id,
    orgPath: org.path,
    cadreId,
  };
  sessions[key] = await signIn(t, u);
}

beforeAll(async () => {
  t = await createTestApp();
  const { rows } = await t.db.admin.query<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE parent_id IS NULL`,
  );
  const district = rows[0]!;
  streetA = await newOrg(t.db);
  streetB = await newOrg(t.db);
  cadreA = (await newCadre(t.db, { orgId: streetA.id, name: '许晓雯' })).id;
  await person('cadre', streetA, ['cadre'], 'self', cadreA, '许晓雯');
  await person('orgdeptA', streetA, ['orgdept'], 'subtree', null, '组织委员甲');
  await person('adminA', streetA, ['unit_admin'], 'subtree');
  await person('disciplineA', streetA, ['discipline'], 'subtree', null, '纪检联络甲');
  await person('orgdeptB', streetB, ['orgdept'], 'subtree');
  await person('adminB', streetB, ['unit_admin'], 'subtree');
  await person('member', district, ['leader'], 'unit', null, '联席会议成员甲');
  await person('nonMember', district, ['leader'], 'unit');
  service.onCaseTransition('grade_appeal', async (_ctx, tr) => {
    transitions.push(`${tr.event.action}→${tr.case.currentStep ?? tr.case.status}`);
  });
});
afterAll(async () => t.close());

const inboxOf = async (key: string) => {
  const res = await injectAs(t, sessions[key]!, { method: 'GET', url: '/api/inbox' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Inbox>();
};
const countOf = async (key: string) =>
  (await injectAs(t, sessions[key]!, { method: 'GET', url: '/api/inbox/count' })).json<{
    pending: number;
    overdue: number;
  }>();
const getCase = (key: string, id: string) =>
  injectAs(t, sessions[key]!, { method: 'GET', url: `/api/cases/${id}` });
const act = (key: string, id: string, payload: Record<string, unknown>) =>
  injectAs(t, sessions[key]!, { method: 'POST', url: `/api/cases/${id}/actions`, payload });
const ids = (items: InboxItem[]) => items.map((i) => i.id);
const eventCount = (id: string) => adminCount(t.db, `SELECT 1 FROM case_events WHERE case_id = $1`, [id]);

describe('[workflow] a grade appeal (考核等次申诉) from the cadre to 复核 and back out of every inbox', () => {
  let caseId: string;

  it('the cadre opens it through the service: at 提交申诉, no deadline, audited, handler called', async () => {
    const { result, audits } = await asPerson(t, people.cadre!, (ctx) =>
      service.openCase(ctx, {
        kind: 'grade_appeal',
        orgId: streetA.id,
        subjectCadreId: cadreA,
        title: '2026年度考核等次申诉',
        readerRoles: [],
      }),
    );
    caseId = result.id;
    expect(result).toMatchObject({
      kind: 'grade_appeal',
      kindName: '考核等次申诉',
      status: 'open',
      currentStep: 'submit',
      currentStepName: '提交申诉',
      dueOn: null,
      overdue: false,
      openedByName: '许晓雯',
      link: `/inbox/cases/${caseId}`,
    });
    expect(audits.map((a) => a.action)).toEqual(['case.open']);
    expect(transitions).toEqual(['open→submit']);
    // the kind is copied onto the case with the pack version it came from
    const { rows } = await t.db.admin.query(
      `SELECT pack_id, pack_effective_from::text AS f, definition->>'name' AS name, reader_roles FROM cases WHERE id = $1`,
      [caseId],
    );
    expect(rows[0]).toEqual({
      pack_id: 'fengze',
      f: '2018-01-01',
      name: '考核等次申诉',
      reader_roles: ['orgdept'],
    });
  });

  it('waits in the applicant’s own 待办 and 我发起的, nobody else’s', async () => {
    const inbox = await inboxOf('cadre');
    expect(inbox.items).toEqual([
      {
        id: caseId,
        source: 'case',
        kind: 'grade_appeal',
        kindName: '考核等次申诉',
        title: '2026年度考核等次申诉',
        link: `/inbox/cases/${caseId}`,
        step: '提交申诉',
        dueOn: null,
        overdue: false,
        since: '2026-11-02T00:00:00.000Z',
        openedAt: '2026-11-02T00:00:00.000Z',
        status: 'open',
      },
    ]);
    expect(ids(inbox.mine)).toEqual([caseId]);
    expect((await inboxOf('orgdeptA')).items).toEqual([]);
  });

  it('refuses a submission without its reason, and changes nothing', async () => {
    expectError(await act('cadre', caseId, { action: 'submit' }), 400, 'CASE_COMMENT_REQUIRED');
    expectError(
      await act('cadre', caseId, { action: 'submit', comment: '   ' }),
      400,
      'CASE_COMMENT_REQUIRED',
    );
    expect(await eventCount(caseId)).toBe(1);
    expectError(
      await act('orgdeptA', caseId, { action: 'submit', comment: '代为提交' }),
      403,
      'CASE_NOT_YOUR_STEP',
    );
  });

  it('submitted, it moves to 复核 with 20 working days and into the organisation department’s inbox', async () => {
    const res = await act('cadre', caseId, { action: 'submit', comment: '测评票数统计有误' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<CaseDetail>();
    // 20 working days from Tue 2026-11-03: Nov 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon Nov 30 (20)
    expect(detail.case).toMatchObject({
      currentStep: 'review',
      currentStepName: '复核',
      dueOn: '2026-11-30',
    });
    expect(detail.allowedActions).toEqual([{ action: 'withdraw', commentRequired: false }]);
    expect((await inboxOf('cadre')).items).toEqual([]);
    expect((await inboxOf('cadre')).mine).toMatchObject([{ id: caseId, step: '复核', dueOn: '2026-11-30' }]);
    expect((await inboxOf('orgdeptA')).items).toMatchObject([
      { id: caseId, step: '复核', dueOn: '2026-11-30', overdue: false },
    ]);
    expect(await countOf('orgdeptA')).toEqual({ pending: 1, overdue: 0 });
  });

  it('another street and a street admin of its own street neither see nor act on it', async () => {
    for (const key of ['orgdeptB', 'adminB', 'adminA', 'nonMember']) {
      expect((await getCase(key, caseId)).statusCode, key).toBe(404);
      expect(ids((await inboxOf(key)).items), key).not.toContain(caseId);
      expect((await act(key, caseId, { action: 'decide', comment: '越权' })).statusCode, key).toBe(404);
    }
    expect(await countOf('orgdeptB')).toEqual({ pending: 0, overdue: 0 });
  });

  it('复核 decides with its opinion; the timeline shows each step, and the case leaves every inbox', async () => {
    expectError(await act('orgdeptA', caseId, { action: 'approve' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    const before = await getCase('orgdeptA', caseId);
    expect(before.json<CaseDetail>().allowedActions.map((a) => a.action)).toEqual(['decide', 'return']);
    const res = await act('orgdeptA', caseId, { action: 'decide', comment: '经复核，维持原等次' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<CaseDetail>();
    expect(detail.case).toMatchObject({ status: 'done', currentStep: null, dueOn: null });
    expect(detail.case.closedAt).not.toBeNull();
    expect(detail.allowedActions).toEqual([]);
    expect(
      detail.timeline.map((e) => [
        e.seq,
        e.stepName,
        e.action,
        e.actorName,
        e.comment,
        e.toStepName,
        e.toStatus,
      ]),
    ).toEqual([
      [1, '提交申诉', 'open', '许晓雯', '', '提交申诉', 'open'],
      [2, '提交申诉', 'submit', '许晓雯', '测评票数统计有误', '复核', 'open'],
      [3, '复核', 'decide', '组织委员甲', '经复核，维持原等次', null, 'done'],
    ]);
    expect((await inboxOf('orgdeptA')).items).toEqual([]);
    expect((await inboxOf('cadre')).mine).toEqual([]);
    expect(transitions).toEqual(['open→submit', 'submit→review', 'decide→done']);
    expectError(await act('cadre', caseId, { action: 'withdraw' }), 409, 'CASE_CLOSED');
    expect(await eventCount(caseId)).toBe(3);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'case.act' AND object_id = $1`, [
        caseId,
      ]),
    ).toBe(2);
  });

  it('the cadre reads the outcome of her own appeal (and the read is audited)', async () => {
    const res = await getCase('cadre', caseId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseDetail>().case.status).toBe('done');
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'case.read' AND object_id = $1`, [
        caseId,
      ]),
    ).toBeGreaterThan(0);
  });
});

describe('[workflow] a tolerance case (容错申请): confidential, and only the committee decides', () => {
  let caseId: string;

  it('opened by the organisation department with the committee named on it', async () => {
    const { result } = await asPerson(t, people.orgdeptA!, (ctx) =>
      service.openCase(ctx, {
        kind: 'tolerance',
        orgId: streetA.id,
        subjectCadreId: cadreA,
        title: '许晓雯容错免责申请',
        members: [{ group: 'committee', userIds: [people.member!.id] }],
        readerRoles: [],
      }),
    );
    caseId = result.id;
    // 受理: 5 working days from Tue 2026-11-03: Nov 3, 4, 5, 6, Mon 9
    expect(result).toMatchObject({ currentStep: 'accept', dueOn: '2026-11-09' });
  });

  it('a street admin whose scope covers the unit does not see it; the liaison, the subject and a member do', async () => {
    for (const key of ['adminA', 'adminB', 'orgdeptB', 'nonMember'])
      expect((await getCase(key, caseId)).statusCode, key).toBe(404);
    for (const key of ['disciplineA', 'cadre', 'member']) {
      const res = await getCase(key, caseId);
      expect(res.statusCode, `${key} ${res.body}`).toBe(200);
      expect(res.json<CaseDetail>().allowedActions, key).toEqual([]);
    }
    expect(ids((await inboxOf('orgdeptA')).items)).toEqual([caseId]);
    expect((await inboxOf('member')).items).toEqual([]);
  });

  it('受理 → 调查核实 → 联席会议研究: a non-member cannot decide, the member does', async () => {
    expect((await act('orgdeptA', caseId, { action: 'approve' })).statusCode).toBe(200);
    const inv = await act('orgdeptA', caseId, { action: 'approve', comment: '符合容错情形' });
    // 联席会议研究: 10 working days from Tue 2026-11-03: Nov 3–6 (4), 9–13 (9), Mon Nov 16 (10)
    expect(inv.json<CaseDetail>().case).toMatchObject({ currentStep: 'committee', dueOn: '2026-11-16' });
    expectError(
      await act('orgdeptA', caseId, { action: 'decide', comment: '免责' }),
      403,
      'CASE_NOT_YOUR_STEP',
    );
    expect((await act('nonMember', caseId, { action: 'decide', comment: '免责' })).statusCode).toBe(404);
    expect((await inboxOf('member')).items).toMatchObject([
      { id: caseId, kindName: '容错申请', step: '联席会议研究', dueOn: '2026-11-16' },
    ]);
    expect((await inboxOf('orgdeptA')).items).toEqual([]);
    const done = await act('member', caseId, { action: 'decide', comment: '予以免责' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<CaseDetail>().case.status).toBe('done');
    expect((await inboxOf('member')).items).toEqual([]);
  });
});

describe('[workflow] deadlines: overdue marking on 2026-11-02', () => {
  it('a step past its last day is overdue, one due tomorrow is not; overdue first, counted in the badge', async () => {
    const streetC = await newOrg(t.db);
    await person('orgdeptC', streetC, ['orgdept'], 'subtree');
    // 受理 entered Tue 2026-10-20: 5 working days from Wed 21: 21, 22, 23, 26, Tue 27 → overdue on Nov 2
    const late = await newCase(t.db, {
      kind: 'tolerance',
      orgId: streetC.id,
      openedBy: people.orgdeptC!.id,
      title: '逾期的容错申请',
      at: '2026-10-20T02:00:00.000Z',
    });
    // entered Tue 2026-10-27: Wed 28, 29, 30, Mon Nov 2, Tue Nov 3 → not yet overdue on Nov 2
    const onTime = await newCase(t.db, {
      kind: 'tolerance',
      orgId: streetC.id,
      openedBy: people.orgdeptC!.id,
      title: '未逾期的容错申请',
      at: '2026-10-27T02:00:00.000Z',
    });
    const inbox = await inboxOf('orgdeptC');
    expect(inbox.items.map((i) => [i.id, i.dueOn, i.overdue])).toEqual([
      [late, '2026-10-27', true],
      [onTime, '2026-11-03', false],
    ]);
    expect(await countOf('orgdeptC')).toEqual({ pending: 2, overdue: 1 });
    const detail = (await getCase('orgdeptC', late)).json<CaseDetail>();
    expect(detail.case).toMatchObject({ dueOn: '2026-10-27', overdue: true });
  });
});

describe('[workflow] notices (提醒) posted by other modules', () => {
  it('reach exactly their recipients, post once per source key, and go when resolved', async () => {
    const post = (sourceKey: string, title: string, to: { roles?: Role[]; users?: string[] }) =>
      asPerson(t, people.disciplineA!, (ctx) =>
        service.postNotice(ctx, {
          kind: 'discipline.warning',
          kindName: '预警提醒',
          title,
          link: `/cadres/${cadreA}`,
          orgId: streetA.id,
          recipientRoles: to.roles,
          recipientUserIds: to.users,
          dueOn: '2026-11-10',
          sourceKey,
        }),
      );
    await post('warning:1', '许晓雯12个月内两次提醒', { roles: ['orgdept'] });
    await post('warning:1', '重复提交（不应出现）', { roles: ['orgdept'] });
    await post('warning:2', '请于11月10日前提交说明', { users: [people.cadre!.id] });
    expect(await adminCount(t.db, `SELECT 1 FROM inbox_notices WHERE source_key LIKE 'warning:%'`)).toBe(2);

    const orgdept = (await inboxOf('orgdeptA')).items;
    expect(orgdept).toMatchObject([
      {
        source: 'notice',
        kind: 'discipline.warning',
        kindName: '预警提醒',
        title: '许晓雯12个月内两次提醒',
        link: `/cadres/${cadreA}`,
        step: null,
        dueOn: '2026-11-10',
        overdue: false,
        status: null,
      },
    ]);
    expect((await inboxOf('cadre')).items.map((i) => i.title)).toEqual(['请于11月10日前提交说明']);
    for (const key of ['adminA', 'orgdeptB', 'disciplineA', 'member'])
      expect((await inboxOf(key)).items, key).toEqual([]);

    const resolved = await asPerson(t, people.adminA!, (ctx) => service.resolveNotices(ctx, 'warning:1'));
    expect(resolved.result).toBe(1);
    expect((await inboxOf('orgdeptA')).items).toEqual([]);
    expect(
      (await asPerson(t, people.adminA!, (ctx) => service.resolveNotices(ctx, 'warning:1'))).result,
    ).toBe(0);
  });

  it('a kind the pack does not define is refused with its code', async () => {
    await expect(
      asPerson(t, people.orgdeptA!, (ctx) =>
        service.openCase(ctx, {
          kind: 'not_in_pack',
          orgId: streetA.id,
          title: '未定义事项',
          readerRoles: [],
        }),
      ),
    ).rejects.toMatchObject({ code: 'CASE_KIND_UNKNOWN' });
  });
});

describe('[workflow] deadlines run on the working-day calendar', () => {
  // last in the file: the cases it opens would sit in the inboxes the tests above count
  it('a district holiday (override) inside the period moves the deadline by one working day', async () => {
    const open = () =>
      asPerson(t, people.orgdeptA!, (ctx) =>
        service.openCase(ctx, {
          kind: 'tolerance',
          orgId: streetA.id,
          subjectCadreId: cadreA,
          title: '期限测试',
          members: [],
          readerRoles: [],
        }),
      );
    // 受理: 5 working days from Tue 2026-11-03 end on Mon 2026-11-09 ...
    expect((await open()).result.dueOn).toBe('2026-11-09');
    const add = await injectAs(t, sessions.orgdeptA!, {
      method: 'POST',
      url: '/api/calendar/overrides',
      payload: { date: '2026-11-05', kind: 'holiday', note: '区里调整放假' },
    });
    expect(add.statusCode, add.body).toBe(200);
    try {
      // ... and with Thu 2026-11-05 a district holiday: Nov 3, 4, 6, 9, Tue 10
      expect((await open()).result.dueOn).toBe('2026-11-10');
    } finally {
      const del = await injectAs(t, sessions.orgdeptA!, {
        method: 'DELETE',
        url: '/api/calendar/overrides/2026-11-05',
      });
      expect(del.statusCode, del.body).toBeLessThan(300);
    }
  });
});
