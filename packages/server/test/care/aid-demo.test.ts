import type { AidCase, LeaveCadreYear } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

/**
 * The demo district's leave and aid (demo seed on 2026-11-01; test clock 2026-11-02; Fengze): street1 records
 * the demo cadre's annual leave 2026-04-07…09 (3 working days: 清明 ends on the 6th) and 2026-07-13…17 (5);
 * it opened a hardship case on 2026-03-01 visited on 2026-08-01 (next 2027-02-01), one on 2026-10-01 (next
 * 2027-04-01, 6 months) and a duty-death family case on 2026-07-01 (next 2026-10-01, 3 months: overdue).
 */
let t: TestApp;
let street1: Session;
let cadre: Session;
beforeAll(async () => {
  t = await createTestApp();
  street1 = await loginAs(t, 'street1');
  cadre = await loginAs(t, 'cadre');
});
afterAll(async () => t.close());

const get = <T>(s: Session, url: string) =>
  injectAs(t, s, { method: 'GET', url }).then((res) => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  });

describe('[care] demo leave and aid', () => {
  it('the demo cadre has two annual leaves (3 + 5 working days) and her balance is the entitlement less 8', async () => {
    const mine = await get<LeaveCadreYear>(cadre, '/api/care/leave/mine?year=2026');
    expect(mine.records.map((r) => [r.kind, r.startOn, r.endOn, r.days])).toEqual([
      ['annual', '2026-04-07', '2026-04-09', 3],
      ['annual', '2026-07-13', '2026-07-17', 5],
    ]);
    expect(mine.balance.entitled).not.toBeNull();
    expect(mine.balance).toMatchObject({ takenAnnual: 8, balance: (mine.balance.entitled ?? 0) - 8 });
  });

  it('three aid cases; the duty-death family’s follow-up is overdue and in street1’s inbox', async () => {
    const list = await get<{ items: AidCase[] }>(street1, '/api/care/aid/cases');
    const byOpened = Object.fromEntries(list.items.map((c) => [c.openedOn, c]));
    expect(byOpened['2026-07-01']).toMatchObject({
      kindId: 'duty_death',
      nextDueOn: '2026-10-01',
      dueState: 'overdue',
      checklistDone: 1,
      checklistTotal: 5,
      familyContact: '陈*',
    });
    expect(byOpened['2026-03-01']).toMatchObject({
      kindId: 'hardship',
      lastVisitOn: '2026-08-01',
      nextDueOn: '2027-02-01',
      dueState: 'scheduled',
      checklistDone: 2,
    });
    expect(byOpened['2026-10-01']).toMatchObject({ kindId: 'hardship', nextDueOn: '2027-04-01' });
    const inbox = await get<{
      items: { kind: string; dueOn: string | null; overdue: boolean; title: string }[];
    }>(street1, '/api/inbox');
    const due = inbox.items.filter((i) => i.kind === 'care.aid_follow_up');
    expect(due.map((i) => i.dueOn).sort()).toEqual(['2026-10-01', '2027-02-01', '2027-04-01']);
    expect(due.find((i) => i.dueOn === '2026-10-01')).toMatchObject({ overdue: true });
  });
});
