import { healthDueIn } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageByChild, type PlanSql } from '../../src/modules/care/health/repository.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

// Health coverage counts people, not (person, plan) pairs: a cadre due under two plans counts once in
// `planned`, and once in `done` only when every plan they are due under has this year's check. Two plans
// here (the packs ship one each): everyone yearly (A), and community cadres every 24 months (B: a check in
// 2025 still covers 2026).
let t: TestApp;
let street: { id: string; path: string; name: string };
let community: { id: string; path: string };
const A: PlanSql = { id: 'a_yearly', name: '年度体检', population: {}, covered: 1 };
const B: PlanSql = {
  id: 'b_two_yearly',
  name: '社区干部专项体检',
  population: { orgKinds: ['community'] },
  covered: 2,
};

/** checks per cadre: [plan, year] */
const PEOPLE: [where: 'street' | 'community', name: string, checks: [PlanSql, number][]][] = [
  ['street', '街一', [[A, 2026]]], // A done
  ['street', '街二', []], // A due, not done
  [
    'community',
    '社一',
    [
      [A, 2026],
      [B, 2026],
    ],
  ], // A and B done
  [
    'community',
    '社二',
    [
      [A, 2026],
      [B, 2025],
    ],
  ], // B not due (2025 covers 2026); A done → done
  ['community', '社三', [[A, 2026]]], // B due, not done → not done
  ['community', '社四', [[B, 2026]]], // A due, not done → not done
  [
    'community',
    '社五',
    [
      [A, 2025],
      [B, 2024],
    ],
  ], // both due, neither done
];

beforeAll(async () => {
  t = await createTestApp();
  const s = await newOrg(t.db, { name: '体检覆盖街道' });
  street = { id: s.id, path: s.path, name: s.name };
  const c = await newOrg(t.db, { parentId: s.id, kind: 'community', name: '体检覆盖社区' });
  community = { id: c.id, path: c.path };
  for (const [where, name, checks] of PEOPLE) {
    const orgId = where === 'street' ? street.id : community.id;
    const cadre = await newCadre(t.db, { orgId, name });
    for (const [plan, year] of checks)
      await t.db.admin.query(
        `INSERT INTO care_health_checks (cadre_id, org_path, plan_id, year, done_on, recorded_at)
         VALUES ($1, $2::ltree, $3, $4, make_date($4, 5, 10), now())`,
        [cadre.id, where === 'street' ? street.path : community.path, plan.id, year],
      );
  }
});
afterAll(async () => t.close());

describe('health coverage in SQL (one pass, a person once)', () => {
  it('per child and own: the street 2 due, 1 done; the community 5 due, 2 done (社一, 社二)', async () => {
    const rows = await coverageByChild(t.db.admin, street.path, 2026, [A, B], '2026-11-02');
    const byChild = new Map(rows.map((r) => [r.child, r]));
    expect(rows.length).toBe(2);
    expect(byChild.get(community.path)).toEqual({ child: community.path, planned: 5, done: 2 });
    expect(byChild.get(null)).toEqual({ child: null, planned: 2, done: 1 });
  });

  it('equals the core rule (healthDueIn per plan, a person once) cadre by cadre', async () => {
    let planned = 0;
    let done = 0;
    for (const [where, , checks] of PEOPLE) {
      const kind = where === 'street' ? 'street' : 'community';
      const due = [A, B].filter((plan) =>
        healthDueIn(
          { everyMonths: plan.covered * 12 },
          plan === A || kind === 'community', // A: everyone; B: community cadres
          checks.filter(([p]) => p === plan).map(([, y]) => y),
          2026,
        ),
      );
      if (!due.length) continue;
      planned++;
      if (due.every((plan) => checks.some(([p, y]) => p === plan && y === 2026))) done++;
    }
    const rows = await coverageByChild(t.db.admin, street.path, 2026, [A, B], '2026-11-02');
    expect({ planned, done }).toEqual({ planned: 7, done: 3 });
    expect({
      planned: rows.reduce((n, r) => n + r.planned, 0),
      done: rows.reduce((n, r) => n + r.done, 0),
    }).toEqual({ planned, done });
  });

  it('one plan alone counts as before (pairs = people): A only, 7 due, 4 done', async () => {
    const rows = await coverageByChild(t.db.admin, street.path, 2026, [A], '2026-11-02');
    expect(rows.reduce((n, r) => n + r.planned, 0)).toBe(7);
    expect(rows.reduce((n, r) => n + r.done, 0)).toBe(4);
  });
});
