import type { Role, ScopeMode } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setScope } from '../../src/platform/scope-settings.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn, type UserFactoryResult } from '../factories/users.ts';
import { createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// The test clock reads 2026-11-02. Fengze (the demo district's pack): one plan 干部职工年度体检, everyone,
// every 12 months. Jinan: 村（社区）干部健康查体, cadres of villages and communities, every 12 months.
let t: TestApp;
let orgdept: Session;
let district: { id: string; path: string };

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

interface Coverage {
  rows: { orgId: string | null; orgName: string; planned: number; done: number; rate: number | null }[];
  total: { planned: number; done: number; rate: number | null };
  explanation: string;
}
const coverage = async (s: Session, orgId: string, year = 2026) => {
  const res = await as(s, 'GET', `/api/care/coverage?year=${year}&kind=health&orgId=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Coverage>();
};
const cadres = async (orgId: string, n: number, prefix: string) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await newCadre(t.db, { orgId, name: `${prefix}${i + 1}` })).id);
  return ids;
};
const admin = async (orgId: string, roles: Role[] = ['unit_admin'], scopeMode: ScopeMode = 'subtree') =>
  signIn(t, await newUser(t.db, { orgId, roles, scopeMode }));

beforeAll(async () => {
  t = await createTestApp();
  district = (
    await t.db.admin.query<{ id: string; path: string }>(
      'SELECT id, path::text AS path FROM orgs WHERE parent_id IS NULL',
    )
  ).rows[0]!;
  orgdept = await admin(district.id, ['orgdept'], 'all');
});
afterAll(async () => t.close());

describe('health check coverage (R-CARE-1)', () => {
  it('Fengze: everyone is due; a unit with 2 of its own and a community of 2, one checked → 25.0%', async () => {
    const street = await newOrg(t.db);
    const community = await newOrg(t.db, { parentId: street.id, kind: 'community', name: '测试社区甲' });
    const own = await cadres(street.id, 2, '丰泽街道干部');
    await cadres(community.id, 2, '丰泽社区干部');
    const streetAdmin = await admin(street.id);
    const marked = await as(streetAdmin, 'POST', '/api/care/health/checks', {
      planId: 'yearly',
      doneOn: '2026-05-10',
      cadreIds: [own[0]],
    });
    expect(marked.json()).toEqual({ recorded: 1, already: 0 });
    // marking again leaves it as it was
    expect(
      (
        await as(streetAdmin, 'POST', '/api/care/health/checks', {
          planId: 'yearly',
          doneOn: '2026-05-11',
          cadreIds: [own[0]],
        })
      ).json(),
    ).toEqual({ recorded: 0, already: 1 });
    const c = await coverage(streetAdmin, street.id);
    expect(c.rows).toEqual([
      { orgId: community.id, orgName: '测试社区甲', planned: 2, done: 0, rate: 0 },
      { orgId: null, orgName: `${street.name}（本级）`, planned: 2, done: 1, rate: 50 },
    ]);
    // 1 of 4: 25.0%
    expect(c.total).toEqual({ planned: 4, done: 1, rate: 25 });
    expect(c.explanation).toContain('干部职工年度体检（全部在职干部，每12个月一次）');
    expect(c.explanation).toContain('不保存体检结果');
    // last year: the cadres are due (a yearly plan) and nothing is recorded
    expect((await coverage(streetAdmin, street.id, 2025)).total).toEqual({ planned: 4, done: 0, rate: 0 });
  });

  it('refuses a day after today, an unknown plan, and a cadre outside the caller’s scope; changes nothing', async () => {
    const street = await newOrg(t.db);
    const other = await newOrg(t.db);
    const [a] = await cadres(street.id, 1, '甲');
    const [b] = await cadres(other.id, 1, '乙');
    const s = await admin(street.id);
    expectError(
      await as(s, 'POST', '/api/care/health/checks', {
        planId: 'yearly',
        doneOn: '2026-11-03',
        cadreIds: [a],
      }),
      400,
      'HEALTH_DATE_FUTURE',
    );
    expectError(
      await as(s, 'POST', '/api/care/health/checks', { planId: 'nope', doneOn: '2026-11-02', cadreIds: [a] }),
      400,
      'HEALTH_PLAN_UNKNOWN',
    );
    const res = await as(s, 'POST', '/api/care/health/checks', {
      planId: 'yearly',
      doneOn: '2026-11-02',
      cadreIds: [a, b],
    });
    // a cadre of another street is not found, and its id is not echoed back (the route matrix: no foreign id out)
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body).not.toContain(b);
    const n = await t.db.admin.query('SELECT 1 FROM care_health_checks WHERE cadre_id = ANY($1)', [[a, b]]);
    expect(n.rowCount).toBe(0);
  });

  it('records a follow-up (what, not a result), lists the due and the done, and withdraws a check', async () => {
    const street = await newOrg(t.db);
    const [a, b] = await cadres(street.id, 2, '复查');
    const s = await admin(street.id);
    await as(s, 'POST', '/api/care/health/checks', { planId: 'yearly', doneOn: '2026-04-01', cadreIds: [a] });
    const list = await as(s, 'GET', `/api/care/health/checks?year=2026&orgId=${street.id}`);
    const items = list.json<{ items: { cadreId: string; checkId: string | null; doneOn: string | null }[] }>()
      .items;
    expect(items.map((i) => [i.cadreId, i.doneOn])).toEqual([
      [a, '2026-04-01'],
      [b, null],
    ]);
    const checkId = items[0]!.checkId!;
    const upd = await as(s, 'PUT', `/api/care/health/checks/${checkId}`, {
      doneOn: '2026-04-02',
      followUp: true,
      followUpNote: '三个月后复查',
    });
    expect(upd.json()).toMatchObject({ doneOn: '2026-04-02', followUp: true, followUpNote: '三个月后复查' });
    expectError(
      await as(s, 'PUT', `/api/care/health/checks/${checkId}`, { doneOn: '2025-12-01', followUp: false }),
      400,
      'VALIDATION',
    );
    const fu = await as(s, 'GET', `/api/care/health/checks?year=2026&orgId=${street.id}&state=follow_up`);
    expect(fu.json<{ total: number }>().total).toBe(1);
    expect((await as(s, 'DELETE', `/api/care/health/checks/${checkId}`)).statusCode).toBe(200);
    expect((await coverage(s, street.id)).total).toEqual({ planned: 2, done: 0, rate: 0 });
  });

  it('Jinan: village and community cadres are due yearly — a community with 5 due and 3 checked → 60.0%', async () => {
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'jinan' })).statusCode).toBe(200);
    try {
      const street = await newOrg(t.db);
      const community = await newOrg(t.db, {
        parentId: street.id,
        kind: 'community',
        name: '济南测试社区',
        sortOrder: 1,
      });
      const village = await newOrg(t.db, {
        parentId: street.id,
        kind: 'village',
        name: '济南测试村',
        sortOrder: 2,
      });
      const c = await cadres(community.id, 5, '社区干部');
      await cadres(village.id, 2, '村干部');
      const [streetCadre] = await cadres(street.id, 2, '街道干部');
      const s = await admin(street.id);
      expectError(
        await as(s, 'POST', '/api/care/health/checks', {
          planId: 'village_yearly',
          doneOn: '2026-06-18',
          cadreIds: [streetCadre],
        }),
        400,
        'HEALTH_NOT_DUE',
      );
      const marked = await as(s, 'POST', '/api/care/health/checks', {
        planId: 'village_yearly',
        doneOn: '2026-06-18',
        cadreIds: c.slice(0, 3),
      });
      expect(marked.json()).toEqual({ recorded: 3, already: 0 });
      const cov = await coverage(s, street.id);
      // the street's own 2 cadres are not due (no row of its own); 3 of the community's 5: 60.0%
      expect(cov.rows).toEqual([
        { orgId: community.id, orgName: '济南测试社区', planned: 5, done: 3, rate: 60 },
        { orgId: village.id, orgName: '济南测试村', planned: 2, done: 0, rate: 0 },
      ]);
      // 3 of 7: 42.857… → 42.9%
      expect(cov.total).toEqual({ planned: 7, done: 3, rate: 42.9 });
      expect(cov.explanation).toContain('村（社区）干部健康查体（所在单位为村或社区，每12个月一次）');
    } finally {
      await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'fengze' });
    }
  });
});

describe('mental-health support requests: only the named officer and the cadre (R-CARE-1)', () => {
  const BODY = '最近压力很大，夜里睡不着，想找人聊聊';
  const ANSWER = '周三下午三点在心理咨询室见面';
  let street: { id: string; path: string };
  let requester: UserFactoryResult & { cadreId: string };
  let officerUser: UserFactoryResult;
  let requestId: string;

  /** The rows the account's scope sees in the table itself (row-level security, past every route). */
  async function visibleRows(
    u: { id: string },
    roles: Role[],
    scopeMode: ScopeMode,
    orgId: string,
    cadreId: string | null,
  ) {
    const org = (
      await t.db.admin.query<{ path: string }>('SELECT path::text AS path FROM orgs WHERE id = $1', [orgId])
    ).rows[0]!;
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      await setScope(c, {
        userId: u.id,
        sessionId: '',
        username: 'x',
        roles,
        scopeMode,
        orgId,
        orgPath: org.path,
        cadreId,
        csrfToken: '',
        mustChangePassword: false,
        mustEnrolTotp: false,
      });
      const { rows } = await c.query<{ id: string }>('SELECT id FROM care_support_requests');
      return rows.map((r) => r.id);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  }

  beforeAll(async () => {
    const s = await newOrg(t.db);
    street = { id: s.id, path: s.path };
    const [cadreId] = await cadres(s.id, 1, '求助干部');
    requester = {
      ...(await newUser(t.db, { orgId: s.id, roles: ['cadre'], scopeMode: 'self', cadreId })),
      cadreId: cadreId!,
    };
    officerUser = await newUser(t.db, {
      orgId: district.id,
      roles: ['orgdept'],
      scopeMode: 'all',
      displayName: '关爱专员王',
    });
  });

  it('a cadre files a request naming the officer 组织部 designated', async () => {
    const officer = await as(orgdept, 'POST', '/api/care/officers', { username: officerUser.username });
    expect(officer.statusCode, officer.body).toBe(200);
    const officerId = officer.json<{ id: string }>().id;
    // a unit admin may not designate
    expectError(
      await as(await admin(street.id), 'POST', '/api/care/officers', { username: officerUser.username }),
      403,
      'FORBIDDEN',
    );
    const me = await signIn(t, requester);
    const choices = await as(me, 'GET', '/api/care/support/officers');
    expect(choices.json<{ items: { id: string; displayName: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: officerId, displayName: '关爱专员王' }),
    );
    expectError(
      await as(me, 'POST', '/api/care/support', { officerId: street.id, category: 'family', body: BODY }),
      400,
      'CARE_OFFICER_UNKNOWN',
    );
    const res = await as(me, 'POST', '/api/care/support', { officerId, category: 'work_stress', body: BODY });
    expect(res.statusCode, res.body).toBe(200);
    requestId = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({
      body: BODY,
      status: 'open',
      officerName: '关爱专员王',
      category: 'work_stress',
    });
  });

  it('no one else sees it: 组织部, the unit admin of the cadre’s street, a leader, another cadre', async () => {
    const others: [string, Role[], ScopeMode, string, string | null][] = [
      ['orgdept', ['orgdept'], 'all', district.id, null],
      ['unit_admin', ['unit_admin'], 'subtree', street.id, null],
      ['leader', ['leader'], 'all', district.id, null],
    ];
    for (const [label, roles, scopeMode, orgId] of others) {
      const u = await newUser(t.db, { orgId, roles, scopeMode });
      expect(await visibleRows(u, roles, scopeMode, orgId, null), label).toEqual([]);
      const s = await signIn(t, u);
      const assigned = await as(s, 'GET', '/api/care/support/assigned');
      expect(assigned.json<{ items: unknown[] }>().items, label).toEqual([]);
      if (roles.includes('orgdept') || roles.includes('unit_admin'))
        expectError(
          await as(s, 'POST', `/api/care/support/${requestId}/answer`, { answer: 'x' }),
          404,
          'NOT_FOUND',
        );
    }
    const [otherCadreId] = await cadres(street.id, 1, '同事');
    const colleague = await newUser(t.db, {
      orgId: street.id,
      roles: ['cadre'],
      scopeMode: 'self',
      cadreId: otherCadreId,
    });
    expect(await visibleRows(colleague, ['cadre'], 'self', street.id, otherCadreId!)).toEqual([]);
    const cs = await signIn(t, colleague);
    expect((await as(cs, 'GET', '/api/care/support/mine')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('the officer and the cadre see it; the officer answers and closes', async () => {
    expect(await visibleRows(officerUser, ['orgdept'], 'all', district.id, null)).toEqual([requestId]);
    expect(await visibleRows(requester, ['cadre'], 'self', street.id, requester.cadreId)).toEqual([
      requestId,
    ]);
    const officer = await signIn(t, officerUser);
    const assigned = await as(officer, 'GET', '/api/care/support/assigned');
    expect(assigned.json<{ items: { id: string; body: string; cadreName: string }[] }>().items).toEqual([
      expect.objectContaining({ id: requestId, body: BODY, cadreName: '求助干部1' }),
    ]);
    const answered = await as(officer, 'POST', `/api/care/support/${requestId}/answer`, { answer: ANSWER });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: ANSWER });
    const me = await signIn(t, requester);
    expect((await as(me, 'GET', '/api/care/support/mine')).json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ id: requestId, answer: ANSWER, status: 'answered' }),
    ]);
    expect((await as(officer, 'POST', `/api/care/support/${requestId}/close`)).json()).toMatchObject({
      status: 'closed',
    });
    expectError(await as(officer, 'POST', `/api/care/support/${requestId}/close`), 409, 'CONFLICT');
  });

  it('the audit log records the steps without the request’s text or the answer', async () => {
    const { rows } = await t.db.admin.query<{ action: string; row: string }>(
      `SELECT action, row_to_json(a)::text AS row FROM audit_log a WHERE object_id = $1 ORDER BY id`,
      [requestId],
    );
    // (the refused answers and the second close are audited too, by route: they carry no body either)
    expect(rows.map((r) => r.action).filter((a) => a.startsWith('care.'))).toEqual([
      'care.support.create',
      'care.support.answer',
      'care.support.close',
    ]);
    for (const r of rows) {
      expect(r.row).not.toContain('压力');
      expect(r.row).not.toContain('心理咨询室');
      expect(r.row).not.toContain('work_stress');
    }
  });
});
