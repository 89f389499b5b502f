import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, loginAs, type Session, type TestApp } from '../helpers.ts';
import { roundApi } from './round-api.ts';

/**
 * 考核结果 a page at a time (issue 10 §9): a computed round of five targets whose stored results are
 * written by hand, so every row, order and count below is known exactly.
 */

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const { as } = roundApi(
  () => t,
  () => orgdept,
);
const q = async <T>(sql: string, params: unknown[] = []) => (await t.db.admin.query(sql, params)).rows as T[];

interface Row {
  id: string;
  name: string;
  status: string | null;
  total: { fraction: string; value: string } | null;
  totalWithheld: boolean;
  rank: { population: number; of: number } | null;
  proposedGrade: string | null;
  finalGrade: string | null;
  overrideReason: string | null;
  explanation: { tally: { groups: { groupId: string; suppressed: boolean; suppressedReason?: string }[] } };
}
interface Page {
  page: number;
  pageSize: number;
  total: number;
  counts: {
    targets: number;
    status: { sufficient: number; insufficient: number; none: number };
    proposed: Record<string, number>;
    final: Record<string, number>;
    overridden: number;
    shortByGroup: Record<string, number> | null;
  };
  targets: Row[];
}

/** A stored (whole) result: a total and a rank, and the rater groups' counts. */
function stored(total: number | null, rank: number | null, groups: [string, number][] = []) {
  const figure = total === null ? null : { fraction: String(total), value: total.toFixed(2) };
  return {
    tally: {
      status: total === null ? 'insufficient' : 'sufficient',
      insufficientGroups:
        total === null
          ? [{ groupId: 'members-representatives', reason: 'belowMinimum', ballotCount: 9, minRaters: 15 }]
          : [],
      aboveMaximum: [],
      total: figure,
      groups: groups.map(([groupId, ballotCount]) => ({ groupId, name: groupId, ballotCount })),
      ballotCount: groups.reduce((s, [, n]) => s + n, 0),
      explanation: { emptyGroup: 'renormalise', renormalised: null },
    },
    rank: rank === null ? null : { population: rank, of: 4, unit: 1, ofUnit: 1 },
    proposal: null,
  };
}

let roundId = '';
const ids: Record<string, string> = {};
let unitOfA = '';

/**
 * 甲 90 (rank 2), 乙 88 (rank 3, grade changed), 丙 88 (rank 3), 丁 insufficient, 戊 92 stored as rank 1
 * but its total withheld: its one weighted group with a ballot has one ballot, below the shown minimum of
 * 3, and no other weighted group has ballots to withhold beside it (SECURITY 31) — so it has no published
 * rank or total and sorts with the unranked.
 */
beforeAll(async () => {
  const cadres = await q<{ cadreId: string; unitId: string }>(
    `SELECT DISTINCT ON (o.path) c.id AS "cadreId", o.id AS "unitId"
       FROM orgs o JOIN cadres c ON c.org_id = o.id AND c.deactivated_at IS NULL
      WHERE o.kind = 'village' ORDER BY o.path, c.name, c.id LIMIT 5`,
  );
  const [root] = await q<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
  const created = await as(orgdept, 'POST', '/api/assessment/rounds', {
    name: '2026年度考核（分页）',
    packId: 'jinwan',
    schemeId: 'group-leader',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    orgId: root!.id,
    population: { cadreIds: cadres.map((c) => c.cadreId) },
  });
  expect(created.statusCode, created.body).toBe(200);
  roundId = created.json<{ id: string }>().id;
  const names = ['甲', '乙', '丙', '丁', '戊'];
  const results = [
    [stored(90, 2, [['town-committee', 7]]), 'excellent', 'excellent', null],
    [stored(88, 3, [['town-committee', 7]]), 'competent', 'excellent', '经考核委员会研究调整'],
    [stored(88, 3, [['town-committee', 7]]), 'competent', 'competent', null],
    [stored(null, null, [['members-representatives', 9]]), null, null, null],
    [stored(92, 1, [['village-committee', 1]]), 'competent', 'competent', null],
  ] as const;
  for (const [i, c] of cadres.entries()) {
    const [target] = await q<{ id: string }>(
      `UPDATE assessment_targets SET name = $3, sort_order = $4, result = $5, proposed_grade = $6,
              final_grade = $7, override_reason = $8
        WHERE round_id = $1 AND cadre_id = $2 RETURNING id`,
      [roundId, c.cadreId, names[i], i + 1, JSON.stringify(results[i]![0]), ...results[i]!.slice(1)],
    );
    ids[names[i]!] = target!.id;
  }
  unitOfA = cadres[0]!.unitId;
  await q(`UPDATE assessment_rounds SET state = 'computed' WHERE id = $1`, [roundId]);
});

const get = async (query: string) => {
  const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const names = (p: Page) => p.targets.map((x) => x.name);

describe('[assessment] results a page at a time (issue 10 §9)', () => {
  it('page 2 of size 2 by rank: 丙 and 丁, of 5; the counts are the whole round', async () => {
    const p = await get('?page=2&pageSize=2');
    expect({ page: p.page, pageSize: p.pageSize, total: p.total }).toEqual({
      page: 2,
      pageSize: 2,
      total: 5,
    });
    expect(
      p.targets.map((x) => [x.name, x.status, x.total?.value ?? null, x.rank?.population ?? null]),
    ).toEqual([
      ['丙', 'sufficient', '88.00', 3],
      ['丁', 'insufficient', null, null],
    ]);
    expect(p.counts).toEqual({
      targets: 5,
      status: { sufficient: 4, insufficient: 1, none: 0 },
      proposed: { excellent: 1, competent: 3 },
      final: { excellent: 2, competent: 2 },
      overridden: 1,
      shortByGroup: { 'members-representatives': 1 },
    });
    expect(names(await get('?page=1&pageSize=2'))).toEqual(['甲', '乙']);
    // the withheld total's target comes last, with no rank or total (not its stored rank 1)
    const last = await get('?page=3&pageSize=2');
    expect(last.targets.map((x) => [x.name, x.total, x.totalWithheld, x.rank])).toEqual([
      ['戊', null, true, null],
    ]);
    expect((await get('?page=4&pageSize=2')).targets).toEqual([]);
  });

  it('filters and orders in the database: status, unit, name, by total and by name', async () => {
    expect(names(await get('?status=insufficient'))).toEqual(['丁']);
    expect((await get('?status=sufficient')).total).toBe(4);
    expect(names(await get(`?unitId=${unitOfA}`))).toEqual(['甲']);
    expect(names(await get(`?q=${encodeURIComponent('丙')}`))).toEqual(['丙']);
    // by total: 90, 88, 88 (in the round's order), then no published total (丁, 戊)
    expect(names(await get('?sort=total'))).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(names(await get('?sort=name&pageSize=1')).length).toBe(1);
    expect((await get('?sort=total&status=sufficient&pageSize=1&page=4')).targets.map((x) => x.name)).toEqual(
      ['戊'],
    );
  });

  it('a page carries no quota summary; 名额校准 is its own route, for the organiser only', async () => {
    const p = (await get('?pageSize=1')) as Page & Record<string, unknown>;
    expect(Object.keys(p)).not.toContain('summary');
    expect(Object.keys(p)).not.toContain('calibration');
    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results/calibration`);
    expect(res.statusCode, res.body).toBe(200);
    // the hand-written round has no stored quota summary, so there is nothing to calibrate
    expect(res.json()).toEqual({ summary: null, calibration: null });
    // a leader reads the published results but does not run the round: no calibration
    const leader = await loginAs(t, 'leader');
    await q(`UPDATE assessment_rounds SET state = 'published' WHERE id = $1`, [roundId]);
    try {
      const page = await as(leader, 'GET', `/api/assessment/rounds/${roundId}/results?pageSize=1`);
      expect(page.statusCode, page.body).toBe(200);
      const refused = await as(leader, 'GET', `/api/assessment/rounds/${roundId}/results/calibration`);
      expectError(refused, 403, 'FORBIDDEN');
      expect(refused.json<{ message: string }>().message).toBe('名额校准仅组织考核的单位可以查看');
    } finally {
      await q(`UPDATE assessment_rounds SET state = 'computed' WHERE id = $1`, [roundId]);
    }
  });

  it('more than 200 a page is refused with RESULTS_PAGE_SIZE; a bad page with VALIDATION', async () => {
    expectError(
      await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results?pageSize=201`),
      400,
      'RESULTS_PAGE_SIZE',
    );
    expectError(
      await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results?page=0`),
      400,
      'VALIDATION',
    );
    expect((await get('?pageSize=200')).targets).toHaveLength(5);
  });

  it("one target's explanation on its own, as the page gives it; another round's target is not found", async () => {
    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results/${ids['戊']}`);
    expect(res.statusCode, res.body).toBe(200);
    const one = res.json<Row>();
    expect([one.name, one.total, one.totalWithheld, one.rank]).toEqual(['戊', null, true, null]);
    expect(one.explanation.tally.groups).toEqual([
      {
        groupId: 'village-committee',
        name: 'village-committee',
        ballotCount: 1,
        suppressed: true,
        suppressedReason: 'small',
      },
    ]);
    const paged = (await get('?page=3&pageSize=2')).targets[0];
    expect(one).toEqual(paged);
    const [other] = await q<{ id: string }>(
      `SELECT id FROM assessment_targets WHERE round_id <> $1 LIMIT 1`,
      [roundId],
    );
    expectError(
      await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results/${other!.id}`),
      404,
      'NOT_FOUND',
    );
  });

  it('the workbook, written from a cursor, has every target in the round order with the published figures', async () => {
    const res = await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row, i) => {
      if (i > 2) rows.push([row.getCell(3).value, row.getCell(12).value, row.getCell(13).value]);
    });
    expect(rows).toEqual([
      ['甲', 90, '有效'],
      ['乙', 88, '有效'],
      ['丙', 88, '有效'],
      ['丁', null, '人数不足'],
      ['戊', '不公开（防反推）', '有效'],
    ]);
  });
});
