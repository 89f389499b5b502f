import {
  ageBandFilter,
  CADRE_CATEGORIES,
  CATEGORY_LABELS,
  CadreListQuerySchema,
  DASHBOARD_AGE_BANDS,
  DASHBOARD_GENDER_LABELS,
  GENDERS,
  type CadreListQuery,
} from '@ganbu/core';
import { rosterWhere } from '../../cadre/repository.ts';
import { scopeName, scopePred, unitPred, type DashboardScope } from './scope.ts';
import { counted, type CountedRow, type CountedSpec, type SectionImpl } from './section.ts';
import { and, bind, frag, fromDollar, type Frag } from './sql.ts';

/**
 * The sections that count cadres (headcount per unit; age, education, gender and category distributions):
 * active cadres of the scope. A distribution's row is a roster filter (GET /api/cadres with `orgId` and the
 * band's filter): its predicate is the roster's own WHERE clause, so the figure, the drill-down and
 * "在名册中查看" are the same people.
 */

const PEOPLE_LIST = {
  join: 'JOIN orgs o ON o.id = c.org_id',
  select: `c.id::text AS id, 'cadre' AS kind, c.name, o.name AS org_name,
    concat_ws(' · ', NULLIF(c.post_title, ''), NULLIF(c.rank, '')) AS detail,
    '/cadres/' || c.id AS link, NULL::text AS value`,
  order: 'c.org_path, c.name, c.id',
};

const BASE = (s: DashboardScope): Frag => and(frag('c.deactivated_at IS NULL'), scopePred('c.org_path', s));

const ONE_SERIES = [{ id: 'people', name: '人数', pred: null }];

/** The roster's WHERE for these filters under the dashboard's unit (the roster's `orgId`). */
function rosterRow(
  s: DashboardScope,
  key: string,
  label: string,
  filter: Partial<CadreListQuery>,
): CountedRow {
  const query = CadreListQuerySchema.parse({
    ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])),
    ...(s.linked ? {} : { orgId: s.org.id }),
  });
  const where = rosterWhere(query, s.today);
  return {
    key,
    label,
    pred: fromDollar(where.sql.replace(/^WHERE /, ''), where.params),
    // a leader's linked units are several subtrees: the roster's one `orgId` cannot select them
    rosterQuery: s.linked ? null : { orgId: s.org.id, ...filter },
  };
}

const people = (
  spec: Pick<CountedSpec, 'id' | 'chart' | 'rows' | 'explain'> & Partial<CountedSpec>,
): SectionImpl =>
  counted({
    unit: 'people',
    from: 'cadres c',
    measure: 'count(*)',
    base: BASE,
    series: () => ONE_SERIES,
    list: PEOPLE_LIST,
    ...spec,
  });

const listing = (rows: CountedRow[], values: number[][]) =>
  rows.map((r, i) => `${r.label} ${values[i]?.[0] ?? 0} 人`).join('，');

const total = (values: number[][]) => values.reduce((n, v) => n + (v[0] ?? 0), 0);

export const headcountSection = people({
  id: 'headcount',
  group: { alias: 'c', columns: ['org_path', 'deactivated_at'] },
  chart: 'bar',
  async rows(_ctx, s) {
    return s.rowUnits.map((u) => ({
      key: u.key,
      label: u.name,
      pred: unitPred('c.org_path', u),
      rosterQuery: u.exact ? null : { orgId: u.orgId },
      hideWhenEmpty: u.exact || !u.active,
    }));
  },
  explain: (s, rows, values) =>
    `${scopeName(s)}在职干部（干部名册中未停用的记录，按所在单位统计，下级单位含其所属单位）共 ${total(values)} 人：${listing(rows, values)}。`,
});

export const ageSection = people({
  id: 'age',
  chart: 'bar',
  async rows(_ctx, s) {
    return DASHBOARD_AGE_BANDS.map((b) => rosterRow(s, b.id, b.label, ageBandFilter(b)));
  },
  explain: (s, rows, values) =>
    `${scopeName(s)}在职干部按 ${s.today} 的周岁年龄分段（出生年月只到月的按当月1日计，与干部名册的年龄筛选相同）：${listing(rows, values)}；未填写出生日期的不计入。`,
});

export const genderSection = people({
  id: 'gender',
  chart: 'pie',
  async rows(_ctx, s) {
    return GENDERS.map((g) => rosterRow(s, g, DASHBOARD_GENDER_LABELS[g], { gender: g }));
  },
  explain: (s, rows, values) => `${scopeName(s)}在职干部按性别统计：${listing(rows, values)}。`,
});

export const categorySection = people({
  id: 'category',
  chart: 'pie',
  async rows(_ctx, s) {
    return [
      ...CADRE_CATEGORIES.map((c) => rosterRow(s, c, CATEGORY_LABELS[c], { category: c })),
      {
        key: 'none',
        label: '未填写',
        pred: frag('c.category IS NULL'),
        rosterQuery: null,
        hideWhenEmpty: true,
      },
    ];
  },
  explain: (s, rows, values) => `${scopeName(s)}在职干部按人员类别统计：${listing(rows, values)}。`,
});

/** The values of 全日制学历 found in the scope, most frequent first (one index-only pass). */
async function educations(ctx: Parameters<CountedSpec['rows']>[0], s: DashboardScope): Promise<string[]> {
  const params: unknown[] = [];
  const where = bind(BASE(s), params);
  const { rows } = await ctx.client.query<{ education: string }>(
    `SELECT COALESCE(c.education, '') AS education FROM cadres c WHERE ${where}
      GROUP BY 1 ORDER BY count(*) DESC, 1`,
    params,
  );
  return rows.map((r) => r.education);
}

export const educationSection = people({
  id: 'education',
  chart: 'bar',
  async rows(ctx, s) {
    return (await educations(ctx, s)).map((e) =>
      e === ''
        ? { key: '-', label: '未填写', pred: frag(`COALESCE(c.education, '') = ''`), rosterQuery: null }
        : e.length > 30 // longer than the roster's filter takes
          ? { key: e.slice(0, 100), label: e, pred: frag('c.education = ?', e), rosterQuery: null }
          : rosterRow(s, e, e, { education: e }),
    );
  },
  explain: (s, rows, values) =>
    `${scopeName(s)}在职干部按全日制学历（干部名册“全日制教育”的学历）统计：${listing(rows, values)}。`,
});
