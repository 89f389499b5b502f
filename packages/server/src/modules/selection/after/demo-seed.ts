import { addMonths, chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';

/**
 * The demo district's after-appointment register, made as 组织部 makes it (the district runs the Fengze pack),
 * dated from today: reviews of appointments made elsewhere — one overdue, one due next month, one later, one
 * found 胜任 and one 不胜任 with its 回炉锻造 measure — and this year's batch of 挂职 from district departments to
 * townships and streets.
 */
export async function seedDemoAfter(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!orgdept) return;
  const as = demoRequestContext(ctx, orgdept);
  const today = chinaToday(ctx.now);
  const orgsOf = (kind: string) => ctx.district.orgs.filter((o) => o.kind === kind);
  // a unit's cadres past its principal (the first), by generator key
  const cadresOf = (orgKey: string) =>
    ctx.district.cadres
      .filter((c) => c.orgKey === orgKey)
      .slice(1)
      .map((c) => ({ id: ctx.cadreIds.get(c.key), postTitle: c.postTitle }))
      .filter((c): c is { id: string; postTitle: string } => c.id !== undefined);
  const streets = orgsOf('street');
  const townships = orgsOf('township');
  const departments = orgsOf('department');
  // the reviews: cadres of the second and third street (the first holds the demo cadre's account)
  const reviewed = [...cadresOf(streets[1]?.key ?? ''), ...cadresOf(streets[2]?.key ?? '')];
  try {
    await setScope(client, orgdept);
    const schedule = async (i: number, monthsAgo: number) => {
      const c = reviewed[i];
      if (!c) return null;
      return service.createPostReview(as, {
        cadreId: c.id,
        postTitle: c.postTitle,
        appointedOn: addMonths(today, -monthsAgo),
      });
    };
    await schedule(0, 13); // overdue a month
    await schedule(1, 11); // due next month
    await schedule(2, 5); // due in seven months
    const fit = await schedule(3, 14);
    if (fit)
      await service.decidePostReview(as, fit.id, {
        outcome: 'fit',
        note: '履职尽责，群众认可',
        decidedOn: addMonths(today, -2),
      });
    const unfit = await schedule(4, 12);
    if (unfit)
      await service.decidePostReview(as, unfit.id, {
        outcome: 'unfit',
        note: '工作推进不力，民主测评不称职票较多',
        decidedOn: addMonths(today, -1),
        measure: { measureId: 'retrain', reason: '任后评估不胜任', startOn: addMonths(today, -1) },
      });

    // 挂职: two cadres of each of the first three departments, to townships and streets, from 1 March
    const year = Number(today.slice(0, 4));
    const start = `${year}-03-01` <= today ? `${year}-03-01` : today;
    const hosts = [...townships.slice(0, 3), ...streets.slice(3, 6)];
    const postings = departments
      .slice(0, 3)
      .flatMap((d) => cadresOf(d.key).slice(0, 2))
      .map((c, i) => {
        const host = hosts[i % Math.max(hosts.length, 1)];
        const hostOrgId = host ? ctx.orgIds.get(host.key) : undefined;
        return hostOrgId
          ? { cadreId: c.id, hostOrgId, hostPost: host?.kind === 'township' ? '挂职副镇长' : '挂职副主任' }
          : null;
      })
      .filter((p): p is { cadreId: string; hostOrgId: string; hostPost: string } => p !== null);
    if (postings.length)
      await service.createBatch(as, ctx.cipher, {
        batchYear: year,
        kindId: 'secondment',
        startOn: start,
        postings,
      });
  } finally {
    await setSystemScope(client);
  }
}
