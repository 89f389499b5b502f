import type { InboxItem, SelectionNotice, SelectionProcessDetail } from '@ganbu/core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newRecord } from '../factories/discipline.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

/**
 * A Hongdong 双推联审一测试三公示 process driven through the API from the first recommendation to the
 * appointment, worked by hand. The district runs the Hongdong pack; 甲镇 needs a 党委书记 (one position).
 * Candidates: 李明 (副镇长 since 2021-03, 副科级), 王芳 (科员) and 赵强 (诫勉 on 2026-08-01: six months
 * without promotion, the kind is a hard stop → refused on entry).
 *   一推 会议推荐 / 二推 谈话推荐: tallies entered (no pass share in the pack) — both go on;
 *   一公示 from 2026-11-02 (Mon) for 5 working days ends 2026-11-06 (Fri): running on 11-02, over on 11-09;
 *   联审: both pass; 一测试: pass mark 60 — 李明 85, 王芳 55 → 王芳 out, reason computed;
 *   二公示 from 2026-10-19 (Mon) ends 2026-10-23 (Fri);
 *   讨论决定: 李明 chosen;
 *   三公示 (任前公示) from 2026-09-30: 09-30 day 1, 10-01..10-07 National Day, 10-08 day 2, 10-09 day 3,
 *     10-10 (Sat, make-up workday) day 4, 10-11 (Sun) skipped, 10-12 day 5 → ends 2026-10-12; an objection
 *     received 10-09 blocks the next step until closed;
 *   任职 on 2026-11-09: 李明's 副镇长 post ends that day, 甲镇党委书记 (正科级) begins; the review falls due
 *     12 months later (Hongdong postReview.afterMonths): 2027-11-09.
 */

let t: TestApp;
let area: { id: string; path: string };
let town: { id: string; path: string };
let orgdept: Session;
let townAdmin: Session;
let orgdeptUser: Awaited<ReturnType<typeof newUser>>;
let townAdminUser: Awaited<ReturnType<typeof newUser>>;

/** Move the clock (a week idle ends a session: sign in again). */
async function clockTo(iso: string) {
  t.clock.set(new Date(iso));
  orgdept = await signIn(t, orgdeptUser);
  townAdmin = await signIn(t, townAdminUser);
}
let li: string;
let wang: string;
let zhao: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.admin.query(
    `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb('hongdong'::text))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
  area = await newOrg(t.db, { kind: 'department', name: '选拔测试片区' });
  town = await newOrg(t.db, { parentId: area.id, kind: 'township', name: '甲镇' });
  li = (
    await newCadre(t.db, {
      orgId: town.id,
      name: '李明',
      gender: 'male',
      birthDate: '1986-04',
      rank: '副科级',
      postTitle: '甲镇副镇长',
      fullTimeEducation: { education: '大学', degree: '学士', school: '', major: '' },
      appointments: [
        {
          unitName: '甲镇',
          orgId: town.id,
          unitKind: 'township',
          title: '副镇长',
          isLeadership: true,
          roleKind: 'team_member',
          rank: '副科级',
          start: '2021-03',
        },
      ],
    })
  ).id;
  wang = (await newCadre(t.db, { orgId: town.id, name: '王芳', rank: '科员' })).id;
  zhao = (await newCadre(t.db, { orgId: town.id, name: '赵强', rank: '科员' })).id;
  await newRecord(t.db, { cadreId: zhao, kind: 'admonishment', decidedOn: '2026-08-01' });
  orgdeptUser = await newUser(t.db, { orgId: area.id, roles: ['orgdept'], scopeMode: 'subtree' });
  townAdminUser = await newUser(t.db, { orgId: town.id, roles: ['unit_admin'], scopeMode: 'subtree' });
  orgdept = await signIn(t, orgdeptUser);
  townAdmin = await signIn(t, townAdminUser);
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: unknown = {}) =>
  injectAs(t, s, { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const ok = <T>(res: Awaited<ReturnType<typeof get>>): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('[selection] a Hongdong 双推联审一测试三公示 from the first recommendation to the appointment', () => {
  let p: SelectionProcessDetail;
  const cand = (cadreId: string) => p.candidates.find((c) => c.cadreId === cadreId)!;
  const url = (tail = '') => `/api/selection/processes/${p.id}${tail}`;
  const approve = (extra: Record<string, unknown> = {}) =>
    post(orgdept, url('/act'), { action: 'approve', ...extra });
  const current = () => p.steps.find((s) => s.status === 'current');

  it('lists the district pack’s kinds with their steps in case order', async () => {
    const { items } = ok<{ items: { id: string; steps: { id: string; type: string | null }[] }[] }>(
      await get(orgdept, '/api/selection/kinds'),
    );
    expect(items.map((k) => k.id)).toEqual(['plain', 'competitive']);
    expect(items[1]!.steps.map((s) => s.id)).toEqual([
      'announce',
      'recommend_meeting',
      'recommend_talk',
      'notice_recommended',
      'joint_review',
      'test',
      'notice_inspection',
      'decision',
      'notice_appointment',
      'appointment',
    ]);
  });

  it('opens a case of selection_competitive at 发布公告, linked to the process page', async () => {
    p = ok(
      await post(orgdept, '/api/selection/processes', {
        kindId: 'competitive',
        orgId: town.id,
        title: '甲镇党委书记',
        post: { title: '党委书记', rank: '正科级', roleKind: 'party_secretary', isLeadership: true },
      }),
    );
    expect(p).toMatchObject({
      kindName: '双推联审一测试三公示',
      packId: 'hongdong',
      state: 'open',
      currentStep: 'announce',
      positions: 1,
      ineligibleHardStop: true,
    });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM cases WHERE id = $1 AND kind = 'selection_competitive' AND link = $2`,
        [p.caseId, `/selection/processes/${p.id}`],
      ),
    ).toBe(1);
    // no candidate yet: the 发布公告 cannot be left
    expect(current()!.blockers).toEqual([
      { code: 'SELECTION_STEP_INCOMPLETE', message: '发布公告尚未提出人选' },
    ]);
    expectError(await approve(), 409, 'SELECTION_STEP_INCOMPLETE');
  });

  it('candidates enter with the promotion answer; 诫勉 within six months is a hard stop', async () => {
    p = ok(await post(orgdept, url('/candidates'), { cadreId: li }));
    p = ok(await post(orgdept, url('/candidates'), { cadreId: wang }));
    expect(cand(li)).toMatchObject({
      name: '李明',
      status: 'in',
      rank: '副科级',
      age: 40,
      eligibility: { eligible: true, reasons: [], date: '2026-11-02' },
    });
    const refused = await post(orgdept, url('/candidates'), { cadreId: zhao });
    expectError(refused, 409, 'SELECTION_INELIGIBLE');
    const body = refused.json<{ message: string; details: { reasons: string[] } }>();
    expect(body.details.reasons).toHaveLength(1);
    expect(body.details.reasons[0]).toContain('受到诫勉的，六个月内不得提拔或者进一步使用');
    expect(body.message).toContain('赵强同志 2026-11-02 不符合提拔任用的资格条件');
    expect(await adminCount(t.db, `SELECT 1 FROM selection_candidates WHERE cadre_id = $1`, [zhao])).toBe(0);
    p = ok(await approve());
    expect(p.currentStep).toBe('recommend_meeting');
  });

  it('a recommendation step is not left while a candidate lacks a tally; results only at the current step', async () => {
    expect(current()!.blockers).toEqual([
      { code: 'SELECTION_STEP_INCOMPLETE', message: '一推：会议推荐尚有 2 名人选未录入结果：李明、王芳' },
    ]);
    expectError(await approve(), 409, 'SELECTION_STEP_INCOMPLETE');
    // the wrong step, a score instead of votes
    expectError(
      await post(orgdept, url('/steps/test/results'), { results: [{ candidateId: cand(li).id, score: 80 }] }),
      409,
      'CONFLICT',
    );
    expectError(
      await post(orgdept, url('/steps/recommend_meeting/results'), {
        results: [{ candidateId: cand(li).id, score: 80 }],
      }),
      400,
      'VALIDATION',
    );
    p = ok(
      await post(orgdept, url('/steps/recommend_meeting/results'), {
        results: [{ candidateId: cand(li).id, votesFor: 40, votesAgainst: 5, votesAbstain: 3 }],
      }),
    );
    expect(current()!.blockers[0]!.message).toBe('一推：会议推荐尚有 1 名人选未录入结果：王芳');
    p = ok(
      await post(orgdept, url('/steps/recommend_meeting/results'), {
        results: [{ candidateId: cand(wang).id, votesFor: 30, votesAgainst: 10 }],
      }),
    );
    expect(p.results.recommend_meeting).toEqual([
      {
        candidateId: cand(li).id,
        votesFor: 40,
        votesAgainst: 5,
        votesAbstain: 3,
        score: null,
        passed: null,
        finding: '',
      },
      {
        candidateId: cand(wang).id,
        votesFor: 30,
        votesAgainst: 10,
        votesAbstain: 0,
        score: null,
        passed: null,
        finding: '',
      },
    ]);
    p = ok(await approve());
    p = ok(
      await post(orgdept, url('/steps/recommend_talk/results'), {
        results: [
          { candidateId: cand(li).id, votesFor: 25, votesAgainst: 2, votesAbstain: 1 },
          { candidateId: cand(wang).id, votesFor: 18, votesAgainst: 8, votesAbstain: 2 },
        ],
      }),
    );
    p = ok(await approve());
    expect(p.currentStep).toBe('notice_recommended');
  });

  it('一公示: none issued → incomplete; fewer days than the pack → refused; running until its last day', async () => {
    expect(current()!.blockers).toEqual([
      { code: 'SELECTION_STEP_INCOMPLETE', message: '尚未发布一公示：推荐人选公示' },
    ]);
    expectError(
      await post(orgdept, url('/notices'), { start: '2026-11-02', workingDays: 3 }),
      400,
      'SELECTION_NOTICE_TOO_SHORT',
    );
    expect(await adminCount(t.db, `SELECT 1 FROM selection_notices WHERE process_id = $1`, [p.id])).toBe(0);
    const notice = ok<SelectionNotice>(await post(orgdept, url('/notices'), { start: '2026-11-02' }));
    expect(notice).toMatchObject({ start: '2026-11-02', end: '2026-11-06', workingDays: 5, running: true });
    expect(notice.explanation).toBe('公示自 2026年11月2日 起（含当日）计 5 个工作日，至 2026年11月6日 止。');
    p = ok(await get(orgdept, url()));
    expect(current()!.blockers).toEqual([
      {
        code: 'SELECTION_NOTICE_RUNNING',
        message: '一公示：推荐人选公示至 2026年11月6日 止（5 个工作日），公示期满后方可进入下一环节',
      },
    ]);
    expectError(await approve(), 409, 'SELECTION_NOTICE_RUNNING');
    // a week later the notice is over
    await clockTo('2026-11-09T02:00:00Z');
    p = ok(await approve());
    expect(p.currentStep).toBe('joint_review');
  });

  it('联审 and 一测试: a score under the pack’s pass mark puts the candidate out with the reason computed', async () => {
    p = ok(
      await post(orgdept, url('/steps/joint_review/results'), {
        results: [
          { candidateId: cand(li).id, passed: true, finding: '资格符合' },
          { candidateId: cand(wang).id, passed: true },
        ],
      }),
    );
    p = ok(await approve());
    p = ok(
      await post(orgdept, url('/steps/test/results'), {
        results: [
          { candidateId: cand(li).id, score: 85 },
          { candidateId: cand(wang).id, score: 55 },
        ],
      }),
    );
    expect(cand(wang)).toMatchObject({
      status: 'out',
      outStep: 'test',
      outReason: '一测试：综合测试得分 55 分，低于政策包规定的合格分数线 60 分',
    });
    expect(cand(li).status).toBe('in');
    p = ok(await approve());
    const second = ok<SelectionNotice>(await post(orgdept, url('/notices'), { start: '2026-10-19' }));
    expect(second).toMatchObject({ end: '2026-10-23', running: false });
    p = ok(await approve());
    expect(p.currentStep).toBe('decision');
  });

  it('讨论决定: no one chosen → incomplete; an out candidate or more than the positions → refused', async () => {
    expectError(await approve(), 409, 'SELECTION_STEP_INCOMPLETE');
    expectError(
      await post(orgdept, url('/decision'), { chosenCandidateIds: [cand(wang).id] }),
      400,
      'VALIDATION',
    );
    expectError(
      await post(orgdept, url('/decision'), { chosenCandidateIds: [cand(li).id, cand(wang).id] }),
      400,
      'VALIDATION',
    );
    p = ok(await post(orgdept, url('/decision'), { chosenCandidateIds: [cand(li).id] }));
    expect(cand(li).status).toBe('chosen');
    p = ok(await approve());
    expect(p.currentStep).toBe('notice_appointment');
  });

  it('任前公示 from 2026-09-30 ends 2026-10-12 over National Day; an open objection blocks the next step', async () => {
    const notice = ok<SelectionNotice>(
      await post(orgdept, url('/notices'), { start: '2026-09-30', contact: '受理电话：0357-6221234' }),
    );
    expect(notice).toMatchObject({ start: '2026-09-30', end: '2026-10-12', workingDays: 5, running: false });
    expect(notice.explanation).toBe(
      '公示自 2026年9月30日 起（含当日）计 5 个工作日，至 2026年10月12日 止；其间 10月1日至10月7日（国庆节）、10月11日（周末） 不计入工作日。',
    );
    p = ok(
      await post(orgdept, url(`/notices/${notice.id}/objections`), {
        candidateId: cand(li).id,
        receivedOn: '2026-10-09',
        channel: '来信',
        summary: '反映其分管工作中存在问题',
      }),
    );
    const objection = p.notices.find((n) => n.id === notice.id)!.objections[0]!;
    expect(objection).toMatchObject({ status: 'open', candidateName: '李明', finding: null });
    expect(current()!.blockers).toEqual([
      { code: 'SELECTION_OBJECTION_OPEN', message: '三公示：任前公示期间收到的反映问题尚有 1 件未办结' },
    ]);
    expectError(await approve(), 409, 'SELECTION_OBJECTION_OPEN');
    p = ok(
      await post(orgdept, url(`/objections/${objection.id}/close`), {
        finding: 'unfounded',
        handling: '经核查，反映问题不属实，不影响任用',
        closedOn: '2026-10-15',
      }),
    );
    expect(current()!.blockers).toEqual([]);

    const doc = await get(orgdept, url(`/notices/${notice.id}/document`));
    expect(doc.statusCode, doc.body.slice(0, 200)).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(doc.rawPayload))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('任前公示');
    expect(text).toContain('1. 李明，男，1986年4月生，大学学历，现任甲镇副镇长，拟任甲镇党委书记。');
    expect(text).toContain('公示时间：2026年9月30日至2026年10月12日（5个工作日）。');
    expect(text).toContain('受理方式：受理电话：0357-6221234');
    expect(text).not.toContain('王芳');
    p = ok(await approve());
    expect(p.currentStep).toBe('appointment');
  });

  it('任职 needs the day and only from the process page; then the registry, the review and the inbox', async () => {
    expectError(await approve(), 400, 'VALIDATION');
    expectError(
      await post(orgdept, `/api/cases/${p.caseId}/actions`, { action: 'approve' }),
      409,
      'SELECTION_STEP_INCOMPLETE',
    );
    p = ok(await approve({ appointedOn: '2026-11-09' }));
    expect(p).toMatchObject({ state: 'done', appointedOn: '2026-11-09', currentStep: null });
    expect(p.steps.every((s) => s.status === 'done')).toBe(true);
    expect(cand(li).status).toBe('appointed');
    expect(cand(wang).status).toBe('out');

    const record = ok<{
      orgId: string;
      postTitle: string;
      rank: string;
      appointments: { title: string; start: string; end: string | null; roleKind: string }[];
      facts: { townshipSecretary: { value: unknown } };
    }>(await get(orgdept, `/api/cadres/${li}`));
    expect(record).toMatchObject({ orgId: town.id, postTitle: '甲镇党委书记', rank: '正科级' });
    expect(record.appointments.map((a) => [a.title, a.start, a.end, a.roleKind])).toEqual([
      ['副镇长', '2021-03', '2026-11-09', 'team_member'],
      ['党委书记', '2026-11-09', null, 'party_secretary'],
    ]);
    expect(record.facts.townshipSecretary.value).toBe(true);
    expect(
      await adminCount(t.db, `SELECT 1 FROM cadres WHERE id = $1 AND fact_township_secretary`, [li]),
    ).toBe(1);

    const reviews = await t.db.admin.query<{ appointed_on: string; due_on: string; post_title: string }>(
      `SELECT to_char(appointed_on, 'YYYY-MM-DD') AS appointed_on, to_char(due_on, 'YYYY-MM-DD') AS due_on, post_title
         FROM selection_post_reviews WHERE process_id = $1`,
      [p.id],
    );
    expect(reviews.rows).toEqual([
      { appointed_on: '2026-11-09', due_on: '2027-11-09', post_title: '甲镇党委书记' },
    ]);
    const { items } = ok<{ items: InboxItem[] }>(await get(orgdept, '/api/inbox'));
    expect(
      items.filter((i) => i.kind === 'selection.post_review').map((i) => [i.title, i.dueOn, i.link]),
    ).toEqual([['李明（甲镇党委书记）任后评估', '2027-11-09', '/selection/after?tab=reviews']]);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'selection.appointment' AND object_id = $1`,
        [p.id],
      ),
    ).toBe(1);
  });

  it('the unit administrator reads the process in her scope, without actions, and may not manage it', async () => {
    const seen = ok<SelectionProcessDetail>(await get(townAdmin, url()));
    expect(seen.actions).toEqual([]);
    expect(seen.state).toBe('done');
    expectError(await post(townAdmin, url('/candidates'), { cadreId: wang }), 403, 'FORBIDDEN');
  });
});

describe('[selection] a withdrawn case carries its process', () => {
  it('withdraw at the 动议 → the process is withdrawn and takes no further writes', async () => {
    await clockTo('2026-11-10T02:00:00Z');
    const p = ok<SelectionProcessDetail>(
      await post(orgdept, '/api/selection/processes', {
        kindId: 'plain',
        orgId: town.id,
        title: '甲镇副镇长',
        post: { title: '副镇长', rank: '副科级' },
      }),
    );
    expect(p.steps.map((s) => s.name)).toEqual(['动议', '民主推荐', '考察', '讨论决定', '任前公示', '任职']);
    const done = ok<SelectionProcessDetail>(
      await post(orgdept, `/api/selection/processes/${p.id}/act`, {
        action: 'withdraw',
        comment: '岗位调整',
      }),
    );
    expect(done).toMatchObject({ state: 'withdrawn', currentStep: null });
    expectError(
      await post(orgdept, `/api/selection/processes/${p.id}/candidates`, { cadreId: wang }),
      409,
      'CONFLICT',
    );
    const { items } = ok<{ items: { id: string; state: string }[] }>(
      await get(orgdept, '/api/selection/processes?state=withdrawn'),
    );
    expect(items.map((i) => i.id)).toEqual([p.id]);
  });
});
