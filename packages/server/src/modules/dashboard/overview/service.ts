import type {
  Dashboard,
  DashboardDrillExportQuery,
  DashboardDrillList,
  DashboardDrillQuery,
  DashboardExportQuery,
  DashboardQuery,
  DashboardSection,
  DashboardSectionId,
} from '@ganbu/core';
import { performance } from 'node:perf_hooks';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { spoolToTempFile } from '../../../platform/spool.ts';
import { burdenSection } from './burden.ts';
import { careSection, structureSection, trainingSection } from './modules.ts';
import { ageSection, categorySection, educationSection, genderSection, headcountSection } from './people.ts';
import { casesSection, gradesSection, paySection } from './records.ts';
import { resolveScope, type DashboardScope } from './scope.ts';
import type { SectionImpl } from './section.ts';
import { writeDrillWorkbook, writeSectionWorkbook } from './workbook.ts';

/**
 * 数据看板 (R-RPT-1/2): the sections of a level's dashboard, each timed, in the caller's transaction (row-level
 * security bounds every figure); the drill-down lists exactly what a figure counted; both export to Excel.
 */
const SECTIONS: SectionImpl[] = [
  headcountSection,
  structureSection,
  ageSection,
  educationSection,
  genderSection,
  categorySection,
  gradesSection,
  paySection,
  trainingSection,
  burdenSection,
  careSection,
  casesSection,
];

function sectionOf(id: DashboardSectionId): SectionImpl {
  const impl = SECTIONS.find((x) => x.id === id);
  if (!impl) throw new AppError(404, 'DASHBOARD_SECTION_ABSENT', `看板暂无“${id}”这一部分`);
  return impl;
}

async function timed(
  ctx: RequestContext,
  s: DashboardScope,
  impl: SectionImpl,
): Promise<DashboardSection | null> {
  const t0 = performance.now();
  const body = await impl.build(ctx, s);
  return body ? { ...body, queryMs: Math.round((performance.now() - t0) * 10) / 10 } : null;
}

/** One level's dashboard; every section that applies, in display order. */
export async function getDashboard(ctx: RequestContext, q: DashboardQuery): Promise<Dashboard> {
  const s = await resolveScope(ctx, q);
  const only = q.sections?.split(',');
  const sections: DashboardSection[] = [];
  for (const impl of SECTIONS) {
    if (only && !only.includes(impl.id)) continue;
    const section = await timed(ctx, s, impl);
    if (section) sections.push(section);
  }
  return {
    level: s.level,
    year: s.year,
    org: { id: s.org.id, name: s.org.name, kind: s.org.kind },
    units: s.units,
    sections,
  };
}

/** The people or records one figure counted, one page; an audited read (it lists names). */
export async function drill(ctx: RequestContext, q: DashboardDrillQuery): Promise<DashboardDrillList> {
  const s = await resolveScope(ctx, q);
  const list = await sectionOf(q.section).drill(ctx, s, {
    key: q.key,
    series: q.series,
    page: { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  });
  await ctx.audit({
    action: 'dashboard.drill',
    objectType: 'dashboard',
    objectId: null,
    after: {
      query: { ...q, orgId: s.org.id, level: s.level, year: s.year },
      ids: list.items.map((i) => i.id),
    },
  });
  return list;
}

/** 导出: the table behind one section's chart; audited. */
export async function exportSection(ctx: RequestContext, q: DashboardExportQuery) {
  const s = await resolveScope(ctx, q);
  const section = await timed(ctx, s, sectionOf(q.section));
  if (!section) throw new AppError(404, 'DASHBOARD_SECTION_ABSENT', '看板的这一部分在所选单位和年度没有数据');
  const body = await spoolToTempFile((out) => writeSectionWorkbook(s, section, out));
  await ctx.audit({
    action: 'dashboard.export',
    objectType: 'dashboard',
    objectId: null,
    after: { query: { ...q, orgId: s.org.id, level: s.level, year: s.year }, rows: section.rows.length },
  });
  return { name: `${s.org.name}-${s.year}-${q.section}`, body };
}

/** 导出名单: every item of a drill list; audited with the ids exported. */
export async function exportDrill(ctx: RequestContext, q: DashboardDrillExportQuery) {
  const s = await resolveScope(ctx, q);
  const list = await sectionOf(q.section).drill(ctx, s, { key: q.key, series: q.series, page: null });
  const body = await spoolToTempFile((out) => writeDrillWorkbook(list, out));
  await ctx.audit({
    action: 'dashboard.drill.export',
    objectType: 'dashboard',
    objectId: null,
    after: {
      query: { ...q, orgId: s.org.id, level: s.level, year: s.year },
      ids: list.items.map((i) => i.id),
    },
  });
  return { name: list.title.replace(/[\\/:*?"<>|]/g, '_'), body };
}
