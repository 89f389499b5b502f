import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import {
  adminCount,
  createTestApp,
  expectError,
  injectAs,
  loginAs,
  type Session,
  type TestApp,
} from '../helpers.ts';

// The test clock reads 2026-11-02; "due soon" runs to the end of next month, 2026-12-31. The demo district's
// pack is Fengze (post review after 12 months without a scheme; 召回管理 / 回炉锻造 6 months, 二次择岗 12; 交流
// 36 months moving the record, 挂职 12 months kept at home); the last block chooses Jinan (its scheme).
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let hostAdmin: Session;
let streetId: string;
let townshipId: string;
let deptId: string;
let aId: string; // 王立新, appointed 2026-01-15
let bId: string;
let cId: string;
let dId: string;
let eId: string;

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });
const mine = (cadreId: string) => [aId, bId, cId, dId, eId].includes(cadreId);
const problemOf = (res: { json: <T>() => T }) => res.json<{ details: { problem: string } }>().details.problem;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  const township = await newOrg(t.db, { kind: 'township' });
  const dept = await newOrg(t.db, { kind: 'department', name: '测试区发改局' });
  streetId = street.id;
  townshipId = township.id;
  deptId = dept.id;
  const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!.id;
  aId = (await newCadre(t.db, { orgId: street.id, name: '王立新' })).id;
  bId = (await newCadre(t.db, { orgId: street.id, name: '赵晓东' })).id;
  cId = (await newCadre(t.db, { orgId: street.id, name: '钱卫国' })).id;
  dId = (await newCadre(t.db, { orgId: dept.id, name: '孙丽华' })).id;
  eId = (
    await newCadre(t.db, {
      orgId: dept.id,
      name: '李建军',
      postTitle: '科长',
      rank: '一级主任科员',
      appointments: [
        {
          unitName: dept.name,
          orgId: dept.id,
          unitKind: 'department',
          title: '科长',
          isLeadership: false,
          roleKind: 'staff',
          rank: '一级主任科员',
          start: '2019-05',
          end: null,
        },
      ],
    })
  ).id;
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  hostAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: township.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

describe('任后评估 (post-appointment reviews)', () => {
  let reviewA: string;
  let reviewB: string;

  it('schedules a review 12 months after an appointment on 2026-01-15: due 2027-01-15, explained, audited, in the inbox', async () => {
    const res = await as(orgdept, 'POST', '/api/selection/post-reviews', {
      cadreId: aId,
      postTitle: ' 街道办事处副主任 ',
      appointedOn: '2026-01-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Json & { id: string }>();
    reviewA = r.id;
    expect(r).toMatchObject({
      cadreName: '王立新',
      postTitle: '街道办事处副主任',
      appointedOn: '2026-01-15',
      dueOn: '2027-01-15',
      dueState: 'scheduled',
      status: 'scheduled',
      roundId: null,
      outcome: null,
      processId: null,
      explanation:
        '2026-01-15 任职，按政策包“丰泽区街道干部考核”任职满 12 个月开展任后评估，应于 2027-01-15 前完成',
    });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'selection.post_review.create' AND object_id = $1`,
        [reviewA],
      ),
    ).toBe(1);
    const inbox = await as(orgdept, 'GET', '/api/inbox');
    const items = inbox.json<{ items: { kind: string; title: string; dueOn: string; overdue: boolean }[] }>()
      .items;
    expect(items.filter((i) => i.title.startsWith('王立新（'))).toEqual([
      expect.objectContaining({
        kind: 'selection.post_review',
        title: '王立新（街道办事处副主任）任后评估',
        dueOn: '2027-01-15',
        overdue: false,
      }),
    ]);
  });

  it('lists overdue (due 2026-10-20), due soon (2026-12-10) and later ones apart', async () => {
    reviewB = (
      await as(orgdept, 'POST', '/api/selection/post-reviews', {
        cadreId: bId,
        postTitle: '党工委委员',
        appointedOn: '2025-10-20',
      })
    ).json<{ id: string }>().id;
    await as(orgdept, 'POST', '/api/selection/post-reviews', {
      cadreId: cId,
      postTitle: '武装部长',
      appointedOn: '2025-12-10',
    });
    // (the demo district's reviews are in 组织部's scope too: these tests look at their own cadres)
    const list = async (state: string) => {
      const res = await as(orgdept, 'GET', `/api/selection/post-reviews?state=${state}&pageSize=200`);
      const items = res
        .json<{ items: { cadreId: string; cadreName: string; dueOn: string; dueState: string }[] }>()
        .items.filter((i) => mine(i.cadreId));
      return { items, total: items.length };
    };
    expect((await list('overdue')).items).toEqual([
      expect.objectContaining({ cadreName: '赵晓东', dueOn: '2026-10-20', dueState: 'overdue' }),
    ]);
    expect((await list('due_soon')).items).toEqual([
      expect.objectContaining({ cadreName: '钱卫国', dueOn: '2026-12-10', dueState: 'due_soon' }),
    ]);
    expect((await list('scheduled')).items.map((i) => i.cadreName)).toEqual(['王立新']);
    // open: soonest first
    expect((await list('open')).items.map((i) => i.dueOn)).toEqual([
      '2026-10-20',
      '2026-12-10',
      '2027-01-15',
    ]);
    expect((await list('done')).total).toBe(0);
    // the street's administrator reads them in her scope; the host township's sees none
    expect(
      (await as(streetAdmin, 'GET', '/api/selection/post-reviews')).json<{ total: number }>().total,
    ).toBe(3);
    expect((await as(hostAdmin, 'GET', '/api/selection/post-reviews')).json<{ total: number }>().total).toBe(
      0,
    );
  });

  it('refuses an appointment after today, a start without the pack naming a scheme, and a write by the street', async () => {
    const future = await as(orgdept, 'POST', '/api/selection/post-reviews', {
      cadreId: aId,
      postTitle: 'x',
      appointedOn: '2026-11-03',
    });
    expectError(future, 400, 'VALIDATION');
    expect(problemOf(future)).toBe('AFTER_DATE_FUTURE');
    const start = await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewA}/start`, {});
    expectError(start, 400, 'VALIDATION');
    expect(problemOf(start)).toBe('AFTER_NO_SCHEME');
    expectError(
      await as(streetAdmin, 'POST', `/api/selection/post-reviews/${reviewA}/outcome`, {
        outcome: 'fit',
        decidedOn: '2026-10-01',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('不胜任 opens 回炉锻造 from 2026-06-01, due 2026-12-01, and closes the review and its notice', async () => {
    const missing = await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewB}/outcome`, {
      outcome: 'unfit',
      decidedOn: '2026-10-25',
    });
    expectError(missing, 400, 'VALIDATION');
    expect(problemOf(missing)).toBe('AFTER_MEASURE_REQUIRED');
    const early = await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewB}/outcome`, {
      outcome: 'fit',
      decidedOn: '2025-10-19',
    });
    expect(problemOf(early)).toBe('AFTER_DATE_BEFORE_START');
    const res = await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewB}/outcome`, {
      outcome: 'unfit',
      note: '群众认可度低',
      decidedOn: '2026-10-25',
      measure: { measureId: 'retrain', reason: '任后评估不胜任', startOn: '2026-06-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ measureId: string }>();
    expect(r).toMatchObject({
      status: 'done',
      outcome: 'unfit',
      outcomeNote: '群众认可度低',
      decidedOn: '2026-10-25',
      dueState: 'done',
    });
    const measures = (await as(orgdept, 'GET', '/api/selection/unfit-measures?pageSize=200'))
      .json<{ items: (Json & { cadreId: string })[] }>()
      .items.filter((i) => mine(i.cadreId));
    expect(measures).toEqual([
      expect.objectContaining({
        id: r.measureId,
        cadreName: '赵晓东',
        postReviewId: reviewB,
        measureName: '回炉锻造',
        startOn: '2026-06-01',
        dueOn: '2026-12-01',
        dueState: 'due_soon',
        status: 'open',
        explanation: '2026-06-01 起回炉锻造，应于 2026-12-01 作出结果',
      }),
    ]);
    const inbox = (await as(orgdept, 'GET', '/api/inbox')).json<{
      items: { kind: string; title: string }[];
    }>();
    expect(inbox.items.filter((i) => i.kind === 'selection.post_review').map((i) => i.title)).not.toContain(
      '赵晓东（党工委委员）任后评估',
    );
    expect(inbox.items.filter((i) => i.title.startsWith('赵晓东：')).map((i) => i.kind)).toEqual([
      'selection.unfit_measure',
    ]);
    // done: a second outcome is refused
    expectError(
      await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewB}/outcome`, {
        outcome: 'fit',
        decidedOn: '2026-10-26',
      }),
      409,
      'CONFLICT',
    );
    const done = (await as(orgdept, 'GET', '/api/selection/post-reviews?state=done&pageSize=200')).json<{
      items: { cadreId: string; cadreName: string }[];
    }>();
    expect(done.items.filter((i) => mine(i.cadreId)).map((i) => i.cadreName)).toEqual(['赵晓东']);
  });

  it('a measure only with 不胜任', async () => {
    const res = await as(orgdept, 'POST', `/api/selection/post-reviews/${reviewA}/outcome`, {
      outcome: 'basically_fit',
      decidedOn: '2026-10-25',
      measure: { measureId: 'retrain', reason: 'x', startOn: '2026-10-25' },
    });
    expect(problemOf(res)).toBe('AFTER_MEASURE_NOT_UNFIT');
  });
});

describe('不胜任干部 (unfit measures)', () => {
  let measureId: string;
  it('召回管理 from 2026-03-01 is due 2026-09-01: overdue today, in the inbox overdue', async () => {
    const res = await as(orgdept, 'POST', '/api/selection/unfit-measures', {
      cadreId: cId,
      measureId: 'recall',
      reason: '年度考核基本称职，履职不力',
      startOn: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<Json & { id: string }>();
    measureId = m.id;
    expect(m).toMatchObject({
      measureName: '召回管理',
      dueOn: '2026-09-01',
      dueState: 'overdue',
      explanation: '2026-03-01 起召回管理，按政策包“丰泽区街道干部考核”期限 6 个月，应于 2026-09-01 作出结果',
    });
    const overdue = (
      await as(orgdept, 'GET', '/api/selection/unfit-measures?state=overdue&pageSize=200')
    ).json<{
      items: { id: string; cadreId: string }[];
    }>();
    expect(overdue.items.filter((i) => mine(i.cadreId)).map((i) => i.id)).toEqual([measureId]);
    const inbox = (await as(orgdept, 'GET', '/api/inbox')).json<{
      items: { kind: string; title: string; overdue: boolean; dueOn: string }[];
    }>();
    expect(inbox.items.find((i) => i.title === '钱卫国：召回管理期满作出结果')).toMatchObject({
      dueOn: '2026-09-01',
      overdue: true,
    });
  });

  it('refuses a measure the pack lacks; closes with a result not before the start', async () => {
    const unknown = await as(orgdept, 'POST', '/api/selection/unfit-measures', {
      cadreId: cId,
      measureId: 'dismiss',
      reason: 'x',
      startOn: '2026-03-01',
    });
    expect(problemOf(unknown)).toBe('AFTER_UNKNOWN_MEASURE');
    const early = await as(orgdept, 'POST', `/api/selection/unfit-measures/${measureId}/close`, {
      result: 'x',
      closedOn: '2026-02-28',
    });
    expect(problemOf(early)).toBe('AFTER_DATE_BEFORE_START');
    const res = await as(orgdept, 'POST', `/api/selection/unfit-measures/${measureId}/close`, {
      result: '经召回教育后考核称职，恢复工作',
      closedOn: '2026-10-30',
    });
    expect(res.json()).toMatchObject({ status: 'closed', closedOn: '2026-10-30', dueState: 'done' });
    const inbox = (await as(orgdept, 'GET', '/api/inbox')).json<{ items: { title: string }[] }>();
    expect(inbox.items.map((i) => i.title)).not.toContain('钱卫国：召回管理期满作出结果');
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action LIKE 'selection.unfit_measure.%' AND object_id = $1`,
        [measureId],
      ),
    ).toBe(2);
  });
});

describe('交流挂职 (exchanges and secondments)', () => {
  it('a 2026 batch of 挂职 from 2026-03-01 ends 2027-02-28 and leaves the records at home; the host sees it', async () => {
    const res = await as(orgdept, 'POST', '/api/selection/exchanges', {
      batchYear: 2026,
      kindId: 'secondment',
      startOn: '2026-03-01',
      postings: [
        { cadreId: dId, hostOrgId: townshipId, hostPost: '挂职副镇长' },
        { cadreId: aId, hostOrgId: townshipId },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Json[] }>().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      cadreName: '孙丽华',
      homeOrgId: deptId,
      hostOrgId: townshipId,
      kindName: '挂职',
      movesRecord: false,
      batchYear: 2026,
      hostPost: '挂职副镇长',
      startOn: '2026-03-01',
      endOn: '2027-02-28',
      status: 'active',
      overdue: false,
    });
    const cadre = (await as(orgdept, 'GET', `/api/cadres/${dId}`)).json<{ orgId: string }>();
    expect(cadre.orgId).toBe(deptId);
    // the host township's administrator sees both postings (not the department's records)
    const host = (await as(hostAdmin, 'GET', '/api/selection/exchanges?batchYear=2026')).json<{
      total: number;
    }>();
    expect(host.total).toBe(2);
    // the street's administrator sees her own cadre's posting only
    const home = (await as(streetAdmin, 'GET', '/api/selection/exchanges')).json<{
      items: { cadreName: string }[];
    }>();
    expect(home.items.map((i) => i.cadreName)).toEqual(['王立新']);
    const ids = items.map((i) => i.id as string);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'selection.exchange.create' AND object_id = ANY($1)`,
        [ids],
      ),
    ).toBe(2);
  });

  it('交流 from 2026-09-01 moves the record to the host street with a new post; ends 2029-08-31', async () => {
    const res = await as(orgdept, 'POST', '/api/selection/exchanges', {
      batchYear: 2026,
      kindId: 'exchange',
      startOn: '2026-09-01',
      postings: [{ cadreId: eId, hostOrgId: streetId, hostPost: '街道办事处副主任' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: Json[] }>().items[0]).toMatchObject({
      movesRecord: true,
      homeOrgId: deptId,
      hostOrgId: streetId,
      endOn: '2029-08-31',
    });
    const cadre = (await as(orgdept, 'GET', `/api/cadres/${eId}`)).json<{
      orgId: string;
      postTitle: string;
      appointments: { unitName: string; title: string; start: string; end: string | null; rank: string }[];
    }>();
    expect(cadre.orgId).toBe(streetId);
    expect(cadre.postTitle).toBe('街道办事处副主任');
    expect(cadre.appointments.map((a) => [a.title, a.start, a.end, a.rank])).toEqual([
      ['科长', '2019-05', '2026-09-01', '一级主任科员'],
      ['街道办事处副主任', '2026-09-01', null, '一级主任科员'],
    ]);
    // the street now holds the record: its administrator sees the cadre
    expect((await as(streetAdmin, 'GET', `/api/cadres/${eId}`)).statusCode).toBe(200);
  });

  it('refuses a kind the pack lacks, a host that is the home unit, one cadre twice, a future 交流', async () => {
    const batch = (kindId: string, postings: Json[], startOn = '2026-03-01') =>
      as(orgdept, 'POST', '/api/selection/exchanges', { batchYear: 2026, kindId, startOn, postings });
    expect(problemOf(await batch('practice', [{ cadreId: bId, hostOrgId: townshipId }]))).toBe(
      'AFTER_UNKNOWN_EXCHANGE_KIND',
    );
    expect(problemOf(await batch('secondment', [{ cadreId: bId, hostOrgId: streetId }]))).toBe(
      'AFTER_HOST_IS_HOME',
    );
    expect(
      problemOf(
        await batch('secondment', [
          { cadreId: bId, hostOrgId: townshipId },
          { cadreId: bId, hostOrgId: deptId },
        ]),
      ),
    ).toBe('AFTER_CADRE_TWICE');
    expect(problemOf(await batch('exchange', [{ cadreId: bId, hostOrgId: townshipId }], '2026-12-01'))).toBe(
      'AFTER_DATE_FUTURE',
    );
    expect(await adminCount(t.db, `SELECT 1 FROM selection_exchanges WHERE cadre_id = $1`, [bId])).toBe(0);
  });

  it('ends a posting with its outcome', async () => {
    const list = (await as(orgdept, 'GET', `/api/selection/exchanges?cadreId=${dId}`)).json<{
      items: { id: string }[];
    }>();
    const id = list.items[0]!.id;
    const res = await as(orgdept, 'POST', `/api/selection/exchanges/${id}/end`, {
      endedOn: '2026-10-31',
      outcome: '挂职期间表现优秀，提前结束',
    });
    expect(res.json()).toMatchObject({
      status: 'ended',
      endedOn: '2026-10-31',
      outcome: '挂职期间表现优秀，提前结束',
    });
    expectError(
      await as(orgdept, 'POST', `/api/selection/exchanges/${id}/end`, {
        endedOn: '2026-10-31',
        outcome: 'x',
      }),
      409,
      'CONFLICT',
    );
    const active = (await as(orgdept, 'GET', '/api/selection/exchanges?status=active&pageSize=200')).json<{
      items: { cadreId: string }[];
    }>();
    // 王立新's 挂职 and 李建军's 交流 (the demo district's postings are there too)
    expect(active.items.filter((i) => mine(i.cadreId))).toHaveLength(2);
  });
});

describe('Jinan: the review runs with the post-appointment scheme', () => {
  it('start creates a round of post-appointment-review for the cadre, organised by her unit', async () => {
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'jinan' })).statusCode).toBe(200);
    const policy = (await as(orgdept, 'GET', '/api/selection/after/policy')).json<Json>();
    expect(policy).toMatchObject({
      packId: 'jinan',
      postReview: { afterMonths: 12, schemeId: 'post-appointment-review' },
      exchangeKinds: [],
    });
    const review = (
      await as(orgdept, 'POST', '/api/selection/post-reviews', {
        cadreId: dId,
        postTitle: '副局长',
        appointedOn: '2025-11-02',
      })
    ).json<{ id: string; dueOn: string }>();
    expect(review.dueOn).toBe('2026-11-02');
    const res = await as(orgdept, 'POST', `/api/selection/post-reviews/${review.id}/start`, {});
    expect(res.statusCode, res.body).toBe(200);
    const roundId = res.json<{ roundId: string }>().roundId;
    const round = (await as(orgdept, 'GET', `/api/assessment/rounds/${roundId}`)).json<Json>();
    expect(round).toMatchObject({
      name: '孙丽华任职后评估（副局长）',
      packId: 'jinan',
      schemeId: 'post-appointment-review',
      orgId: deptId,
      periodStart: '2025-11-02',
      periodEnd: '2026-11-02',
    });
    const targets = await t.db.admin.query<{ cadre_id: string }>(
      'SELECT cadre_id FROM assessment_targets WHERE round_id = $1',
      [roundId],
    );
    expect(targets.rows).toEqual([{ cadre_id: dId }]);
    // linking a round given by id instead: it must have the cadre among its targets
    const other = (
      await as(orgdept, 'POST', '/api/selection/post-reviews', {
        cadreId: aId,
        postTitle: '副主任',
        appointedOn: '2026-01-15',
      })
    ).json<{ id: string }>();
    expectError(
      await as(orgdept, 'POST', `/api/selection/post-reviews/${other.id}/start`, { roundId }),
      400,
      'VALIDATION',
    );
  });
});

describe('the demo district (seeded on 2026-11-01 as 组织部 under the Fengze pack)', () => {
  it('holds reviews overdue, due soon, later and done (one 不胜任 with its 回炉锻造), and this year’s 挂职 batch', async () => {
    const s = await loginAs(t, 'orgdept');
    const reviews = (await as(s, 'GET', '/api/selection/post-reviews?pageSize=200')).json<{
      items: {
        cadreId: string;
        processId: string | null;
        dueOn: string;
        dueState: string;
        outcome: string | null;
      }[];
    }>();
    // entered by hand (a process's reviews carry its id), appointed 13, 11, 5, 14 and 12 months before the seed's day
    expect(
      reviews.items
        .filter((r) => r.processId === null && !mine(r.cadreId))
        .map((r) => [r.dueOn, r.dueState, r.outcome])
        .sort(),
    ).toEqual([
      ['2026-09-01', 'done', 'fit'],
      ['2026-10-01', 'overdue', null],
      ['2026-11-01', 'done', 'unfit'],
      ['2026-12-01', 'due_soon', null],
      ['2027-06-01', 'scheduled', null],
    ]);
    const measures = (await as(s, 'GET', '/api/selection/unfit-measures')).json<{
      items: { measureName: string; startOn: string; dueOn: string; postReviewId: string | null }[];
    }>();
    expect(measures.items).toContainEqual(
      expect.objectContaining({ measureName: '回炉锻造', startOn: '2026-10-01', dueOn: '2027-04-01' }),
    );
    const batch = (await as(s, 'GET', '/api/selection/exchanges?batchYear=2026&kindId=secondment')).json<{
      items: { cadreId: string; startOn: string; endOn: string; status: string }[];
    }>();
    const demo = batch.items.filter((e) => !mine(e.cadreId));
    expect(demo).toHaveLength(6);
    for (const e of demo)
      expect(e).toMatchObject({ startOn: '2026-03-01', endOn: '2027-02-28', status: 'active' });
  });
});
