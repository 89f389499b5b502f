import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, injectAs, loginAs, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[cadre] self-service corrections (申请更正)', () => {
  it('a cadre asks for a correction of their own record; an officer decides once', async () => {
    const me = await loginAs(t, 'cadre');
    const cadreId = (
      (await t.db.admin.query<{ cadre_id: string }>(`SELECT cadre_id FROM users WHERE username = 'cadre'`))
        .rows[0] as { cadre_id: string }
    ).cadre_id;
    const other = (
      (
        await t.db.admin.query<{ id: string }>(
          `SELECT id FROM cadres WHERE id <> $1 AND org_path = (SELECT org_path FROM cadres WHERE id = $1) LIMIT 1`,
          [cadreId],
        )
      ).rows[0] as { id: string }
    ).id;

    const asked = await injectAs(t, me, {
      method: 'POST',
      url: `/api/cadres/${cadreId}/corrections`,
      payload: { field: 'phone', proposedValue: '13912345678', reason: '已换号' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const correction = asked.json<{ id: string; status: string; requestedBy: string }>();
    expect(correction.status).toBe('pending');
    // the officer's inbox: pending requests in scope, with the cadre's name; none for another street
    const inbox = await injectAs(t, await loginAs(t, 'street1'), {
      method: 'GET',
      url: '/api/cadre-corrections',
    });
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json<{ items: { id: string; cadreId: string }[] }>().items.map((i) => i.id)).toContain(
      correction.id,
    );
    const other2 = await injectAs(t, await loginAs(t, 'street2'), {
      method: 'GET',
      url: '/api/cadre-corrections',
    });
    expect(other2.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(correction.id);
    expectError(
      await injectAs(t, me, {
        method: 'POST',
        url: `/api/cadres/${other}/corrections`,
        payload: { field: 'phone', proposedValue: '1' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await injectAs(t, me, {
        method: 'POST',
        url: `/api/cadre-corrections/${correction.id}/decision`,
        payload: { status: 'accepted' },
      }),
      403,
      'FORBIDDEN',
    );

    const officer = await loginAs(t, 'street1');
    const listed = await injectAs(t, officer, { method: 'GET', url: `/api/cadres/${cadreId}/corrections` });
    expect(
      listed.json<{ items: { id: string; reason: string }[] }>().items.map((c) => [c.id, c.reason]),
    ).toEqual([[correction.id, '已换号']]);
    const decided = await injectAs(t, officer, {
      method: 'POST',
      url: `/api/cadre-corrections/${correction.id}/decision`,
      payload: { status: 'accepted', note: '已核实' },
    });
    expect(decided.json()).toMatchObject({
      status: 'accepted',
      decisionNote: '已核实',
      decidedBy: '街道一管理员',
    });
    expectError(
      await injectAs(t, officer, {
        method: 'POST',
        url: `/api/cadre-corrections/${correction.id}/decision`,
        payload: { status: 'rejected' },
      }),
      409,
      'CONFLICT',
    );
  });
});
