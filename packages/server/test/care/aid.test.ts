import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 困难帮扶与因公殉职家属关爱 (R-CARE-3). The test clock reads 2026-11-02 ("due soon": to 2026-12-31). Fengze's
// aid kinds: 困难帮扶 (3 checklist items, a follow-up every 6 months) and 因公殉职家属关爱 (5 items, every 3
// months).
let t: TestApp;
let streetAdmin: Session;
let otherAdmin: Session;
let leader: Session;
let aId: string;
let caseId: string;

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });
const inboxOf = async (s: Session) =>
  (await as(s, 'GET', '/api/inbox')).json<{ items: (Json & { kind: string; link: string })[] }>().items;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const other = await newOrg(t.db);
  aId = (await newCadre(t.db, { orgId: street.id, name: '林志强' })).id;
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  otherAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  leader = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['leader'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

describe('a duty-death family case', () => {
  it('opens with the pack’s 5-item checklist; first follow-up due 3 months after 2026-07-01 (2026-10-01, overdue) in the unit admin’s inbox', async () => {
    const res = await as(streetAdmin, 'POST', '/api/care/aid/cases', {
      cadreId: aId,
      kindId: 'duty_death',
      openedOn: '2026-07-01',
      familyContact: '李秀英（妻子）',
      familyPhone: '13812345678',
      situation: '丈夫因公殉职，育有一子在读初中',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<Json & { id: string; checklist: Json[] }>();
    caseId = c.id;
    expect(c).toMatchObject({
      cadreName: '林志强',
      kindName: '因公殉职家属关爱',
      status: 'open',
      nextDueOn: '2026-10-01',
      dueState: 'overdue',
      checklistDone: 0,
      checklistTotal: 5,
      familyContact: '李*',
      familyPhone: '138****5678',
      situation: '***',
      revealed: false,
      explanation:
        '2026-07-01 立案，因公殉职家属关爱每3个月走访回访一次，下次应于 2026-10-01 前，已逾期；事项清单完成 0/5 项',
    });
    expect(c.checklist.map((i) => i.id)).toEqual([
      'pension',
      'survivor_aid',
      'children',
      'medical',
      'festival_visit',
    ]);
    const due = (await inboxOf(streetAdmin)).filter((i) => i.kind === 'care.aid_follow_up');
    expect(due).toEqual([
      expect.objectContaining({
        title: '林志强（因公殉职家属关爱）走访回访',
        dueOn: '2026-10-01',
        overdue: true,
      }),
    ]);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'care.aid.open' AND object_id = $1`, [
        caseId,
      ]),
    ).toBe(1);
    // the family's details are encrypted at rest
    expect(
      await adminCount(t.db, `SELECT 1 FROM care_aid_cases WHERE id = $1 AND family_enc LIKE '%李秀英%'`, [
        caseId,
      ]),
    ).toBe(0);
  });

  it('family details: masked in the list; in clear on reveal for the unit admin (audited); refused to a leader', async () => {
    const list = (await as(leader, 'GET', '/api/care/aid/cases')).json<{ items: Json[]; policy: Json }>();
    expect(list.policy).toMatchObject({ maySeeFamily: false });
    expect(list.items).toEqual([
      expect.objectContaining({ id: caseId, familyContact: '李*', situation: '***' }),
    ]);
    expectError(await as(leader, 'GET', `/api/care/aid/cases/${caseId}?reveal=1`), 403, 'FORBIDDEN');
    const shown = (await as(streetAdmin, 'GET', `/api/care/aid/cases/${caseId}?reveal=1`)).json<Json>();
    expect(shown).toMatchObject({
      familyContact: '李秀英（妻子）',
      familyPhone: '13812345678',
      situation: '丈夫因公殉职，育有一子在读初中',
      revealed: true,
    });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'care.aid.reveal' AND object_id = $1`, [
        caseId,
      ]),
    ).toBe(1);
    // another street sees nothing of it
    expectError(await as(otherAdmin, 'GET', `/api/care/aid/cases/${caseId}`), 404, 'NOT_FOUND');
    const foreign = (await as(otherAdmin, 'GET', '/api/care/aid/cases')).json<{ items: Json[] }>();
    expect(foreign.items.map((i) => i.id)).not.toContain(caseId);
  });

  it('checklist items are done with date and note; an item not in the kind or a future date is refused', async () => {
    const res = await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/items/pension`, {
      doneOn: '2026-07-15',
      note: '一次性抚恤金已发放',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{ checklistDone: number; checklist: Json[] }>();
    expect(c.checklistDone).toBe(1);
    expect(c.checklist[0]).toEqual({
      id: 'pension',
      name: '抚恤金发放',
      doneOn: '2026-07-15',
      note: '一次性抚恤金已发放',
    });
    expectError(
      await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/items/grant`, { doneOn: '2026-07-15' }),
      400,
      'CARE_AID_ITEM_UNKNOWN',
    );
    expectError(
      await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/items/medical`, { doneOn: '2026-11-03' }),
      400,
      'CARE_AID_DATE',
    );
    expectError(
      await as(otherAdmin, 'POST', `/api/care/aid/cases/${caseId}/items/medical`, { doneOn: '2026-10-03' }),
      404,
      'NOT_FOUND',
    );
  });

  it('a visit on 2026-10-20 moves the next follow-up to 2027-01-20; the overdue reminder is resolved and the new one posted', async () => {
    const res = await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/visits`, {
      visitedOn: '2026-10-20',
      visitors: '街道党工委书记 张明',
      content: '走访慰问，了解子女就学情况',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Json>()).toMatchObject({
      lastVisitOn: '2026-10-20',
      nextDueOn: '2027-01-20',
      dueState: 'scheduled',
      visits: [{ visitedOn: '2026-10-20', visitors: '街道党工委书记 张明' }],
    });
    const due = (await inboxOf(streetAdmin)).filter((i) => i.kind === 'care.aid_follow_up');
    expect(due).toEqual([expect.objectContaining({ dueOn: '2027-01-20', overdue: false })]);
  });

  it('refuses a kind the pack has not; closes the case (reminder resolved), after which nothing changes', async () => {
    expectError(
      await as(streetAdmin, 'POST', '/api/care/aid/cases', {
        cadreId: aId,
        kindId: 'flood',
        openedOn: '2026-07-01',
        familyContact: '某',
        situation: '某',
      }),
      400,
      'CARE_AID_KIND_UNKNOWN',
    );
    const closed = await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/close`, {
      closedOn: '2026-11-02',
      note: '各项优抚政策已落实',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Json>()).toMatchObject({ status: 'closed', nextDueOn: null, dueState: 'closed' });
    expect((await inboxOf(streetAdmin)).filter((i) => i.kind === 'care.aid_follow_up')).toEqual([]);
    expectError(
      await as(streetAdmin, 'POST', `/api/care/aid/cases/${caseId}/visits`, {
        visitedOn: '2026-11-02',
        visitors: '张明',
        content: '回访',
      }),
      409,
      'CARE_AID_CLOSED',
    );
    const closedList = (await as(streetAdmin, 'GET', '/api/care/aid/cases?state=closed')).json<{
      total: number;
    }>();
    expect(closedList.total).toBe(1);
  });
});
