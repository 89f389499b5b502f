import {
  judgeCadre,
  round2,
  shippedPacks,
  type ComplianceLine,
  type TrainingRequirement,
  type TrainingSection,
} from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../../src/modules/training/programmes/repository.ts';
import { requirementsSql, trainingComplianceByUnit } from '../../src/modules/training/programmes/service.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

// The compliance report's figures and paging come from one SQL pass (`complianceGroups`: the judge as SQL
// predicates); only the page's units are judged in JS. This file proves the SQL equals the core judge on a
// fixture with every edge (9.5 days on 10-01, exactly 12, 11.99, credit after the day judged, absences, no
// 专题班, a quarter without training, training on a quarter's first and last day, the closing-quarter
// warning 15 days before its end, a kind that does not count) under every shipped pack and a synthetic
// section that uses every branch; and that the pages equal the former whole-list judge-and-sort.
let t: TestApp;
let orgdept: Session;
let rootPath: string;
let districtId: string;
let streetId: string;

const DAYS = [
  '2026-01-01',
  '2026-03-31',
  '2026-04-01',
  '2026-06-15',
  '2026-06-16',
  '2026-07-01',
  '2026-09-30',
  '2026-10-01',
  '2026-10-02',
  '2026-12-15',
  '2026-12-16',
  '2026-12-31',
];

/** every branch of the SQL: kinds filters, a non-round minimum, ≥ 2 programmes, halves, months, 5-month periods */
const SYNTHETIC: TrainingRequirement[] = [
  {
    id: 'd',
    name: '天数',
    measure: 'days',
    population: { orgKinds: ['street'] },
    min: 11.995,
    programmeKinds: ['special', 'party_school'],
    warnFrom: '10-01',
  },
  {
    id: 'p',
    name: '两个班',
    measure: 'programmes',
    population: {},
    min: 2,
    programmeKinds: [],
    warnFrom: '06-16',
  },
  {
    id: 'h',
    name: '半年',
    measure: 'everyPeriod',
    population: { orgKinds: ['township', 'street'] },
    periodMonths: 6,
    programmeKinds: [],
    warnDaysBefore: 15,
  },
  {
    id: 'm',
    name: '每月',
    measure: 'everyPeriod',
    population: { orgKinds: ['township'] },
    periodMonths: 1,
    programmeKinds: ['special'],
    warnDaysBefore: 40,
  },
  {
    id: 'f',
    name: '五个月',
    measure: 'everyPeriod',
    population: { orgKinds: ['department'] },
    periodMonths: 5,
    programmeKinds: ['party_school', 'remote'],
    warnDaysBefore: 0,
  },
];

type Attended = [kind: string, on: string, days: number, attended?: boolean];

beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
  const root = (
    await t.db.admin.query<{ id: string; path: string }>(
      'SELECT id, path::text AS path FROM orgs WHERE parent_id IS NULL',
    )
  ).rows[0]!;
  rootPath = root.path;
  districtId = root.id;
  const street = await newOrg(t.db, { name: '等价街道' });
  streetId = street.id;
  const township = await newOrg(t.db, { kind: 'township', name: '等价乡镇' });
  const dept = await newOrg(t.db, { kind: 'department', name: '等价部门' });
  const people: [orgId: string, name: string, attended: Attended[]][] = [
    // 8 + 1.5 = 9.5 by 10-01
    [
      street.id,
      '甲',
      [
        ['party_school', '2026-03-10', 8],
        ['special', '2026-05-11', 1.5],
      ],
    ],
    // exactly 12, with a 专题班
    [
      street.id,
      '乙',
      [
        ['special', '2026-02-10', 6],
        ['remote', '2026-08-10', 6],
      ],
    ],
    // 11.99
    [
      street.id,
      '丙',
      [
        ['special', '2026-04-01', 5.99],
        ['party_school', '2026-06-30', 6],
      ],
    ],
    // 12, of which 2 on 10-02 (after 10-01)
    [
      street.id,
      '丁',
      [
        ['special', '2026-01-01', 10],
        ['party_school', '2026-10-02', 2],
      ],
    ],
    // absent only
    [street.id, '戊', [['special', '2026-05-11', 0, false]]],
    // 12.5 days, no 专题班
    [
      street.id,
      '己',
      [
        ['party_school', '2026-03-01', 6.25],
        ['remote', '2026-07-01', 6.25],
      ],
    ],
    // township: Q1 and Q3 only
    [
      township.id,
      '庚',
      [
        ['special', '2026-02-10', 1],
        ['special', '2026-08-10', 1],
      ],
    ],
    // every quarter
    [
      township.id,
      '辛',
      [
        ['special', '2026-02-10', 1],
        ['party_school', '2026-05-10', 1],
        ['special', '2026-08-10', 1],
        ['special', '2026-10-20', 1],
      ],
    ],
    // quarters' first and last days, nothing in Q4
    [
      township.id,
      '壬',
      [
        ['special', '2026-03-31', 1],
        ['party_school', '2026-04-01', 1],
        ['special', '2026-09-30', 1],
      ],
    ],
    // Q2 only with a kind that does not count (remote)
    [
      township.id,
      '癸',
      [
        ['special', '2026-01-05', 1],
        ['remote', '2026-05-05', 1],
        ['special', '2026-07-05', 1],
        ['special', '2026-12-20', 1],
      ],
    ],
    // a department cadre: no requirement in the shipped packs
    [dept.id, '子', [['remote', '2026-06-01', 3]]],
    [dept.id, '丑', []],
  ];
  const programmes = new Map<string, string>();
  for (const [orgId, name, attended] of people) {
    const cadre = await newCadre(t.db, { orgId, name: `等价${name}` });
    const { rows } = await t.db.admin.query<{ path: string }>(
      'SELECT org_path::text AS path FROM cadres WHERE id = $1',
      [cadre.id],
    );
    for (const [kind, on, days, present = true] of attended) {
      const key = `${kind}:${on}`;
      if (!programmes.has(key))
        programmes.set(
          key,
          (
            await t.db.admin.query<{ id: string }>(
              `INSERT INTO training_programmes (org_id, org_path, organiser_name, name, kind_id, kind_name, start_on, end_on,
                                                days, hours_per_day, credit_days, pack_name, enrolment_mode)
               VALUES ($1, $2::ltree, '区委组织部', $3, $4, $4, $5, $5, 1, 8, 1, '等价', 'application') RETURNING id`,
              [districtId, rootPath, `等价班${key}`, kind, on],
            )
          ).rows[0]!.id,
        );
      await t.db.admin.query(
        `INSERT INTO training_attendance (programme_id, cadre_id, org_path, kind_id, on_date, attended, credit_days)
         VALUES ($1, $2, $3::ltree, $4, $5, $6, $7)`,
        [programmes.get(key), cadre.id, rows[0]!.path, kind, on, present, present ? days : 0],
      );
    }
  }
});
afterAll(async () => t.close());

interface Group {
  org: string;
  met: boolean;
  hit: boolean;
  cadres: number;
  required: number;
  warnings: number;
  days: number;
}

const keyOf = (g: Group) => `${g.org}:${g.met}:${g.hit}`;
const sorted = (gs: Group[]) =>
  gs.map((g) => ({ ...g, days: round2(g.days) })).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

/** The reference: every cadre judged by the core judge, grouped as the SQL groups them. */
async function judgedInJs(section: Pick<TrainingSection, 'requirements'>, asOf: string, needle?: string) {
  const year = Number(asOf.slice(0, 4));
  const reqs = section.requirements;
  const people = await repo.peopleOf(
    t.db.admin,
    rootPath,
    reqs.map((r) => r.population),
    asOf,
  );
  const facts = await repo.factsOf(t.db.admin, rootPath, year, asOf);
  const groups = new Map<string, Group>();
  const lines = people.map((person) => {
    const applying = reqs.filter((_, i) => person.applies[i]);
    const j = judgeCadre(applying, facts.get(person.id) ?? {}, {
      year,
      asOf,
      packName: '包',
      kindNames: {},
    });
    const g: Group = {
      org: person.org_id,
      met: j.met,
      hit: !needle || person.name.includes(needle),
      cadres: 0,
      required: 0,
      warnings: 0,
      days: 0,
    };
    const had = groups.get(keyOf(g)) ?? g;
    had.cadres++;
    if (applying.length) had.required++;
    if (j.warning) had.warnings++;
    had.days += j.days;
    groups.set(keyOf(g), had);
    return { person, j };
  });
  return { groups: sorted([...groups.values()]), lines };
}

async function inSql(section: Pick<TrainingSection, 'requirements'>, asOf: string, needle?: string) {
  const year = Number(asOf.slice(0, 4));
  const rows = await repo.complianceGroups(t.db.admin, {
    rootPath,
    year,
    asOf,
    populations: section.requirements.map((r) => r.population),
    requirements: requirementsSql(section.requirements, { year, asOf, packName: '包', kindNames: {} }),
    needle,
  });
  return sorted(
    rows.map((r) => ({
      org: r.org_id,
      met: r.met,
      hit: r.hit,
      cadres: r.cadres,
      required: r.required,
      warnings: r.warnings,
      days: r.days,
    })),
  );
}

describe('the compliance SQL equals the core judge', () => {
  it('the fixture is judged as the worked examples say (Fengze on 10-01, Hongdong on 12-16)', async () => {
    const fengze = shippedPacks().find((p) => p.id === 'fengze')!.training!;
    const { lines } = await judgedInJs(fengze, '2026-10-01');
    const line = (name: string) => lines.find((l) => l.person.name === `等价${name}`)!.j;
    expect(line('甲')).toMatchObject({ days: 9.5, shortfall: 2.5, met: false, warning: true });
    expect(line('乙')).toMatchObject({ days: 12, shortfall: 0, met: true });
    expect(line('丙')).toMatchObject({ days: 11.99, shortfall: 0.01, met: false });
    expect(line('丁')).toMatchObject({ days: 10, shortfall: 2, met: false });
    expect(line('己')).toMatchObject({ days: 12.5, shortfall: 0, met: false }); // no 专题班
    const hongdong = shippedPacks()
      .filter((p) => p.id === 'hongdong')
      .at(-1)!.training!;
    const dec = await judgedInJs(hongdong, '2026-12-16');
    const q = (name: string) => dec.lines.find((l) => l.person.name === `等价${name}`)!.j;
    expect(q('庚')).toMatchObject({ met: false, warning: true }); // Q2 and Q4 untrained
    expect(q('辛')).toMatchObject({ met: true, warning: false });
    expect(q('壬').judgements[0]!.periods!.map((p) => p.state)).toEqual(['met', 'met', 'met', 'open']);
    expect(q('壬')).toMatchObject({ met: false, warning: true }); // Q4 closes 12-31, warned from 12-16
    const dec15 = await judgedInJs(hongdong, '2026-12-15');
    expect(dec15.lines.find((l) => l.person.name === '等价壬')!.j).toMatchObject({ met: true });
    expect(q('癸').judgements[0]!.periods![1]!.state).toBe('missed'); // remote does not count
  });

  const sections: [string, Pick<TrainingSection, 'requirements'>][] = [
    ...shippedPacks()
      .filter((p) => p.training)
      .map((p, i) => [`${p.id} #${i}`, p.training!] as [string, TrainingSection]),
    ['synthetic', { requirements: SYNTHETIC }],
  ];
  for (const [name, section] of sections)
    it(`${name}: the groups (unit × met × searched) agree on every day of the edges`, async () => {
      for (const day of DAYS) {
        const js = await judgedInJs(section, day);
        expect(await inSql(section, day), `${name} on ${day}`).toEqual(js.groups);
      }
      const js = await judgedInJs(section, '2026-10-01', '等价');
      expect(await inSql(section, '2026-10-01', '等价')).toEqual(js.groups);
    });
});

describe('the pages equal the whole list judged and sorted', () => {
  const ZH = new Intl.Collator('zh-CN');
  type Report = { items: ComplianceLine[]; total: number; units: Record<string, unknown>[] };

  async function compare(packId: string, asOf: string, extra: { onlyShort?: boolean; q?: string }) {
    expect(
      (await injectAs(t, orgdept, { method: 'PUT', url: '/api/packs/selected', payload: { packId } }))
        .statusCode,
    ).toBe(200);
    const section = shippedPacks()
      .filter((p) => p.id === packId)
      .at(-1)!.training!;
    const { lines } = await judgedInJs(section, asOf);
    const expected = lines
      .filter(({ j }) => !extra.onlyShort || !j.met)
      .filter(({ person }) => !extra.q || person.name.includes(extra.q))
      .sort(
        (a, b) =>
          Number(a.j.met) - Number(b.j.met) ||
          (a.person.org_path < b.person.org_path ? -1 : a.person.org_path > b.person.org_path ? 1 : 0) ||
          ZH.compare(a.person.name, b.person.name),
      )
      .map(({ person }) => person.id);
    const pageSize = 25;
    const got: string[] = [];
    let total = -1;
    for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page++) {
      const qs = new URLSearchParams({ year: '2026', asOf, page: String(page), pageSize: String(pageSize) });
      if (extra.onlyShort) qs.set('onlyShort', 'true');
      if (extra.q) qs.set('q', extra.q);
      const res = await injectAs(t, orgdept, {
        method: 'GET',
        url: `/api/training/compliance?${qs.toString()}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<Report>();
      total = r.total;
      got.push(...r.items.map((i) => i.cadreId));
    }
    expect(total).toBe(expected.length);
    expect(got).toEqual(expected);
  }

  it('Fengze on 10-01: every line, and only those short', async () => {
    await compare('fengze', '2026-10-01', {});
    await compare('fengze', '2026-10-01', { onlyShort: true });
  });
  it('Fengze on 10-01 searching 等价 (the fixture), and Hongdong on 12-16 only those short', async () => {
    await compare('fengze', '2026-10-01', { q: '等价' });
    await compare('hongdong', '2026-12-16', { onlyShort: true });
  });

  it('the per-unit summary: the street of the fixture on 10-01 under Fengze, and the dashboard function', async () => {
    expect(
      (
        await injectAs(t, orgdept, {
          method: 'PUT',
          url: '/api/packs/selected',
          payload: { packId: 'fengze' },
        })
      ).statusCode,
    ).toBe(200);
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/training/compliance?orgId=${streetId}&year=2026&asOf=2026-10-01`,
    });
    const r = res.json<Report>();
    // 乙 met; 甲 (2.5 short), 丙 (0.01), 丁 (2), 戊 (12), 己 (no 专题班) short and warned on 10-01;
    // days 9.5 + 12 + 11.99 + 10 + 0 + 12.5 = 55.99, ÷ 6 = 9.33
    expect(r.units).toEqual([
      {
        orgId: streetId,
        unitName: '等价街道',
        cadres: 6,
        required: 6,
        met: 1,
        short: 5,
        warnings: 5,
        averageDays: 9.33,
      },
    ]);
    // in the system context (row-level security as for a whole-district reader)
    const rows = await asSystem(t.db, (client) =>
      trainingComplianceByUnit(client, { orgId: streetId, year: 2026, asOf: '2026-10-01' }),
    );
    expect(rows.map(({ orgPath: _p, ...u }) => u)).toEqual([
      { orgId: streetId, orgName: '等价街道', cadres: 6, required: 6, short: 5 },
    ]);
  });
});
