import type { Dashboard, DashboardDrillList, DashboardSection } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newRound } from '../factories/assessment.ts';
import { newOrg } from '../factories/org.ts';
import { newPayRun } from '../factories/pay.ts';
import { newBurdenRegisterRows } from '../factories/burden-registers.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { newCase } from '../factories/workflow.ts';
import { createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// 数据看板 (R-RPT-1/2) on a small fixture. The test clock reads 2026-11-02 (China), so ages are counted on that
// day; a month-precision 出生年月 counts from the 1st (the roster's rule). Street A (own people and its
// community A1) and street B:
//   A 本级: 张一 ♀ 1995-03 (31, 大学, 综合管理类), 王二 ♂ 1991-11 (35 since 11-01, 研究生, 综合管理类),
//           李三 ♂ 1981-11-03 (44: turns 45 tomorrow, 大学, 行政执法类), 赵四 ♀ 1971-06 (55, 大专, no category)
//   A1:     钱五 ♀ 1980-01 (46, 大专, 村(社区)干部), 孙六 ♂ 1972-01 (54, no 学历, 村(社区)干部)
//   B:      周七 ♀ 1990-05 (36, 大学, 综合管理类)
let t: TestApp;
let orgdept: Session;
let adminA: Session;
let adminB: Session;
let leader: Session;
let A: { id: string; name: string };
let A1: { id: string; name: string };
let B: { id: string; name: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  A = await newOrg(t.db, { name: '看板甲街道' });
  A1 = await newOrg(t.db, { parentId: A.id, kind: 'community', name: '看板甲一社区' });
  B = await newOrg(t.db, { name: '看板乙街道' });
  const people: [string, string, 'male' | 'female', string, string, string | null][] = [
    ['张一', A.id, 'female', '1995-03', '大学', 'comprehensive'],
    ['王二', A.id, 'male', '1991-11', '研究生', 'comprehensive'],
    ['李三', A.id, 'male', '1981-11-03', '大学', 'law_enforcement'],
    ['赵四', A.id, 'female', '1971-06', '大专', null],
    ['钱五', A1.id, 'female', '1980-01', '大专', 'village_community'],
    ['孙六', A1.id, 'male', '1972-01', '', 'village_community'],
    ['周七', B.id, 'female', '1990-05', '大学', 'comprehensive'],
  ];
  for (const [name, orgId, gender, birthDate, education, category] of people)
    ids[name] = (
      await newCadre(t.db, {
        orgId,
        name,
        gender,
        birthDate,
        fullTimeEducation: { education, degree: '', school: '', major: '' },
        category: category as never,
      })
    ).id;
  const district = await asSystem(t.db, async (c) => {
    const { rows } = await c.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
    return rows[0]!.id;
  });
  orgdept = await signIn(t, await newUser(t.db, { orgId: district, roles: ['orgdept'], scopeMode: 'all' }));
  const adminAUser = await newUser(t.db, { orgId: A.id, roles: ['unit_admin'], scopeMode: 'subtree' });
  adminA = await signIn(t, adminAUser);
  adminB = await signIn(t, await newUser(t.db, { orgId: B.id, roles: ['unit_admin'], scopeMode: 'subtree' }));
  const leaderUser = await newUser(t.db, { orgId: district, roles: ['leader'], scopeMode: 'all' });
  leader = await signIn(t, leaderUser);

  await asSystem(t.db, async (c) => {
    // the leader's linked units (care talks' table of district leaders): A1 and B
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO talk_leaders (org_id, org_path, user_id, name, title, kind)
       SELECT id, path, $1, '看板领导', '区委常委', 'linked' FROM orgs WHERE parent_id IS NULL RETURNING id`,
      [leaderUser.id],
    );
    await c.query(`INSERT INTO talk_leader_links (leader_id, org_id) VALUES ($1, $2), ($1, $3)`, [
      rows[0]!.id,
      A1.id,
      B.id,
    ]);
  });

  // grades: a published 2026 annual round of A (优秀 张一 and 钱五, 称职 王二, 基本称职 李三), a 2026 round of
  // B (优秀 周七) and a 2025 round of A (not this year's)
  const grade = async (orgId: string, grades: Record<string, string>, periodEnd = '2026-12-31') => {
    const round = await newRound(t.db, { orgId, cadreIds: Object.keys(grades).map((n) => ids[n]!) });
    await asSystem(t.db, async (c) => {
      await c.query(
        `UPDATE assessment_rounds SET state = 'published', period_start = $2::date - 364, period_end = $2 WHERE id = $1`,
        [round.id, periodEnd],
      );
      for (const [i, name] of Object.keys(grades).entries())
        await c.query(`UPDATE assessment_targets SET published = true, final_grade = $2 WHERE id = $1`, [
          round.targetIds[i],
          grades[name],
        ]);
    });
  };
  await grade(A.id, { 张一: 'excellent', 钱五: 'excellent', 王二: 'competent', 李三: 'basic' });
  await grade(B.id, { 周七: 'excellent' });
  await grade(A.id, { 赵四: 'excellent' }, '2025-12-31');

  // pay: approved 2026 runs: 张一 ¥12,345.67 and 钱五 ¥8,000.50; 王二's run is only computed (not counted)
  const pay = async (name: string, fen: number, state: string) => {
    const run = await newPayRun(t.db, { orgId: A.id, cadreId: ids[name]!, name: `${name}的核算` });
    await asSystem(t.db, async (c) => {
      await c.query(`UPDATE pay_runs SET state = $2 WHERE id = $1`, [run.id, state]);
      await c.query(`UPDATE pay_lines SET amount_fen = $2 WHERE id = $1`, [run.lineId, fen]);
    });
  };
  await pay('张一', 1_234_567, 'approved');
  await pay('钱五', 800_050, 'paid');
  await pay('王二', 500_000, 'computed');

  // burden registers of 2026 in A (the registers' own fixture: a meeting, a document, an inspection …)
  await newBurdenRegisterRows(t.db, {
    orgId: A.id,
    cadreId: ids['张一']!,
    villageId: A1.id,
    userId: adminAUser.id,
    cadreUserId: adminAUser.id,
  });

  // cases of 2026 in A: one open within its deadline, one overdue (deadline 2026-10-30), one done; one in B
  const opener = (await newUser(t.db, { orgId: A.id, roles: ['unit_admin'], scopeMode: 'subtree' })).id;
  const openCase = (orgId: string) =>
    newCase(t.db, {
      orgId,
      openedBy: opener,
      at: '2026-03-01T02:00:00.000Z',
      readerRoles: ['orgdept', 'unit_admin'],
    });
  await openCase(A.id);
  const overdue = await openCase(A.id);
  const done = await openCase(A.id);
  await openCase(B.id);
  await asSystem(t.db, async (c) => {
    await c.query(`UPDATE cases SET due_on = '2099-01-01' WHERE status = 'open'`);
    await c.query(`UPDATE cases SET due_on = '2026-10-30' WHERE id = $1`, [overdue]);
    await c.query(
      `UPDATE cases SET status = 'done', current_step = NULL, closed_at = '2026-04-01T00:00:00Z' WHERE id = $1`,
      [done],
    );
  });
});
afterAll(async () => t.close());

const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const qs = (q: Record<string, string | number | boolean | undefined>) =>
  new URLSearchParams(
    Object.entries(q).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();

async function dashboard(
  s: Session,
  q: Record<string, string | number | undefined> = {},
): Promise<Dashboard> {
  const res = await get(s, `/api/dashboard?${qs(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Dashboard>();
}

const section = (d: Dashboard, id: string): DashboardSection => {
  const x = d.sections.find((s) => s.id === id);
  if (!x) throw new Error(`no section ${id}`);
  return x;
};
/** label → values of a section's rows */
const table = (x: DashboardSection) => Object.fromEntries(x.rows.map((r) => [r.label, r.values]));

async function drillAll(
  s: Session,
  q: Record<string, string | number | undefined>,
): Promise<DashboardDrillList> {
  const res = await get(s, `/api/dashboard/drill?${qs({ ...q, pageSize: 200 })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DashboardDrillList>();
}

describe('a street administrator’s dashboard (street A)', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await dashboard(adminA, { year: 2026 });
  });

  it('is the unit level of the admin’s own street, for 2026', () => {
    expect(d).toMatchObject({ level: 'unit', year: 2026, org: { id: A.id, name: A.name, kind: 'street' } });
    expect(d.units.map((u) => u.id)).toEqual([A.id, A1.id]);
  });

  it('counts heads per unit: A1 2 (钱五, 孙六), A 本级 4 — never B’s 周七', () => {
    const x = section(d, 'headcount');
    expect(table(x)).toEqual({ [A1.name]: [2], [`${A.name}（本级）`]: [4] });
    expect(x.rows.find((r) => r.key === A1.id)?.rosterQuery).toEqual({ orgId: A1.id });
    expect(x.explanation).toContain('共 6 人');
  });

  it('cuts ages on 2026-11-02: under 35 张一; 35–44 王二 (35 since 11-01) and 李三 (44); 45–54 钱五 and 孙六; 55+ 赵四', () => {
    const x = section(d, 'age');
    expect(x.rows.map((r) => [r.key, r.values[0]])).toEqual([
      ['under35', 1],
      ['35-44', 2],
      ['45-54', 2],
      ['55plus', 1],
    ]);
    expect(x.rows[1]?.rosterQuery).toEqual({ orgId: A.id, ageMin: 35, ageMax: 44 });
    expect(x.rows[3]?.rosterQuery).toEqual({ orgId: A.id, ageMin: 55 });
  });

  it('counts gender (3 men, 3 women), education (大学 2, 大专 2, 研究生 1, 未填写 1) and category', () => {
    expect(table(section(d, 'gender'))).toEqual({ 男: [3], 女: [3] });
    const edu = section(d, 'education');
    expect(Object.fromEntries(edu.rows.map((r) => [r.key, r.values[0]]))).toEqual({
      大学: 2,
      大专: 2,
      研究生: 1,
      '-': 1,
    });
    expect(edu.rows.find((r) => r.key === '-')?.rosterQuery).toBeNull();
    expect(table(section(d, 'category'))).toEqual({
      综合管理类: [2],
      行政执法类: [1],
      专业技术类: [0],
      事业: [0],
      '村(社区)干部': [2],
      未填写: [1],
    });
  });

  it('shows the 2026 published annual grades by the pack’s names: 优秀 2, 称职 1, 基本称职 1 (2025’s round left out)', () => {
    const x = section(d, 'grades');
    expect(table(x)).toEqual({ 优秀: [2], 称职: [1], 基本称职: [1], 不称职: [0] });
  });

  it('sums approved pay of 2026 per unit in yuan: A1 8,000.50 (钱五), A 本级 12,345.67 (张一); a computed run is left out', () => {
    const x = section(d, 'pay');
    expect(x.unit).toBe('yuan');
    expect(table(x)).toEqual({ [A1.name]: [8000.5], [`${A.name}（本级）`]: [12345.67] });
    expect(x.explanation).toContain('合计 ¥20,346.17：看板甲一社区 ¥8,000.50，看板甲街道（本级） ¥12,345.67');
  });

  it('counts 2026 cases by kind: open 1, overdue 1 (deadline 2026-10-30), done 1 — not B’s', () => {
    const x = section(d, 'cases');
    expect(x.series.map((s) => s.id)).toEqual(['open', 'overdue', 'done']);
    expect(x.rows.map((r) => r.values)).toEqual([[1, 1, 1]]);
  });

  it('has structure (Fengze’s two indicators, targets ≥ 30%), training and care sections, each timed and explained', () => {
    expect(section(d, 'structure').rows.map((r) => r.target)).toEqual([30, 30]);
    expect(section(d, 'training').series.map((s) => s.id)).toEqual(['met', 'short']);
    expect(section(d, 'care').series.map((s) => s.id)).toEqual(['health', 'talk', 'leave']);
    for (const x of d.sections) {
      expect(x.queryMs).toBeGreaterThanOrEqual(0);
      expect(x.explanation.length).toBeGreaterThan(10);
    }
    expect(d.sections.map((x) => x.id)).toEqual([
      'headcount',
      'structure',
      'age',
      'education',
      'gender',
      'category',
      'grades',
      'pay',
      'training',
      'burden',
      'care',
      'cases',
    ]);
  });

  it('drills every figure to exactly what it counted (the total, or for pay the sum of the amounts)', async () => {
    let drilled = 0;
    for (const x of d.sections)
      for (const row of x.rows) {
        if (!row.drill) continue;
        const series = row.drill.series
          ? [row.drill.series]
          : x.series.length > 1
            ? x.series.map((s) => s.id)
            : [undefined];
        for (const sid of series) {
          const list = await drillAll(adminA, { year: 2026, ...row.drill, series: sid });
          const i = sid === undefined ? 0 : x.series.findIndex((s) => s.id === sid);
          const figure = x.id === 'structure' ? null : row.values[i];
          if (x.id === 'pay') {
            const sum = list.items.reduce((n, it) => n + Math.round((it.value ?? 0) * 100), 0) / 100;
            expect(sum, `${x.id}/${row.key}`).toBe(figure);
          } else if (figure !== null && figure !== undefined) {
            expect(list.total, `${x.id}/${row.key}/${sid ?? ''}`).toBe(figure);
          }
          expect(list.items.length).toBe(list.total);
          drilled++;
        }
      }
    expect(drilled).toBeGreaterThan(20);
  });

  it('answers "who are these 2?" for 35–44 with 王二 and 李三, linked to their records', async () => {
    const list = await drillAll(adminA, { year: 2026, section: 'age', key: '35-44' });
    expect(list.title).toBe(`${A.name} · 35–44岁`);
    expect(list.items.map((i) => [i.name, i.link])).toEqual([
      ['李三', `/cadres/${ids['李三']}`],
      ['王二', `/cadres/${ids['王二']}`],
    ]);
  });

  it('opens the roster with the same people: each row’s rosterQuery gives the figure in GET /api/cadres', async () => {
    for (const id of ['headcount', 'age', 'gender', 'education', 'category'])
      for (const row of section(d, id).rows) {
        if (!row.rosterQuery) continue;
        const res = await get(adminA, `/api/cadres?${qs({ ...row.rosterQuery, pageSize: 1 })}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ total: number }>().total, `${id}/${row.key}`).toBe(row.values[0]);
      }
  });

  it('shows the burden registers’ trend with the very figures of 减负松绑汇总 (GET /api/burden/summary)', async () => {
    const x = section(d, 'burden');
    expect(x.rows.map((r) => r.key)).toEqual(['2024', '2025', '2026']);
    for (const year of [2025, 2026]) {
      const res = await get(adminA, `/api/burden/summary?year=${year}&orgId=${A.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const sum = res.json<{ meetings: number; documents: number; inspections: number }>();
      expect(x.rows.find((r) => r.key === String(year))?.values).toEqual([
        sum.meetings,
        sum.documents,
        sum.inspections,
      ]);
    }
    expect(x.rows[2]?.values.some((v) => (v ?? 0) > 0)).toBe(true);
  });

  it('answers only the sections asked (a page may ask the quick ones first)', async () => {
    const some = await dashboard(adminA, { year: 2026, sections: 'age,headcount' });
    expect(some.sections.map((x) => x.id)).toEqual(['headcount', 'age']);
    expect(some.sections[1]?.rows).toEqual(section(d, 'age').rows);
    expectError(await get(adminA, '/api/dashboard?sections=age;drop'), 400, 'VALIDATION');
  });

  it('refuses street B and a key that names no row', async () => {
    expectError(await get(adminA, `/api/dashboard?orgId=${B.id}`), 404, 'NOT_FOUND');
    expectError(
      await get(adminA, `/api/dashboard/drill?section=headcount&key=${B.id}`),
      404,
      'DASHBOARD_DRILL_KEY',
    );
    expectError(await get(adminA, `/api/dashboard/drill?section=age&key=60plus`), 404, 'DASHBOARD_DRILL_KEY');
    // street B has no burden register entries: its dashboard has no burden section to export
    expectError(await get(adminB, `/api/dashboard/export?section=burden`), 404, 'DASHBOARD_SECTION_ABSENT');
  });
});

describe('street B’s dashboard and the district’s', () => {
  it('B’s administrator counts only 周七', async () => {
    const d = await dashboard(adminB, { year: 2026 });
    expect(d.org.id).toBe(B.id);
    expect(section(d, 'age').rows.map((r) => r.values[0])).toEqual([0, 1, 0, 0]);
    expect(table(section(d, 'grades'))).toMatchObject({ 优秀: [1], 称职: [0] });
    expect(section(d, 'pay').rows).toEqual([]);
  });

  it('组织部 sees the district level: rows per street over its subtree (A 6, B 1)', async () => {
    const d = await dashboard(orgdept, { year: 2026 });
    expect(d.level).toBe('district');
    const rows = table(section(d, 'headcount'));
    expect(rows[A.name]).toEqual([6]);
    expect(rows[B.name]).toEqual([1]);
    const grades = section(d, 'grades');
    expect(grades.rows.find((r) => r.key === 'excellent')?.values).toEqual([3]);
  });
});

describe('a leader’s overview', () => {
  it('shows the leader’s linked units side by side (A1 and B) and counts only them', async () => {
    const d = await dashboard(leader, { year: 2026 });
    expect(d.level).toBe('leader');
    expect(table(section(d, 'headcount'))).toEqual({ [A1.name]: [2], [B.name]: [1] });
    // 钱五 46, 孙六 54, 周七 36
    const age = section(d, 'age');
    expect(age.rows.map((r) => r.values[0])).toEqual([0, 1, 2, 0]);
    expect(age.rows[2]?.rosterQuery).toBeNull();
    const list = await drillAll(leader, { year: 2026, level: 'leader', section: 'age', key: '45-54' });
    expect(list.items.map((i) => i.name).sort()).toEqual(['孙六', '钱五']);
  });
});

describe('exports', () => {
  it('the table behind the age chart, with Chinese headers and the explanation', async () => {
    const res = await get(adminA, `/api/dashboard/export?year=2026&section=age`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '项目', '人数（人）']);
    expect(ws.getRow(3).values).toEqual([undefined, '35岁以下', 1]);
    expect(ws.getRow(6).values).toEqual([undefined, '55岁及以上', 1]);
    expect(ws.getRow(8).getCell(1).text).toMatch(/^说明：/);
  });

  it('a drill list: the two pay lines with their amounts', async () => {
    const res = await get(adminA, `/api/dashboard/drill/export?year=2026&section=pay&key=self:${A.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '姓名/事项', '单位', '说明', '金额（元）']);
    expect(ws.getRow(3).getCell(2).value).toBe('张一');
    expect(ws.getRow(3).getCell(5).value).toBe(12345.67);
    expect(ws.rowCount).toBe(3);
  });
});
