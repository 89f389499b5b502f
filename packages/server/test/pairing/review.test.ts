import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02; the demo district runs the Fengze pack (丰泽区街道干部考核), whose
// care.pairingReviewEveryMonths is 12: a pairing is reviewed 12 months after its start, then 12 months after
// its last review. "Due" shows from a month before the day (the page's reminder window).
const PACK = '丰泽区街道干部考核';
let t: TestApp;
let officer: Session;
const ids: Record<string, string> = {};

type Pairing = {
  id: string;
  reviewDueOn: string | null;
  reviewState: string | null;
  lastReviewOn: string | null;
  endedOn: string | null;
  reviewExplanation: string;
};

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const mentor = await newCadre(t.db, { orgId: street.id, name: '林志远', postTitle: '党工委书记' });
  officer = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  for (const [key, startedOn] of [
    ['later', '2026-03-01'],
    ['overdue', '2025-10-31'],
    ['due', '2025-11-30'],
  ] as const) {
    const cadre = await newCadre(t.db, { orgId: street.id });
    const res = await injectAs(t, officer, {
      method: 'POST',
      url: '/api/pairings',
      payload: { cadreId: cadre.id, mentorId: mentor.id, focus: '群众工作方法', startedOn },
    });
    expect(res.statusCode, res.body).toBe(200);
    ids[key] = res.json<{ id: string }>().id;
  }
});
afterAll(async () => t.close());

const list = async () =>
  new Map(
    (await injectAs(t, officer, { method: 'GET', url: '/api/pairings' }))
      .json<{ items: Pairing[] }>()
      .items.map((p) => [p.id, p]),
  );
const review = (id: string, payload: Record<string, unknown>) =>
  injectAs(t, officer, { method: 'POST', url: `/api/pairings/${id}/reviews`, payload });

describe('结对帮扶年度评议 (R-CARE-6)', () => {
  it('is due 12 months after the start: later, overdue, or due within the month', async () => {
    const all = await list();
    expect(all.get(ids.later!)).toMatchObject({
      reviewDueOn: '2027-03-01',
      reviewState: 'ok',
      lastReviewOn: null,
      reviewExplanation: `2026-03-01 开始结对，按${PACK}每12个月评议一次，应于2027-03-01前评议`,
    });
    // 2025-10-31 + 12 months = 2026-10-31, before 2026-11-02
    expect(all.get(ids.overdue!)).toMatchObject({ reviewDueOn: '2026-10-31', reviewState: 'overdue' });
    // 2026-11-30 is within a month of 2026-11-02 (2026-12-02)
    expect(all.get(ids.due!)).toMatchObject({ reviewDueOn: '2026-11-30', reviewState: 'due' });
  });

  it('a review to continue moves the next one 12 months after it', async () => {
    const res = await review(ids.overdue!, {
      reviewedOn: '2026-11-01',
      rating: 'good',
      summary: ' 帮扶成效明显 ',
      decision: 'continue',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      lastReviewOn: '2026-11-01',
      reviewDueOn: '2027-11-01',
      reviewState: 'ok',
      endedOn: null,
      reviewExplanation: `2026-11-01 上次评议，按${PACK}每12个月评议一次，应于2027-11-01前评议`,
    });
    const reviews = await injectAs(t, officer, {
      method: 'GET',
      url: `/api/pairings/${ids.overdue}/reviews`,
    });
    expect(reviews.json()).toMatchObject({
      items: [{ reviewedOn: '2026-11-01', rating: 'good', summary: '帮扶成效明显', decision: 'continue' }],
    });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'pairing.review' AND object_id = $1`, [
        ids.overdue,
      ]),
    ).toBe(1);
  });

  it('a review to end ends the pairing on its day; no review is due after', async () => {
    const res = await review(ids.due!, {
      reviewedOn: '2026-11-02',
      rating: 'average',
      summary: '对象已调整岗位',
      decision: 'end',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      endedOn: '2026-11-02',
      reviewState: null,
      lastReviewOn: '2026-11-02',
    });
  });

  it('refuses a review before the start or after today, and changes nothing', async () => {
    const early = await review(ids.later!, {
      reviewedOn: '2026-02-28',
      rating: 'good',
      summary: 'x',
      decision: 'continue',
    });
    expectError(early, 400, 'VALIDATION');
    expect(early.json<{ details: { problem: string } }>().details.problem).toBe('NOTE_OUTSIDE_PAIRING');
    const future = await review(ids.later!, {
      reviewedOn: '2026-11-03',
      rating: 'good',
      summary: 'x',
      decision: 'end',
    });
    expect(future.json<{ details: { problem: string } }>().details.problem).toBe('NOTE_IN_FUTURE');
    expect(await adminCount(t.db, 'SELECT 1 FROM pairing_reviews WHERE pairing_id = $1', [ids.later])).toBe(
      0,
    );
    expect((await list()).get(ids.later!)).toMatchObject({ endedOn: null, reviewDueOn: '2027-03-01' });
  });
});
