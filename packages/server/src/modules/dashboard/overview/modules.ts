import type { CareCoverage, DashboardRow } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { healthCoverage } from '../../care/health/coverage.ts';
import { leaveCoverage } from '../../care/leave/coverage.ts';
import { talkCoverage } from '../../care/talks/coverage.ts';
import { packOnDate } from '../../discipline/service/common.ts';
import { listPeople } from '../../selection/indicators/repository.ts';
import { listIndicators } from '../../selection/indicators/service.ts';
import { compliance, complianceSummary } from '../../training/programmes/service.ts';
import { scopeName, type DashboardScope, type RowUnit } from './scope.ts';
import { scopeTitle, unknownKey, type SectionImpl } from './section.ts';

/**
 * The sections another module computes: the structure indicators (selection), training compliance
 * (training) and care coverage (care). Each is asked as its own page asks it, so the figures are that
 * page's figures; the drill-down lists what that module lists for the figure.
 */

// ---------------------------------------------------------------- structure

export const structureSection: SectionImpl = {
  id: 'structure',
  async build(ctx, s) {
    const list = await listIndicators(ctx, { orgId: s.org.id, asOf: s.today });
    if (list.items.length === 0) return null;
    const shares = list.items.every((i) => i.target.measure === 'share');
    const counts = list.items.every((i) => i.target.measure === 'count');
    return {
      id: 'structure',
      chart: 'bar',
      unit: shares ? 'percent' : counts ? 'people' : 'count',
      series: [{ id: 'value', name: '实际值' }],
      rows: list.items.map((i): DashboardRow => ({
        key: i.id,
        label: i.name,
        values: [i.value],
        target: i.target.measure === 'share' ? i.target.percent : i.target.count,
        drill: { section: 'structure', key: i.id },
        rosterQuery: {
          orgId: s.org.id,
          indicator: i.id,
          indicatorPart: 'numerator',
          indicatorAsOf: s.today,
        },
      })),
      explanation:
        `${s.org.name}的结构指标，按 ${s.today} 在用的政策包“${list.packName}”（${list.effectiveFrom} 起施行）计算：` +
        list.items
          .map(
            (i) =>
              `${i.name} ${i.valueText}，目标 ${i.targetText}（${i.sourceText}）${i.met === null ? '' : i.met ? '，已达到' : `，未达到，差 ${i.gap} 人`}`,
          )
          .join('；') +
        '。下钻列出符合条件（分子）的人员。',
    };
  },
  async drill(ctx, s, ask) {
    const pack = await packOnDate(ctx.client, s.today);
    const ind = pack.selection?.indicators.find((i) => i.id === ask.key);
    if (!ind) throw unknownKey();
    if (ask.series !== undefined && ask.series !== 'value') throw unknownKey();
    const page = await listPeople(ctx.client, {
      path: s.org.path,
      population: ind.population,
      numerator: ind.numerator,
      part: 'numerator',
      asOf: s.today,
      limit: ask.page?.limit ?? 1_000_000,
      offset: ask.page?.offset ?? 0,
    });
    return {
      title: `${s.org.name} · ${ind.name}`,
      total: page.total,
      items: page.items.map((p) => ({
        id: p.cadreId,
        kind: 'cadre',
        name: p.name,
        orgName: p.orgName,
        detail: [p.postTitle, p.rank].filter(Boolean).join(' · '),
        link: `/cadres/${p.cadreId}`,
        value: null,
      })),
    };
  },
};

// ---------------------------------------------------------------- training

/** The units' paths, for summing per-unit figures into the dashboard's rows. */
async function pathsOf(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await ctx.client.query<{ id: string; path: string }>(
    'SELECT id, path::text AS path FROM orgs WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.path]));
}

const inRow = (u: RowUnit, path: string) =>
  u.exact ? path === u.path : path === u.path || path.startsWith(`${u.path}.`);

/** The roots asked: the dashboard's unit, or each of a leader's linked units. */
const roots = (s: DashboardScope) => (s.linked ? s.rowUnits.map((u) => u.orgId) : [s.org.id]);

export const trainingSection: SectionImpl = {
  id: 'training',
  async build(ctx, s) {
    const reports = [];
    for (const orgId of roots(s)) reports.push(await complianceSummary(ctx, { orgId, year: s.year }));
    const first = reports[0];
    if (!first || first.requirements.length === 0) return null;
    const units = reports.flatMap((r) => r.units);
    const paths = await pathsOf(
      ctx,
      units.map((u) => u.orgId),
    );
    const rows: DashboardRow[] = [];
    for (const u of s.rowUnits) {
      let met = 0;
      let short = 0;
      for (const x of units) {
        const p = paths.get(x.orgId);
        if (p && inRow(u, p)) {
          met += x.met;
          short += x.short;
        }
      }
      if ((u.exact || !u.active) && met + short === 0) continue;
      rows.push({
        key: u.key,
        label: u.name,
        values: [met, short],
        target: null,
        // the training module lists those short of a requirement over a subtree
        drill: u.exact ? null : { section: 'training', key: u.key, series: 'short' },
        rosterQuery: null,
      });
    }
    const met = rows.reduce((n, r) => n + (r.values[0] ?? 0), 0);
    const short = rows.reduce((n, r) => n + (r.values[1] ?? 0), 0);
    return {
      id: 'training',
      chart: 'stackedBar',
      unit: 'people',
      series: [
        { id: 'met', name: '已达标' },
        { id: 'short', name: '未达标' },
      ],
      rows,
      explanation:
        `${scopeName(s)}干部 ${s.year} 年教育培训达标情况（按“${first.packName}”的培训要求，判断日 ${first.asOf}；只计有培训要求适用的干部）：` +
        `已达标 ${met} 人，未达标 ${short} 人。要求：${first.requirements.map((r) => r.text).join('；')}。下钻列出未达标的干部。`,
    };
  },
  async drill(ctx, s, ask) {
    const u = s.rowUnits.find((x) => x.key === ask.key && !x.exact);
    if (!u || (ask.series !== undefined && ask.series !== 'short')) throw unknownKey();
    const limit = ask.page?.limit ?? 200;
    const items = [];
    let total = 0;
    // the export walks every page of the training module's list
    for (let page = ask.page ? Math.floor(ask.page.offset / limit) + 1 : 1; ; page++) {
      const r = await compliance(ctx, {
        orgId: u.orgId,
        year: s.year,
        onlyShort: true,
        page,
        pageSize: limit,
      });
      total = r.total;
      items.push(
        ...r.items.map((l) => ({
          id: l.cadreId,
          kind: 'cadre' as const,
          name: l.cadreName,
          orgName: l.unitName,
          detail: `已参训 ${l.days} 天${l.required === null ? '' : `，应 ${l.required} 天，差 ${l.shortfall} 天`}`,
          link: `/cadres/${l.cadreId}`,
          value: null,
        })),
      );
      if (ask.page || page * limit >= r.total) break;
    }
    return { title: `${scopeTitle(s)} · ${u.name} · 培训未达标`, total, items };
  },
};

// ---------------------------------------------------------------- care

const CARE_KINDS = [
  { id: 'health', name: '健康体检', of: healthCoverage },
  { id: 'talk', name: '谈心谈话', of: talkCoverage },
  { id: 'leave', name: '年休假', of: leaveCoverage },
] as const;

export const careSection: SectionImpl = {
  id: 'care',
  async build(ctx, s) {
    // per kind: the coverage rows of the dashboard's unit, or each linked unit's total
    const byKind: { kind: (typeof CARE_KINDS)[number]; answers: CareCoverage[] }[] = [];
    for (const kind of CARE_KINDS) {
      const answers: CareCoverage[] = [];
      for (const orgId of roots(s)) answers.push(await kind.of(ctx, { year: s.year, orgId }));
      byKind.push({ kind, answers });
    }
    const cell = (answers: CareCoverage[], u: RowUnit) => {
      if (s.linked) return answers.find((a) => a.orgId === u.orgId)?.total ?? null;
      const want = u.exact ? null : u.orgId;
      return answers[0]?.rows.find((r) => r.orgId === want) ?? null;
    };
    const rows: DashboardRow[] = [];
    for (const u of s.rowUnits) {
      const cells = byKind.map(({ answers }) => cell(answers, u));
      if (cells.every((c) => !c || c.planned === 0)) continue;
      rows.push({
        key: u.key,
        label: u.name,
        values: cells.map((c) => c?.rate ?? null),
        target: null,
        drill: null,
        rosterQuery: null,
      });
    }
    return {
      id: 'care',
      chart: 'bar',
      unit: 'percent',
      series: CARE_KINDS.map((k) => ({ id: k.id, name: k.name })),
      rows,
      explanation:
        `${scopeName(s)} ${s.year} 年关心关爱覆盖率（已完成 ÷ 应完成，按关心关爱模块的覆盖统计）：` +
        byKind
          .map(({ kind, answers }) => {
            const planned = answers.reduce((n, a) => n + a.total.planned, 0);
            const done = answers.reduce((n, a) => n + a.total.done, 0);
            return `${kind.name} ${done}/${planned}（${answers[0]?.explanation ?? ''}）`;
          })
          .join('；') +
        '。名单请在关心关爱的覆盖情况页查看。',
    };
  },
  async drill() {
    throw unknownKey();
  },
};
