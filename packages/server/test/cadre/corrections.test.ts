import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptLegacyCorrections } from '../../src/modules/cadre/corrections/routes.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import { adminCount, createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';

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

describe('[cadre] correction requests of sensitive fields (SECURITY 17, 18)', () => {
  const PHONE = '13912345678';
  const HEALTH = '高血压，定期复查';
  const FAMILY = '配偶 王某某，区财政局科员';

  async function ownCadreId(): Promise<string> {
    const { rows } = await t.db.admin.query<{ cadre_id: string }>(
      `SELECT cadre_id FROM users WHERE username = 'cadre'`,
    );
    return (rows[0] as { cadre_id: string }).cadre_id;
  }
  const reveals = async (cadreId: string) =>
    (
      await t.db.admin.query<{ after: { fields: string[]; corrections: string[] } }>(
        `SELECT after FROM audit_log WHERE action = 'cadre.reveal' AND object_id = $1 ORDER BY id`,
        [cadreId],
      )
    ).rows.map((r) => r.after);

  it('stores phone, health and family proposals encrypted; leader sees them masked; a reveal is audited', async () => {
    const cadreId = await ownCadreId();
    const me = await loginAs(t, 'cadre');
    const asked: Record<string, { id: string; proposedValue: string }> = {};
    for (const [field, proposedValue] of [
      ['phone', PHONE],
      ['health', HEALTH],
      ['family', FAMILY],
      ['postTitle', '党工委副书记'],
    ] as const) {
      const res = await injectAs(t, me, {
        method: 'POST',
        url: `/api/cadres/${cadreId}/corrections`,
        payload: { field, proposedValue },
      });
      expect(res.statusCode, res.body).toBe(200);
      asked[field] = res.json();
    }
    // the answer to the request is masked too
    expect(asked.phone?.proposedValue).toBe('139****5678');
    expect(asked.health?.proposedValue).toBe('***');
    expect(asked.family?.proposedValue).toBe('***');
    expect(asked.postTitle?.proposedValue).toBe('党工委副书记');

    // raw column bytes: no plaintext anywhere in the rows
    const raw = await t.db.admin.query<{
      field: string;
      proposed_value: string;
      enc: string | null;
      row: string;
    }>(
      `SELECT field, proposed_value, proposed_value_enc AS enc, k::text AS row FROM cadre_corrections k
        WHERE id = ANY($1::uuid[]) ORDER BY field`,
      [Object.values(asked).map((a) => a.id)],
    );
    expect(raw.rows.map((r) => [r.field, r.proposed_value, r.enc === null])).toEqual([
      ['family', '', false],
      ['health', '', false],
      ['phone', '', false],
      ['postTitle', '党工委副书记', true],
    ]);
    for (const r of raw.rows) {
      for (const secret of [PHONE, HEALTH, FAMILY, '12345678', '高血压', '王某某'])
        expect(r.row).not.toContain(secret);
      if (r.enc) expect(r.enc).toMatch(/^v1:aes:/);
    }

    const byField = (items: { field: string; proposedValue: string }[]) =>
      Object.fromEntries(items.map((i) => [i.field, i.proposedValue]));
    const masked = { phone: '139****5678', health: '***', family: '***', postTitle: '党工委副书记' };

    // leader: masked, and no reveal (403, nothing audited)
    const leader = await loginAs(t, 'leader');
    const seen = await injectAs(t, leader, { method: 'GET', url: `/api/cadres/${cadreId}/corrections` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(byField(seen.json<{ items: { field: string; proposedValue: string }[] }>().items)).toEqual(masked);
    expectError(
      await injectAs(t, leader, { method: 'GET', url: `/api/cadres/${cadreId}/corrections?reveal=true` }),
      403,
      'FORBIDDEN',
    );
    expect(await reveals(cadreId)).toEqual([]);

    // the officer's inbox is a list: masked like the roster
    const officer = await loginAs(t, 'street1');
    const inbox = await injectAs(t, officer, { method: 'GET', url: '/api/cadre-corrections' });
    expect(
      byField(
        inbox
          .json<{ items: { cadreId: string; field: string; proposedValue: string }[] }>()
          .items.filter((i) => i.cadreId === cadreId),
      ),
    ).toEqual(masked);

    // an officer allowed to see them: masked by default, clear on reveal, and that read audited
    const plain = await injectAs(t, officer, { method: 'GET', url: `/api/cadres/${cadreId}/corrections` });
    expect(byField(plain.json<{ items: { field: string; proposedValue: string }[] }>().items)).toEqual(
      masked,
    );
    expect(await reveals(cadreId)).toEqual([]);
    const clear = await injectAs(t, officer, {
      method: 'GET',
      url: `/api/cadres/${cadreId}/corrections?reveal=true`,
    });
    expect(clear.statusCode, clear.body).toBe(200);
    expect(byField(clear.json<{ items: { field: string; proposedValue: string }[] }>().items)).toEqual({
      phone: PHONE,
      health: HEALTH,
      family: FAMILY,
      postTitle: '党工委副书记',
    });
    const audited = await reveals(cadreId);
    expect(audited.map((a) => a.fields)).toEqual([['phone', 'health', 'family']]);
    // every sensitive request of the record (the first test's phone request too) is named
    const sensitiveIds = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM cadre_corrections WHERE cadre_id = $1 AND field IN ('phone', 'health', 'family') ORDER BY id`,
      [cadreId],
    );
    expect(sensitiveIds.rows).toHaveLength(4);
    expect([...(audited[0]?.corrections ?? [])].sort()).toEqual(sensitiveIds.rows.map((r) => r.id).sort());

    // the cadre sees their own in clear on reveal, as on their record
    const own = await injectAs(t, me, {
      method: 'GET',
      url: `/api/cadres/${cadreId}/corrections?reveal=true`,
    });
    expect(byField(own.json<{ items: { field: string; proposedValue: string }[] }>().items).phone).toBe(
      PHONE,
    );
    expect(await reveals(cadreId)).toHaveLength(2);
  });

  it('requests stored in clear before the upgrade are encrypted once at start, and audited', async () => {
    const cadreId = await ownCadreId();
    await t.db.admin.query(
      `INSERT INTO cadre_corrections (cadre_id, org_path, requested_by, field, proposed_value)
       SELECT c.id, c.org_path, u.id, 'phone', '13700001111' FROM cadres c, users u
        WHERE c.id = $1 AND u.username = 'cadre'`,
      [cadreId],
    );
    const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
    expect(await encryptLegacyCorrections(t.db.pool, cipher, t.clock.now())).toBe(1);
    expect(await encryptLegacyCorrections(t.db.pool, cipher, t.clock.now())).toBe(0);
    const { rows } = await t.db.admin.query<{ proposed_value: string; enc: string }>(
      `SELECT proposed_value, proposed_value_enc AS enc FROM cadre_corrections WHERE cadre_id = $1 AND field = 'phone'
          AND proposed_value_enc IS NOT NULL`,
      [cadreId],
    );
    expect(rows.map((r) => r.proposed_value)).toEqual(rows.map(() => ''));
    expect(rows.map((r) => cipher.decrypt(r.enc))).toContain('13700001111');
    expect(
      await adminCount(t.db, `SELECT 1 FROM cadre_corrections WHERE proposed_value LIKE '%13700001111%'`),
    ).toBe(0);
    const audit = await t.db.admin.query<{ after: unknown; actor_id: string | null }>(
      `SELECT after, actor_id FROM audit_log WHERE action = 'cadre.correction.encrypt'`,
    );
    expect(audit.rows).toEqual([{ after: { count: 1 }, actor_id: null }]);
  });
});
