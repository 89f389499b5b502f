import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibilityOf, refreshWarnings } from '../../src/modules/eligibility/service.ts';
import { newCadre } from '../factories/cadre.ts';
import { newClarification, newDisciplineRecord, newToleranceDecision } from '../factories/discipline-sql.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02 (Asia/Shanghai): "today" when no date is given.
let t: TestApp;
let orgdept: Session;
let liaison: Session;
let streetAdmin: Session;
let selfA: Session;
let selfB: Session;
const id: Record<'a' | 'b' | 'exempted' | 'cleared' | 'pending' | 'warned', string> = {
  a: '',
  b: '',
  exempted: '',
  cleared: '',
  pending: '',
  warned: '',
};

let streetId = '';

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  streetId = street.id;
  for (const k of Object.keys(id) as (keyof typeof id)[])
    id[k] = (await newCadre(t.db, { orgId: street.id })).id;
  // a: 诫勉 of 2026-03-02; exempted: the same, exempted by a 免责 decision of 2026-05-10
  await newDisciplineRecord(t.db, {
    cadreId: id.a,
    kind: 'admonishment',
    decidedOn: '2026-03-02',
    documentNo: '丰组〔2026〕3号',
  });
  const r = await newDisciplineRecord(t.db, {
    cadreId: id.exempted,
    kind: 'admonishment',
    decidedOn: '2026-03-02',
    documentNo: '丰组〔2026〕4号',
  });
  await newToleranceDecision(t.db, {
    cadreId: id.exempted,
    recordIds: [r],
    outcome: 'exempt',
    decidedOn: '2026-05-10',
    documentNo: '丰容〔2026〕1号',
  });
  // cleared: a report concluded 不实; pending: a report not yet concluded
  await newClarification(t.db, {
    cadreId: id.cleared,
    receivedOn: '2026-02-01',
    conclusion: 'unfounded',
    concludedOn: '2026-03-15',
  });
  await newClarification(t.db, { cadreId: id.pending, receivedOn: '2026-10-20' });
  // warned: two 提醒 within 12 months
  await newDisciplineRecord(t.db, { cadreId: id.warned, kind: 'reminder', decidedOn: '2026-01-10' });
  await newDisciplineRecord(t.db, { cadreId: id.warned, kind: 'reminder', decidedOn: '2026-10-01' });

  const user = (roles: ('orgdept' | 'discipline' | 'unit_admin')[]) =>
    newUser(t.db, { orgId: street.id, roles, scopeMode: 'subtree' });
  orgdept = await signIn(t, await user(['orgdept']));
  liaison = await signIn(t, await user(['discipline']));
  streetAdmin = await signIn(t, await user(['unit_admin']));
  const self = async (cadreId: string) =>
    signIn(t, await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId }));
  selfA = await self(id.a);
  selfB = await self(id.b);
});
afterAll(async () => t.close());

const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });

type Answer = {
  eligible: boolean;
  purpose: string;
  purposeName: string;
  date: string;
  reasons: {
    rule: string;
    until: string | null;
    counts: boolean;
    explanation: string;
    exemption?: unknown;
  }[];
};

describe('GET /api/cadres/{id}/eligibility (the issue worked examples)', () => {
  it('诫勉 of 2026-03-02: no promotion through 2026-09-02, eligible from 2026-09-03; audited', async () => {
    const res = await get(orgdept, `/api/cadres/${id.a}/eligibility?date=2026-09-02&purpose=promotion`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<Answer>();
    expect(a).toMatchObject({
      eligible: false,
      purpose: 'promotion',
      purposeName: '提拔',
      date: '2026-09-02',
    });
    expect(a.reasons.map((r) => [r.rule, r.until, r.counts])).toEqual([
      ['admonishment_promotion', '2026-09-02', true],
    ]);
    expect(a.reasons[0]!.explanation).toBe(
      '诫勉（2026-03-02，文号 丰组〔2026〕3号）：受到诫勉的，六个月内不得提拔或者进一步使用——影响至 2026-09-02，' +
        '2026-09-03 起不再影响（依据《关于对党员领导干部进行诫勉的规定》（2019）条款待核）',
    );
    const next = await get(orgdept, `/api/cadres/${id.a}/eligibility?date=2026-09-03&purpose=promotion`);
    expect(next.json<Answer>()).toMatchObject({ eligible: true, reasons: [] });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'eligibility.read' AND object_id = $1`, [
        id.a,
      ]),
    ).toBe(2);
  });

  it('no 优秀 for 2026; the date defaults to today (2026-11-02)', async () => {
    const ex = await get(orgdept, `/api/cadres/${id.a}/eligibility?date=2026-12-31&purpose=excellent`);
    expect(ex.json<Answer>()).toMatchObject({
      eligible: false,
      reasons: [{ rule: 'admonishment_year', until: '2026-12-31' }],
    });
    const today = await get(orgdept, `/api/cadres/${id.a}/eligibility?purpose=promotion`);
    expect(today.json<Answer>()).toMatchObject({ date: '2026-11-02', eligible: true });
  });

  it('exempted by 免责 of 2026-05-10: eligible on 2026-06-01 with the exemption; not on 2026-04-01', async () => {
    const after = (
      await get(liaison, `/api/cadres/${id.exempted}/eligibility?date=2026-06-01&purpose=promotion`)
    ).json<Answer>();
    expect(after.eligible).toBe(true);
    expect(after.reasons).toHaveLength(1);
    expect(after.reasons[0]).toMatchObject({
      counts: false,
      exemption: { outcome: 'exempt', decidedOn: '2026-05-10', documentNo: '丰容〔2026〕1号' },
    });
    expect(after.reasons[0]!.explanation).toContain(
      '经容错免责决定（2026-05-10，文号 丰容〔2026〕1号）免责，不再计入',
    );
    const before = (
      await get(liaison, `/api/cadres/${id.exempted}/eligibility?date=2026-04-01&purpose=promotion`)
    ).json<Answer>();
    expect(before).toMatchObject({ eligible: false, reasons: [{ counts: true }] });
    expect(before.reasons[0]).not.toHaveProperty('exemption');
  });

  it('a 不实 report leaves no trace; a report under verification holds promotion back', async () => {
    const cleared = (
      await get(orgdept, `/api/cadres/${id.cleared}/eligibility?date=2026-04-01&purpose=promotion`)
    ).json<Answer>();
    expect(cleared).toEqual({
      eligible: true,
      purpose: 'promotion',
      purposeName: '提拔',
      date: '2026-04-01',
      reasons: [],
    });
    const pending = (
      await get(orgdept, `/api/cadres/${id.pending}/eligibility?purpose=promotion`)
    ).json<Answer>();
    expect(pending).toMatchObject({ eligible: false, reasons: [{ rule: 'pending_report', until: null }] });
  });

  it('every purpose at once for the record page', async () => {
    const res = await get(orgdept, `/api/cadres/${id.a}/eligibility/all?date=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json<{ date: string; items: Answer[] }>();
    expect(all.items.map((i) => [i.purpose, i.eligible])).toEqual([
      ['promotion', true],
      ['rank', true],
      ['excellent', false],
      ['honour', false],
      ['reserve', true],
      ['bonus', true],
    ]);
  });

  it('refuses a bad purpose or date with VALIDATION', async () => {
    expectError(await get(orgdept, `/api/cadres/${id.a}/eligibility`), 400, 'VALIDATION');
    expectError(await get(orgdept, `/api/cadres/${id.a}/eligibility?purpose=nonsense`), 400, 'VALIDATION');
    expectError(
      await get(orgdept, `/api/cadres/${id.a}/eligibility?purpose=promotion&date=2026-13-01`),
      400,
      'VALIDATION',
    );
  });
});

describe('who may ask', () => {
  it('a street admin is refused (403), though its scope shows the cadre', async () => {
    expectError(
      await get(streetAdmin, `/api/cadres/${id.a}/eligibility?purpose=promotion`),
      403,
      'FORBIDDEN',
    );
    expectError(await get(streetAdmin, `/api/cadres/${id.a}/eligibility/all`), 403, 'FORBIDDEN');
    expectError(await get(streetAdmin, `/api/cadres/${id.warned}/warnings`), 403, 'FORBIDDEN');
  });

  it('the cadre sees her own answer with its reasons, and no one else’s', async () => {
    const own = await get(selfA, `/api/cadres/${id.a}/eligibility?date=2026-04-01&purpose=promotion`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Answer>()).toMatchObject({
      eligible: false,
      reasons: [{ rule: 'admonishment_promotion' }],
    });
    expectError(await get(selfB, `/api/cadres/${id.a}/eligibility?purpose=promotion`), 403, 'FORBIDDEN');
    // early warnings are for the roles that handle them
    expectError(await get(selfA, `/api/cadres/${id.a}/warnings`), 403, 'FORBIDDEN');
  });
});

describe('GET /api/cadres/{id}/warnings', () => {
  it('two 提醒 within 12 months flag, to 组织部 and 纪检联络; no process is known yet', async () => {
    const res = await get(liaison, `/api/cadres/${id.warned}/warnings`);
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json<{
      date: string;
      processesKnown: boolean;
      items: { rule: string; notify: string[]; explanation: string }[];
    }>();
    expect(w.date).toBe('2026-11-02');
    expect(w.processesKnown).toBe(false);
    expect(w.items.map((i) => [i.rule, i.notify])).toEqual([
      ['reminders_in_year', ['orgdept', 'discipline']],
    ]);
    expect(w.items[0]!.explanation).toMatch(/^十二个月内两次被提醒：提醒 2026-01-10、提醒 2026-10-01/);
    // on 2027-01-11 the first one has left the window
    const later = (await get(liaison, `/api/cadres/${id.warned}/warnings?date=2027-01-11`)).json<{
      items: unknown[];
    }>();
    expect(later.items).toEqual([]);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'eligibility.warnings' AND object_id = $1`,
        [id.warned],
      ),
    ).toBe(2);
  });
});

describe('refreshWarnings (called by the discipline module after a record)', () => {
  it('posts each flag once to the inbox of the roles the pack names', async () => {
    const run = () =>
      asSystem(t.db, async (client) => {
        await client.query(`SELECT set_config('app.roles', 'orgdept,discipline', true)`);
        return refreshWarnings(
          { client, actor: null, now: new Date('2026-11-02T02:00:00Z'), audit: async () => {} },
          id.warned,
        );
      });
    expect((await run()).map((f) => f.rule)).toEqual(['reminders_in_year']);
    await run(); // the same flag again: no second notice
    const { rows } = await t.db.admin.query<{
      kind: string;
      title: string;
      link: string;
      recipient_roles: string[];
    }>(`SELECT kind, title, link, recipient_roles FROM inbox_notices WHERE source_key LIKE $1`, [
      `discipline.warning:${id.warned}:%`,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'discipline.warning',
      link: `/cadres/${id.warned}?tab=eligibility`,
      recipient_roles: ['orgdept', 'discipline'],
    });
    expect(rows[0]!.title).toMatch(/：十二个月内两次被提醒$/);
  });
});

describe('the roster filter 可提拔 on a date', () => {
  it('leaves out the cadres not eligible for promotion that day, for 组织部 only', async () => {
    const ids = async (date: string) => {
      const res = await get(orgdept, `/api/cadres?orgId=${streetId}&promotableOn=${date}&pageSize=50`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ total: number; items: { id: string }[] }>();
      expect(body.total).toBe(body.items.length);
      return body.items.map((i) => i.id).sort();
    };
    // 2026-06-01: a is admonished; exempted is exempted; the pending report arrives only on 2026-10-20
    expect(await ids('2026-06-01')).toEqual([id.b, id.exempted, id.cleared, id.pending, id.warned].sort());
    // 2026-11-02: a's six months are over; the report is under verification
    expect(await ids('2026-11-02')).toEqual([id.a, id.b, id.exempted, id.cleared, id.warned].sort());
    expectError(await get(streetAdmin, `/api/cadres?promotableOn=2026-06-01`), 403, 'FORBIDDEN');
    // the unfiltered roster is unchanged
    const all = (await get(orgdept, `/api/cadres?orgId=${streetId}&pageSize=50`)).json<{ total: number }>();
    expect(all.total).toBe(6);
  });
});

describe('eligibilityOf (the batch other modules call)', () => {
  it('answers several cadres with one query per table', async () => {
    const answers = await asSystem(t.db, async (client) => {
      await client.query(`SELECT set_config('app.roles', 'orgdept', true)`);
      return eligibilityOf(client, [id.a, id.exempted, id.b], '2026-06-01', 'promotion');
    });
    expect([...answers].map(([k, v]) => [k, v.eligible])).toEqual([
      [id.a, false],
      [id.exempted, true],
      [id.b, true],
    ]);
  });
});
