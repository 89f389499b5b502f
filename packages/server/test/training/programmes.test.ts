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

// The test clock reads 2026-11-02. The demo district runs the Fengze pack: street cadres ≥ 12 training days a
// year and ≥ 1 专题培训班 (both warned from 10-01), 8 学时 a day. The last block chooses Hongdong: township
// cadres trained (专题培训班 or 党校培训) in every quarter, warned 15 days before a quarter ends.
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let otherAdmin: Session;
let cadreA: Session;
let streetId: string;
let aId: string; // 王立新: 9.5 days by 1 October
let bId: string; // 赵晓东: named for dispatch, replaced by 钱卫国
let cId: string; // 钱卫国
let dId: string; // 孙丽华 of another street
let aUserId: string;

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db, { name: '测试培训街道' });
  const other = await newOrg(t.db, { name: '测试另一街道' });
  streetId = street.id;
  const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!.id;
  aId = (await newCadre(t.db, { orgId: street.id, name: '王立新' })).id;
  bId = (await newCadre(t.db, { orgId: street.id, name: '赵晓东' })).id;
  cId = (await newCadre(t.db, { orgId: street.id, name: '钱卫国' })).id;
  dId = (await newCadre(t.db, { orgId: other.id, name: '孙丽华' })).id;
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  otherAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const a = await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId: aId });
  aUserId = a.id;
  cadreA = await signIn(t, a);
});
afterAll(async () => t.close());

const programme = (over: Json) => ({
  name: '测试培训班',
  kindId: 'special',
  organiserOrgId: null as unknown as string,
  startOn: '2026-05-10',
  endOn: '2026-05-11',
  target: { orgIds: [streetId], condition: null },
  enrolmentMode: 'application',
  ...over,
});

async function create(over: Json): Promise<Json & { id: string; sessions: { id: string }[] }> {
  const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!.id;
  const res = await as(
    orgdept,
    'POST',
    '/api/training/programmes',
    programme({ organiserOrgId: district, ...over }),
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('programmes and credit', () => {
  it('12 学时 at Fengze’s 8 hours a day is 1.5 days, explained; audited', async () => {
    const p = await create({ name: '街道业务专题班', hours: 12 });
    expect(p).toMatchObject({
      kindName: '专题培训班',
      hours: 12,
      days: null,
      creditDays: 1.5,
      creditExplanation: '12学时 ÷ 政策包“丰泽区街道干部考核”每天8学时 = 1.5天',
      enrolmentMode: 'application',
      target: { orgNames: ['测试培训街道'], text: '测试培训街道的干部' },
    });
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'training.programme.create' AND object_id = $1`,
        [p.id],
      ),
    ).toBe(1);
  });

  it('refuses neither days nor hours, both, an unknown kind, dates reversed, a session outside — nothing written', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM training_programmes');
    const district = (await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
      .rows[0]!.id;
    const post = (over: Json) =>
      as(orgdept, 'POST', '/api/training/programmes', programme({ organiserOrgId: district, ...over }));
    const problem = async (over: Json) => {
      const res = await post(over);
      expectError(res, 400, 'VALIDATION');
      return res.json<{ details: { problem: string } }>().details.problem;
    };
    expect(await problem({})).toBe('TRAINING_CREDIT_REQUIRED');
    expect(await problem({ days: 1, hours: 8 })).toBe('TRAINING_CREDIT_REQUIRED');
    expect(await problem({ days: 1, kindId: 'lecture' })).toBe('TRAINING_UNKNOWN_KIND'); // Hongdong's, not Fengze's
    expect(await problem({ days: 1, endOn: '2026-05-09' })).toBe('TRAINING_BAD_DATES');
    expect(await problem({ days: 1, sessions: [{ title: '第一课', on: '2026-06-01' }] })).toBe(
      'TRAINING_SESSION_OUTSIDE',
    );
    expect(
      (
        await as(
          streetAdmin,
          'POST',
          '/api/training/programmes',
          programme({ organiserOrgId: streetId, days: 1 }),
        )
      ).statusCode,
    ).toBe(403);
    expect(await adminCount(t.db, 'SELECT 1 FROM training_programmes')).toBe(before);
  });

  it('sessions without their own credit share the programme’s evenly; with hours they convert', async () => {
    const p = await create({
      name: '党性教育专题班',
      days: 3,
      sessions: [
        { title: '开班', on: '2026-05-10' },
        { title: '现场教学', on: '2026-05-11', hours: 4 },
      ],
    });
    expect(p.sessions).toMatchObject([
      { title: '开班', creditDays: 1.5, creditExplanation: '全班3天平均分到各课次，每次1.5天' },
      {
        title: '现场教学',
        creditDays: 0.5,
        creditExplanation: '4学时 ÷ 政策包“丰泽区街道干部考核”每天8学时 = 0.5天',
      },
    ]);
  });
});

describe('enrolment: application, competitive, dispatch with substitution', () => {
  let special: string;
  let dispatch: string;
  let enrolA: string;
  let enrolB: string;

  it('a cadre applies; the organiser admits; the township of another street is outside the target', async () => {
    const p = await create({
      name: '街道干部专题业务培训',
      hours: 12,
      startOn: '2026-11-20',
      endOn: '2026-11-21',
    });
    special = p.id;
    const res = await as(cadreA, 'POST', `/api/training/programmes/${special}/apply`, { note: '希望参加' });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<Json & { id: string }>();
    expect(e).toMatchObject({
      status: 'applied',
      cadreName: '王立新',
      explanation: '王立新已报名，待主办单位审核',
    });
    expectError(
      await as(cadreA, 'POST', `/api/training/programmes/${special}/apply`, {}),
      409,
      'TRAINING_ENROLMENT_STATE',
    );
    const outside = await as(orgdept, 'POST', `/api/training/programmes/${special}/enrolments`, {
      cadreIds: [dId],
    });
    expectError(outside, 422, 'TRAINING_NOT_TARGET');
    expect(outside.json<{ message: string }>().message).toBe(
      '孙丽华不在本培训班的培训对象（测试培训街道的干部）范围内',
    );
    const admitted = await as(orgdept, 'POST', `/api/training/enrolments/${e.id}/decide`, {
      decision: 'admit',
    });
    expect(admitted.json()).toMatchObject({ status: 'admitted', explanation: '王立新已录取' });
  });

  it('competitive: rank and reason required; no more admitted than the seats', async () => {
    const p = await create({
      name: '年轻干部竞争性选调班',
      days: 5,
      enrolmentMode: 'competitive',
      seats: 1,
      startOn: '2026-12-01',
      endOn: '2026-12-05',
    });
    const res = await as(streetAdmin, 'POST', `/api/training/programmes/${p.id}/enrolments`, {
      cadreIds: [bId, cId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [b, c] = res
      .json<{ items: { id: string; cadreName: string; status: string }[] }>()
      .items.sort((x, y) => (x.cadreName === '赵晓东' ? -1 : y.cadreName === '赵晓东' ? 1 : 0));
    expect([b!.status, c!.status]).toEqual(['applied', 'applied']);
    expectError(
      await as(orgdept, 'POST', `/api/training/enrolments/${b!.id}/decide`, { decision: 'admit' }),
      400,
      'REASON_REQUIRED',
    );
    const ok = await as(orgdept, 'POST', `/api/training/enrolments/${b!.id}/decide`, {
      decision: 'admit',
      rank: 1,
      reason: '综合测试第一',
    });
    expect(ok.json()).toMatchObject({
      status: 'admitted',
      rank: 1,
      explanation: '赵晓东排名第1，已录取：综合测试第一',
    });
    const full = await as(orgdept, 'POST', `/api/training/enrolments/${c!.id}/decide`, {
      decision: 'admit',
      rank: 2,
      reason: '综合测试第二',
    });
    expectError(full, 409, 'TRAINING_SEATS_FULL');
    expect(full.json<{ message: string }>().message).toBe('已录取1人，达到名额1人');
  });

  it('dispatch: the organiser names; the unit sees "must send" in its inbox; a unit cannot name', async () => {
    const p = await create({
      name: '区委党校中青年干部培训班',
      kindId: 'party_school',
      days: 8,
      startOn: '2026-03-02',
      endOn: '2026-03-10',
      enrolmentMode: 'dispatch',
    });
    dispatch = p.id;
    expect(
      (await as(streetAdmin, 'POST', `/api/training/programmes/${dispatch}/enrolments`, { cadreIds: [aId] }))
        .statusCode,
    ).toBe(403);
    const res = await as(orgdept, 'POST', `/api/training/programmes/${dispatch}/enrolments`, {
      cadreIds: [aId, bId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{
      items: { id: string; cadreId: string; status: string; explanation: string }[];
    }>().items;
    enrolA = items.find((i) => i.cadreId === aId)!.id;
    enrolB = items.find((i) => i.cadreId === bId)!.id;
    expect(items.find((i) => i.cadreId === bId)).toMatchObject({
      status: 'named',
      explanation: '点名调训：测试培训街道须派赵晓东参加，待单位确认',
    });
    const mustSend = await as(streetAdmin, 'GET', '/api/training/enrolments?mustSend=true');
    expect(
      mustSend
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([enrolA, enrolB].sort());
    expect(
      (await as(otherAdmin, 'GET', '/api/training/enrolments?mustSend=true')).json<{ total: number }>().total,
    ).toBe(0);
    const inbox = await as(streetAdmin, 'GET', '/api/inbox');
    const titles = JSON.stringify(inbox.json());
    expect(titles).toContain('点名调训：须派赵晓东参加“区委党校中青年干部培训班”（2026-03-02开班）');
  });

  it('the unit confirms one and asks to substitute the other with a reason; the organiser accepts', async () => {
    expect(
      (await as(streetAdmin, 'POST', `/api/training/enrolments/${enrolA}/confirm`, {})).json(),
    ).toMatchObject({
      status: 'confirmed',
      explanation: '点名调训：测试培训街道已确认派王立新参加',
    });
    expectError(
      await as(streetAdmin, 'POST', `/api/training/enrolments/${enrolB}/substitute`, {
        substituteCadreId: dId,
        reason: '换人',
      }),
      404,
      'NOT_FOUND',
    );
    const asked = await as(streetAdmin, 'POST', `/api/training/enrolments/${enrolB}/substitute`, {
      substituteCadreId: cId,
      reason: '赵晓东负责防汛值守',
    });
    expect(asked.json()).toMatchObject({
      status: 'substitution_requested',
      substitute: { cadreId: cId, cadreName: '钱卫国', reason: '赵晓东负责防汛值守' },
      explanation: '点名调训：测试培训街道申请由钱卫国替换赵晓东参加（赵晓东负责防汛值守），待主办单位决定',
    });
    expect(
      (await as(streetAdmin, 'POST', `/api/training/enrolments/${enrolB}/substitution`, { accept: true }))
        .statusCode,
    ).toBe(403);
    const decided = await as(orgdept, 'POST', `/api/training/enrolments/${enrolB}/substitution`, {
      accept: true,
      note: '同意',
    });
    expect(decided.json()).toMatchObject({
      status: 'replaced',
      explanation: '点名调训：经主办单位同意，改由钱卫国参加（赵晓东负责防汛值守）',
    });
    const list = await as(orgdept, 'GET', `/api/training/enrolments?programmeId=${dispatch}`);
    const c = list.json<{ items: Json[] }>().items.find((i) => i.cadreId === cId);
    expect(c).toMatchObject({
      status: 'confirmed',
      substituteFor: { enrolmentId: enrolB, cadreName: '赵晓东' },
      explanation: '点名调训：经主办单位同意，由钱卫国替换赵晓东参加',
    });
    expectError(
      await as(streetAdmin, 'POST', `/api/training/enrolments/${enrolB}/confirm`, {}),
      409,
      'TRAINING_ENROLMENT_STATE',
    );
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'training.enrolment.substitution' AND object_id = $1`,
        [enrolB],
      ),
    ).toBe(1);
  });

  it('attendance: 8 days for the dispatched 王立新; the replaced 赵晓东 is not a trainee; a future day is refused', async () => {
    expectError(
      await as(orgdept, 'POST', `/api/training/programmes/${dispatch}/attendance`, {
        records: [{ cadreId: bId, attended: true }],
      }),
      422,
      'TRAINING_NOT_ENROLLED',
    );
    const res = await as(orgdept, 'POST', `/api/training/programmes/${dispatch}/attendance`, {
      records: [
        { cadreId: aId, attended: true },
        { cadreId: cId, attended: false, leaveReason: '病假' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      on: '2026-03-10',
      items: [
        {
          cadreName: '王立新',
          attended: true,
          creditDays: 8,
          explanation: '2026-03-10 参加“区委党校中青年干部培训班”，计8天',
        },
        {
          cadreName: '钱卫国',
          attended: false,
          creditDays: 0,
          explanation: '2026-03-10 未参加“区委党校中青年干部培训班”，请假：病假，不计学时',
        },
      ],
    });
    expectError(
      await as(orgdept, 'POST', `/api/training/programmes/${special}/attendance`, {
        records: [{ cadreId: aId, attended: true }],
      }),
      400,
      'VALIDATION',
    );
  });
});

describe('compliance: 9.5 days on 1 October is 2.5 short (Fengze, street cadres ≥ 12 days)', () => {
  beforeAll(async () => {
    // 王立新 already has 8 days (party school, 03-10); a special programme of 12 学时 = 1.5 days on 05-11
    const p = await create({ name: '基层治理专题班', hours: 12, startOn: '2026-05-10', endOn: '2026-05-11' });
    const e = await as(orgdept, 'POST', `/api/training/programmes/${p.id}/enrolments`, { cadreIds: [aId] });
    await as(
      orgdept,
      'POST',
      `/api/training/enrolments/${e.json<{ items: { id: string }[] }>().items[0]!.id}/decide`,
      {
        decision: 'admit',
      },
    );
    const res = await as(orgdept, 'POST', `/api/training/programmes/${p.id}/attendance`, {
      records: [{ cadreId: aId, attended: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('on 2026-10-01: days 9.5 (8 + 1.5), required 12, shortfall 2.5, warned, explained', async () => {
    const res = await as(
      streetAdmin,
      'GET',
      `/api/training/compliance?orgId=${streetId}&year=2026&asOf=2026-10-01`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ items: Json[]; units: Json[]; total: number; asOf: string }>();
    expect(report.asOf).toBe('2026-10-01');
    const a = report.items.find((i) => i.cadreId === aId);
    expect(a).toMatchObject({
      days: 9.5,
      required: 12,
      shortfall: 2.5,
      programmes: 2,
      met: false,
      warning: true,
      explanation: '截至10月1日参训9.5天，政策包“丰泽区街道干部考核”要求街道干部每年不少于12天，还差2.5天',
    });
    // 赵晓东 and 钱卫国: nothing attended (钱卫国 was absent): short of 12 days and of a special programme
    const b = report.items.find((i) => i.cadreId === bId);
    expect(b).toMatchObject({ days: 0, required: 12, shortfall: 12, warning: true });
    expect(report.units).toEqual([
      {
        orgId: streetId,
        unitName: '测试培训街道',
        cadres: 3,
        required: 3,
        met: 0,
        short: 3,
        warnings: 3,
        averageDays: 3.17,
      },
    ]);
    // the other street's people are not in the street admin's report
    expect(JSON.stringify(report)).not.toContain(dId);
  });

  it('on 2026-09-30 the shortfall shows without a warning (warned from 10-01)', async () => {
    const res = await as(orgdept, 'GET', `/api/training/compliance?orgId=${streetId}&asOf=2026-09-30`);
    const a = res.json<{ items: Json[] }>().items.find((i) => i.cadreId === aId);
    expect(a).toMatchObject({ shortfall: 2.5, warning: false });
  });

  it('the cadre’s own view: today 9.5 days with two lines', async () => {
    const res = await as(cadreA, 'GET', '/api/training/mine');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<{ record: Json & { lines: Json[] }; enrolments: Json[] }>();
    expect(m.record).toMatchObject({ cadreName: '王立新', year: 2026, totalDays: 9.5 });
    expect(m.record.lines.map((l) => [l.on, l.creditDays])).toEqual([
      ['2026-03-10', 8],
      ['2026-05-11', 1.5],
    ]);
    expect(m.enrolments.length).toBe(3);
    expect((await as(cadreA, 'GET', `/api/training/cadres/${bId}/record`)).statusCode).toBe(403);
  });

  it('warnings on 10-01: one to 王立新’s account, one to the unit’s admins; a second run posts nothing new', async () => {
    const res = await as(orgdept, 'POST', '/api/training/warnings', { asOf: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json<{ cadreNotices: number; unitNotices: number }>();
    expect(first.cadreNotices).toBeGreaterThanOrEqual(1);
    const inbox = await as(cadreA, 'GET', '/api/inbox');
    expect(JSON.stringify(inbox.json())).toContain('培训提醒（街道干部年度培训时间）：还差2.5天');
    const unit = await as(streetAdmin, 'GET', '/api/inbox');
    expect(JSON.stringify(unit.json())).toContain(
      '测试培训街道有3名干部未达“街道干部年度培训时间”要求：钱卫国（还差12天）、王立新（还差2.5天）、赵晓东（还差12天）',
    );
    expect(
      await adminCount(t.db, `SELECT 1 FROM inbox_notices WHERE source_key = $1`, [
        `training.shortfall:street_days:${aId}:2026`,
      ]),
    ).toBe(1);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM inbox_notices WHERE $1 = ANY (recipient_ids) AND kind = 'training.shortfall'`,
        [aUserId],
      ),
    ).toBe(1); // 王立新 has a special programme: only the days requirement is short
    const again = await as(orgdept, 'POST', '/api/training/warnings', { asOf: '2026-10-02' });
    expect(again.json()).toMatchObject({ cadreNotices: 0, unitNotices: 0 });
  });

  it('the holding plan: special programmes held this year against Fengze’s 1–2', async () => {
    const res = await as(orgdept, 'GET', '/api/training/holding?year=2026');
    const plan = res.json<{ plans: Json[] }>().plans[0]!;
    const held = await adminCount(
      t.db,
      `SELECT 1 FROM training_programmes WHERE kind_id = 'special' AND start_on BETWEEN '2026-01-01' AND '2026-12-31'`,
    );
    expect(plan).toMatchObject({
      planId: 'street_special_classes',
      min: 1,
      max: 2,
      held,
      met: held >= 1 && held <= 2,
    });
    expect(plan.explanation).toBe(
      `2026年已举办专题培训班${held}期，政策包“丰泽区街道干部考核”要求“针对街道干部的专题业务培训班”每年1至2期` +
        (held > 2 ? `，超出${held - 2}期` : held < 1 ? `，还差${1 - held}期` : '，已达到'),
    );
  });
});

describe('Hongdong: township cadres trained every quarter', () => {
  let townshipId: string;
  let t1: string; // trained in Q1 and Q3 only
  let t2: string; // trained in every quarter

  beforeAll(async () => {
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'hongdong' })).statusCode).toBe(200);
    townshipId = (await newOrg(t.db, { kind: 'township', name: '测试乡镇' })).id;
    t1 = (await newCadre(t.db, { orgId: townshipId, name: '周乡一' })).id;
    t2 = (await newCadre(t.db, { orgId: townshipId, name: '吴乡二' })).id;
    const p = await create({
      name: '乡镇干部季度专题培训',
      days: 4,
      startOn: '2026-02-10',
      endOn: '2026-10-20',
      target: { orgIds: [townshipId], condition: null },
      enrolmentMode: 'dispatch',
      sessions: [
        { title: '第一季度', on: '2026-02-10', days: 1 },
        { title: '第二季度', on: '2026-05-10', days: 1 },
        { title: '第三季度', on: '2026-08-10', days: 1 },
        { title: '第四季度', on: '2026-10-20', days: 1 },
      ],
    });
    const e = await as(orgdept, 'POST', `/api/training/programmes/${p.id}/enrolments`, {
      cadreIds: [t1, t2],
    });
    expect(e.statusCode, e.body).toBe(200);
    const attended = [
      [true, true],
      [false, true],
      [true, true],
      [false, true],
    ];
    for (const [i, s] of p.sessions.entries()) {
      const res = await as(orgdept, 'POST', `/api/training/programmes/${p.id}/attendance`, {
        sessionId: s.id,
        records: [
          { cadreId: t1, attended: attended[i]![0], leaveReason: attended[i]![0] ? '' : '驻村值守' },
          { cadreId: t2, attended: attended[i]![1] },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('on 2026-11-02: Q2 missed is flagged for 周乡一 (Q4 open, not yet warned); 吴乡二 is not flagged', async () => {
    const res = await as(orgdept, 'GET', `/api/training/compliance?orgId=${townshipId}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ packId: string; asOf: string; items: (Json & { judgements: Json[] })[] }>();
    expect([r.packId, r.asOf]).toEqual(['hongdong', '2026-11-02']);
    const one = r.items.find((i) => i.cadreId === t1)!;
    expect(one).toMatchObject({ days: 2, required: null, shortfall: 0, met: false, warning: true });
    expect(one.judgements[0]).toMatchObject({
      requirementId: 'township_quarterly',
      required: 4,
      actual: 2,
      shortfall: 1,
      periods: [
        { index: 1, state: 'met' },
        { index: 2, from: '2026-04-01', to: '2026-06-30', state: 'missed' },
        { index: 3, state: 'met' },
        { index: 4, state: 'open' },
      ],
      explanation:
        '截至11月2日，第2季度（4月1日至6月30日）未参训（政策包“洪洞县“3+X”绩效考核”要求乡镇干部每3个月至少参加1次专题培训班或党校培训）',
    });
    const two = r.items.find((i) => i.cadreId === t2)!;
    expect(two).toMatchObject({ days: 4, met: true, warning: false });
    expect(two.judgements[0]).toMatchObject({ actual: 4, shortfall: 0 });
  });

  it('the holding plans: 6 大讲堂 and 8 专题培训班 a year', async () => {
    const res = await as(orgdept, 'GET', '/api/training/holding?year=2026');
    const plans = res.json<{ plans: Json[] }>().plans;
    expect(plans.map((p) => [p.planId, p.min, p.max])).toEqual([
      ['lecture_sessions', 6, null],
      ['special_classes', 8, null],
    ]);
  });
});

describe('the demo district (seeded as 组织部 and the street admins under the Fengze pack)', () => {
  it('the demo cadre has 8 + 1.5 = 9.5 days this year, 2.5 short of 12; the first street still has one to settle', async () => {
    expect((await as(orgdept, 'PUT', '/api/packs/selected', { packId: 'fengze' })).statusCode).toBe(200);
    const cadre = await loginAs(t, 'cadre');
    const res = await injectAs(t, cadre, { method: 'GET', url: '/api/training/mine?year=2026' });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<{ record: { totalDays: number; compliance: Json; lines: Json[] } }>();
    expect(m.record.totalDays).toBe(9.5);
    expect(m.record.lines.map((l) => l.programmeName)).toEqual([
      '区委党校第一期中青年干部培训班',
      '街道干部安全生产专题培训',
    ]);
    expect(m.record.compliance).toMatchObject({ days: 9.5, required: 12, shortfall: 2.5, warning: true });
    const admin = await loginAs(t, 'street1');
    const must = await injectAs(t, admin, { method: 'GET', url: '/api/training/enrolments?mustSend=true' });
    expect(
      must
        .json<{ items: { status: string; programmeName: string }[] }>()
        .items.map((e) => [e.programmeName, e.status]),
    ).toEqual([['市委党校街道干部调训班', 'substitution_requested']]);
  });
});
