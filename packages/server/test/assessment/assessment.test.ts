import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recount } from '../../src/cli/recount.ts';
import { createTestApp, expectError, loginAs, logLines, type Session, type TestApp } from '../helpers.ts';
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

interface Target {
  cadreId: string;
  unitId: string;
}

/** Two cadres in two villages of a new township, and the district's root unit (the township's parent). */
async function jinwanSetup(): Promise<{ a: Target; b: Target; rootId: string }> {
  const township = await newOrg(t.db, { kind: 'township' });
  const v1 = await newOrg(t.db, { parentId: township.id, kind: 'village', code: 'V1' });
  const v2 = await newOrg(t.db, { parentId: township.id, kind: 'village', code: 'V2' });
  return {
    a: { cadreId: (await newCadre(t.db, { orgId: v1.id })).id, unitId: v1.id },
    b: { cadreId: (await newCadre(t.db, { orgId: v2.id })).id, unitId: v2.id },
    rootId: township.parentId as string,
  };
}

const { as, tokens, vote, transition } = roundApi(
  () => t,
  () => orgdept,
);

describe('[assessment] policy packs', () => {
  it('lists the five shipped packs with every version; the demo district runs Fengze', async () => {
    const res = await as(orgdept, 'GET', '/api/packs');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{
      items: { packId: string; effectiveFrom: string; selected: boolean; id: string }[];
    }>().items;
    expect(items.map((p) => `${p.packId}@${p.effectiveFrom}`)).toEqual([
      'fengze@2018-01-01',
      'hongdong@2018-01-01',
      'hongdong@2019-07-01',
      'jinan@2018-01-01',
      'jinwan@2017-10-01',
      'wenzhou@2018-01-01',
    ]);
    expect(items.filter((p) => p.selected).map((p) => p.packId)).toEqual(['fengze']);
    const jinwan = await as(orgdept, 'GET', `/api/packs/${items.find((p) => p.packId === 'jinwan')!.id}`);
    expect(
      jinwan.json<{ body: { assessment: { schemes: { id: string }[] } } }>().body.assessment.schemes[0]?.id,
    ).toBe('group-leader');
  });
});

describe('[assessment] a district edits its own pack version', () => {
  it('clones Jinwan with validation, selects it, diffs it; shipped versions stay untouched', async () => {
    const list = (await as(orgdept, 'GET', '/api/packs')).json<{ items: { id: string; packId: string }[] }>()
      .items;
    const jinwanId = list.find((p) => p.packId === 'jinwan')!.id;
    const jinwan = (await as(orgdept, 'GET', `/api/packs/${jinwanId}`)).json<{
      body: {
        id: string;
        name: string;
        version: { effectiveFrom: string };
        assessment: { schemes: { raterGroups: { weight: number }[] }[] };
      };
    }>().body;
    const mine = structuredClone(jinwan);
    mine.id = 'qingyuan';
    mine.name = '清源区村（社区）干部考核';
    mine.version.effectiveFrom = '2026-01-01';
    mine.assessment.schemes[0]!.raterGroups[0]!.weight = 50; // 50 + 30 + 30 = 110
    const refused = await as(orgdept, 'POST', '/api/packs', { body: mine });
    expectError(refused, 400, 'PACK_INVALID');
    expect(
      refused.json<{ details: { problems: { path: string; message: string }[] } }>().details.problems,
    ).toContainEqual({
      path: '/assessment/schemes/0/raterGroups',
      message: '各评议组权重合计为 110%，应为 100%',
    });
    mine.assessment.schemes[0]!.raterGroups[1]!.weight = 25;
    mine.assessment.schemes[0]!.raterGroups[2]!.weight = 25;
    const saved = await as(orgdept, 'POST', '/api/packs', { body: mine });
    expect(saved.statusCode, saved.body).toBe(200);
    const savedId = saved.json<{ id: string; origin: string }>().id;
    expect(saved.json<{ origin: string }>().origin).toBe('edited');
    expectError(await as(orgdept, 'POST', '/api/packs', { body: jinwan }), 409, 'CONFLICT');
    const diff = (await as(orgdept, 'GET', `/api/packs/${jinwanId}/diff/${savedId}`)).json<{
      changes: { path: string; before: unknown; after: unknown }[];
    }>().changes;
    expect(diff.filter((c) => c.path.includes('raterGroups'))).toEqual([
      { path: '/assessment/schemes/0/raterGroups/0/weight', before: 40, after: 50 },
      { path: '/assessment/schemes/0/raterGroups/1/weight', before: 30, after: 25 },
      { path: '/assessment/schemes/0/raterGroups/2/weight', before: 30, after: 25 },
    ]);
    const selected = await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'qingyuan' });
    expect(
      selected
        .json<{ items: { packId: string; selected: boolean }[] }>()
        .items.filter((p) => p.selected)
        .map((p) => p.packId),
    ).toEqual(['qingyuan']);
    const street1 = await loginAs(t, 'street1');
    expectError(await as(street1, 'PUT', '/api/packs/selected', { packId: 'jinwan' }), 403, 'FORBIDDEN');
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'fengze' })).statusCode).toBe(200);
  });
});

describe('[assessment] Jinwan village group leaders: anonymous ballots, 40/30/30, minimum raters', () => {
  it('runs a round end to end with exact figures, one ballot per slip, suppression and waivers', async () => {
    const { a, b, rootId } = await jinwanSetup();
    const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
      name: '2026年度村（社区）党小组长、民小组长考核',
      packId: 'jinwan',
      schemeId: 'group-leader',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: rootId,
      population: { cadreIds: [a.cadreId, b.cadreId] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const round = created.json<{
      id: string;
      state: string;
      targetCount: number;
      packEffectiveFrom: string;
    }>();
    expect(round).toMatchObject({ state: 'draft', targetCount: 2, packEffectiveFrom: '2017-10-01' });
    const targets = (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/targets`)).json<{
      items: { id: string; cadreId: string }[];
    }>().items;
    const ta = targets.find((x) => x.cadreId === a.cadreId)!.id;
    const tb = targets.find((x) => x.cadreId === b.cadreId)!.id;

    // slips: representatives and the 两委 team per village (they rate their own village), the town for all
    const repsA = await tokens(round.id, 'members-representatives', 17, a.unitId);
    const teamA = await tokens(round.id, 'village-committee', 5, a.unitId);
    const repsB = await tokens(round.id, 'members-representatives', 14, b.unitId);
    const teamB = await tokens(round.id, 'village-committee', 5, b.unitId);
    const town = await tokens(round.id, 'town-committee', 7);
    // a group never holds more live slips than its maximum (20 representatives)
    expectError(
      await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens`, {
        groupId: 'members-representatives',
        count: 4,
        unitId: a.unitId,
      }),
      400,
      'VALIDATION',
    );
    expectError(await as(null, 'GET', `/api/ballot/${repsA[0]}`), 409, 'ROUND_STATE'); // not open yet
    expect((await transition(round.id, 'open')).statusCode).toBe(200);

    // a village slip shows that village's target only; a town slip shows both
    const page = (await as(null, 'GET', `/api/ballot/${repsA[0]}`)).json<{
      targets: { id: string }[];
      criteria: { maxPoints: number }[];
    }>();
    expect(page.targets.map((x) => x.id)).toEqual([ta]);
    expect(page.criteria.map((c) => c.maxPoints)).toEqual([40, 30, 30]);
    const townPage = (await as(null, 'GET', `/api/ballot/${town[0]}`)).json<{ targets: { id: string }[] }>();
    expect(townPage.targets.map((x) => x.id).sort()).toEqual([ta, tb].sort());

    // bad ballots change nothing: over a criterion's maximum, three decimals, a target outside the slip
    expectError(
      await as(null, 'POST', `/api/ballot/${repsA[0]}`, { scores: [{ targetId: ta, points: [41, 27, 27] }] }),
      400,
      'BALLOT_INVALID',
    );
    expectError(
      await as(null, 'POST', `/api/ballot/${repsA[0]}`, {
        scores: [{ targetId: ta, points: [36.123, 27, 27] }],
      }),
      400,
      'BALLOT_INVALID',
    );
    expectError(
      await as(null, 'POST', `/api/ballot/${repsA[0]}`, { scores: [{ targetId: tb, points: [36, 27, 27] }] }),
      400,
      'BALLOT_INVALID',
    );

    // SECURITY 20: 50 parallel submissions with one slip → exactly one stored, 49 refused with 409
    const race = await Promise.all(
      Array.from({ length: 50 }, () =>
        as(null, 'POST', `/api/ballot/${repsA[0]}`, { scores: [{ targetId: ta, points: [36, 27, 27] }] }),
      ),
    );
    expect(race.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(
      race.filter((r) => r.statusCode === 409 && r.json<{ code: string }>().code === 'TOKEN_USED'),
    ).toHaveLength(49);
    expectError(await as(null, 'GET', `/api/ballot/${repsA[0]}`), 409, 'TOKEN_USED');

    // representatives of village A: 10 × 90 (36+27+27) and 7 × 80 (32+24+24) → 1460/17
    for (const code of repsA.slice(1, 10)) await vote(code, { [ta]: [36, 27, 27] });
    for (const code of repsA.slice(10)) await vote(code, { [ta]: [32, 24, 24] });
    // 两委 team of A: 3 × 94 (38+28+28), 2 × 86 (34+26+26) → 454/5 = 90.8
    for (const code of teamA.slice(0, 3)) await vote(code, { [ta]: [38, 28, 28] });
    for (const code of teamA.slice(3)) await vote(code, { [ta]: [34, 26, 26] });
    // town committee: A 7 × 90, B 7 × 85 (35+25+25)
    for (const code of town) await vote(code, { [ta]: [36, 27, 27], [tb]: [35, 25, 25] });
    // village B: 14 representatives × 80 (below the minimum of 15); only 2 of 5 team slips used, 2 × 90
    for (const code of repsB) await vote(code, { [tb]: [30, 25, 25] });
    for (const code of teamB.slice(0, 2)) await vote(code, { [tb]: [36, 27, 27] });

    // a spare unused slip can be revoked; a used one cannot
    expect(
      (await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens/revoke`, { code: teamB[4] }))
        .statusCode,
    ).toBe(200);
    expectError(await as(null, 'GET', `/api/ballot/${teamB[4]}`), 404, 'TOKEN_INVALID');
    expectError(
      await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens/revoke`, { code: teamB[0] }),
      409,
      'TOKEN_USED',
    );

    // SECURITY 23: turnout per group, counts only
    const turnout = (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/turnout`)).json<{
      items: { groupId: string; issued: number; used: number; revoked: number; ballots: number }[];
    }>().items;
    expect(turnout).toEqual([
      {
        groupId: 'members-representatives',
        groupName: expect.any(String) as string,
        issued: 31,
        used: 31,
        revoked: 0,
        ballots: 31,
      },
      {
        groupId: 'village-committee',
        groupName: expect.any(String) as string,
        issued: 10,
        used: 7,
        revoked: 1,
        ballots: 7,
      },
      {
        groupId: 'town-committee',
        groupName: expect.any(String) as string,
        issued: 7,
        used: 7,
        revoked: 0,
        ballots: 7,
      },
    ]);

    // results stay hidden until the round is closed and computed (SECURITY 22)
    expectError(await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`), 409, 'ROUND_STATE');
    expectError(await transition(round.id, 'publish'), 409, 'ROUND_STATE');
    expect((await transition(round.id, 'close')).statusCode).toBe(200);
    expectError(await as(null, 'GET', `/api/ballot/${teamB[2]}`), 409, 'ROUND_STATE');
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);

    type Figure = { fraction: string; value: string };
    type Result = {
      id: string;
      status: string;
      total: Figure | null;
      proposedGrade: string | null;
      explanation: {
        tally: {
          groups: {
            groupId: string;
            ballotCount: number;
            suppressed: boolean;
            value?: Figure;
            effectiveWeight?: Figure;
          }[];
          insufficientGroups: { groupId: string; reason: string }[];
        };
      };
    };
    const results = async () =>
      (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`)).json<{ targets: Result[] }>()
        .targets;
    let rs = await results();
    const ra = rs.find((x) => x.id === ta)!;
    // 0.4 × 1460/17 + 0.3 × 454/5 + 0.3 × 90 = 584/17 + 27.24 + 27 = 150608/1700 = 37652/425 ≈ 88.59
    expect(ra.status).toBe('sufficient');
    expect(ra.total).toEqual({ fraction: '37652/425', value: '88.59' });
    expect(ra.explanation.tally.groups.map((g) => [g.groupId, g.ballotCount, g.value?.fraction])).toEqual([
      ['members-representatives', 17, '1460/17'],
      ['village-committee', 5, '454/5'],
      ['town-committee', 7, '90'],
    ]);
    expect(ra.proposedGrade).toBe('competent'); // 88.59 < 90
    const rb = rs.find((x) => x.id === tb)!;
    expect(rb.status).toBe('insufficient');
    expect(rb.total).toBeNull();
    expect(rb.explanation.tally.insufficientGroups.map((g) => g.groupId)).toEqual([
      'members-representatives',
      'village-committee',
    ]);
    // 2 ballots in B's team group: below the minimum group size shown (3), the figure is withheld, and
    // so is the town's for B (its smallest other group), lest the total give the team's away (SECURITY 31)
    expect(rb.explanation.tally.groups[1]).toEqual({
      groupId: 'village-committee',
      name: '村（社区）“两委”班子',
      ballotCount: 2,
      suppressed: true,
      suppressedReason: 'small',
    });
    expect(rb.explanation.tally.groups[2]).toMatchObject({ groupId: 'town-committee', suppressed: true });

    // a round cannot publish while a target is insufficient; waivers with reasons resolve it
    expectError(await transition(round.id, 'publish'), 409, 'ROUND_INSUFFICIENT');
    // 按单位豁免 (issue 10 §4): village A is not short of representatives (17 ≥ 15): nothing to waive there
    const unitWaiver = (orgId: string, groupId: string) =>
      as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/waivers/unit`, {
        orgId,
        groupId,
        reason: '该村实有党员和村民代表14人，经镇党委研究同意按实有人数评议',
      });
    expectError(await unitWaiver(a.unitId, 'members-representatives'), 409, 'WAIVER_NONE_SHORT');
    // the whole town: only B is short of representatives (14 < 15) → one target waived with the one reason
    const byTown = await unitWaiver(rootId, 'members-representatives');
    expect(byTown.statusCode, byTown.body).toBe(200);
    expect(byTown.json()).toEqual({ waived: 1 });
    // done: a second time finds none short
    expectError(await unitWaiver(rootId, 'members-representatives'), 409, 'WAIVER_NONE_SHORT');
    const w = await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/waivers`, {
      targetId: tb,
      groupId: 'village-committee',
      reason: '该村“两委”班子实有5人，2人回避，经镇党委研究同意按实有人数评议',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);
    rs = await results();
    // B: 0.4 × 80 + 0.3 × 90 + 0.3 × 85 = 32 + 27 + 25.5 = 84.5
    expect(rs.find((x) => x.id === tb)!.total).toEqual({ fraction: '169/2', value: '84.50' });

    // the committee: 15 % of 2 villages' targets → no 优秀 place; a reason is required
    expectError(
      await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/grades`, {
        targetId: ta,
        grade: 'excellent',
        reason: '工作突出',
      }),
      409,
      'QUOTA_EXCEEDED',
    );
    expectError(
      await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/grades`, {
        targetId: ta,
        grade: 'basic',
        reason: '',
      }),
      400,
      'REASON_REQUIRED',
    );
    const changed = await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/grades`, {
      targetId: ta,
      grade: 'basic',
      reason: '年内有群众反映未及时处理的问题，经考核委员会研究调整',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await transition(round.id, 'publish')).statusCode).toBe(200);
    const published = (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`)).json<{
      round: { state: string };
      targets: { id: string; finalGrade: string; finalGradeName: string; overrideReason: string | null }[];
    }>();
    expect(published.round.state).toBe('published');
    expect(published.targets.find((x) => x.id === ta)).toMatchObject({
      finalGrade: 'basic',
      finalGradeName: '基本称职',
    });

    // the results table as Excel: the same figures, the small group withheld
    const xlsx = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const rowsOut = [3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    const col = (h: string) => header.indexOf(h);
    expect(rowsOut.map((r) => r[col('综合得分')]).sort()).toEqual([84.5, 88.59]);
    expect(rowsOut.map((r) => r[col('确定等次')]).sort()).toEqual(['基本称职', '称职']);
    expect(rowsOut.map((r) => r[col('村（社区）“两委”班子得分')])).toContain('不足3票不单列');

    // SECURITY 24: anyone with the anonymous export and the pack recounts every published figure
    const exported = await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/ballots.json`);
    expect(exported.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'recount-'));
    const ballotsFile = join(dir, 'ballots.json');
    const resultsFile = join(dir, 'results.json');
    writeFileSync(ballotsFile, exported.body);
    writeFileSync(resultsFile, (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`)).body);
    const packFile = new URL('../../../core/src/policy/packs/jinwan.json', import.meta.url).pathname;
    const out: string[] = [];
    expect(recount({ in: ballotsFile, results: resultsFile, pack: packFile }, (m) => out.push(m))).toBe(0);
    expect(out).toContain('规则与政策包 jinwan（2017-10-01 版）一致');
    expect(out.at(-1)).toBe('复核一致：2 个对象的得分、排名、各组得分和建议等次与公布结果相同');
    expect(out.some((l) => l.includes('88.59\t37652/425'))).toBe(true);
    // one changed point in one ballot shows
    const tampered = exported.json<{ ballots: { scores: { targetId: string; points: number[] }[] }[] }>();
    const victim = tampered.ballots.find((b) => b.scores.some((x) => x.targetId === ta))!;
    victim.scores.find((x) => x.targetId === ta)!.points[0]! -= 100;
    writeFileSync(ballotsFile, JSON.stringify(tampered));
    const out2: string[] = [];
    expect(recount({ in: ballotsFile, results: resultsFile }, (m) => out2.push(m))).toBe(1);
    expect(out2.at(-1)).toBe('复核发现 1 处不一致');

    // SECURITY 21: a ballot row has no slip, no account, no address, only a day and a random id
    const columns = (
      await t.db.admin.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_name IN ('ballots', 'ballot_scores') ORDER BY table_name, ordinal_position`,
      )
    ).rows.map((c) => `${c.table_name}.${c.column_name}`);
    expect(columns).toEqual([
      'ballot_scores.ballot_id',
      'ballot_scores.round_id',
      'ballot_scores.group_id',
      'ballot_scores.target_id',
      'ballot_scores.points',
      'ballot_scores.total',
      'ballots.id',
      'ballots.round_id',
      'ballots.group_id',
      'ballots.unit_id',
      'ballots.cast_on',
    ]);
    // no ballot is audited on its own (its time would sit beside its slip's): the close audits the count
    const cast = await t.db.admin.query(`SELECT 1 FROM audit_log WHERE action = 'assessment.ballot.cast'`);
    expect(cast.rows).toHaveLength(0);
    const closed = await t.db.admin.query<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'assessment.round.close' AND object_id = $1`,
      [round.id],
    );
    expect(closed.rows.map((r) => r.after)).toEqual([{ state: 'closed', ballots: 31 + 7 + 7 }]);
    // refused submissions (3 bad ballots, 49 of the race; refused page loads are reads): the first few of
    // the minute in full, the rest counted — without address or object either way
    const refused = await t.db.admin.query<{ client_address: string | null; object_id: string | null }>(
      `SELECT client_address, object_id FROM audit_log WHERE action = 'POST /api/ballot/:token'`,
    );
    expect(refused.rows.every((r) => r.client_address === null && r.object_id === null)).toBe(true);
    const counted = await t.db.admin.query<{ n: number; addresses: string[] }>(
      `SELECT sum(count)::int AS n, array_agg(DISTINCT a) FILTER (WHERE a IS NOT NULL) AS addresses
         FROM audit_refusal_counts LEFT JOIN LATERAL unnest(addresses) a ON true
        WHERE action = 'POST /api/ballot/:token'`,
    );
    expect(refused.rows.length + (counted.rows[0]?.n ?? 0)).toBe(3 + 49);
    expect(counted.rows[0]?.addresses).toBeNull();
    // no slip code in the logs
    const log = logLines.join('\n');
    for (const code of [...repsA, ...town]) expect(log).not.toContain(code);
    expect(log).toContain('/api/ballot/***');
  });
});

describe('[assessment] the demo district: last year published, this year open', () => {
  it('a cadre sees only their own published result; another street sees nothing; results hidden while open', async () => {
    const cadre = await loginAs(t, 'cadre');
    const rounds = (await as(cadre, 'GET', '/api/assessment/rounds')).json<{
      items: { id: string; name: string; state: string; manageable: boolean }[];
    }>().items;
    const published = rounds.find((r) => r.state === 'published' && r.name.includes('机关工作人员考核'))!;
    const open = rounds.find((r) => r.state === 'open')!;
    expect(published.manageable).toBe(false);
    const mine = (await as(cadre, 'GET', `/api/assessment/rounds/${published.id}/results`)).json<{
      targets: { name: string; total: { value: string } | null; finalGradeName: string }[];
    }>();
    const { rows } = await t.db.admin.query<{ name: string }>(
      `SELECT c.name FROM users u JOIN cadres c ON c.id = u.cadre_id WHERE u.username = 'cadre'`,
    );
    expect(mine.targets.map((x) => x.name)).toEqual([rows[0]?.name]);
    expect(mine.targets[0]?.total?.value).toMatch(/^\d{2}\.\d{2}$/);
    expectError(await as(cadre, 'GET', `/api/assessment/rounds/${open.id}/results`), 403, 'FORBIDDEN');
    const street2 = await loginAs(t, 'street2');
    expectError(await as(street2, 'GET', `/api/assessment/rounds/${published.id}/results`), 404, 'NOT_FOUND');
    // a published rating of units (万人双评议) is public to every signed-in user: the whole board
    const mass = rounds.find((r) => r.name.includes('万人双评议'))!;
    const board = (await as(cadre, 'GET', `/api/assessment/rounds/${mass.id}/results`)).json<{
      targets: { rank: { population: number } | null }[];
    }>();
    const { rows: deps } = await t.db.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orgs WHERE kind = 'department' AND active`,
    );
    expect(board.targets).toHaveLength(deps[0]!.n);
    expect(Math.min(...board.targets.map((x) => x.rank?.population ?? 99))).toBe(1);
    // the organising street sees every staff member, ranked, within the 20 % quota of 优秀
    const street1 = await loginAs(t, 'street1');
    // (a page of 50 of them, in rank order; the counts are the whole round's)
    const all = (await as(street1, 'GET', `/api/assessment/rounds/${published.id}/results`)).json<{
      total: number;
      counts: { targets: number; final: Record<string, number> };
      targets: { finalGrade: string; rank: { population: number } | null }[];
    }>();
    // the quota plan is the calibration route's (a page of results does not carry it)
    const calibration = (
      await as(street1, 'GET', `/api/assessment/rounds/${published.id}/results/calibration`)
    ).json<{ summary: { plan: { groups: { count: { n: number; places: number } }[] } } }>();
    const n = all.total;
    expect(n).toBe(65);
    expect(all.counts.targets).toBe(n);
    expect(all.targets).toHaveLength(50);
    expect(calibration.summary.plan.groups[0]?.count).toMatchObject({
      n,
      places: Math.floor((n * 20) / 100),
    });
    expect(all.counts.final['excellent']).toBeLessThanOrEqual(Math.floor(n / 5));
    expect(all.targets[0]?.rank?.population).toBe(1);
  });
});

describe('[assessment] named raters: Jinwan station target management (站点自评 + 镇党委 + 区党员教育中心)', () => {
  it('gives each named rater a slip through their account; the ballot still keeps no account', async () => {
    const { rows: stations } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM orgs WHERE kind = 'station' ORDER BY path LIMIT 2`,
    );
    const { rows: root } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM orgs WHERE parent_id IS NULL`,
    );
    const { rows: users } = await t.db.admin.query<{ id: string; username: string }>(
      `SELECT id, username FROM users WHERE username IN ('street1', 'leader', 'orgdept')`,
    );
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    const [s1, s2] = [stations[0]!.id, stations[1]!.id];
    const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
      name: '2026年度党员远程教育站点目标管理考评',
      packId: 'jinwan',
      schemeId: 'station-target',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: root[0]!.id,
      population: { unitIds: [s1, s2] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const round = created.json<{ id: string; targetKind: string }>();
    expect(round.targetKind).toBe('unit');
    const targets = (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/targets`)).json<{
      items: { id: string; unitId: string }[];
    }>().items;
    const t1 = targets.find((x) => x.unitId === s1)!.id;
    const t2 = targets.find((x) => x.unitId === s2)!.id;
    // bearer slips are refused for a named group, and named raters for a bearer-less call
    expectError(
      await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/tokens`, {
        groupId: 'self',
        count: 1,
        unitId: s1,
      }),
      400,
      'VALIDATION',
    );
    const assign = async (groupId: string, username: string, unitId?: string) => {
      const res = await as(orgdept, 'POST', `/api/assessment/rounds/${round.id}/raters`, {
        groupId,
        userIds: [idOf(username)],
        ...(unitId ? { unitId } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await assign('self', 'street1', s1);
    await assign('town-committee', 'leader');
    await assign('district-centre', 'orgdept');
    expect((await transition(round.id, 'open')).statusCode).toBe(200);

    type Mine = { items: { roundId: string; groupId: string; used: boolean; code: string | null }[] };
    const slipOf = async (s: Session) =>
      (await as(s, 'GET', '/api/assessment/my-ballots'))
        .json<Mine>()
        .items.find((i) => i.roundId === round.id)!;
    const street1 = await loginAs(t, 'street1');
    const leader = await loginAs(t, 'leader');
    const self = await slipOf(street1);
    expect(self).toMatchObject({ groupId: 'self', used: false });
    // the self-assessment slip shows the rater's own station only
    const page = (await as(null, 'GET', `/api/ballot/${self.code}`)).json<{ targets: { id: string }[] }>();
    expect(page.targets.map((x) => x.id)).toEqual([t1]);
    await vote(self.code!, { [t1]: [27, 36, 27] }); // 90
    await vote((await slipOf(leader)).code!, { [t1]: [24, 32, 24], [t2]: [21, 28, 21] }); // 80, 70
    await vote((await slipOf(orgdept)).code!, { [t1]: [25.5, 34, 25.5], [t2]: [24, 32, 24] }); // 85, 80
    expect(await slipOf(street1)).toMatchObject({ used: true, code: null });
    // another account sees no slip of this round
    const street2 = await loginAs(t, 'street2');
    expect((await as(street2, 'GET', '/api/assessment/my-ballots')).json<Mine>().items).toEqual([]);
    expect((await transition(round.id, 'close')).statusCode).toBe(200);
    expect((await transition(round.id, 'compute')).statusCode).toBe(200);
    const results = (await as(orgdept, 'GET', `/api/assessment/rounds/${round.id}/results`)).json<{
      targets: { id: string; status: string; total: { fraction: string; value: string } | null }[];
    }>().targets;
    // station 1: 0.2 × 90 + 0.4 × 80 + 0.4 × 85 = 18 + 32 + 34 = 84; station 2 has no self-assessment
    expect(results.find((x) => x.id === t1)).toMatchObject({
      status: 'sufficient',
      total: { fraction: '84', value: '84.00' },
    });
    expect(results.find((x) => x.id === t2)).toMatchObject({ status: 'insufficient', total: null });
  });
});
