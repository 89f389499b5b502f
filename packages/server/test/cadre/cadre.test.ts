import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';
import { newOrg } from '../factories/org.ts';
import { TINY_JPEG } from '../samples.ts';

let t: TestApp;
let s: Session;
let streetId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAs(t, 'orgdept');
  // a unit of our own (a community of a street) so roster filters can be checked against exact, hand-made rows
  const street = await newOrg(t.db, { kind: 'street' });
  streetId = (await newOrg(t.db, { parentId: street.id, code: 'C77', name: '测试社区', kind: 'community' }))
    .id;
});
afterAll(async () => t.close());

// The worked example (test clock: 2026-11-02). ID 35050319860515003 + check char X computed by GB 11643.
const worked = () => ({
  orgId: streetId,
  name: '陈建华',
  gender: 'male',
  birthDate: '1986-05',
  idNumber: '35050319860515003X',
  phone: '13859901234',
  health: '健康',
  politicalStatus: '中共党员',
  partyJoinDate: '2007-06',
  workStartDate: '2008-07',
  fullTimeEducation: { education: '大学', degree: '学士', school: '华侨大学', major: '行政管理' },
  family: [
    {
      relation: '妻子',
      name: '王丽',
      birthDate: '1987-02',
      politicalStatus: '群众',
      workUnitAndPost: '区人民医院护士',
    },
  ],
  appointments: [
    { unitName: '云山镇', unitKind: 'township', title: '科员', start: '2008-07', end: '2012-12' },
    {
      unitName: '东湖街道',
      unitKind: 'street',
      title: '副主任',
      isLeadership: true,
      roleKind: 'team_member',
      rank: '副科级',
      start: '2013-01',
      end: '2016-08',
    },
    {
      unitName: '云山镇',
      unitKind: 'township',
      title: '党委书记',
      isLeadership: true,
      roleKind: 'party_secretary',
      rank: '正科级',
      start: '2016-09',
      end: '2021-03',
    },
    {
      unitName: '区农业农村局',
      unitKind: 'department',
      title: '局长',
      isLeadership: true,
      roleKind: 'government_head',
      rank: '正科级',
      start: '2021-04',
      end: null,
    },
  ],
});

interface Detail {
  idNumber: string;
  phone: string;
  health: string;
  revealed: boolean;
  resume: string;
  family: { name: string }[];
  facts: Record<string, { value: unknown; explanation: string }>;
}

describe('[cadre] record with validation, encryption and masking (R-ORG-2, SECURITY 17, 18)', () => {
  it('refuses a wrong check digit and an ID that disagrees with the birth date; nothing is stored', async () => {
    const before = (await t.db.admin.query('SELECT count(*)::int AS n FROM cadres')).rows[0] as { n: number };
    const bad = await injectAs(t, s, {
      method: 'POST',
      url: '/api/cadres',
      payload: { ...worked(), idNumber: '350503198605150039' },
    });
    expectError(bad, 400, 'VALIDATION');
    expect(bad.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual(['idNumber']);
    const other = await injectAs(t, s, {
      method: 'POST',
      url: '/api/cadres',
      payload: { ...worked(), birthDate: '1986-06' },
    });
    expectError(other, 400, 'VALIDATION');
    const young = await injectAs(t, s, {
      method: 'POST',
      url: '/api/cadres',
      payload: { ...worked(), partyJoinDate: '2003-01' },
    });
    expect(young.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([
      'partyJoinDate',
    ]);
    const after = (await t.db.admin.query('SELECT count(*)::int AS n FROM cadres')).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('stores ID, phone, health and family encrypted; lists and detail are masked; reveal is audited', async () => {
    const res = await injectAs(t, s, { method: 'POST', url: '/api/cadres', payload: worked() });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ id: string }>().id;
    const raw = (await t.db.admin.query(`SELECT c::text AS row FROM cadres c WHERE id = $1`, [id]))
      .rows[0] as { row: string };
    for (const plain of ['35050319860515003X', '13859901234', '区人民医院护士', '王丽'])
      expect(raw.row).not.toContain(plain);

    const list = await injectAs(t, s, { method: 'GET', url: `/api/cadres?orgId=${streetId}` });
    expect(list.json<{ items: { idNumberMasked: string; phoneMasked: string }[] }>().items[0]).toMatchObject({
      idNumberMasked: '350503********003X',
      phoneMasked: '138****1234',
    });
    const masked = (await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}` })).json<Detail>();
    expect(masked).toMatchObject({
      idNumber: '350503********003X',
      phone: '138****1234',
      health: '***',
      revealed: false,
    });
    expect(masked.family[0]?.name).toBe('王*');
    const audits = async () =>
      (
        await t.db.admin.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'cadre.reveal' AND object_id = $1`,
          [id],
        )
      ).rows[0] as { n: number };
    expect((await audits()).n).toBe(0);
    const clear = (
      await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}?reveal=true` })
    ).json<Detail>();
    expect(clear).toMatchObject({
      idNumber: '35050319860515003X',
      phone: '13859901234',
      health: '健康',
      revealed: true,
    });
    expect((await audits()).n).toBe(1);
    const leader = await loginAs(t, 'leader');
    expectError(
      await injectAs(t, leader, { method: 'GET', url: `/api/cadres/${id}?reveal=true` }),
      403,
      'FORBIDDEN',
    );
  });

  it('explains the derived facts of the worked example with exact values', async () => {
    const id = (await injectAs(t, s, { method: 'GET', url: `/api/cadres?orgId=${streetId}&q=陈建华` })).json<{
      items: { id: string }[];
    }>().items[0]?.id;
    const d = (await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}` })).json<Detail>();
    // born 1986-05 → 40 on 2026-11-02; work since 2008-07 → 18 years;
    // grassroots 2008.07–2021.03 contiguous = 12 years 9 months = 153 months → 12.8;
    // 正科级 since 2016-09 → 2026-11: 10 years 2 months → 10.2
    expect(Object.fromEntries(Object.entries(d.facts).map(([k, f]) => [k, f.value]))).toEqual({
      age: 40,
      yearsOfWork: 18,
      grassrootsYears: 12.8,
      streetOrTownship: true,
      streetLeadership: true,
      townshipSecretary: true,
      currentRank: '正科级',
      currentRankSince: '2016-09',
      currentRankYears: 10.2,
    });
    expect(d.facts.townshipSecretary?.explanation).toContain('云山镇党委书记');
    expect(d.resume.split('\n')).toEqual([
      '2008.07--2012.12  云山镇科员',
      '2013.01--2016.08  东湖街道副主任',
      '2016.09--2021.03  云山镇党委书记',
      '2021.04--         区农业农村局局长',
    ]);
  });
});

describe('[cadre] roster filters on fields and derived facts (R-ORG-5)', () => {
  it('"under 35, 大学, with township experience" returns exactly the matching rows', async () => {
    const base = { orgId: streetId, gender: 'female', politicalStatus: '群众', workStartDate: '2015-07' };
    const rows = [
      // matches: 33 on 2026-11-02, 大学, township post
      {
        ...base,
        name: '甲',
        birthDate: '1993-03',
        fullTimeEducation: { education: '大学' },
        appointments: [
          { unitName: '云山镇', unitKind: 'township', title: '科员', start: '2015-07', end: null },
        ],
      },
      // too old: turns 35 on 1991-10-01 + 35 = 2026-10-01 → 35 is not "under 35"
      {
        ...base,
        name: '乙',
        birthDate: '1991-10',
        fullTimeEducation: { education: '大学' },
        appointments: [
          { unitName: '云山镇', unitKind: 'township', title: '科员', start: '2015-07', end: null },
        ],
      },
      // no township experience
      {
        ...base,
        name: '丙',
        birthDate: '1995-01',
        fullTimeEducation: { education: '大学' },
        appointments: [
          { unitName: '区财政局', unitKind: 'department', title: '科员', start: '2015-07', end: null },
        ],
      },
      // 大专
      {
        ...base,
        name: '丁',
        birthDate: '1995-01',
        fullTimeEducation: { education: '大专' },
        appointments: [
          { unitName: '东湖街道', unitKind: 'street', title: '科员', start: '2015-07', end: null },
        ],
      },
    ];
    for (const r of rows) {
      const res = await injectAs(t, s, { method: 'POST', url: '/api/cadres', payload: r });
      expect(res.statusCode, res.body).toBe(200);
    }
    const found = await injectAs(t, s, {
      method: 'GET',
      url: `/api/cadres?orgId=${streetId}&ageMax=34&education=${encodeURIComponent('大学')}&streetOrTownship=true&sort=name`,
    });
    expect(
      found.json<{ items: { name: string; age: number }[] }>().items.map((c) => [c.name, c.age]),
    ).toEqual([['甲', 33]]);
    const older = await injectAs(t, s, {
      method: 'GET',
      url: `/api/cadres?orgId=${streetId}&ageMin=35&ageMax=35`,
    });
    expect(older.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['乙']);
  });

  it('exports exactly the filtered roster, masked', async () => {
    const res = await injectAs(t, s, {
      method: 'GET',
      url: `/api/cadres/export.xlsx?orgId=${streetId}&q=${encodeURIComponent('陈建华')}`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('干部名册');
    expect(ws?.rowCount).toBe(2);
    expect(ws?.getRow(2).getCell(1).value).toBe('陈建华');
    // 身份证号 is column 12 (编制所在单位 follows 所在单位)
    expect(ws?.getRow(2).getCell(12).value).toBe('350503********003X');
    // 出生年月 as officers write it, and printed landscape, fit to the width, header row on every page
    expect(ws?.getRow(1).getCell(3).value).toBe('出生年月');
    expect(ws?.getRow(2).getCell(3).text).toMatch(/^\d{4}\.\d{2}$/);
    expect(ws?.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: '1:1',
    });
  });
});

describe('[cadre] photo (type by content)', () => {
  it('accepts a JPEG by its bytes and refuses a disguised file', async () => {
    const id = (await injectAs(t, s, { method: 'GET', url: `/api/cadres?orgId=${streetId}&q=陈建华` })).json<{
      items: { id: string }[];
    }>().items[0]?.id;
    const fake = await injectAs(t, s, {
      method: 'PUT',
      url: `/api/cadres/${id}/photo`,
      payload: Buffer.from('<svg onload=alert(1)>'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expectError(fake, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = await injectAs(t, s, {
      method: 'PUT',
      url: `/api/cadres/${id}/photo`,
      payload: Buffer.alloc(3 * 1024 * 1024, 0xff),
      headers: { 'content-type': 'image/jpeg' },
    });
    expectError(big, 413, 'BODY_TOO_LARGE');
    const ok = await injectAs(t, s, {
      method: 'PUT',
      url: `/api/cadres/${id}/photo`,
      payload: TINY_JPEG,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const got = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}/photo` });
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.rawPayload, TINY_JPEG)).toBe(0);
  });
});
