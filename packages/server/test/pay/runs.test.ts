import { computePay, shippedPacks, type PayInputs, type PayLineDto, type PayRun } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesFromPack } from '../../src/modules/assessment/service/rounds.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

/**
 * Pay runs end to end on Fengze's street uplift (seed 000: 街道干部高于区直机关同职级 10%–20%，总量控制),
 * worked by hand. A test unit 乙片区 holds two streets:
 *   甲街道 difficulty 1.20, 2026 street-performance grade 优秀 (120%) → weight 1.44
 *   乙街道 difficulty 1.00, grade 良好 (100%)                         → weight 1.00
 * each with one 正科级 (district base ¥100,000) and one 科员 (¥60,000): Σbase = ¥320,000.
 * Budget ¥48,800: λ × (1.44 × 160,000 + 1.00 × 160,000) = 48,800 → λ = 0.125, so 甲 is paid 18% and 乙
 * 12.5% of the base, both inside 10%–20%:
 *   甲正科 18,000.00  甲科员 10,800.00  乙正科 12,500.00  乙科员 7,500.00   (Σ 48,800.00)
 */

let t: TestApp;
let area: { id: string; path: string };
let streetA: { id: string; path: string; name: string };
let streetB: { id: string; path: string; name: string };
let manager: Session;
let orgdept: Session;
let leader: Session;
let adminA: Session;
let selfA: Session;
let selfB: Session;
let aChief: string;

const yuan = (y: number) => Math.round(y * 100);

beforeAll(async () => {
  t = await createTestApp();
  area = await newOrg(t.db, { kind: 'department', name: '乙片区（测试）' });
  streetA = await newOrg(t.db, { parentId: area.id, kind: 'street', name: '甲街道（测试）' });
  streetB = await newOrg(t.db, { parentId: area.id, kind: 'street', name: '乙街道（测试）' });
  await t.db.admin.query(`UPDATE orgs SET difficulty = 1.20 WHERE id = $1`, [streetA.id]);
  const cadre = (orgId: string, name: string, rank: string) => newCadre(t.db, { orgId, name, rank });
  aChief = (await cadre(streetA.id, '甲正科', '正科级')).id;
  await cadre(streetA.id, '甲科员', '科员');
  const bChief = (await cadre(streetB.id, '乙正科', '正科级')).id;
  await cadre(streetB.id, '乙科员', '科员');
  // the district's 2026 rank bases (district data)
  for (const [key, amount] of [
    ['正科级', 100_000],
    ['科员', 60_000],
  ] as const)
    await t.db.admin.query(
      `INSERT INTO pay_tables (year, kind, key, label, amount_fen) VALUES (2026, 'rank-base', $1, $1, $2)
       ON CONFLICT (year, kind, key) DO UPDATE SET amount_fen = EXCLUDED.amount_fen`,
      [key, yuan(amount)],
    );
  // a published 2026 street-performance round grading the two streets (unit targets)
  const pack = shippedPacks().find((p) => p.id === 'fengze' && p.version.effectiveFrom === '2018-01-01')!;
  const { rows } = await t.db.admin.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, state)
     VALUES ($1, $2::ltree, '2026年度街道绩效考评（测试）', 'fengze', '2018-01-01', 'street-performance', $3,
       '2026-01-01', '2026-12-31', 'published') RETURNING id`,
    [area.id, area.path, JSON.stringify(rulesFromPack(pack, 'street-performance'))],
  );
  for (const [unit, grade] of [
    [streetA, 'excellent'],
    [streetB, 'good'],
  ] as const)
    await t.db.admin.query(
      `INSERT INTO assessment_targets (round_id, unit_id, unit_path, name, final_grade, published)
       VALUES ($1, $2, $3::ltree, $4, $5, true)`,
      [rows[0]!.id, unit.id, unit.path, unit.name, grade],
    );
  manager = await signIn(
    t,
    await newUser(t.db, { orgId: area.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: area.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  leader = await signIn(t, await newUser(t.db, { orgId: area.id, roles: ['leader'], scopeMode: 'subtree' }));
  adminA = await signIn(
    t,
    await newUser(t.db, { orgId: streetA.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  selfA = await signIn(
    t,
    await newUser(t.db, { orgId: streetA.id, roles: ['cadre'], scopeMode: 'self', cadreId: aChief }),
  );
  selfB = await signIn(
    t,
    await newUser(t.db, { orgId: streetB.id, roles: ['cadre'], scopeMode: 'self', cadreId: bChief }),
  );
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: unknown = {}) =>
  injectAs(t, s, { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const amounts = (lines: PayLineDto[]) => Object.fromEntries(lines.map((l) => [l.name, l.amountFen]));
const audits = (action: string, objectId: string) =>
  adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = $1 AND object_id = $2`, [action, objectId]);

async function createRun(budget: number): Promise<PayRun> {
  const res = await post(manager, '/api/pay/runs', {
    kind: 'street-uplift',
    period: '2026',
    orgId: area.id,
    packId: 'fengze',
    budget,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PayRun>();
}

async function act(s: Session, caseId: string, action: string, comment?: string) {
  const res = await post(s, `/api/cases/${caseId}/actions`, comment ? { action, comment } : { action });
  expect(res.statusCode, res.body).toBe(200);
}

describe('[pay] a street-uplift run from draft to paid', () => {
  let run: PayRun;

  it('creates a draft under the pack in force at 2026-12-31, named after the scheme and the unit', async () => {
    run = await createRun(yuan(48_800));
    expect(run).toMatchObject({
      name: '2026年度街道干部经济待遇上浮（乙片区（测试））',
      kind: 'street-uplift',
      period: '2026',
      orgId: area.id,
      orgName: '乙片区（测试）',
      packId: 'fengze',
      packEffectiveFrom: '2018-01-01',
      state: 'draft',
      budgetFen: 4_880_000,
      totalFen: null,
      lineCount: 0,
      caseId: null,
    });
    const { rows } = await t.db.admin.query<{
      policy: { pay: { streetUplift: unknown } };
      policy_sources: object;
    }>(`SELECT policy, policy_sources FROM pay_runs WHERE id = $1`, [run.id]);
    expect(rows[0]!.policy.pay.streetUplift).toMatchObject({ band: { minPercent: 10, maxPercent: 20 } });
    expect(Object.keys(rows[0]!.policy_sources).every((k) => k.startsWith('/pay/'))).toBe(true);
    expect(rows[0]!.policy_sources).toHaveProperty('/pay/streetUplift/band');
    expect(await audits('pay.run.create', run.id)).toBe(1);
  });

  it('a pack without the kind is refused: PAY_KIND_NOT_IN_PACK, nothing stored', async () => {
    const before = await adminCount(t.db, `SELECT 1 FROM pay_runs`);
    const res = await post(manager, '/api/pay/runs', {
      kind: 'village-subsidy',
      period: '2026',
      orgId: area.id,
      packId: 'fengze',
    });
    expectError(res, 409, 'PAY_KIND_NOT_IN_PACK');
    expect(await adminCount(t.db, `SELECT 1 FROM pay_runs`)).toBe(before);
  });

  it('computes: every person inside the band, the total = the budget to the fen', async () => {
    const res = await post(manager, `/api/pay/runs/${run.id}/compute`);
    expect(res.statusCode, res.body).toBe(200);
    run = res.json<PayRun>();
    expect(run).toMatchObject({ state: 'computed', totalFen: 4_880_000, lineCount: 4 });
    const lines = await get(manager, `/api/pay/runs/${run.id}/lines`);
    expect(lines.statusCode, lines.body).toBe(200);
    const body = lines.json<{
      items: PayLineDto[];
      total: number;
      visibleTotalFen: number;
      unitTotals: unknown[];
    }>();
    expect(amounts(body.items)).toEqual({
      甲正科: yuan(18_000),
      甲科员: yuan(10_800),
      乙正科: yuan(12_500),
      乙科员: yuan(7_500),
    });
    expect(body.items.find((l) => l.name === '甲正科')).toMatchObject({
      baseFen: yuan(100_000),
      unitId: streetA.id,
    });
    expect(body.items.find((l) => l.name === '甲正科')!.explanation.summary).not.toBe('');
    expect(body.total).toBe(4);
    expect(body.visibleTotalFen).toBe(4_880_000);
    expect(body.unitTotals).toEqual([
      { unitId: streetA.id, unitName: '甲街道（测试）', count: 2, totalFen: yuan(28_800) },
      { unitId: streetB.id, unitName: '乙街道（测试）', count: 2, totalFen: yuan(20_000) },
    ]);
    expect(await audits('pay.run.lines', run.id)).toBe(1);
  });

  it('recomputing from the frozen inputs in core gives the same lines', async () => {
    const { rows } = await t.db.admin.query<{ inputs: PayInputs; policy: { pay: never } }>(
      `SELECT f.inputs, r.policy FROM pay_run_frozen f JOIN pay_runs r ON r.id = f.run_id WHERE f.run_id = $1`,
      [run.id],
    );
    const { inputs, policy } = rows[0]!;
    expect(inputs).toMatchObject({
      kind: 'street-uplift',
      period: '2026',
      asOf: '2026-12-31',
      budgetFen: 4_880_000,
    });
    expect(inputs.people.find((p) => p.name === '甲正科')).toMatchObject({
      unitKind: 'street',
      difficulty: '1.20',
      rank: '正科级',
      unitGrade: { code: 'excellent', name: '优秀', schemeId: 'street-performance' },
    });
    const { rows: sources } = await t.db.admin.query<{ policy_sources: never }>(
      `SELECT policy_sources FROM pay_runs WHERE id = $1`,
      [run.id],
    );
    const again = computePay({ pay: policy.pay, sources: sources[0]!.policy_sources }, inputs);
    const { rows: stored } = await t.db.admin.query<{
      cadre_id: string;
      amount_fen: string;
      explanation: unknown;
    }>(`SELECT cadre_id, amount_fen, explanation FROM pay_lines WHERE run_id = $1 ORDER BY sort_order`, [
      run.id,
    ]);
    expect(again.lines.map((l) => [l.cadreId, l.amountFen, l.explanation])).toEqual(
      stored.map((s) => [s.cadre_id, Number(s.amount_fen), s.explanation]),
    );
  });

  it('recomputing replaces the lines (no duplicates)', async () => {
    const res = await post(manager, `/api/pay/runs/${run.id}/compute`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await adminCount(t.db, `SELECT 1 FROM pay_lines WHERE run_id = $1`, [run.id])).toBe(4);
  });

  it("a street's administrator sees only its street's lines, and totals over those only", async () => {
    const res = await get(adminA, `/api/pay/runs/${run.id}/lines`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: PayLineDto[];
      total: number;
      visibleTotalFen: number;
      unitTotals: unknown[];
    }>();
    expect(amounts(body.items)).toEqual({ 甲正科: yuan(18_000), 甲科员: yuan(10_800) });
    expect(body.total).toBe(2);
    expect(body.visibleTotalFen).toBe(yuan(28_800));
    expect(body.unitTotals).toHaveLength(1);
    // the run's header is read from below, but not the frozen inputs (the people of the other street)
    const header = await get(adminA, `/api/pay/runs/${run.id}`);
    expect(header.statusCode, header.body).toBe(200);
    expect(header.json<PayRun>()).toMatchObject({ orgName: '乙片区（测试）', excluded: [] });
  });

  it('what-if: the same inputs under another budget, per person and in total', async () => {
    const res = await post(manager, `/api/pay/runs/${run.id}/what-if`, {
      packId: 'fengze',
      budget: yuan(44_000),
    });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json<{ totals: object; lines: { name: string; beforeFen: number; afterFen: number }[] }>();
    expect(w.totals).toEqual({ beforeFen: 4_880_000, afterFen: 4_400_000, deltaFen: -480_000 });
    expect(w.lines).toHaveLength(4);
    // nothing stored: the run and its lines are as computed
    expect(
      await adminCount(t.db, `SELECT 1 FROM pay_lines WHERE run_id = $1 AND amount_fen = $2`, [
        run.id,
        yuan(18_000),
      ]),
    ).toBe(1);
    expect((await get(manager, `/api/pay/runs/${run.id}`)).json<PayRun>().totalFen).toBe(4_880_000);
  });

  it('exports the lines and the per-unit summary (opens with ExcelJS; amounts in yuan)', async () => {
    const res = await get(manager, `/api/pay/runs/${run.id}/lines.xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [lines, units] = wb.worksheets;
    expect(lines!.name).toBe('核算明细');
    expect(lines!.getRow(2).getCell(2).value).toBe('姓名');
    const rows = [3, 4, 5, 6].map((i) => [
      lines!.getRow(i).getCell(2).value,
      lines!.getRow(i).getCell(9).value,
    ]);
    expect(Object.fromEntries(rows)).toEqual({
      甲正科: 18_000,
      甲科员: 10_800,
      乙正科: 12_500,
      乙科员: 7_500,
    });
    expect(lines!.getRow(3).getCell(4).value).toBe(100_000);
    expect(lines!.rowCount).toBe(6);
    expect(units!.name).toBe('分单位汇总');
    expect(units!.getRow(4).values).toEqual([undefined, '合计', 4, 48_800]);
    expect(await audits('pay.run.export', run.id)).toBe(1);
  });

  it('the cadre sees nothing before approval', async () => {
    const res = await get(selfA, '/api/pay/mine');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('submit opens the pay_run case; a return to the submitter puts the run back to computed', async () => {
    const res = await post(manager, `/api/pay/runs/${run.id}/submit`, { comment: '请审核' });
    expect(res.statusCode, res.body).toBe(200);
    run = res.json<PayRun>();
    expect(run.state).toBe('submitted');
    expect(run.caseId).not.toBeNull();
    const c = await t.db.admin.query<{ kind: string; current_step: string; link: string }>(
      `SELECT kind, current_step, link FROM cases WHERE id = $1`,
      [run.caseId],
    );
    expect(c.rows[0]).toEqual({
      kind: 'pay_run',
      current_step: 'orgdept_review',
      link: `/pay/runs/${run.id}`,
    });
    // a submitted run is not recomputed
    expectError(await post(manager, `/api/pay/runs/${run.id}/compute`), 409, 'PAY_RUN_STATE');
    await act(orgdept, run.caseId!, 'return', '请补充说明');
    expect((await get(manager, `/api/pay/runs/${run.id}`)).json<PayRun>().state).toBe('computed');
    // resubmitted: the same case moves on again
    const again = await post(manager, `/api/pay/runs/${run.id}/submit`, {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<PayRun>()).toMatchObject({ state: 'submitted', caseId: run.caseId });
  });

  it('approved through the case (组织部审核 → 分管领导审批): the cadres see their own lines only', async () => {
    await act(orgdept, run.caseId!, 'approve');
    expect((await get(manager, `/api/pay/runs/${run.id}`)).json<PayRun>().state).toBe('submitted');
    await act(leader, run.caseId!, 'approve');
    expect((await get(manager, `/api/pay/runs/${run.id}`)).json<PayRun>().state).toBe('approved');
    const mine = (await get(selfA, '/api/pay/mine')).json<{ items: (PayLineDto & { runId: string })[] }>()
      .items;
    expect(mine.map((l) => [l.name, l.amountFen, l.runId])).toEqual([['甲正科', yuan(18_000), run.id]]);
    const other = (await get(selfB, '/api/pay/mine')).json<{ items: PayLineDto[] }>().items;
    expect(other.map((l) => [l.name, l.amountFen])).toEqual([['乙正科', yuan(12_500)]]);
    // a cadre does not read a run's lines
    expectError(await get(selfA, `/api/pay/runs/${run.id}/lines`), 403, 'FORBIDDEN');
  });

  it('paid: approved → paid; paid twice is refused', async () => {
    const res = await post(manager, `/api/pay/runs/${run.id}/paid`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PayRun>().state).toBe('paid');
    expectError(await post(manager, `/api/pay/runs/${run.id}/paid`), 409, 'PAY_RUN_STATE');
    expect((await get(selfA, '/api/pay/mine')).json<{ items: PayLineDto[] }>().items).toHaveLength(1);
  });
});

describe('[pay] refusals store nothing', () => {
  it('a budget above the band (¥100,000 > 20% of ¥320,000): PAY_BUDGET_ABOVE_BAND, the run stays a draft', async () => {
    const run = await createRun(yuan(100_000));
    const res = await post(manager, `/api/pay/runs/${run.id}/compute`);
    expectError(res, 422, 'PAY_BUDGET_ABOVE_BAND');
    expect(await adminCount(t.db, `SELECT 1 FROM pay_lines WHERE run_id = $1`, [run.id])).toBe(0);
    expect(await adminCount(t.db, `SELECT 1 FROM pay_run_frozen WHERE run_id = $1`, [run.id])).toBe(0);
    expect((await get(manager, `/api/pay/runs/${run.id}`)).json<PayRun>()).toMatchObject({
      state: 'draft',
      totalFen: null,
    });
    // a draft is neither submitted nor exported nor compared
    expectError(await post(manager, `/api/pay/runs/${run.id}/submit`), 409, 'PAY_RUN_STATE');
    expectError(await get(manager, `/api/pay/runs/${run.id}/lines.xlsx`), 409, 'PAY_RUN_STATE');
    expectError(
      await post(manager, `/api/pay/runs/${run.id}/what-if`, { packId: 'fengze' }),
      409,
      'PAY_RUN_STATE',
    );
  });

  it("a unit outside the caller's scope is refused", async () => {
    const res = await post(adminA, '/api/pay/runs', {
      kind: 'street-uplift',
      period: '2026',
      orgId: streetB.id,
    });
    expectError(res, 404, 'NOT_FOUND');
  });
});
