import type { GradeAppeal, GradeAppealList, Inbox } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRound } from '../factories/assessment.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 考核等次申诉 (issue 12 §4): a cadre appeals her own published result; the pack's `grade_appeal` case carries it
// to 复核 in the organisation department's 待办. The test clock reads Mon 2026-11-02: 复核 has 20 working days
// from Tue 2026-11-03 — Nov 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon Nov 30 (20).
let t: TestApp;
let roundId: string;
let ownTarget: string;
let otherTarget: string;
let cadre: Session;
let orgdept: Session;
let otherOrgdept: Session;
let myCadreId: string;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const otherStreet = await newOrg(t.db);
  const me = await newCadre(t.db, { orgId: street.id, name: '周晓岚' });
  const colleague = await newCadre(t.db, { orgId: street.id });
  const round = await newRound(t.db, {
    orgId: street.id,
    cadreIds: [me.id, colleague.id],
    name: '2026年度考核',
  });
  roundId = round.id;
  myCadreId = me.id;
  [ownTarget, otherTarget] = round.targetIds as [string, string];
  cadre = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId: me.id }),
  );
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  otherOrgdept = await signIn(
    t,
    await newUser(t.db, { orgId: otherStreet.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
});
afterAll(() => t.close());

const appeal = (s: Session, targetId: string, reason: unknown = '民主测评票数统计有误，请求复核') =>
  injectAs(t, s, {
    method: 'POST',
    url: `/api/assessment/rounds/${roundId}/targets/${targetId}/appeal`,
    payload: { reason },
  });
// the demo district has appeals of its own: count this cadre's
const cases = () =>
  adminCount(t.db, `SELECT 1 FROM cases WHERE kind = 'grade_appeal' AND subject_cadre_id = $1`, [myCadreId]);
const inboxOf = async (s: Session) =>
  (await injectAs(t, s, { method: 'GET', url: '/api/inbox' })).json<Inbox>();

describe('[assessment] 考核等次申诉: the cadre appeals her own published result', () => {
  it('before the result is published: refused, nothing opened', async () => {
    expectError(await appeal(cadre, ownTarget), 409, 'APPEAL_NOT_PUBLISHED');
    expect(await cases()).toBe(0);
    await t.db.admin.query(`UPDATE assessment_rounds SET state = 'published' WHERE id = $1`, [roundId]);
  });

  it('without a reason, or for a colleague’s result: refused, nothing opened', async () => {
    expectError(await appeal(cadre, ownTarget, '   '), 400, 'VALIDATION');
    // her scope (仅本人) does not show the colleague's target
    expectError(await appeal(cadre, otherTarget), 404, 'NOT_FOUND');
    // an officer is no cadre appealing
    expectError(await appeal(orgdept, ownTarget), 403, 'FORBIDDEN');
    expect(await cases()).toBe(0);
  });

  let caseId = '';
  it('opens the case at 复核 with its deadline, in the organisation department’s 待办 and her 我发起的', async () => {
    const res = await appeal(cadre, ownTarget);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<GradeAppeal>();
    expect(body).toMatchObject({ roundId, targetId: ownTarget, status: 'open', stepName: '复核' });
    caseId = body.caseId;
    expect((await inboxOf(orgdept)).items).toEqual([
      expect.objectContaining({ id: caseId, step: '复核', dueOn: '2026-11-30', overdue: false }),
    ]);
    expect((await inboxOf(otherOrgdept)).items).toEqual([]);
    expect((await inboxOf(cadre)).mine).toEqual([expect.objectContaining({ id: caseId, step: '复核' })]);
    const mine = await injectAs(t, cadre, { method: 'GET', url: '/api/assessment/appeals/mine' });
    expect(mine.json<GradeAppealList>()).toEqual({
      items: [expect.objectContaining({ caseId, targetId: ownTarget, status: 'open', stepName: '复核' })],
      // her own result only, not her colleague's in the same round
      appealableTargetIds: [ownTarget],
    });
  });

  it('a second appeal while the first is handled is refused', async () => {
    expectError(await appeal(cadre, ownTarget), 409, 'APPEAL_OPEN');
    expect(await cases()).toBe(1);
  });

  it('复核 decides with its opinion; the appeal shows done and a new one may be made', async () => {
    const res = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      payload: { action: 'decide', comment: '经复核，测评票数统计无误，维持原等次' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = await injectAs(t, cadre, { method: 'GET', url: '/api/assessment/appeals/mine' });
    expect(mine.json<GradeAppealList>().items).toEqual([
      expect.objectContaining({ caseId, status: 'done', stepName: null }),
    ]);
    expect((await inboxOf(orgdept)).items).toEqual([]);
    expect((await appeal(cadre, ownTarget)).statusCode).toBe(200);
    expect(await cases()).toBe(2);
  });
});
