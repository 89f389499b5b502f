import { annualEntitlement, coverageRate, type CareCoverage, type CareCoverageQuery } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import * as repo from './repository.ts';
import { leaveRules } from './service.ts';

/**
 * The `leave` kind of GET /api/care/coverage (R-CARE-2): per direct child unit (over its subtree) and the
 * unit's own people, the days of paid annual leave the active cadres are entitled to in the year (planned;
 * a cadre without 参加工作时间 counts 0) and the annual days taken (done; days counted against it).
 */
export async function leaveCoverage(
  ctx: RequestContext,
  q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  const rules = await leaveRules(ctx);
  const org = q.orgId ? await repo.findOrg(ctx.client, q.orgId) : await repo.scopeRoot(ctx.client);
  if (!org) throw notFound('单位');
  const children = await repo.childUnits(ctx.client, org.id);
  const groups = await repo.leaveByChild(ctx.client, org.path, q.year);
  const sums = new Map<string | null, { planned: number; done: number; people: number }>();
  let missing = 0;
  for (const g of groups) {
    const ent = annualEntitlement(g.work_start_date, q.year, rules.leave, rules.cite);
    if (ent.days === null) missing += g.people;
    const s = sums.get(g.child) ?? { planned: 0, done: 0, people: 0 };
    s.planned += (ent.days ?? 0) * g.people;
    s.done += g.taken;
    s.people += g.people;
    sums.set(g.child, s);
  }
  const row = (orgId: string | null, orgName: string, key: string | null) => {
    const s = sums.get(key) ?? { planned: 0, done: 0, people: 0 };
    return { orgId, orgName, planned: s.planned, done: s.done, rate: coverageRate(s.done, s.planned) };
  };
  const rows = children.map((c) => row(c.id, c.name, c.path));
  if (sums.has(null)) rows.push(row(null, `${org.name}（本级）`, null));
  // people under a child unit that is inactive or not visible still count in the total
  const planned = [...sums.values()].reduce((n, s) => n + s.planned, 0);
  const done = [...sums.values()].reduce((n, s) => n + s.done, 0);
  const steps = rules.leave.annual.map((s) => `满${s.minYears}年${s.days}天`).join('、');
  return {
    kind: 'leave',
    year: q.year,
    orgId: org.id,
    orgName: org.name,
    rows,
    total: { planned, done, rate: coverageRate(done, planned) },
    explanation:
      `应休：在职干部按参加工作年限（截至 ${q.year}-01-01）享有的年休假天数之和（${rules.pack.name}：${steps}` +
      `${rules.cite ? `，${rules.cite}` : ''}）；已休：${q.year} 年登记的年休假天数` +
      `${rules.leave.recuperation && !rules.leave.recuperation.countsAgainstAnnual ? '（疗休养不计入）' : ''}` +
      `${missing > 0 ? `；${missing} 人未填写参加工作时间，按 0 天计` : ''}`,
  };
}
