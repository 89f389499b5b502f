import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recount } from '../../src/cli/recount.ts';
import { createTestApp, expectError, loginAs, type Session, type TestApp } from '../helpers.ts';
import { roundApi } from './round-api.ts';

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const { as, tokens, vote, transition } = roundApi(
  () => t,
  () => orgdept,
);
const q = async <T>(sql: string, params: unknown[] = []) => (await t.db.admin.query(sql, params)).rows as T[];

async function waive(roundId: string, targetId: string, groupId: string) {
  const res = await as(orgdept, 'POST', `/api/assessment/rounds/${roundId}/waivers`, {
    targetId,
    groupId,
    reason: '该单位实有人数不足，经研究同意按实有人数评议',
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A round of `schemeId` with the given cadres as targets; returns its id and target id per cadre. */
async function createRound(packId: string, schemeId: string, cadreIds: string[]) {
  const [root] = await q<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
  const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
    name: `2026年度考核（${schemeId}）`,
    packId,
    schemeId,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    orgId: root!.id,
    population: { cadreIds },
  });
  expect(created.statusCode, created.body).toBe(200);
  const roundId = created.json<{ id: string }>().id;
  const items = (await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/targets`)).json<{
    items: { id: string; cadreId: string }[];
  }>().items;
  return { roundId, targetOf: (cadreId: string) => items.find((x) => x.cadreId === cadreId)!.id };
}

/** The first cadre of each of `n` units of a kind that have cadres (in path order). */
async function cadresOf(kind: string, n: number): Promise<{ cadreId: string; unitId: string }[]> {
  return q<{ cadreId: string; unitId: string }>(
    `SELECT DISTINCT ON (o.path) c.id AS "cadreId", o.id AS "unitId"
       FROM orgs o JOIN cadres c ON c.org_id = o.id AND c.deactivated_at IS NULL
      WHERE o.kind = $1 ORDER BY o.path, c.name, c.id LIMIT $2`,
    [kind, n],
  );
}

function files(ballots: string, results: string) {
  const dir = mkdtempSync(join(tmpdir(), 'recount-'));
  const paths = { ballots: join(dir, 'ballots.json'), results: join(dir, 'results.json') };
  writeFileSync(paths.ballots, ballots);
  writeFileSync(paths.results, results);
  return paths;
}

function runRecount(paths: { ballots: string; results: string }, pack?: string) {
  const out: string[] = [];
  const code = recount({ in: paths.ballots, results: paths.results, pack }, (m) => out.push(m));
  return { code, out };
}

interface Figure {
  fraction: string;
  value: string;
}
interface Group {
  groupId: string;
  ballotCount: number;
  suppressed: boolean;
  suppressedReason?: string;
  value?: Figure | null;
  contribution?: Figure | null;
}
interface Result {
  id: string;
  status: string;
  total: Figure | null;
  totalWithheld: boolean;
  rank: { population: number; of: number } | null;
  proposedGrade: string | null;
  explanation: {
    tally: {
      total: Figure | null;
      groups: Group[];
      criterionMeans: Record<string, unknown>;
      withheldContribution: Figure | null;
      explanation: { terms: Record<string, unknown>[] };
    };
    rank: unknown;
    proposal: { total: Figure | null; reason: string; grade: string | null } | null;
  };
}
interface Export {
  targets: {
    id: string;
    withheld?: {
      groups: { groupId: string; ballotCount: number; reason: string }[];
      contribution: string | null;
    };
  }[];
  ballots: { id: string; groupId: string; scores: { targetId: string; points: number[] }[] }[];
}

describe('[assessment] complementary suppression (SECURITY 31)', () => {
  it('a group of 2: total minus the shown groups no longer gives it; the export holds none of its ballots; the recount still checks every figure', async () => {
    const [a, b] = await cadresOf('village', 2);
    const { roundId, targetOf } = await createRound('jinwan', 'group-leader', [a!.cadreId, b!.cadreId]);
    const [ta, tb] = [targetOf(a!.cadreId), targetOf(b!.cadreId)];
    const repsA = await tokens(roundId, 'members-representatives', 17, a!.unitId);
    const teamA = await tokens(roundId, 'village-committee', 5, a!.unitId);
    const repsB = await tokens(roundId, 'members-representatives', 14, b!.unitId);
    const teamB = await tokens(roundId, 'village-committee', 2, b!.unitId);
    const town = await tokens(roundId, 'town-committee', 7);
    expect((await transition(roundId, 'open')).statusCode).toBe(200);
    for (const code of repsA) await vote(code, { [ta]: [36, 27, 27] }); // 90
    for (const code of teamA) await vote(code, { [ta]: [38, 28, 28] }); // 94
    for (const code of town) await vote(code, { [ta]: [36, 27, 27], [tb]: [35, 25, 25] }); // 90, 85
    for (const code of repsB) await vote(code, { [tb]: [32, 24, 24] }); // 80 (14 < 15: waived below)
    await vote(teamB[0]!, { [tb]: [37, 28, 27] }); // 92
    await vote(teamB[1]!, { [tb]: [36, 27, 27] }); // 90 → B's committee: 2 ballots, mean 91
    expect((await transition(roundId, 'close')).statusCode).toBe(200);
    await waive(roundId, tb, 'members-representatives');
    await waive(roundId, tb, 'village-committee');
    expect((await transition(roundId, 'compute')).statusCode).toBe(200);

    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results`);
    const targets = res.json<{ targets: Result[] }>().targets;
    const rb = targets.find((x) => x.id === tb)!;
    // B: 0.4 × 80 + 0.3 × 91 + 0.3 × 85 = 32 + 27.3 + 25.5 = 84.8
    expect(rb.total).toEqual({ fraction: '424/5', value: '84.80' });
    expect(rb.explanation.tally.groups).toEqual([
      expect.objectContaining({
        groupId: 'members-representatives',
        ballotCount: 14,
        suppressed: false,
        value: { fraction: '80', value: '80.00' },
        contribution: { fraction: '32', value: '32.00' },
      }),
      {
        groupId: 'village-committee',
        name: '村（社区）“两委”班子',
        ballotCount: 2,
        suppressed: true,
        suppressedReason: 'small',
      },
      {
        groupId: 'town-committee',
        name: expect.any(String) as string,
        ballotCount: 7,
        suppressed: true,
        suppressedReason: 'complementary',
      },
    ]);
    // the attack of the issue: total − the shown contributions = 52.8, the two hidden groups together —
    // not 0.3 × 91 = 27.3; published as such so the formula adds up
    expect(rb.explanation.tally.withheldContribution).toEqual({ fraction: '264/5', value: '52.80' });
    expect(rb.explanation.tally.criterionMeans).toEqual({});
    expect(rb.explanation.tally.explanation.terms).toEqual([
      expect.objectContaining({
        groupId: 'members-representatives',
        value: { fraction: '80', value: '80.00' },
      }),
      { groupId: 'village-committee', suppressed: true },
      { groupId: 'town-committee', suppressed: true },
    ]);
    // nowhere in the answer: the committee's mean 91 or its contribution 27.3, the town's 85 or 25.5
    for (const hidden of ['"fraction":"91"', '"273/10"', '"fraction":"85"', '"51/2"', '"91.00"', '"85.00"'])
      expect(res.body).not.toContain(hidden);
    // A has no small group: everything shown, 0.4 × 90 + 0.3 × 94 + 0.3 × 90 = 91.2
    const ra = targets.find((x) => x.id === ta)!;
    expect(ra.total).toEqual({ fraction: '456/5', value: '91.20' });
    expect(ra.explanation.tally.groups.map((g) => [g.groupId, g.suppressed, g.value?.fraction])).toEqual([
      ['members-representatives', false, '90'],
      ['village-committee', false, '94'],
      ['town-committee', false, '90'],
    ]);
    expect(ra.explanation.tally.withheldContribution).toBeNull();

    // the Excel export: the same cells withheld, each with its reason
    const xlsx = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const rowB = [3, 4]
      .map((n) => (sheet.getRow(n).values as unknown[]).slice(1))
      .find((r) => r[header.indexOf('综合得分')] === 84.8)!;
    expect(
      header
        .filter((h) => String(h).endsWith('得分') && h !== '综合得分')
        .map((h) => rowB[header.indexOf(h)]),
    ).toEqual([80, '不足3票不单列', '为防反推不单列']);

    // the anonymous export: no ballot of B's committee nor of its partner for B; the town's ballots
    // still carry their scores for A; B's hidden part as counts and the combined contribution
    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/ballots.json`);
    expect(exported.statusCode).toBe(200);
    const data = exported.json<Export>();
    const scoresFor = (targetId: string, groupId: string) =>
      data.ballots.filter((x) => x.groupId === groupId && x.scores.some((s) => s.targetId === targetId));
    expect(scoresFor(tb, 'village-committee')).toEqual([]);
    expect(scoresFor(tb, 'town-committee')).toEqual([]);
    expect(scoresFor(tb, 'members-representatives')).toHaveLength(14);
    expect(scoresFor(ta, 'town-committee')).toHaveLength(7);
    expect(data.ballots).toHaveLength(17 + 5 + 7 + 14);
    expect(JSON.stringify(data)).not.toContain('[3700,2800,2700]');
    expect(data.targets.find((x) => x.id === tb)!.withheld).toEqual({
      groups: [
        { groupId: 'village-committee', ballotCount: 2, reason: 'small' },
        { groupId: 'town-committee', ballotCount: 7, reason: 'complementary' },
      ],
      contribution: '264/5',
    });
    expect(data.targets.find((x) => x.id === ta)!.withheld).toBeUndefined();
    // not in insert order (a random id): the 43 ballots are sorted by id
    expect(data.ballots.map((x) => x.id)).toEqual(data.ballots.map((x) => x.id).sort());

    // SECURITY 24: the recount checks every published figure from that export
    const paths = files(exported.body, res.body);
    const pack = new URL('../../../core/src/policy/packs/jinwan.json', import.meta.url).pathname;
    const good = runRecount(paths, pack);
    expect(good.code, good.out.join('\n')).toBe(0);
    expect(good.out.at(-1)).toBe('复核一致：2 个对象的得分、排名、各组得分和建议等次与公布结果相同');
    expect(good.out.some((l) => l.includes('84.80\t424/5'))).toBe(true);
    // … and fails when a published figure is altered: B's total, A's shown group mean
    const published = res.json<{ targets: Result[] }>();
    published.targets.find((x) => x.id === tb)!.total = { fraction: '85', value: '85.00' };
    writeFileSync(paths.results, JSON.stringify(published));
    const badTotal = runRecount(paths);
    expect(badTotal.code).toBe(1);
    expect(badTotal.out).toContain(`不一致：${await nameOf(tb)} 综合得分 公布 85，复核 424/5`);
    const again = res.json<{ targets: Result[] }>();
    again.targets.find((x) => x.id === ta)!.explanation.tally.groups[1]!.value = {
      fraction: '93',
      value: '93.00',
    };
    writeFileSync(paths.results, JSON.stringify(again));
    expect(runRecount(paths).out.at(-1)).toBe('复核发现 1 处不一致');
    // … and when the export's withheld part is altered
    writeFileSync(paths.results, res.body);
    data.targets.find((x) => x.id === tb)!.withheld!.contribution = '53';
    writeFileSync(paths.ballots, JSON.stringify(data));
    const badPart = runRecount(paths);
    expect(badPart.code).toBe(1);
    expect(badPart.out.at(-1)).toBe('复核发现 1 处不一致');
  });

  it('the only counted group has 2 ballots: the total, the rank and the contest for a place are withheld', async () => {
    // Fengze departments (leadership 60 %, colleagues 40 %, empty groups renormalised)
    const [x, y] = await cadresOf('department', 2);
    const { roundId, targetOf } = await createRound('fengze', 'department-annual', [x!.cadreId, y!.cadreId]);
    const [tx, ty] = [targetOf(x!.cadreId), targetOf(y!.cadreId)];
    const leadX = await tokens(roundId, 'leadership', 2, x!.unitId);
    const leadY = await tokens(roundId, 'leadership', 3, y!.unitId);
    const colY = await tokens(roundId, 'colleagues', 5, y!.unitId);
    expect((await transition(roundId, 'open')).statusCode).toBe(200);
    for (const code of leadX) await vote(code, { [tx]: [18, 18, 18, 27, 9] }); // 90
    for (const code of leadY) await vote(code, { [ty]: [17, 17, 17, 25, 9] }); // 85
    for (const code of colY) await vote(code, { [ty]: [16, 16, 16, 24, 8] }); // 80
    expect((await transition(roundId, 'close')).statusCode).toBe(200);
    await waive(roundId, tx, 'leadership');
    expect((await transition(roundId, 'compute')).statusCode).toBe(200);

    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results`);
    const targets = res.json<{ targets: Result[] }>().targets;
    const rx = targets.find((r) => r.id === tx)!;
    // X's total would be its leadership mean, 90
    expect(rx).toMatchObject({ status: 'sufficient', total: null, totalWithheld: true, rank: null });
    expect(rx.explanation.tally).toMatchObject({ total: null, withheldContribution: null });
    expect(rx.explanation.tally.groups[0]).toEqual({
      groupId: 'leadership',
      name: expect.any(String) as string,
      ballotCount: 2,
      suppressed: true,
      suppressedReason: 'small',
    });
    expect(rx.explanation.rank).toBeNull();
    expect(rx.explanation.proposal).toMatchObject({
      total: null,
      reason: 'totalWithheld',
      grade: 'competent',
    });
    expect(res.body).not.toContain('"fraction":"90"');
    // Y: 0.6 × 85 + 0.4 × 80 = 83, ranked alone
    expect(targets.find((r) => r.id === ty)).toMatchObject({
      total: { fraction: '83', value: '83.00' },
      totalWithheld: false,
      rank: { population: 1, of: 1 },
    });

    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/ballots.json`);
    const data = exported.json<Export>();
    expect(data.targets.find((r) => r.id === tx)!.withheld).toEqual({
      groups: [{ groupId: 'leadership', ballotCount: 2, reason: 'small' }],
      contribution: null,
    });
    expect(data.ballots.some((b) => b.scores.some((s) => s.targetId === tx))).toBe(false);
    const { code, out } = runRecount(files(exported.body, res.body));
    expect(code, out.join('\n')).toBe(0);
    expect(out).toContain(
      '另有 1 个对象只有一个评议组计分且该组人数过少，综合得分不公开，其得分和建议等次无法复核',
    );
  });

  it('a round whose scores have left the database (compute, ballot export) is never reopened', async () => {
    const [a] = await cadresOf('village', 1);
    const run = async () => {
      const { roundId, targetOf } = await createRound('jinwan', 'group-leader', [a!.cadreId]);
      const town = await tokens(roundId, 'town-committee', 6);
      expect((await transition(roundId, 'open')).statusCode).toBe(200);
      for (const code of town.slice(0, 3)) await vote(code, { [targetOf(a!.cadreId)]: [36, 27, 27] });
      expect((await transition(roundId, 'close')).statusCode).toBe(200);
      return { roundId, rest: town.slice(3) };
    };
    const disclosed = async (roundId: string) =>
      (await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}`)).json<{ scoresDisclosed: boolean }>()
        .scoresDisclosed;

    // nothing has left yet: 延长评议 as before
    const first = await run();
    expect(await disclosed(first.roundId)).toBe(false);
    expect((await transition(first.roundId, 'reopen')).json<{ state: string }>().state).toBe('open');
    expect((await transition(first.roundId, 'close')).statusCode).toBe(200);
    // after a compute: refused, with the reason
    expect((await transition(first.roundId, 'compute')).statusCode).toBe(200);
    expect(await disclosed(first.roundId)).toBe(true);
    const refused = await transition(first.roundId, 'reopen');
    expectError(refused, 409, 'SCORES_DISCLOSED');
    expect(refused.json<{ message: string }>().message).toContain('前后两次结果相减会暴露新增的个别选票');

    // after the ballot export of a closed round: refused too; the slips left stay unusable
    const second = await run();
    expect(
      (await as(orgdept, 'GET', `/api/assessment/rounds/${second.roundId}/ballots.json`)).statusCode,
    ).toBe(200);
    expectError(await transition(second.roundId, 'reopen'), 409, 'SCORES_DISCLOSED');
    expect(
      (await as(orgdept, 'GET', `/api/assessment/rounds/${second.roundId}`)).json<{ state: string }>().state,
    ).toBe('closed');
    expectError(await as(null, 'GET', `/api/ballot/${second.rest[0]}`), 409, 'ROUND_STATE');
  });

  it('a pack may not show groups below 3 ballots: 1 or 2 is refused with the reason', async () => {
    const list = (await as(orgdept, 'GET', '/api/packs')).json<{ items: { id: string; packId: string }[] }>()
      .items;
    const jinwan = (
      await as(orgdept, 'GET', `/api/packs/${list.find((p) => p.packId === 'jinwan')!.id}`)
    ).json<{
      body: { id: string; version: { effectiveFrom: string }; assessment: { minGroupSizeShown: number } };
    }>().body;
    for (const n of [1, 2]) {
      const mine = structuredClone(jinwan);
      mine.id = 'qingyuan-small';
      mine.version.effectiveFrom = '2026-01-01';
      mine.assessment.minGroupSizeShown = n;
      const refused = await as(orgdept, 'POST', '/api/packs', { body: mine });
      expectError(refused, 400, 'PACK_INVALID');
      expect(refused.json<{ details: { problems: unknown[] } }>().details.problems).toEqual([
        { path: '/assessment/minGroupSizeShown', message: '单列显示的最少票数不能少于 3 票' },
      ]);
    }
    expect(await q(`SELECT 1 FROM policy_packs WHERE pack_id = 'qingyuan-small'`)).toEqual([]);
  });
});

async function nameOf(targetId: string): Promise<string> {
  return (await q<{ name: string }>(`SELECT name FROM assessment_targets WHERE id = $1`, [targetId]))[0]!
    .name;
}
