import { DASHBOARD_CASE_SERIES, fenToYuan, formatYuan } from '@ganbu/core';
import { packOnDate } from '../../discipline/service/common.ts';
import { scopeName, scopePred, unitPred, type DashboardScope } from './scope.ts';
import { counted, type CountedRow } from './section.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { and, bind, frag, type Frag } from './sql.ts';

/**
 * The sections that count records of other modules: the year's published annual grades (assessment), the
 * approved pay runs' amounts per unit (pay), and the workflow cases by kind and status.
 */

// ---------------------------------------------------------------- grades

/** The published annual rounds whose period ends in the year (a handful), with their grade scales. */
async function annualRounds(
  ctx: RequestContext,
  s: DashboardScope,
): Promise<{ id: string; grades: { code: string; name: string }[] | null }[]> {
  const { rows } = await ctx.client.query<{ id: string; grades: { code: string; name: string }[] | null }>(
    `SELECT r.id, r.rules -> 'gradeScale' -> 'grades' AS grades FROM assessment_rounds r
      WHERE r.state = 'published' AND r.rules -> 'scheme' ->> 'kind' = 'annual'
        AND r.period_end >= $1::date AND r.period_end < $2::date ORDER BY r.period_end, r.id`,
    [`${s.year}-01-01`, `${s.year + 1}-01-01`],
  );
  return rows;
}

/** Those rounds' cadre targets with a published final grade, in scope (by the unit at assessment time). */
const gradesBase = async (s: DashboardScope, ctx: RequestContext): Promise<Frag> =>
  and(
    frag(
      `t.round_id = ANY (?::uuid[]) AND t.cadre_id IS NOT NULL AND t.published AND t.final_grade IS NOT NULL`,
      (await annualRounds(ctx, s)).map((r) => r.id),
    ),
    scopePred('t.unit_path', s),
  );

export const gradesSection = counted({
  id: 'grades',
  chart: 'pie',
  unit: 'people',
  from: 'assessment_targets t',
  measure: 'count(*)',
  group: { alias: 't', columns: ['final_grade'] },
  base: gradesBase,
  series: () => [{ id: 'people', name: '人数', pred: null }],
  async rows(ctx, s) {
    const pack = await packOnDate(ctx.client, s.today);
    const a = pack.assessment;
    const scaleIds = new Set(
      a.schemes.filter((x) => x.kind === 'annual' && x.targetKind === 'cadre').map((x) => x.gradeScaleId),
    );
    const grades = new Map<string, string>();
    for (const scale of a.gradeScales)
      if (scaleIds.has(scale.id))
        for (const g of scale.grades) if (!grades.has(g.code)) grades.set(g.code, g.name);
    // grades of rounds made under another pack version, not in today's scale: named by their round's rules
    for (const r of await annualRounds(ctx, s))
      for (const g of r.grades ?? []) if (!grades.has(g.code)) grades.set(g.code, g.name);
    if (grades.size === 0) return null;
    return [...grades].map(([code, name]): CountedRow => ({
      key: code,
      label: name,
      pred: frag('t.final_grade = ?', code),
    }));
  },
  list: {
    join: 'JOIN assessment_rounds r ON r.id = t.round_id JOIN orgs o ON o.id = t.unit_id',
    select: `t.cadre_id::text AS id, 'cadre' AS kind, t.name, o.name AS org_name,
      concat_ws(' · ', r.name, NULLIF(t.post, '')) AS detail, '/cadres/' || t.cadre_id AS link, NULL::text AS value`,
    order: 't.unit_path, t.name, t.id',
  },
  explain: (s, rows, values) =>
    `${scopeName(s)}在 ${s.year} 年已公布的年度考核（考核期止于 ${s.year} 年、已公布的轮次中以干部为对象的最终等次；等次名称取自政策包的等次表）：` +
    `${rows.map((r, i) => `${r.label} ${values[i]?.[0] ?? 0} 人`).join('，')}。按考核时所在单位统计。`,
});

// ---------------------------------------------------------------- pay

const payBase = (s: DashboardScope): Frag =>
  and(frag(`r.state IN ('approved', 'paid') AND r.period = ?`, String(s.year)), scopePred('l.unit_path', s));

export const paySection = counted({
  id: 'pay',
  chart: 'bar',
  unit: 'yuan',
  from: 'pay_lines l JOIN pay_runs r ON r.id = l.run_id',
  measure: 'sum(l.amount_fen)',
  group: { alias: 'l', columns: ['unit_path'] },
  scale: fenToYuan,
  base: payBase,
  series: () => [{ id: 'amount', name: '发放金额（元）', pred: null }],
  async rows(_ctx, s) {
    return s.rowUnits.map((u) => ({
      key: u.key,
      label: u.name,
      pred: unitPred('l.unit_path', u),
      hideWhenEmpty: u.exact || !u.active,
    }));
  },
  list: {
    join: '',
    select: `l.id::text AS id, 'record' AS kind, l.name, l.unit_name AS org_name,
      r.name || ' · ' || trim(to_char(l.amount_fen / 100.0, '999,999,999,990.00')) || ' 元' AS detail,
      '/pay/runs/' || r.id AS link, (l.amount_fen / 100.0)::text AS value`,
    order: 'l.unit_path, l.name, r.name, l.id',
  },
  explain: (s, rows, values) => {
    const sum = values.reduce((n, v) => n + Math.round((v[0] ?? 0) * 100), 0);
    return (
      `${scopeName(s)}在 ${s.year} 年度已审批（含已发放）的经济激励核算中的发放金额，按干部核算时所在单位汇总（下级单位含其所属单位），` +
      `合计 ${formatYuan(sum)}：${rows.map((r, i) => `${r.label} ${formatYuan(Math.round((values[i]?.[0] ?? 0) * 100))}`).join('，')}。`
    );
  },
});

// ---------------------------------------------------------------- cases

const casesBase = (s: DashboardScope): Frag =>
  and(
    scopePred('k.org_path', s),
    frag('k.opened_at >= ?::timestamptz AND k.opened_at < ?::timestamptz', s.yearStart, s.yearEnd),
  );

const caseSeries = (s: DashboardScope) => {
  const preds: Record<(typeof DASHBOARD_CASE_SERIES)[number]['id'], Frag> = {
    open: frag(`k.status = 'open' AND (k.due_on IS NULL OR k.due_on >= ?::date)`, s.today),
    overdue: frag(`k.status = 'open' AND k.due_on < ?::date`, s.today),
    done: frag(`k.status <> 'open'`),
  };
  return DASHBOARD_CASE_SERIES.map((x) => ({ id: x.id, name: x.name, pred: preds[x.id] }));
};

export const casesSection = counted({
  id: 'cases',
  chart: 'stackedBar',
  unit: 'count',
  from: 'cases k',
  measure: 'count(*)',
  base: casesBase,
  series: caseSeries,
  async rows(ctx, s) {
    const params: unknown[] = [];
    const where = bind(casesBase(s), params);
    const { rows } = await ctx.client.query<{ kind: string; name: string | null }>(
      `SELECT k.kind, max(k.definition ->> 'name') AS name FROM cases k WHERE ${where} GROUP BY k.kind ORDER BY k.kind`,
      params,
    );
    if (rows.length === 0) return null;
    return rows.map((r) => ({ key: r.kind, label: r.name ?? r.kind, pred: frag('k.kind = ?', r.kind) }));
  },
  list: {
    join: 'JOIN orgs o ON o.id = k.org_id',
    select: `k.id::text AS id, 'record' AS kind, k.title AS name, o.name AS org_name,
      concat_ws(' · ', to_char(k.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') || ' 发起',
        CASE k.status WHEN 'open' THEN '办理中' WHEN 'done' THEN '已办结' WHEN 'rejected' THEN '未通过' ELSE '已撤回' END,
        CASE WHEN k.due_on IS NOT NULL AND k.status = 'open' THEN '期限 ' || k.due_on END) AS detail,
      COALESCE(k.link, '/inbox/cases/' || k.id) AS link, NULL::text AS value`,
    order: 'k.opened_at, k.id',
  },
  explain: (s, rows, values) =>
    `${scopeName(s)}在 ${s.year} 年发起的流程事项（您有权查看的），按类型与状态统计：办理中为未办结且当前环节未超过办理期限，已超期为未办结且当前环节期限早于 ${s.today}，已办结含通过、未通过与撤回。` +
    rows
      .map((r, i) => {
        const v = values[i] ?? [];
        return `${r.label}：办理中 ${v[0] ?? 0}，已超期 ${v[1] ?? 0}，已办结 ${v[2] ?? 0}`;
      })
      .join('；') +
    '。',
});
