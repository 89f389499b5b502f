import {
  checkNewFiling,
  type RiskFiling,
  type RiskFilingCreateInput,
  type RiskFilingListQuery,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import * as repo from '../repository/filings.ts';
import { refuse, todayOf } from './common.ts';

/** 改革创新风险报备: a unit files its project before work starts; the filing date is the server's today. */

export async function listFilings(ctx: RequestContext, q: RiskFilingListQuery) {
  const page = await repo.listFilings(ctx.client, {
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  await ctx.audit({
    action: 'risk_filing.list',
    objectType: 'risk_filing',
    after: { ids: page.items.map((f) => f.id) },
  });
  return page;
}

export async function createFiling(ctx: RequestContext, input: RiskFilingCreateInput): Promise<RiskFiling> {
  const today = todayOf(ctx);
  refuse(checkNewFiling(input.workStartsOn, today));
  const org = await repo.findOrg(ctx.client, input.orgId ?? ctx.actor?.orgId ?? '');
  if (!org) throw notFound('单位');
  const id = await repo.insertFiling(ctx.client, {
    orgId: org.id,
    orgPath: org.path,
    project: input.project.trim(),
    risks: input.risks.trim(),
    measures: input.measures.trim(),
    workStartsOn: input.workStartsOn,
    filedOn: today,
    filedBy: ctx.actor?.userId ?? null,
  });
  const filing = await repo.findFiling(ctx.client, id);
  if (!filing) throw notFound('风险报备');
  await ctx.audit({ action: 'risk_filing.create', objectType: 'risk_filing', objectId: id, after: filing });
  return filing;
}
