import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02: "today" for the pairing rules.
let t: TestApp;
let officer: Session;
let mentee: Session;
let other: Session;
let leaderId: string;
let youngId: string;
let pairingId: string;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const leader = await newCadre(t.db, { orgId: street.id, name: '林志远', postTitle: '党工委书记' });
  const young = await newCadre(t.db, { orgId: street.id, name: '许晓雯', birthDate: '1999-08' });
  const colleague = await newCadre(t.db, { orgId: street.id, name: '郑凯' });
  leaderId = leader.id;
  youngId = young.id;
  officer = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const self = (cadreId: string) =>
    newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId });
  mentee = await signIn(t, await self(young.id));
  other = await signIn(t, await self(colleague.id));
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: Record<string, unknown>) =>
  injectAs(t, s, { method: 'POST', url, payload });

describe('结对帮扶 (pairing)', () => {
  it('pairs the street leader with its youngest cadre and lists it with its unit and mentor post', async () => {
    const res = await post(officer, '/api/pairings', {
      cadreId: youngId,
      mentorId: leaderId,
      focus: ' 群众工作方法 ',
      startedOn: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<{ id: string }>();
    pairingId = p.id;
    expect(p).toMatchObject({
      cadreName: '许晓雯',
      mentorName: '林志远',
      mentorPost: '党工委书记',
      focus: '群众工作方法',
      startedOn: '2026-03-01',
      endedOn: null,
      noteCount: 0,
      lastNoteOn: null,
    });
    const list = await injectAs(t, officer, { method: 'GET', url: '/api/pairings?current=true' });
    expect(list.json<{ total: number; items: { id: string }[] }>()).toMatchObject({
      total: 1,
      items: [{ id: pairingId }],
    });
    // audited with its label's action code
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'pairing.create' AND object_id = $1`, [
        pairingId,
      ]),
    ).toBe(1);
  });

  it('refuses a mentor who is the cadre, a start after today, and a second open pairing of the same two', async () => {
    const self = await post(officer, '/api/pairings', {
      cadreId: youngId,
      mentorId: youngId,
      focus: 'x',
      startedOn: '2026-03-01',
    });
    expectError(self, 400, 'VALIDATION');
    expect(self.json<{ details: { problem: string } }>().details.problem).toBe('PAIRING_SELF');
    const future = await post(officer, '/api/pairings', {
      cadreId: youngId,
      mentorId: leaderId,
      focus: 'x',
      startedOn: '2026-11-03',
    });
    expect(future.json<{ details: { problem: string } }>().details.problem).toBe('PAIRING_STARTS_IN_FUTURE');
    expectError(
      await post(officer, '/api/pairings', {
        cadreId: youngId,
        mentorId: leaderId,
        focus: 'x',
        startedOn: '2026-04-01',
      }),
      409,
      'CONFLICT',
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM pairings WHERE cadre_id = $1', [youngId])).toBe(1);
  });

  it('takes notes dated within the pairing, newest first, and counts them', async () => {
    const early = await post(officer, `/api/pairings/${pairingId}/notes`, {
      notedOn: '2026-02-28',
      content: '早于结对',
    });
    expect(early.json<{ details: { problem: string } }>().details.problem).toBe('NOTE_OUTSIDE_PAIRING');
    await post(officer, `/api/pairings/${pairingId}/notes`, {
      notedOn: '2026-03-15',
      content: '谈心谈话一次',
    });
    const res = await post(officer, `/api/pairings/${pairingId}/notes`, {
      notedOn: '2026-06-20',
      content: '带领走访重点户',
    });
    expect(res.json<{ items: { notedOn: string; content: string }[] }>().items.map((n) => n.notedOn)).toEqual(
      ['2026-06-20', '2026-03-15'],
    );
    const list = await injectAs(t, officer, { method: 'GET', url: '/api/pairings' });
    expect(list.json<{ items: { noteCount: number; lastNoteOn: string }[] }>().items[0]).toMatchObject({
      noteCount: 2,
      lastNoteOn: '2026-06-20',
    });
  });

  it('ends a pairing not before its start; a note after the end is refused', async () => {
    const before = await injectAs(t, officer, {
      method: 'PATCH',
      url: `/api/pairings/${pairingId}`,
      payload: { endedOn: '2026-02-01' },
    });
    expect(before.json<{ details: { problem: string } }>().details.problem).toBe('PAIRING_ENDS_BEFORE_START');
    const end = await injectAs(t, officer, {
      method: 'PATCH',
      url: `/api/pairings/${pairingId}`,
      payload: { endedOn: '2026-09-30' },
    });
    expect(end.json<{ endedOn: string }>().endedOn).toBe('2026-09-30');
    const late = await post(officer, `/api/pairings/${pairingId}/notes`, {
      notedOn: '2026-10-08',
      content: '结束后',
    });
    expect(late.json<{ details: { problem: string } }>().details.problem).toBe('NOTE_OUTSIDE_PAIRING');
    const current = await injectAs(t, officer, { method: 'GET', url: '/api/pairings?current=true' });
    expect(current.json<{ total: number }>().total).toBe(0);
  });

  it('the cadre (仅本人) reads her own pairing and its notes; a colleague sees none; neither may write', async () => {
    const own = await injectAs(t, mentee, { method: 'GET', url: '/api/pairings' });
    expect(own.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([pairingId]);
    const notes = await injectAs(t, mentee, { method: 'GET', url: `/api/pairings/${pairingId}/notes` });
    expect(notes.json<{ items: unknown[] }>().items).toHaveLength(2);
    expect(
      (await injectAs(t, other, { method: 'GET', url: '/api/pairings' })).json<{ total: number }>().total,
    ).toBe(0);
    expectError(
      await injectAs(t, other, { method: 'GET', url: `/api/pairings/${pairingId}/notes` }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await post(mentee, `/api/pairings/${pairingId}/notes`, { notedOn: '2026-05-01', content: '本人' }),
      403,
      'FORBIDDEN',
    );
  });
});
