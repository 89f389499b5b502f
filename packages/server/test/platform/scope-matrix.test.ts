import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, ScopeMode } from '@ganbu/core';
import { newUser, signIn, type UserFactoryResult } from '../factories/users.ts';
import { createTestApp, injectAs, type Session, type TestApp } from '../helpers.ts';
import { REFUSAL_WINDOW_MS } from '../../src/platform/refusal-audit.ts';
import {
  buildFixture,
  isDocsRoute,
  loadFingerprints,
  loadMatrices,
  urlFor,
  type Fixture,
  type ModuleMatrix,
} from '../scope-matrix.ts';

let t: TestApp;
let fx: Fixture;
let matrices: Map<string, ModuleMatrix>;

/**
 * Actors confined to the own street (本单位及下级 / 本单位) or to themselves (仅本人), one per role that can
 * act on unit data; made by the user factory in the fixture's own street (admins with their TOTP).
 */
const ACTORS: { label: string; roles: Role[]; scope: ScopeMode; user?: UserFactoryResult }[] = [
  { label: 'unit_admin_own', roles: ['unit_admin'], scope: 'subtree' },
  { label: 'cadre_self', roles: ['cadre'], scope: 'self' },
  { label: 'orgdept_own', roles: ['orgdept'], scope: 'subtree' },
  { label: 'leader_own', roles: ['leader'], scope: 'unit' },
  { label: 'sysadmin_own', roles: ['sysadmin'], scope: 'subtree' },
  { label: 'secadmin_own', roles: ['secadmin'], scope: 'subtree' },
  // 纪检联络 (issue 12): reads and writes the confidential strict-management rows, inside its scope only
  { label: 'discipline_own', roles: ['discipline'], scope: 'subtree' },
];

beforeAll(async () => {
  t = await createTestApp();
  fx = await buildFixture(t.db);
  matrices = await loadMatrices();
  for (const a of ACTORS) {
    a.user = await newUser(t.db, {
      orgId: fx.own.orgId,
      roles: a.roles,
      scopeMode: a.scope,
      cadreId: a.scope === 'self' ? fx.own.cadreId : null,
    });
  }
});
afterAll(async () => t.close());

function login(a: (typeof ACTORS)[number]): Promise<Session> {
  if (!a.user) throw new Error(`actor ${a.label} was not created`);
  return signIn(t, a.user);
}

/**
 * md5 over every row of the foreign street (orgs, cadres, accounts, and its strict-management records,
 * filings, tolerance cases and clarifications): any change of street B shows.
 * (Failed-login counters are left out: anyone may try a password, and that counts by design.)
 */
async function foreignFingerprint(): Promise<string> {
  // the modules' own tables (issue 15 on): each module's `fingerprint` in its scope-matrix file
  const extra = (await loadFingerprints()).map((sql) => ` || coalesce((${sql}), '')`).join('');
  const { rows } = await t.db.admin.query<{ f: string }>(
    `SELECT md5(coalesce((SELECT string_agg(o::text, '|' ORDER BY o.id) FROM orgs o WHERE o.path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(c::text, '|' ORDER BY c.id) FROM cadres c WHERE c.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id) FROM cadre_appointments a WHERE a.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(k::text, '|' ORDER BY k.id) FROM cadre_corrections k WHERE k.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(r::text, '|' ORDER BY r.id) FROM assessment_rounds r WHERE r.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(p::text, '|' ORDER BY p.id) FROM pairings p
                            WHERE p.cadre_id IN (SELECT id FROM cadres WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(n::text, '|' ORDER BY n.id) FROM pairing_notes n
                            WHERE n.pairing_id IN (SELECT p.id FROM pairings p JOIN cadres c ON c.id = p.cadre_id
                                                    WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM assessment_targets x WHERE x.unit_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(d::text, '|' ORDER BY d.id) FROM discipline_records d
                            WHERE d.cadre_id IN (SELECT id FROM cadres WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(a.id::text || md5(a.bytes), '|' ORDER BY a.id) FROM discipline_attachments a
                            WHERE a.record_id IN (SELECT d.id FROM discipline_records d JOIN cadres c ON c.id = d.cadre_id
                                                   WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(f::text, '|' ORDER BY f.id) FROM risk_filings f WHERE f.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM tolerance_cases t
                            WHERE t.cadre_id IN (SELECT id FROM cadres WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(tr::text, '|' ORDER BY tr.tolerance_case_id, tr.record_id) FROM tolerance_case_records tr
                            WHERE tr.tolerance_case_id IN (SELECT t.id FROM tolerance_cases t JOIN cadres c ON c.id = t.cadre_id
                                                            WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(cm::text, '|' ORDER BY cm.tolerance_case_id, cm.user_id) FROM tolerance_committee_members cm
                            WHERE cm.tolerance_case_id IN (SELECT t.id FROM tolerance_cases t JOIN cadres c ON c.id = t.cadre_id
                                                            WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(m::text, '|' ORDER BY m.id) FROM tolerance_measures m
                            WHERE m.tolerance_case_id IN (SELECT t.id FROM tolerance_cases t JOIN cadres c ON c.id = t.cadre_id
                                                           WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(v::text, '|' ORDER BY v.id) FROM tolerance_followups v
                            WHERE v.tolerance_case_id IN (SELECT t.id FROM tolerance_cases t JOIN cadres c ON c.id = t.cadre_id
                                                           WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(k::text, '|' ORDER BY k.id) FROM clarifications k
                            WHERE k.cadre_id IN (SELECT id FROM cadres WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(ka::text, '|' ORDER BY ka.clarification_id) FROM clarification_accusers ka
                            WHERE ka.clarification_id IN (SELECT k.id FROM clarifications k JOIN cadres c ON c.id = k.cadre_id
                                                           WHERE c.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(k::text, '|' ORDER BY k.id) FROM ballot_tokens k
                            WHERE k.round_id IN (SELECT id FROM assessment_rounds WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT count(*)::text FROM ballots b
                            WHERE b.round_id IN (SELECT id FROM assessment_rounds WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(w::text, '|' ORDER BY w.target_id) FROM assessment_waivers w
                            WHERE w.target_id IN (SELECT id FROM assessment_targets WHERE unit_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(v::text, '|' ORDER BY v.target_id) FROM assessment_overrides v
                            WHERE v.target_id IN (SELECT id FROM assessment_targets WHERE unit_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(p.cadre_id::text || md5(p.bytes), '|' ORDER BY p.cadre_id) FROM cadre_photos p WHERE p.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(k::text, '|' ORDER BY k.id) FROM cases k WHERE k.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(e::text, '|' ORDER BY e.case_id, e.seq) FROM case_events e
                            WHERE e.case_id IN (SELECT id FROM cases WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(r::text, '|' ORDER BY r.id) FROM pay_runs r WHERE r.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(f::text, '|' ORDER BY f.run_id) FROM pay_run_frozen f
                            WHERE f.run_id IN (SELECT id FROM pay_runs WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(l::text, '|' ORDER BY l.id) FROM pay_lines l WHERE l.unit_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_processes s WHERE s.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_candidates s
                            WHERE s.process_id IN (SELECT id FROM selection_processes WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.step_id, s.candidate_id) FROM selection_step_results s
                            WHERE s.process_id IN (SELECT id FROM selection_processes WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_notices s
                            WHERE s.process_id IN (SELECT id FROM selection_processes WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_objections s
                            WHERE s.notice_id IN (SELECT n.id FROM selection_notices n JOIN selection_processes p ON p.id = n.process_id
                                                   WHERE p.org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM pool_members s WHERE s.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM pool_reviews s
                            WHERE s.member_id IN (SELECT id FROM pool_members WHERE org_path <@ $1::ltree)), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_post_reviews s WHERE s.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_unfit_measures s WHERE s.org_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(s::text, '|' ORDER BY s.id) FROM selection_exchanges s WHERE s.home_path <@ $1::ltree), '') ||
                coalesce((SELECT string_agg(row(u.id, u.username, u.display_name, u.org_path, u.roles, u.scope_mode, u.password_hash,
                                                u.active, u.must_change_password)::text, '|' ORDER BY u.id)
                            FROM users u WHERE u.org_path <@ $1::ltree), '')${extra}) AS f`,
    [fx.foreign.orgPath],
  );
  return rows[0]?.f ?? '';
}

describe('[platform] route matrix: street A cannot read or change street B (SECURITY 9)', () => {
  it("every registered route has an entry in its module's matrix, and no entry is stale", () => {
    const routes = t.app.routeTable.filter((r) => !isDocsRoute(r.url));
    const missing = routes
      .filter((r) => !(`${r.method} ${r.url}` in (matrices.get(r.module ?? '') ?? {})))
      .map((r) => `${r.method} ${r.url} → test/${r.module ?? '(no module)'}/scope-matrix.ts`);
    expect(missing, "add these routes to their module's scope matrix").toEqual([]);
    const stale = [...matrices].flatMap(([module, matrix]) =>
      Object.keys(matrix)
        .filter((k) => !routes.some((r) => r.module === module && `${r.method} ${r.url}` === k))
        .map((k) => `${module}: ${k}`),
    );
    expect(stale).toEqual([]);
  });

  // every route of every module for one actor: over a minute on a loaded 2-core machine as modules grow
  for (const actor of ACTORS) {
    it(`${actor.label} (${actor.roles.join(',')}, ${actor.scope}): no foreign data out, no foreign change in`, async () => {
      for (const route of t.app.routeTable.filter((r) => !isDocsRoute(r.url))) {
        const entry = matrices.get(route.module ?? '')?.[`${route.method} ${route.url}`];
        if (!entry) continue;
        for (const req of entry.requests(fx)) {
          // an anonymous refusal is written in full only among the first few of its minute (refusal-audit.ts);
          // each anonymous mutation here starts a new minute, so the audit-row check below sees its own row
          if (route.method !== 'GET' && (route.config.public === true || route.config.anonymous === true))
            t.clock.advance(REFUSAL_WINDOW_MS);
          const session = await login(actor);
          const before = await foreignFingerprint();
          const auditBefore = await t.db.admin.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM audit_log',
          );
          const { id, params, ...rest } = req;
          const res = await injectAs(t, session, {
            ...rest,
            method: route.method,
            url: urlFor(route.url, id, params),
          });
          const label = `${actor.label} ${route.method} ${urlFor(route.url, id, params)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, label).toBeLessThan(500);
          for (const foreignId of fx.foreignIds) expect(res.body.includes(foreignId), label).toBe(false);
          const isXlsx =
            res.statusCode === 200 && res.headers['content-type']?.toString().includes('spreadsheetml');
          // a workbook leaks nothing of the foreign street: no unit name of it in any cell
          // (the import check report is the caller's own uploaded file, annotated, so it is left out)
          if (isXlsx && !route.url.endsWith('/report')) {
            const wb = new ExcelJS.Workbook();
            await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
            const texts = new Set<string>();
            // (a cadre's 任职经历 is their own history: free text naming the units they served in, which may
            // be in the other street today — the cadre's record, not the other street's data)
            for (const ws of wb.worksheets)
              if (ws.name !== '任职经历') ws.eachRow((row) => row.eachCell((c) => texts.add(c.text)));
            for (const name of fx.foreignOrgNames) expect(texts.has(name), `${label}: ${name}`).toBe(false);
          }
          if (isXlsx && route.url === '/api/cadres/export.xlsx') {
            // the roster export holds exactly the rows the roster shows this user (the roster is checked by id above)
            const wb = new ExcelJS.Workbook();
            await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
            const roster = await injectAs(t, session, {
              method: 'GET',
              url: '/api/cadres',
              query: { ...(rest.query as object), pageSize: '1' },
            });
            expect((wb.worksheets[0]?.rowCount ?? 1) - 1, label).toBe(roster.json<{ total: number }>().total);
          }
          expect(res.body.includes(fx.foreign.orgPath), label).toBe(false);
          expect(await foreignFingerprint(), label).toBe(before);
          if (route.method !== 'GET' && entry.targetsForeign)
            expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
          if (route.method !== 'GET') {
            // SECURITY 12: every mutating request leaves an audit row, refused ones included
            const auditAfter = await t.db.admin.query<{ n: number }>(
              'SELECT count(*)::int AS n FROM audit_log',
            );
            expect(auditAfter.rows[0]?.n, label).toBeGreaterThan(auditBefore.rows[0]?.n ?? 0);
          }
        }
      }
    }, 180_000);
  }

  it('a 仅本人 cadre sees exactly their own cadre record', async () => {
    const s = await login(ACTORS[1] as (typeof ACTORS)[number]);
    const res = await injectAs(t, s, { method: 'GET', url: '/api/cadres' });
    const body = res.json<{ items: { id: string }[]; total: number }>();
    expect(body.total).toBe(1);
    expect(body.items.map((c) => c.id)).toEqual([fx.own.cadreId]);
  });
});
