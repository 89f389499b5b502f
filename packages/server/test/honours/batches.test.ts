import type { HonourBatchDetail, HonourBoard, HonourProposalList } from '@ganbu/core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRound } from '../factories/assessment.ts';
import { newCadre } from '../factories/cadre.ts';
import { newDisciplineRecord, newToleranceDecision } from '../factories/discipline-sql.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

// R-HON-1/2 with the fengze pack (the test district's default): streets 15% of their active cadres,
// departments 10%, floor, at least 1 (pack /honours/quotas); 公示 5 working days (/honours/noticeWorkingDays);
// 记三等功 proposed for 优秀 in 3 consecutive years (/honours/proposalRules). The test clock reads 2026-11-02.
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let deptAdmin: Session;
let otherStreetAdmin: Session;
let streetCadres: { id: string; name: string }[];
let deptCadres: { id: string; name: string }[];
let admonished: { id: string; name: string };
let exempted: { id: string; name: string };
let excellent3: { id: string; name: string };
let excellent2: { id: string; name: string };
let streetId: string;
let deptId: string;
let batchId: string;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db, { name: '甲街道' });
  const dept = await newOrg(t.db, { name: '区财政局', kind: 'department' });
  const other = await newOrg(t.db, { name: '乙街道' });
  streetId = street.id;
  deptId = dept.id;
  streetCadres = [];
  // 23 active cadres in the street's subtree (20 in the street, 3 in a community under it)
  const community = await newOrg(t.db, { parentId: street.id, kind: 'community', name: '甲社区' });
  for (let i = 0; i < 20; i += 1)
    streetCadres.push(
      await newCadre(t.db, { orgId: street.id, name: `甲街道干部${i + 1}`, postTitle: '科员' }),
    );
  for (let i = 0; i < 3; i += 1)
    streetCadres.push(await newCadre(t.db, { orgId: community.id, name: `甲社区干部${i + 1}` }));
  // 12 in the department
  deptCadres = [];
  for (let i = 0; i < 12; i += 1)
    deptCadres.push(
      await newCadre(t.db, { orgId: dept.id, name: `财政局干部${i + 1}`, postTitle: '副局长' }),
    );
  await newCadre(t.db, { orgId: other.id, name: '乙街道干部' });
  admonished = streetCadres[10]!;
  exempted = streetCadres[11]!;
  excellent3 = streetCadres[12]!;
  excellent2 = streetCadres[13]!;
  // 诫勉 on 2026-09-01: no honour until the end of 2026 (fengze admonishment_year); the second exempted (容错免责)
  await newDisciplineRecord(t.db, { cadreId: admonished.id, kind: 'admonishment', decidedOn: '2026-09-01' });
  const record = await newDisciplineRecord(t.db, {
    cadreId: exempted.id,
    kind: 'admonishment',
    decidedOn: '2026-09-01',
  });
  await newToleranceDecision(t.db, {
    cadreId: exempted.id,
    recordIds: [record],
    outcome: 'exempt',
    decidedOn: '2026-10-10',
    documentNo: '丰容〔2026〕1号',
  });
  // published annual grades: 优秀 in 2023, 2024, 2025 (excellent3); 2024 and 2025 only (excellent2)
  for (const year of [2023, 2024, 2025]) {
    const ids = year === 2023 ? [excellent3.id] : [excellent3.id, excellent2.id];
    const round = await newRound(t.db, { orgId: street.id, cadreIds: ids, name: `${year}年度考核` });
    await t.db.admin.query(
      `UPDATE assessment_rounds SET state = 'published', period_start = $2, period_end = $3 WHERE id = $1`,
      [round.id, `${year}-01-01`, `${year}-12-31`],
    );
    await t.db.admin.query(
      `UPDATE assessment_targets SET final_grade = 'excellent', published = true WHERE round_id = $1`,
      [round.id],
    );
  }
  const { rows } = await t.db.admin.query<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
  const districtId = rows[0]!.id;
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: districtId, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  deptAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: dept.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  otherStreetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) =>
  injectAs(t, s, { method: 'POST', url, payload });
const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });

async function newBatch(kindId: string, name: string): Promise<string> {
  const res = await post(orgdept, '/api/honours/batches', { name, year: 2026, kindId });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json<HonourBatchDetail>().id;
  expect((await post(orgdept, `/api/honours/batches/${id}/open`)).statusCode).toBe(200);
  return id;
}

const nominate = (s: Session, id: string, cadreId: string, extra: Record<string, unknown> = {}) =>
  post(s, `/api/honours/batches/${id}/nominations`, { cadreId, deeds: '扎根基层，服务群众', ...extra });

describe('[honours] a commendation batch', () => {
  it('is created by 组织部 under the pack in force, in draft, then opened for nominations', async () => {
    const res = await post(orgdept, '/api/honours/batches', {
      name: '2026年度通报表扬',
      year: 2026,
      kindId: 'commendation',
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json<HonourBatchDetail>();
    batchId = b.id;
    expect(b).toMatchObject({
      state: 'draft',
      kindId: 'commendation',
      kindName: '通报表扬',
      kindRank: 1,
      packId: 'fengze',
      noticeWorkingDays: 5,
      noticeEnd: null,
    });
    expectError(await nominate(streetAdmin, batchId, streetCadres[0]!.id), 409, 'HONOUR_BATCH_STATE');
    expect(
      (await post(orgdept, `/api/honours/batches/${batchId}/open`)).json<HonourBatchDetail>().state,
    ).toBe('nominating');
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'honour.batch.create' AND object_id = $1`,
        [batchId],
      ),
    ).toBe(1);
  });

  it('refuses a kind the pack does not have, and a street admin creating a batch', async () => {
    expectError(
      await post(orgdept, '/api/honours/batches', { name: 'x', year: 2026, kindId: 'nope' }),
      400,
      'VALIDATION',
    );
    expectError(
      await post(streetAdmin, '/api/honours/batches', { name: 'x', year: 2026, kindId: 'commendation' }),
      403,
      'FORBIDDEN',
    );
  });

  it('gives each unit its quota: the street 23 × 15% = 3.45 → 3, the department 12 × 10% = 1.2 → 1', async () => {
    const b = (await get(orgdept, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    const street = b.quotas.find((q) => q.unitId === streetId)!;
    const dept = b.quotas.find((q) => q.unitId === deptId)!;
    expect(street).toMatchObject({ activeCadres: 23, sharePercent: 15, quota: 3, used: 0 });
    expect(street.explanation).toContain('甲街道：在册干部 23 人 × 15% = 3.45，向下取整 3 名');
    expect(dept).toMatchObject({ activeCadres: 12, sharePercent: 10, quota: 1, used: 0 });
    expect(dept.explanation).toContain('区财政局：在册干部 12 人 × 10% = 1.2，向下取整 1 名');
    // the street admin sees its own line only
    const mine = (await get(streetAdmin, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(mine.quotas.map((q) => q.unitId)).toEqual([streetId]);
  });

  it('takes nominations up to the quota and refuses one beyond it (HONOUR_QUOTA_FULL)', async () => {
    for (const c of streetCadres.slice(0, 3))
      expect((await nominate(streetAdmin, batchId, c.id)).statusCode).toBe(200);
    const full = await nominate(streetAdmin, batchId, streetCadres[3]!.id);
    expectError(full, 409, 'HONOUR_QUOTA_FULL');
    expect(full.json<{ message: string }>().message).toContain('甲街道本批次名额 3 名，已推荐 3 名');
    expect((await nominate(deptAdmin, batchId, deptCadres[0]!.id)).statusCode).toBe(200);
    expectError(await nominate(deptAdmin, batchId, deptCadres[1]!.id), 409, 'HONOUR_QUOTA_FULL');
    // nothing was written by the refusals
    expect(await adminCount(t.db, `SELECT 1 FROM honour_nominations WHERE batch_id = $1`, [batchId])).toBe(4);
  });

  it('refuses a cadre outside the nominating unit, and a second nomination of the same cadre', async () => {
    expectError(await nominate(streetAdmin, batchId, deptCadres[2]!.id), 404, 'NOT_FOUND');
    expectError(await nominate(orgdept, batchId, streetCadres[0]!.id), 409, 'CONFLICT');
  });

  it('shows a unit only its own nominations', async () => {
    const street = (await get(streetAdmin, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(street.nominations.map((n) => n.cadreName).sort()).toEqual([
      '甲街道干部1',
      '甲街道干部2',
      '甲街道干部3',
    ]);
    const all = (await get(orgdept, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(all.nominations).toHaveLength(4);
    expect(all.nominationCount).toBe(4);
  });

  it('withdraws a nomination while nominating, freeing its place', async () => {
    const b = (await get(streetAdmin, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    const n = b.nominations.find((x) => x.cadreName === '甲街道干部3')!;
    const res = await post(streetAdmin, `/api/honours/batches/${batchId}/nominations/${n.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<HonourBatchDetail>();
    expect(after.quotas[0]).toMatchObject({ used: 2, quota: 3 });
    expect(after.nominations.find((x) => x.id === n.id)!.state).toBe('withdrawn');
    expect((await nominate(streetAdmin, batchId, streetCadres[2]!.id)).statusCode).toBe(200);
  });

  it('refuses to submit a batch over quota: 4 cadres leave, 19 × 15% = 2.85 → 2 places for 3 nominees', async () => {
    const leaving = streetCadres.slice(16, 20).map((c) => c.id);
    await t.db.admin.query(`UPDATE cadres SET deactivated_at = now() WHERE id = ANY($1::uuid[])`, [leaving]);
    const res = await post(orgdept, `/api/honours/batches/${batchId}/notice`, { startOn: '2026-09-28' });
    expectError(res, 409, 'HONOUR_QUOTA_FULL');
    expect(res.json<{ message: string }>().message).toContain('在册干部 19 人 × 15% = 2.85，向下取整 2 名');
    const b = (await get(orgdept, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(b.state).toBe('nominating');
    // the street withdraws one; the batch is within quota again
    const n = b.nominations.find((x) => x.cadreName === '甲街道干部3' && x.state === 'nominated')!;
    await post(streetAdmin, `/api/honours/batches/${batchId}/nominations/${n.id}/withdraw`);
  });

  it('runs the 公示 for 5 working days from Monday 28 September, stepping over National Day: ends Friday 9 October', async () => {
    // 9-28, 9-29, 9-30 (3 days), 10-01…10-07 国庆节 not counted, 10-08 (4), 10-09 (5)
    const res = await post(orgdept, `/api/honours/batches/${batchId}/notice`, { startOn: '2026-09-28' });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json<HonourBatchDetail>();
    expect(b).toMatchObject({ state: 'notice', noticeStart: '2026-09-28', noticeEnd: '2026-10-09' });
    expect(b.noticeExplanation).toContain('10月1日至10月7日（国庆节）');
    expectError(await nominate(streetAdmin, batchId, streetCadres[5]!.id), 409, 'HONOUR_BATCH_STATE');
  });

  it('decides only after the 公示 has ended and its objections are handled', async () => {
    const early = await post(orgdept, `/api/honours/batches/${batchId}/decide`, {
      decidedOn: '2026-10-09',
      documentNumber: '丰组〔2026〕30号',
    });
    expectError(early, 409, 'HONOUR_NOTICE_RUNNING');
    const b = (await get(orgdept, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    const live = b.nominations.filter((n) => n.state === 'nominated');
    expect(live.map((n) => n.cadreName).sort()).toEqual(['甲街道干部1', '甲街道干部2', '财政局干部1']);
    const first = live.find((n) => n.cadreName === '财政局干部1');
    const second = live.find((n) => n.cadreName === '甲街道干部2');
    // an objection received after the 公示 ended is refused
    expectError(
      await post(orgdept, `/api/honours/batches/${batchId}/objections`, {
        nominationId: first!.id,
        receivedOn: '2026-10-10',
        content: '群众反映',
      }),
      400,
      'VALIDATION',
    );
    const o1 = (
      await post(orgdept, `/api/honours/batches/${batchId}/objections`, {
        nominationId: first!.id,
        receivedOn: '2026-09-30',
        content: '反映其工作作风问题',
      })
    ).json<HonourBatchDetail>();
    await post(orgdept, `/api/honours/batches/${batchId}/objections`, {
      nominationId: second!.id,
      receivedOn: '2026-10-08',
      content: '反映其事迹不实',
    });
    expectError(
      await post(orgdept, `/api/honours/batches/${batchId}/decide`, {
        decidedOn: '2026-10-12',
        documentNumber: '丰组〔2026〕30号',
      }),
      409,
      'HONOUR_OBJECTION_OPEN',
    );
    // a street admin does not see the objections
    const seen = (await get(streetAdmin, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(seen.nominations.flatMap((n) => n.objections)).toEqual([]);
    const detail = (await get(orgdept, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    const objections = detail.nominations.flatMap((n) => n.objections);
    expect(objections).toHaveLength(2);
    const ofFirst = o1.nominations.find((n) => n.id === first!.id)!.objections[0]!;
    const ofSecond = objections.find((o) => o.nominationId === second!.id)!;
    await post(orgdept, `/api/honours/batches/${batchId}/objections/${ofFirst.id}/resolve`, {
      outcome: 'dismissed',
      resolution: '经核实不属实',
      resolvedOn: '2026-10-09',
    });
    const upheld = await post(orgdept, `/api/honours/batches/${batchId}/objections/${ofSecond.id}/resolve`, {
      outcome: 'upheld',
      resolution: '经核实属实，取消推荐',
      resolvedOn: '2026-10-09',
    });
    expect(upheld.json<HonourBatchDetail>().nominations.find((n) => n.id === second!.id)!.state).toBe(
      'removed',
    );
    const done = await post(orgdept, `/api/honours/batches/${batchId}/decide`, {
      decidedOn: '2026-10-12',
      documentNumber: '丰组〔2026〕30号',
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json<HonourBatchDetail>();
    expect(d).toMatchObject({
      state: 'decided',
      decidedOn: '2026-10-12',
      documentNumber: '丰组〔2026〕30号',
    });
    expect(
      d.nominations
        .filter((n) => n.state === 'honoured')
        .map((n) => n.cadreName)
        .sort(),
    ).toEqual(['甲街道干部1', '财政局干部1']);
  });

  it('writes the Word decision: title, 文号, the honoured by unit with their posts', async () => {
    const res = await get(orgdept, `/api/honours/batches/${batchId}/notice.docx`);
    expect(res.statusCode).toBe(200);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2026年度通报表扬的表彰决定');
    expect(text).toContain('丰组〔2026〕30号');
    expect(text).toContain('甲街道（1 名）');
    expect(text).toContain('甲街道干部1　科员');
    expect(text).toContain('区财政局（1 名）');
    expect(text).toContain('2026年10月12日');
  });
});

describe('[honours] eligibility (purpose honour)', () => {
  let id: string;
  beforeAll(async () => {
    id = await newBatch('excellence', '2026年度评先评优');
  });

  it('refuses an admonished cadre (诫勉 2026-09-01: no honours in 2026) with the engine’s reasons', async () => {
    const res = await nominate(streetAdmin, id, admonished.id);
    expectError(res, 409, 'HONOUR_INELIGIBLE');
    const body = res.json<{ message: string; details: { reasons: string[] } }>();
    expect(body.details.reasons).toHaveLength(1);
    expect(body.details.reasons[0]).toContain('诫勉');
    expect(body.message).toContain(`${admonished.name}同志 2026-11-02 不符合表彰条件`);
  });

  it('takes the cadre whose 诫勉 was exempted (容错免责)', async () => {
    const res = await nominate(streetAdmin, id, exempted.id);
    expect(res.statusCode, res.body).toBe(200);
    const n = res.json<HonourBatchDetail>().nominations.find((x) => x.cadreId === exempted.id)!;
    expect(n).toMatchObject({ state: 'nominated', eligibilityDate: '2026-11-02' });
  });
});

describe('[honours] proposals (fengze: 优秀 3 years running → 记三等功)', () => {
  let id: string;
  beforeAll(async () => {
    id = await newBatch('merit3', '2026年度记三等功');
  });

  it('proposes the cadre with 优秀 in 2023, 2024 and 2025, not the one with two years', async () => {
    const res = await get(streetAdmin, `/api/honours/batches/${id}/proposals`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<HonourProposalList>().items;
    expect(items.map((p) => p.cadreId)).toEqual([excellent3.id]);
    expect(items[0]).toMatchObject({
      ruleId: 'merit3_three_years',
      kindName: '记三等功',
      years: [2023, 2024, 2025],
    });
    expect(items[0]!.explanation).toContain('2023、2024、2025 年度考核均为优秀');
  });

  it('adds a proposal in one click (its explanation as the deeds), and refuses the rule for someone it does not find', async () => {
    const res = await post(streetAdmin, `/api/honours/batches/${id}/nominations`, {
      cadreId: excellent3.id,
      proposalRuleId: 'merit3_three_years',
    });
    expect(res.statusCode, res.body).toBe(200);
    const n = res.json<HonourBatchDetail>().nominations.find((x) => x.cadreId === excellent3.id)!;
    expect(n.proposalRuleId).toBe('merit3_three_years');
    expect(n.deeds).toContain('2023、2024、2025 年度考核均为优秀');
    expectError(
      await post(streetAdmin, `/api/honours/batches/${id}/nominations`, {
        cadreId: excellent2.id,
        proposalRuleId: 'merit3_three_years',
      }),
      400,
      'VALIDATION',
    );
    const again = (await get(streetAdmin, `/api/honours/batches/${id}/proposals`)).json<HonourProposalList>();
    expect(again.items[0]!.nominated).toBe(true);
  });

  it('has no quota for 记三等功 (no quota row of the kind)', async () => {
    const b = (await get(orgdept, `/api/honours/batches/${id}`)).json<HonourBatchDetail>();
    expect(b.quotas.find((q) => q.unitId === streetId)).toMatchObject({ quota: null, sharePercent: null });
  });

  it('is decided, so the board lists it before the 通报表扬', async () => {
    await post(orgdept, `/api/honours/batches/${id}/notice`, { startOn: '2026-10-12' });
    // 10-12 … 10-16: five working days (Monday to Friday)
    const b = (await get(orgdept, `/api/honours/batches/${id}`)).json<HonourBatchDetail>();
    expect(b.noticeEnd).toBe('2026-10-16');
    const res = await post(orgdept, `/api/honours/batches/${id}/decide`, {
      decidedOn: '2026-10-19',
      documentNumber: '丰组〔2026〕31号',
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('[honours] the hero board', () => {
  it('lists the year’s decided honours, highest kind first, to a unit admin of another street', async () => {
    const res = await get(otherStreetAdmin, '/api/honours/board?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    // the demo district's own 2026 honours are on the board too: this test's units only
    const all = res.json<HonourBoard>();
    const board = { ...all, items: all.items.filter((i) => ['甲街道', '区财政局'].includes(i.unitName)) };
    // the whole board is in kind order as well
    const ranks = all.items.map((i) => i.kindRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // 记三等功 (rank 4) before 通报表扬 (rank 1)
    expect(board.items.map((i) => [i.kindName, i.kindRank])).toEqual([
      ['记三等功', 4],
      ['通报表扬', 1],
      ['通报表扬', 1],
    ]);
    expect(board.items[0]).toMatchObject({ cadreName: excellent3.name, unitName: '甲街道' });
    expect(
      board.items
        .slice(1)
        .map((i) => [i.cadreName, i.unitName])
        .sort(),
    ).toEqual([
      ['甲街道干部1', '甲街道'],
      ['财政局干部1', '区财政局'],
    ]);
    expect(board.items.find((i) => i.cadreName === '甲街道干部1')).toMatchObject({
      postTitle: '科员',
      deeds: '扎根基层，服务群众',
      documentNumber: '丰组〔2026〕30号',
      decidedOn: '2026-10-12',
      photoUrl: null,
    });
    // exactly the board's fields, nothing else of the cadre
    expect(Object.keys(all.items[0]!).sort()).toEqual(
      [
        'id',
        'cadreName',
        'unitName',
        'postTitle',
        'kindId',
        'kindName',
        'kindRank',
        'batchName',
        'decidedOn',
        'documentNumber',
        'deeds',
        'photoUrl',
      ].sort(),
    );
    expect((await get(otherStreetAdmin, '/api/honours/board?year=2025')).json<HonourBoard>().items).toEqual(
      [],
    );
  });

  it('shows the other street nothing else of them: not the record, its honours, or the batch’s nominations', async () => {
    const honoured = streetCadres[0]!.id;
    expectError(await get(otherStreetAdmin, `/api/cadres/${honoured}`), 404, 'NOT_FOUND');
    expectError(await get(otherStreetAdmin, `/api/cadres/${honoured}/honours`), 404, 'NOT_FOUND');
    const b = (await get(otherStreetAdmin, `/api/honours/batches/${batchId}`)).json<HonourBatchDetail>();
    expect(b.nominations).toEqual([]);
    // only its own street's quota line
    expect(b.quotas.map((q) => q.unitName)).toEqual(['乙街道']);
  });

  it('shows the cadre their own honours on the record', async () => {
    const self = await signIn(
      t,
      await newUser(t.db, {
        orgId: streetId,
        roles: ['cadre'],
        scopeMode: 'self',
        cadreId: streetCadres[0]!.id,
      }),
    );
    const res = await get(self, `/api/cadres/${streetCadres[0]!.id}/honours`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        batchName: '2026年度通报表扬',
        kindName: '通报表扬',
        year: 2026,
        decidedOn: '2026-10-12',
        documentNumber: '丰组〔2026〕30号',
      }),
    ]);
    // and the board, as every business user of the district
    // a cadre of the other street (仅本人) sees the same board, and nothing else of the honoured
    const { rows } = await t.db.admin.query<{ id: string; org_id: string }>(
      `SELECT id, org_id FROM cadres WHERE name = '乙街道干部'`,
    );
    const otherCadre = await signIn(
      t,
      await newUser(t.db, {
        orgId: rows[0]!.org_id,
        roles: ['cadre'],
        scopeMode: 'self',
        cadreId: rows[0]!.id,
      }),
    );
    const seen = (await get(otherCadre, '/api/honours/board?year=2026')).json<HonourBoard>().items;
    expect(
      seen
        .filter((i) => i.unitName === '甲街道')
        .map((i) => i.cadreName)
        .sort(),
    ).toEqual([excellent3.name, '甲街道干部1'].sort());
    expectError(await get(otherCadre, `/api/cadres/${streetCadres[0]!.id}`), 404, 'NOT_FOUND');
    expectError(await get(otherCadre, `/api/cadres/${streetCadres[0]!.id}/honours`), 404, 'NOT_FOUND');
    const mine = (await get(self, '/api/honours/board?year=2026')).json<HonourBoard>().items;
    const theirs = (await get(otherStreetAdmin, '/api/honours/board?year=2026')).json<HonourBoard>().items;
    expect(mine).toEqual(theirs);
    expect(mine.filter((i) => i.unitName === '甲街道')).toHaveLength(2);
  });
});
