import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recount } from '../../src/cli/recount.ts';
import { createTestApp, expectError, loginAs, type Session, type TestApp } from '../helpers.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { roundApi } from './round-api.ts';

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const { as, tokens, transition } = roundApi(
  () => t,
  () => orgdept,
);

/** cast a grade ballot: a vote grade per target id */
async function voteGrades(code: string, grades: Record<string, string>) {
  return as(null, 'POST', `/api/ballot/${code}`, {
    grades: Object.entries(grades).map(([targetId, grade]) => ({ targetId, grade })),
  });
}

interface Figure {
  fraction: string;
  value: string;
}
interface ResultTarget {
  id: string;
  cadreId: string;
  total: Figure | null;
  proposedGrade: string | null;
  explanation: {
    tally: { groups: { groupId: string; ballotCount: number; value: Figure | null }[] };
    gradeVotes?: {
      groups: {
        groupId: string;
        total: number;
        grades: { name: string; count: number; shareHundredths: number }[];
        explanation: string[];
      }[];
      overall: {
        total: number;
        scoreHundredths: number | null;
        grades: { name: string; count: number; shareHundredths: number }[];
        explanation: string[];
      } | null;
    };
  } | null;
}

/**
 * A vote-share round (the Fengze example `example-grade-shares`) over `n` new cadres of a new street; the
 * target ids in the cadres' order.
 */
async function sharesRound(name: string, n: number) {
  const street = await newOrg(t.db, { kind: 'street' });
  const cadres: string[] = [];
  for (let i = 0; i < n; i++) cadres.push((await newCadre(t.db, { orgId: street.id })).id);
  const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
    name,
    packId: 'fengze',
    schemeId: 'example-grade-shares',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    orgId: street.parentId,
    population: { cadreIds: cadres },
  });
  expect(created.statusCode, created.body).toBe(200);
  const round = created.json<{ id: string }>();
  const rows = (
    await t.db.admin.query<{ id: string; cadre_id: string }>(
      `SELECT id, cadre_id FROM assessment_targets WHERE round_id = $1`,
      [round.id],
    )
  ).rows;
  return { round, street, ids: cadres.map((c) => rows.find((r) => r.cadre_id === c)!.id) };
}

/** The export and the published results as files for the recount CLI; returns its lines and exit code. */
function recountOf(ballots: string, results: string): { code: number; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'grade-recount-'));
  const ballotsFile = join(dir, 'ballots.json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(ballotsFile, ballots);
  writeFileSync(resultsFile, results);
  const lines: string[] = [];
  const code = recount({ in: ballotsFile, results: resultsFile }, (m) => lines.push(m));
  return { code, lines };
}

describe('[assessment] the grade ballot (一票一档, issue 10 §1)', () => {
  it('casts one vote grade per person, tallies shares and the points rule, explains them and recounts', async () => {
    // a street with two cadres, rated by its leadership (3 slips) and its staff (5 slips)
    const street = await newOrg(t.db, { kind: 'street' });
    const cadreA = (await newCadre(t.db, { orgId: street.id })).id;
    const cadreB = (await newCadre(t.db, { orgId: street.id })).id;
    const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
      name: '2026年度街道干部民主测评（一票一档）',
      packId: 'fengze',
      schemeId: 'example-grade-ballot',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: street.parentId,
      population: { cadreIds: [cadreA, cadreB] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const round = created.json<{ id: string }>();
    const targetOf = async (cadreId: string) =>
      (
        await t.db.admin.query<{ id: string }>(
          `SELECT id FROM assessment_targets WHERE round_id = $1 AND cadre_id = $2`,
          [round.id, cadreId],
        )
      ).rows[0]!.id;
    const a = await targetOf(cadreA);
    const b = await targetOf(cadreB);
    const leaders = await tokens(round.id, 'leadership', 3, street.id);
    const staff = await tokens(round.id, 'colleagues', 5, street.id);
    expect((await transition(round.id, 'open')).statusCode).toBe(200);

    // the slip shows the vote grades instead of criteria to score
    const page = await as(null, 'GET', `/api/ballot/${leaders[0]}`);
    expect(page.statusCode, page.body).toBe(200);
    const slip = page.json<{
      ballotForm: string;
      voteGrades: { code: string; name: string }[];
      targets: { id: string }[];
    }>();
    expect(slip.ballotForm).toBe('grade');
    expect(slip.voteGrades).toEqual([
      { code: 'excellent', name: '优秀' },
      { code: 'competent', name: '称职' },
      { code: 'basic', name: '基本称职' },
      { code: 'incompetent', name: '不称职' },
    ]);
    expect(slip.targets.map((x) => x.id).sort()).toEqual([a, b].sort());

    // refused whole, nothing stored: a grade not on the list, a target left out, a score ballot
    expectError(await voteGrades(leaders[0]!, { [a]: 'good', [b]: 'competent' }), 400, 'BALLOT_INVALID');
    expectError(await voteGrades(leaders[0]!, { [a]: 'excellent' }), 400, 'BALLOT_INVALID');
    expectError(
      await as(null, 'POST', `/api/ballot/${leaders[0]}`, { scores: [{ targetId: a, points: [90] }] }),
      400,
      'BALLOT_FORM',
    );
    expectError(
      await as(null, 'POST', `/api/ballot/${leaders[0]}`, {
        grades: [{ targetId: a, grade: 'excellent', x: 1 }],
      }),
      400,
      'UNKNOWN_FIELD',
    );

    const cast = async (codes: string[], votes: [string, string][]) => {
      for (const [i, code] of codes.entries()) {
        const res = await voteGrades(code, { [a]: votes[i]![0], [b]: votes[i]![1] });
        expect(res.statusCode, res.body).toBe(200);
      }
    };
    // leadership: A 优秀 优秀 称职; B 称职 基本称职 称职
    await cast(leaders, [
      ['excellent', 'competent'],
      ['excellent', 'basic'],
      ['competent', 'competent'],
    ]);
    // staff: A 优秀 ×4, 称职; B 优秀 称职 称职 基本称职 不称职
    await cast(staff, [
      ['excellent', 'excellent'],
      ['excellent', 'competent'],
      ['excellent', 'competent'],
      ['excellent', 'basic'],
      ['competent', 'incompetent'],
    ]);
    expectError(await voteGrades(staff[0]!, { [a]: 'excellent', [b]: 'excellent' }), 409, 'TOKEN_USED');

    expect((await transition(round.id, 'close')).statusCode).toBe(200);
    const stored = await t.db.admin.query<{ grade: string; n: number }>(
      `SELECT grade, count(*)::int AS n FROM ballot_grades WHERE round_id = $1 GROUP BY grade ORDER BY grade`,
      [round.id],
    );
    expect(stored.rows).toEqual([
      { grade: 'basic', n: 2 },
      { grade: 'competent', n: 6 },
      { grade: 'excellent', n: 7 },
      { grade: 'incompetent', n: 1 },
    ]);
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);

    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const targets = res.json<{ targets: ResultTarget[] }>().targets;
    const ra = targets.find((x) => x.id === a)!;
    const rb = targets.find((x) => x.id === b)!;
    // A: leadership (100+100+80)/3 = 280/3, staff (4×100+80)/5 = 96; 40 % × 280/3 + 60 % × 96 = 1424/15
    expect(ra.explanation!.tally.groups.map((g) => [g.groupId, g.ballotCount, g.value?.fraction])).toEqual([
      ['leadership', 3, '280/3'],
      ['colleagues', 5, '96'],
    ]);
    expect(ra.total).toEqual({ fraction: '1424/15', value: '94.93' });
    // B: leadership (80+60+80)/3 = 220/3, staff (100+80+80+60+0)/5 = 64; 88/3 + 192/5 = 1016/15
    expect(rb.total).toEqual({ fraction: '1016/15', value: '67.73' });
    // 94.93 ≥ 90 is 优秀 but the street's 20 % of 2 places rounds down to 0: 称职; 67.73 is 基本称职
    expect([ra.proposedGrade, rb.proposedGrade]).toEqual(['competent', 'basic']);

    // the explanation: counts and shares per group and over both groups (优秀票率 …), the rule's step
    const ga = ra.explanation!.gradeVotes!;
    expect(ga.groups[0]).toMatchObject({ groupId: 'leadership', total: 3 });
    expect(
      ga.groups
        .find((g) => g.groupId === 'leadership')!
        .grades.map((g) => [g.name, g.count, g.shareHundredths]),
    ).toEqual([
      ['优秀', 2, 6667],
      ['称职', 1, 3333],
      ['基本称职', 0, 0],
      ['不称职', 0, 0],
    ]);
    expect(ga.overall!.grades.map((g) => [g.count, g.shareHundredths])).toEqual([
      [6, 7500],
      [2, 2500],
      [0, 0],
      [0, 0],
    ]);
    const gb = rb.explanation!.gradeVotes!;
    expect(gb.overall!.grades.map((g) => [g.count, g.shareHundredths])).toEqual([
      [1, 1250],
      [4, 5000],
      [2, 2500],
      [1, 1250],
    ]);
    expect(gb.overall!.explanation).toEqual([
      '有效票 8 张：优秀 1 票（12.50%），称职 4 票（50.00%），基本称职 2 票（25.00%），不称职 1 票（12.50%）',
    ]);
    // each group's score is its rule step (B's staff: (100 + 2×80 + 60 + 0) / 5 = 64, its group mean)
    expect(gb.groups.find((g) => g.groupId === 'colleagues')!.explanation[1]).toBe(
      '得分 = (1×100.00 + 2×80.00 + 1×60.00 + 1×0.00) ÷ 5 = 64.00 分（两位小数，四舍五入）',
    );
    expect(gb.groups.find((g) => g.groupId === 'colleagues')!.grades.map((g) => g.count)).toEqual([
      1, 2, 1, 1,
    ]);

    // the results workbook: each vote grade's votes and share over the shown groups, beside the groups' columns
    const xlsx = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(9, 17)).toEqual([
      '优秀票数（合计）',
      '优秀票率',
      '称职票数（合计）',
      '称职票率',
      '基本称职票数（合计）',
      '基本称职票率',
      '不称职票数（合计）',
      '不称职票率',
    ]);
    expect(header[17]).toBe('综合得分');
    const rowOf = (total: number) =>
      [3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(18).value === total)!;
    const votesOf = (total: number) => (rowOf(total).values as unknown[]).slice(10, 18);
    // A (94.93): 6 优秀 (75.00 %), 2 称职 (25.00 %); B (67.73): 1, 4, 2, 1 of 8
    expect(votesOf(94.93)).toEqual([6, 0.75, 2, 0.25, 0, 0, 0, 0]);
    expect(votesOf(67.73)).toEqual([1, 0.125, 4, 0.5, 2, 0.25, 1, 0.125]);
    expect(rowOf(67.73).getCell(11).numFmt).toBe('0.00%');
    expect(rowOf(67.73).getCell(10).numFmt).toBeUndefined();

    // recount (SECURITY 24) from the anonymous export of the votes and the pack
    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/ballots.json`);
    expect(exported.statusCode, exported.body).toBe(200);
    const ballots = exported.json<{
      ballots: { scores: unknown[]; grades?: { targetId: string; grade: string }[] }[];
    }>().ballots;
    expect(ballots).toHaveLength(8);
    expect(ballots.every((x) => x.scores.length === 0 && x.grades?.length === 2)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'grade-recount-'));
    const ballotsFile = join(dir, 'ballots.json');
    const resultsFile = join(dir, 'results.json');
    writeFileSync(ballotsFile, exported.body);
    writeFileSync(resultsFile, res.body);
    const packFile = new URL('../../../core/src/policy/packs/fengze.json', import.meta.url).pathname;
    const out: string[] = [];
    expect(recount({ in: ballotsFile, results: resultsFile, pack: packFile }, (m) => out.push(m))).toBe(0);
    expect(out.at(-1)).toBe('复核一致：2 个对象的得分、排名、各组得分和建议等次与公布结果相同');
    // one vote changed shows
    const tampered = exported.json<{ ballots: { grades: { targetId: string; grade: string }[] }[] }>();
    const victim = tampered.ballots
      .flatMap((x) => x.grades)
      .find((g) => g.targetId === a && g.grade === 'competent')!;
    victim.grade = 'excellent';
    writeFileSync(ballotsFile, JSON.stringify(tampered));
    const out2: string[] = [];
    expect(recount({ in: ballotsFile, results: resultsFile }, (m) => out2.push(m))).toBe(1);
  });

  it('a vote-share rule (按票率定等次) proposes from the pooled votes; the points rank for the quota', async () => {
    // five cadres of a street (20 % of 5 = 1 place), rated by 3 leadership and 3 staff slips
    const { round, street, ids } = await sharesRound('2026年度街道干部民主测评（按票率定等次）', 5);
    const [A, B, C, D, E] = ids as [string, string, string, string, string];
    const leaders = await tokens(round.id, 'leadership', 3, street.id);
    const staff = await tokens(round.id, 'colleagues', 3, street.id);
    expect((await transition(round.id, 'open')).statusCode).toBe(200);
    const G = { E: 'excellent', C: 'competent', B: 'basic', I: 'incompetent' } as const;
    // per slip, the votes for A…E (E = 优秀, C = 称职, B = 基本称职, I = 不称职)
    const cast = async (codes: string[], slips: string[]) => {
      for (const [i, code] of codes.entries()) {
        const v = [...slips[i]!] as (keyof typeof G)[];
        const res = await voteGrades(code, {
          [A]: G[v[0]!],
          [B]: G[v[1]!],
          [C]: G[v[2]!],
          [D]: G[v[3]!],
          [E]: G[v[4]!],
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    };
    await cast(leaders, ['EEEBI', 'EECBI', 'ECCCC']);
    await cast(staff, ['EEEBI', 'EECCI', 'CECIB']);
    expect((await transition(round.id, 'close')).statusCode).toBe(200);
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);

    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const targets = res.json<{
      targets: (ResultTarget & {
        explanation: { proposal: { gradeBy?: string; scoreGrade: string | null; reason: string } } | null;
      })[];
    }>().targets;
    const of = (id: string) => targets.find((x) => x.id === id)!;
    // A: 5 of 6 优秀 → 优秀; 40 % × 100 + 60 % × 280/3 = 96
    // B: 5 of 6 优秀 → 优秀; 40 % × 280/3 + 60 % × 100 = 292/3 = 97.33: the one place
    // C: 2 of 6 优秀, none 基本称职 or 不称职 → 称职 (the default); 260/3
    // D: 称职 2, 基本称职 3, 不称职 1: 4 of 6 基本称职 + 不称职 (66.67 %) → 基本称职, although its score
    //    40 % × 200/3 + 60 % × 140/3 = 164/3 = 54.67 is under the scale's 基本称职 line (60)
    // E: 不称职 4 of 6 → 不称职; 40 % × 80/3 + 60 % × 20 = 68/3
    expect([A, B, C, D, E].map((id) => [of(id).total?.fraction, of(id).proposedGrade])).toEqual([
      ['96', 'competent'],
      ['292/3', 'excellent'],
      ['260/3', 'competent'],
      ['164/3', 'basic'],
      ['68/3', 'incompetent'],
    ]);
    expect(
      [A, B, D].map((id) => {
        const p = of(id).explanation!.proposal;
        return [p.gradeBy, p.scoreGrade, p.reason];
      }),
    ).toEqual([
      ['votes', 'excellent', 'quota'],
      ['votes', 'excellent', 'withinQuota'],
      ['votes', 'basic', 'score'],
    ]);
    // the rule's step is written once, on both groups' votes together; each group shows its counts
    const gd = of(D).explanation!.gradeVotes!;
    expect(gd.groups.map((g) => [g.groupId, g.explanation.length])).toEqual([
      ['leadership', 1],
      ['colleagues', 1],
    ]);
    expect(gd.overall!.explanation).toEqual([
      '有效票 6 张：优秀 0 票（0.00%），称职 2 票（33.33%），基本称职 3 票（50.00%），不称职 1 票（16.67%）',
      '优秀：优秀票率 0.00%（0/6）> 50.00%：不成立',
      '不称职：不称职票率 16.67%（1/6）> 50.00%：不成立',
      '基本称职：基本称职+不称职票率 66.67%（4/6）> 50.00%：成立',
      '结果：基本称职',
    ]);

    // the recount from the export reaches the same grades from the votes
    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/ballots.json`);
    expect(exported.statusCode, exported.body).toBe(200);
    const same = recountOf(exported.body, res.body);
    expect(same.code).toBe(0);
    expect(same.lines.at(-1)).toBe('复核一致：5 个对象的得分、排名、各组得分和建议等次与公布结果相同');
    // one 基本称职 vote for D turned 称职 (3 of 6: not above half) changes D's grade to 称职
    const tampered = exported.json<{ ballots: { grades: { targetId: string; grade: string }[] }[] }>();
    tampered.ballots.flatMap((x) => x.grades).find((g) => g.targetId === D && g.grade === 'basic')!.grade =
      'competent';
    const changed = recountOf(JSON.stringify(tampered), res.body);
    expect(changed.code).toBe(1);
    expect(changed.lines.join('\n')).toContain('建议等次 公布 basic，复核 competent');
  });

  it('a vote-share grade with a waived small group: its votes decide, no figure shows them, the recount is given the grade', async () => {
    // two cadres; the street's leadership casts 2 slips (under 3: waived), its staff 3
    const { round, street, ids } = await sharesRound('2026年度街道干部民主测评（按票率定等次，人数不足）', 2);
    const [A, B] = ids as [string, string];
    const leaders = await tokens(round.id, 'leadership', 2, street.id);
    const staff = await tokens(round.id, 'colleagues', 3, street.id);
    expect((await transition(round.id, 'open')).statusCode).toBe(200);
    // leadership: A 优秀 ×2, B 基本称职 ×2; staff: A 优秀 称职 称职, B 基本称职 称职 称职
    for (const code of leaders)
      expect((await voteGrades(code, { [A]: 'excellent', [B]: 'basic' })).statusCode).toBe(200);
    for (const [a, b] of [
      ['excellent', 'basic'],
      ['competent', 'competent'],
      ['competent', 'competent'],
    ] as const)
      expect((await voteGrades(staff.shift()!, { [A]: a, [B]: b })).statusCode).toBe(200);
    expect((await transition(round.id, 'close')).statusCode).toBe(200);
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);
    for (const targetId of [A, B]) {
      const w = await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/waivers`, {
        targetId,
        groupId: 'leadership',
        reason: '街道班子实有2人参加测评，经研究同意按实有人数评议',
      });
      expect(w.statusCode, w.body).toBe(200);
    }
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);

    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const targets = res.json<{
      targets: (ResultTarget & {
        explanation: { proposal: { scoreGrade: string | null; reason: string } } | null;
      })[];
    }>().targets;
    const of = (id: string) => targets.find((x) => x.id === id)!;
    // A: 3 of 5 votes 优秀 (60 %) → 优秀, with the leadership's two; the staff's alone would be 1 of 3.
    //    No 优秀 place (20 % of 2 rounds down): 称职. Score 40 % × 100 + 60 % × 260/3 = 92.
    // B: 3 of 5 基本称职 (60 %) → 基本称职. Score 40 % × 60 + 60 % × 220/3 = 68.
    expect(
      [A, B].map((id) => [
        of(id).total?.fraction,
        of(id).explanation!.proposal.scoreGrade,
        of(id).proposedGrade,
      ]),
    ).toEqual([
      ['92', 'excellent', 'competent'],
      ['68', 'basic', 'basic'],
    ]);
    // both groups are withheld (the small one and its complementary partner): no counts, no shares
    expect(of(A).explanation!.gradeVotes).toEqual({ groups: [], overall: null });

    // the export leaves out every vote for A and B and gives the grades the round's votes gave
    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/ballots.json`);
    expect(exported.statusCode, exported.body).toBe(200);
    const body = exported.json<{
      targets: { id: string; withheld?: { voteGrade?: string | null } }[];
      ballots: { grades?: unknown[] }[];
    }>();
    expect(body.ballots.flatMap((b) => b.grades ?? [])).toEqual([]);
    expect(body.targets.map((x) => [x.id, x.withheld?.voteGrade])).toEqual(
      expect.arrayContaining([
        [A, 'excellent'],
        [B, 'basic'],
      ]),
    );
    const same = recountOf(exported.body, res.body);
    expect(same.code).toBe(0);
    expect(same.lines.at(-1)).toBe('复核一致：2 个对象的得分、排名、各组得分和建议等次与公布结果相同');
    expect(same.lines).toContain(
      '2 个对象有评议组人数过少、选票不单列，其按得票率确定的等次取自导出（与综合得分的不单列部分一样）',
    );
    // without the given grade the recount has no vote to pool for B and cannot reach its 基本称职
    for (const x of body.targets) delete x.withheld?.voteGrade;
    expect(recountOf(JSON.stringify(body), res.body).code).toBe(1);
  });
});
