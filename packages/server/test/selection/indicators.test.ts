import {
  currentPost,
  grassrootsMonths,
  hasStreetLeadershipExperience,
  hasStreetOrTownshipExperience,
  hasTownshipPartySecretaryExperience,
  matchCondition,
  AppointmentSchema,
  CADRE_CATEGORIES,
  CadreListQuerySchema,
  type AppointmentInput,
  type CadreCondition,
  type CadreList,
  type ConditionSubject,
  type IndicatorBreakdown,
  type IndicatorList,
  type IndicatorPeople,
  type IndicatorValue,
  type PoolKind,
} from '@ganbu/core';
import { rosterWhere } from '../../src/modules/cadre/repository.ts';
import { listPeople, partSql } from '../../src/modules/selection/indicators/repository.ts';
import { TEST_SEED_TIME } from '../db-urls.ts';
import { asSystem } from '../factories/system.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newPosting } from '../factories/practice.ts';
import { newUser, signIn } from '../factories/users.ts';
import { adminCount, createTestApp, expectError, injectAs, type Session, type TestApp } from '../helpers.ts';

/**
 * Structure indicators worked by hand (R-SEL-1), on Fengze's 区直机关领导班子成员中具有街道工作经历的比例
 * (population: cadres of a department unit whose current post is a leadership post; numerator: has served in
 * a street or township; target ≥ 30%). A test area 丙片区 (a department) holds:
 *
 *   丙片区 itself   leader with street experience (L+S) · staff with street experience (not counted)
 *   ├ 甲科室        L+S · L · staff
 *   └ 乙科室        L
 *     └ 乙一股      L+S · L+S · a former leader (the leadership post ended: not counted)
 *
 * population 6 = own 1 + 甲 2 + 乙 3 (乙 1 + 乙一 2); numerator 4 = own 1 + 甲 1 + 乙 2 (乙一 2)
 * → 66.7%（4/6）met; 甲 50.0%（1/2）; 乙 66.7%（2/3）; 乙一 100.0%（2/2）.
 */

let t: TestApp;
let area: { id: string; path: string; name: string };
let deptA: { id: string; path: string; name: string };
let deptB: { id: string; path: string; name: string };
let deptB1: { id: string; path: string; name: string };
let orgdept: Session;
let adminB: Session;
let unitAdminSelf: Session;
const ids = { numerator: [] as string[], rest: [] as string[], outside: [] as string[] };

const streetPost: AppointmentInput = {
  unitName: '某街道',
  unitKind: 'street',
  title: '干事',
  start: '2012-01',
  end: '2015-12',
};
const leaderPost = (unitName: string, end: string | null = null): AppointmentInput => ({
  unitName,
  unitKind: 'department',
  title: '副局长',
  isLeadership: true,
  roleKind: 'team_member',
  start: '2020-03',
  end,
});
const staffPost = (unitName: string): AppointmentInput => ({
  unitName,
  unitKind: 'department',
  title: '科员',
  start: '2019-01',
  end: null,
});

beforeAll(async () => {
  t = await createTestApp();
  area = await newOrg(t.db, { kind: 'department', name: '丙片区（测试）' });
  deptA = await newOrg(t.db, { parentId: area.id, kind: 'department', name: '甲科室（测试）', sortOrder: 1 });
  deptB = await newOrg(t.db, { parentId: area.id, kind: 'department', name: '乙科室（测试）', sortOrder: 2 });
  deptB1 = await newOrg(t.db, { parentId: deptB.id, kind: 'department', name: '乙一股（测试）' });
  const cadre = async (
    orgId: string,
    name: string,
    appointments: AppointmentInput[],
    part: keyof typeof ids,
  ) => {
    const c = await newCadre(t.db, { orgId, name, appointments });
    ids[part].push(c.id);
  };
  await cadre(area.id, '丙甲', [streetPost, leaderPost('丙片区')], 'numerator');
  await cadre(area.id, '丙乙', [streetPost, staffPost('丙片区')], 'outside');
  await cadre(deptA.id, '甲一', [streetPost, leaderPost('甲科室')], 'numerator');
  await cadre(deptA.id, '甲二', [leaderPost('甲科室')], 'rest');
  await cadre(deptA.id, '甲三', [staffPost('甲科室')], 'outside');
  await cadre(deptB.id, '乙甲', [leaderPost('乙科室')], 'rest');
  await cadre(deptB1.id, '乙一甲', [streetPost, leaderPost('乙一股')], 'numerator');
  await cadre(deptB1.id, '乙一乙', [streetPost, leaderPost('乙一股')], 'numerator');
  await cadre(
    deptB1.id,
    '乙一丙',
    [streetPost, leaderPost('乙一股', '2024-06'), staffPost('乙一股')],
    'outside',
  );
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: area.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  adminB = await signIn(
    t,
    await newUser(t.db, { orgId: deptB.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  unitAdminSelf = await signIn(t, await newUser(t.db, { orgId: deptB.id, roles: ['unit_admin'] }));
  const { rows } = await t.db.admin.query<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
  districtOrgdept = await signIn(
    t,
    await newUser(t.db, { orgId: rows[0]!.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());
/** 组织部 of the whole district (the Jinwan part's street is outside the test area) */
let districtOrgdept: Session | undefined;
const orgdeptOf = () => {
  if (!districtOrgdept) throw new Error('no district orgdept');
  return districtOrgdept;
};

const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const ok = async <T>(s: Session, url: string): Promise<T> => {
  const res = await get(s, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const IND = 'department-leaders-street-experience';
const AS_OF = '2026-11-02';
const sorted = (a: string[]) => [...a].sort();

describe('an indicator over a hand-counted population', () => {
  it('stores the current post on the record (the open appointment latest started)', async () => {
    const { rows } = await t.db.admin.query<{ name: string; role: string | null; lead: boolean }>(
      `SELECT name, fact_current_role_kind AS role, fact_current_leadership AS lead FROM cadres
        WHERE name IN ('丙甲', '甲三', '乙一丙') ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: '丙甲', role: 'team_member', lead: true },
      { name: '乙一丙', role: 'staff', lead: false },
      { name: '甲三', role: 'staff', lead: false },
    ]);
  });

  it('counts the area: 66.7%（4/6）, met, with its words and source', async () => {
    const list = await ok<IndicatorList>(orgdept, `/api/indicators?orgId=${area.id}&asOf=${AS_OF}`);
    expect(list).toMatchObject({ asOf: AS_OF, orgId: area.id, orgName: area.name, packId: 'fengze' });
    expect(list.items.map((i) => i.id)).toEqual(['reserve-street-leadership', IND]);
    const v = list.items.find((i) => i.id === IND) as IndicatorValue;
    expect(v).toMatchObject({
      population: 6,
      numerator: 4,
      value: 66.7,
      valueText: '66.7%（4/6）',
      met: true,
      gap: 0,
      units: null,
      targetText: '≥ 30%',
      populationText: '所在单位为区直部门，现任领导职务',
      numeratorText: '有街道或乡镇工作经历',
      sourceText: '假设：丰泽（000）只写“提出了比例要求”，未写比例；取30%，按实际文件修改',
    });
    expect(v.explanation).toBe(
      `截至 ${AS_OF}，在丙片区（测试），统计对象为“所在单位为区直部门，现任领导职务”的在职干部共 6 人，` +
        '其中“有街道或乡镇工作经历”的 4 人，占 66.7%（4 ÷ 6，保留一位小数，四舍五入）；' +
        '按统计对象人数不变计至少需 2 人（30% × 6 向上取整），达到目标 ≥ 30%。',
    );
    // no reserve pool member in the area: a share of nobody is not judged
    expect(list.items[0]).toMatchObject({ population: 0, value: null, met: null, gap: 0 });
  });

  it('breaks the area down per child unit, the rows and its own people adding up at every level', async () => {
    const top = await ok<IndicatorBreakdown>(
      orgdept,
      `/api/indicators/${IND}/breakdown?orgId=${area.id}&asOf=${AS_OF}`,
    );
    expect(top.path.map((p) => p.orgName)).toEqual([area.name]);
    expect(top.own).toMatchObject({ population: 1, numerator: 1, valueText: '100.0%（1/1）', met: true });
    expect(
      top.rows.map((r) => [r.orgName, r.population, r.numerator, r.valueText, r.met, r.hasChildren]),
    ).toEqual([
      [deptA.name, 2, 1, '50.0%（1/2）', true, false],
      [deptB.name, 3, 2, '66.7%（2/3）', true, true],
    ]);
    const mid = await ok<IndicatorBreakdown>(
      orgdept,
      `/api/indicators/${IND}/breakdown?orgId=${deptB.id}&asOf=${AS_OF}`,
    );
    expect(mid.path.map((p) => p.orgName)).toEqual([area.name, deptB.name]);
    expect(mid.indicator).toMatchObject({ population: 3, numerator: 2 });
    expect(mid.own).toMatchObject({
      population: 1,
      numerator: 0,
      valueText: '0.0%（0/1）',
      met: false,
      gap: 1,
    });
    expect(mid.rows.map((r) => [r.orgName, r.population, r.numerator])).toEqual([[deptB1.name, 2, 2]]);
    const leaf = await ok<IndicatorBreakdown>(
      orgdept,
      `/api/indicators/${IND}/breakdown?orgId=${deptB1.id}&asOf=${AS_OF}`,
    );
    expect(leaf.rows).toEqual([]);
    expect(leaf.own).toMatchObject({ population: 2, numerator: 2 });
    // every level: the rows plus the unit's own people are the unit's figures
    for (const b of [top, mid, leaf]) {
      const sum = (k: 'population' | 'numerator') => b.rows.reduce((s, r) => s + r[k], b.own[k]);
      expect([sum('population'), sum('numerator')]).toEqual([b.indicator.population, b.indicator.numerator]);
    }
  });

  it('lists the people behind each part, audited, and the roster filtered by the indicator has the same ids', async () => {
    const people = async (part: string) =>
      ok<IndicatorPeople>(
        orgdept,
        `/api/indicators/${IND}/people?orgId=${area.id}&asOf=${AS_OF}&part=${part}`,
      );
    const num = await people('numerator');
    expect(num.total).toBe(4);
    expect(sorted(num.items.map((p) => p.cadreId))).toEqual(sorted(ids.numerator));
    expect(num.items.every((p) => p.inNumerator)).toBe(true);
    const rest = await people('rest');
    expect(sorted(rest.items.map((p) => p.cadreId))).toEqual(sorted(ids.rest));
    const pop = await people('population');
    expect(pop.total).toBe(6);
    expect(sorted(pop.items.map((p) => p.cadreId))).toEqual(sorted([...ids.numerator, ...ids.rest]));
    expect(pop.items.find((p) => p.name === '甲二')).toMatchObject({
      orgName: deptA.name,
      postTitle: '科员',
      age: 41, // born 1985-06 (the factory's default), on 2026-11-02
      inNumerator: false,
    });
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'indicator.people' AND object_id = $1`, [
        IND,
      ]),
    ).toBe(3);
    // a page of 2
    const page2 = await ok<IndicatorPeople>(
      orgdept,
      `/api/indicators/${IND}/people?orgId=${area.id}&asOf=${AS_OF}&part=population&page=2&pageSize=2`,
    );
    expect(page2.items.map((p) => p.cadreId)).toEqual(pop.items.slice(2, 4).map((p) => p.cadreId));
    for (const part of ['numerator', 'rest', 'population'] as const) {
      const roster = await ok<CadreList>(
        orgdept,
        `/api/cadres?orgId=${area.id}&indicator=${IND}&indicatorPart=${part}&indicatorAsOf=${AS_OF}&pageSize=200`,
      );
      const behind = await people(part);
      expect(sorted(roster.items.map((c) => c.id))).toEqual(sorted(behind.items.map((p) => p.cadreId)));
      expect(roster.total).toBe(behind.total);
    }
  });

  it('counts in the caller scope only: the admin of 乙科室 sees 乙科室 figures', async () => {
    const list = await ok<IndicatorList>(adminB, `/api/indicators?asOf=${AS_OF}`);
    expect(list.orgId).toBe(deptB.id);
    expect(list.items.find((i) => i.id === IND)).toMatchObject({ population: 3, numerator: 2 });
    // the area is not hers: 404, as for any unit out of scope
    expectError(await get(adminB, `/api/indicators?orgId=${area.id}`), 404, 'NOT_FOUND');
    expectError(await get(adminB, `/api/indicators/${IND}/people?orgId=${area.id}`), 404, 'NOT_FOUND');
    // 仅本单位: only 乙科室 own people
    const own = await ok<IndicatorList>(unitAdminSelf, `/api/indicators?orgId=${deptB.id}&asOf=${AS_OF}`);
    expect(own.items.find((i) => i.id === IND)).toMatchObject({ population: 1, numerator: 0 });
  });

  it('lets 组织部 mark a unit 专业部门 (unit tags), which a condition then reads', async () => {
    const patch = (tags: unknown) =>
      injectAs(t, orgdept, { method: 'PATCH', url: `/api/orgs/${deptA.id}`, payload: { tags } });
    expectError(await patch(['nonsense']), 400, 'VALIDATION');
    expectError(await patch(['professional', 'professional']), 400, 'VALIDATION');
    const res = await patch(['professional']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ tags: string[] }>().tags).toEqual(['professional']);
    expect(
      await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'org.update' AND object_id = $1`, [
        deptA.id,
      ]),
    ).toBe(1);
    const preview = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/indicators/preview',
      payload: {
        orgId: area.id,
        asOf: AS_OF,
        indicator: {
          id: 'professional-leaders',
          name: '专业部门领导占比',
          population: { orgTags: ['professional'] },
          numerator: { currentLeadership: true },
          target: { measure: 'share', op: 'gte', percent: 50 },
        },
      },
    });
    // 甲科室 alone is 专业部门: 甲一 and 甲二 lead, 甲三 does not → 2/3
    expect(preview.json<IndicatorValue>()).toMatchObject({
      population: 3,
      numerator: 2,
      valueText: '66.7%（2/3）',
      met: true,
      populationText: '所在单位为专业部门',
    });
  });

  it('refuses an unknown indicator (404) and writes nothing on a preview', async () => {
    expectError(await get(orgdept, `/api/indicators/no-such/breakdown?orgId=${area.id}`), 404, 'NOT_FOUND');
    expectError(await get(orgdept, `/api/indicators/no-such/people`), 404, 'NOT_FOUND');
    expectError(await get(orgdept, `/api/cadres?indicator=no-such`), 404, 'NOT_FOUND');
    const res = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/indicators/preview',
      payload: {
        orgId: area.id,
        asOf: AS_OF,
        indicator: {
          id: 'leaders-count',
          name: '领导人数',
          population: { orgKinds: ['department'] },
          numerator: { currentLeadership: true },
          target: { measure: 'count', op: 'gte', count: 7 },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    // 9 cadres in the area, 6 leaders now; 7 needed
    expect(res.json<IndicatorValue>()).toMatchObject({
      population: 9,
      numerator: 6,
      valueText: '6 人',
      met: false,
      gap: 1,
      sourceText: '预览：尚未保存到政策包',
    });
    expectError(
      await injectAs(t, orgdept, {
        method: 'POST',
        url: '/api/indicators/preview',
        payload: { indicator: { id: 'Bad Id', name: '', population: {}, numerator: {}, target: {} } },
      }),
      400,
      'VALIDATION',
    );
    expectError(
      await injectAs(t, adminB, {
        method: 'POST',
        url: '/api/indicators/preview',
        payload: {
          indicator: {
            id: 'x',
            name: 'x',
            population: {},
            numerator: {},
            target: { measure: 'count', op: 'gte', count: 1 },
          },
        },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('the SQL of a condition, clause by clause, against core matchCondition', () => {
  const MARK = '指标比对';
  const subjects = new Map<string, ConditionSubject>();

  beforeAll(async () => {
    const street = await newOrg(t.db, { kind: 'street', name: '比对街道（测试）' });
    const village = await newOrg(t.db, { parentId: street.id, kind: 'village', name: '比对村（测试）' });
    const dept = await newOrg(t.db, { kind: 'department', name: '比对局（测试）' });
    await t.db.admin.query(`UPDATE orgs SET tags = '{professional}' WHERE id = $1`, [dept.id]);
    const units = [
      { org: street, kind: 'street' as const, tags: [] },
      { org: village, kind: 'village' as const, tags: [] },
      { org: dept, kind: 'department' as const, tags: ['professional'] },
    ];
    // a fixed pseudo-random sequence (the same population every run)
    let seed = 20261102;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
    // ages around 35 and 40 on 2026-11-02, a month-precision birth counting from the 1st
    const births = [
      '1991-11-02',
      '1991-11-03',
      '1991-11',
      '1991-12',
      '1986-11-02',
      '1986-11-03',
      '1996-11-03',
      '2000-02-29',
    ];
    const histories: AppointmentInput[][] = [
      [],
      [streetPost],
      [streetPost, leaderPost('某局')],
      [
        {
          unitName: '某街道',
          unitKind: 'street',
          title: '副主任',
          isLeadership: true,
          roleKind: 'team_member',
          start: '2016-01',
          end: '2019-12',
        },
      ],
      [
        {
          unitName: '某镇',
          unitKind: 'township',
          title: '党委书记',
          isLeadership: true,
          roleKind: 'party_secretary',
          start: '2017-05',
          end: null,
        },
      ],
      [
        {
          unitName: '某村',
          unitKind: 'village',
          title: '主任',
          roleKind: 'village_principal',
          start: '2022-01',
          end: null,
        },
      ],
      [
        staffPost('某局'),
        {
          unitName: '某局',
          unitKind: 'department',
          title: '局长',
          isLeadership: true,
          roleKind: 'government_head',
          start: '2023-01',
          end: null,
        },
      ],
    ];
    const today = TEST_SEED_TIME.toISOString().slice(0, 10);
    for (let i = 0; i < 48; i++) {
      const u = pick(units);
      const tags = [MARK, ...(next(2) ? ['优秀'] : []), ...(next(3) === 0 ? ['援疆'] : [])];
      const appointments = pick(histories);
      const rec = {
        orgId: u.org.id,
        name: `比对${i}`,
        gender: pick(['male', 'female'] as const),
        birthDate: pick(births),
        category: pick([null, ...CADRE_CATEGORIES]),
        rank: pick(['正科级', '副科级', '副处级', '']),
        fullTimeEducation: { education: pick(['大学', '研究生', '']), degree: '', school: '', major: '' },
        politicalStatus: pick(['中共党员', '群众']),
        tags,
        professionalType: next(2) === 1,
        appointments,
      };
      const c = await newCadre(t.db, rec);
      const posts = appointments.map((a) => AppointmentSchema.parse(a));
      const pools: { kind: PoolKind; level: string }[] = [];
      for (const kind of ['reserve', 'young'] as const) {
        const shape = next(5); // 0, 1: none; 2: active; 3: left before the day; 4: enters after it
        if (shape < 2) continue;
        const level = pick(['副处级', '正科级']);
        const entered = shape === 4 ? '2026-12-01' : '2025-03-01';
        const left = shape === 3 ? '2026-11-02' : null; // leaves on the day: no longer a member then
        await t.db.admin.query(
          `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason,
             left_on, exit_reason)
           SELECT c.id, c.org_path, $2, $3, c.org_id, c.org_path, $4, '比对', $5, CASE WHEN $5::date IS NULL THEN '' ELSE '调出' END
             FROM cadres c WHERE c.id = $1`,
          [c.id, kind, level, entered, left],
        );
        if (shape === 2) pools.push({ kind, level });
      }
      // practice postings (issue 15): none, or one of a kind started inside, on the edge of, or outside
      // three years before the day, or after it
      const practices: { kind: string; startedOn: string }[] = [];
      const practiceShape = next(6);
      if (practiceShape > 0) {
        const kind = pick(['frontline', 'inspection_tour']);
        const startedOn = ['2025-04-01', '2023-11-02', '2023-11-01', '2026-11-03', '2019-06-01'][
          practiceShape - 1
        ]!;
        await newPosting(t.db, { cadreId: c.id, kind, startedOn, endsOn: '2026-12-31' });
        practices.push({ kind, startedOn });
      }
      subjects.set(c.id, {
        orgKind: u.kind,
        orgTags: u.tags,
        category: rec.category,
        rank: rec.rank,
        gender: rec.gender,
        birthDate: rec.birthDate,
        education: rec.fullTimeEducation.education,
        politicalStatus: rec.politicalStatus,
        tags,
        professionalType: rec.professionalType,
        streetOrTownship: hasStreetOrTownshipExperience(posts),
        streetLeadership: hasStreetLeadershipExperience(posts),
        townshipSecretary: hasTownshipPartySecretaryExperience(posts),
        grassrootsMonths: grassrootsMonths(posts, today),
        currentRoleKind: currentPost(posts)?.roleKind ?? null,
        currentLeadership: currentPost(posts)?.isLeadership ?? false,
        pools,
        practices,
      });
    }
  });

  const conditions: CadreCondition[] = [
    {},
    { orgKinds: ['street', 'village'] },
    { orgTags: ['professional'] },
    { categories: ['comprehensive', 'village_community'] },
    { ranks: ['正科级', '副处级'] },
    { gender: 'female' },
    { ageMin: 35 },
    { ageMax: 34 },
    { ageMin: 35, ageMax: 39 },
    { educations: ['研究生'] },
    { politicalStatuses: ['中共党员'] },
    { tags: ['优秀'] },
    { tags: ['优秀', '援疆'] },
    { professionalType: true },
    { professionalType: false },
    { streetOrTownship: true },
    { streetOrTownship: false },
    { streetLeadership: true },
    { townshipSecretary: true },
    { grassrootsYearsMin: 3 },
    { currentRoleKinds: ['party_secretary', 'government_head'] },
    { currentLeadership: true },
    { currentLeadership: false },
    { pool: { kind: 'reserve' } },
    { pool: { kind: 'reserve', levels: ['副处级'] } },
    { pool: { kind: 'young' } },
    { practice: {} },
    { practice: { kinds: ['inspection_tour'] } },
    { practice: { withinYears: 3 } },
    { practice: { kinds: ['frontline'], withinYears: 3 } },
    { orgKinds: ['department'], currentLeadership: true, streetOrTownship: true, ageMax: 40 },
  ];

  it('selects exactly the people core finds meeting each condition, and the rest exactly the others', async () => {
    const ids = (part: 'numerator' | 'rest', numerator: CadreCondition) =>
      asSystem(t.db, async (client) => {
        const { rows } = await client.query<{ path: string }>(
          `SELECT path::text FROM orgs WHERE parent_id IS NULL`,
        );
        const page = await listPeople(client, {
          path: rows[0]!.path,
          population: { tags: [MARK] },
          numerator,
          part,
          asOf: AS_OF,
          limit: 1000,
          offset: 0,
        });
        expect(page.total).toBe(page.items.length);
        return sorted(page.items.map((p) => p.cadreId));
      });
    // the same condition through the roster's WHERE builder (`?` placeholders, values in order)
    const viaRoster = (numerator: CadreCondition) =>
      asSystem(t.db, async (client) => {
        const values: unknown[] = [];
        const sql = partSql({ tags: [MARK] }, numerator, 'numerator', AS_OF, (v) => {
          values.push(v);
          return '?';
        });
        const where = rosterWhere(CadreListQuerySchema.parse({}), AS_OF, undefined, { sql, values });
        const { rows } = await client.query<{ id: string }>(
          `SELECT c.id FROM cadres c ${where.sql}`,
          where.params,
        );
        return sorted(rows.map((r) => r.id));
      });
    const all = [...subjects.keys()];
    let nonTrivial = 0;
    for (const c of conditions) {
      const expected = sorted(all.filter((id) => matchCondition(subjects.get(id)!, c, AS_OF)));
      expect(await ids('numerator', c), JSON.stringify(c)).toEqual(expected);
      expect(await ids('rest', c), JSON.stringify(c)).toEqual(
        sorted(all.filter((id) => !expected.includes(id))),
      );
      expect(await viaRoster(c), `roster ${JSON.stringify(c)}`).toEqual(expected);
      if (expected.length > 0 && expected.length < all.length) nonTrivial++;
    }
    // every condition but the empty one splits the generated population
    expect(nonTrivial).toBe(conditions.length - 1);
  });
});

describe('Jinwan: ≥ 2 reserve cadres in every village and community', () => {
  /**
   * 丁街道 holds 丁一村 (one reserve cadre: short by 1), 丁二村 (two), 丁社区 (two active, one who left on
   * 2026-10-31, one entering 2026-12-01): judged 3 units, 2 meeting, gap 1; 5 reserve cadres in all.
   */
  let street: { id: string; path: string; name: string };
  let v1: { id: string; name: string };
  let v2: { id: string; name: string };
  let c1: { id: string; name: string };

  beforeAll(async () => {
    await t.db.admin.query(
      `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb('jinwan'::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    street = await newOrg(t.db, { kind: 'street', name: '丁街道（测试）' });
    v1 = await newOrg(t.db, { parentId: street.id, kind: 'village', name: '丁一村（测试）', sortOrder: 1 });
    v2 = await newOrg(t.db, { parentId: street.id, kind: 'village', name: '丁二村（测试）', sortOrder: 2 });
    c1 = await newOrg(t.db, { parentId: street.id, kind: 'community', name: '丁社区（测试）', sortOrder: 3 });
    const reserve = async (orgId: string, entered: string, left: string | null = null) => {
      const c = await newCadre(t.db, { orgId, category: 'village_community' });
      await t.db.admin.query(
        `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason,
           left_on, exit_reason)
         SELECT c.id, c.org_path, 'reserve', '村(社区)两委', c.org_id, c.org_path, $2, '推荐', $3,
                CASE WHEN $3::date IS NULL THEN '' ELSE '调出' END
           FROM cadres c WHERE c.id = $1`,
        [c.id, entered, left],
      );
    };
    await reserve(v1.id, '2026-01-10');
    await reserve(v2.id, '2026-01-10');
    await reserve(v2.id, '2025-06-01');
    await reserve(c1.id, '2026-01-10');
    await reserve(c1.id, '2026-01-10');
    await reserve(c1.id, '2025-01-10', '2026-10-31');
    await reserve(c1.id, '2026-12-01');
    await newCadre(t.db, { orgId: v1.id }); // not in the pool
  });

  it('fails the village with one reserve cadre, and says by how many', async () => {
    const ind = 'village-reserve-two';
    const list = await ok<IndicatorList>(orgdeptOf(), `/api/indicators?orgId=${street.id}&asOf=${AS_OF}`);
    expect(list.packId).toBe('jinwan');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: ind,
      targetText: '每个村、社区 ≥ 2 人',
      population: 5,
      numerator: 5,
      value: 5,
      valueText: '5 人',
      met: false,
      gap: 1,
      units: { judged: 3, meeting: 2 },
    });
    expect(list.items[0]!.explanation).toBe(
      `截至 ${AS_OF}，在丁街道（测试），统计对象为“在后备干部中”的在职干部共 5 人；` +
        '按每个村、社区分别判断统计对象的人数（每个单位含其下属单位）是否 ≥ 2 人：' +
        '共 3 个村、社区，达到 2 个，未达到 1 个，合计还差 1 人。',
    );
    const b = await ok<IndicatorBreakdown>(
      orgdeptOf(),
      `/api/indicators/${ind}/breakdown?orgId=${street.id}&asOf=${AS_OF}`,
    );
    expect(b.rows.map((r) => [r.orgName, r.population, r.met, r.gap, r.units])).toEqual([
      [v1.name, 1, false, 1, { judged: 1, meeting: 0 }],
      [v2.name, 2, true, 0, { judged: 1, meeting: 1 }],
      [c1.name, 2, true, 0, { judged: 1, meeting: 1 }],
    ]);
    expect(b.own).toMatchObject({ population: 0, met: null, gap: 0, units: { judged: 0, meeting: 0 } });
    // on 2026-10-30 the community's third member had not left yet
    const before = await ok<IndicatorList>(orgdeptOf(), `/api/indicators?orgId=${street.id}&asOf=2026-10-30`);
    expect(before.items[0]).toMatchObject({ population: 6, units: { judged: 3, meeting: 2 }, gap: 1 });
  });
});
