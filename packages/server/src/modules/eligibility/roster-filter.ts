import type { RequestContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { eligibilityOf } from './service.ts';

/** per request: the roster export asks page after page with the same filter */
const asked = new WeakMap<RequestContext, Map<string, string[]>>();

/**
 * The roster's 可提拔 filter: the ids of the cadres in scope the engine finds NOT eligible for promotion on
 * `date` (the roster leaves them out). Only the roles that read discipline records may filter by it — the
 * answer would otherwise tell, by omission, who is under a discipline effect. Audited once per request.
 */
export async function notPromotable(ctx: RequestContext, date: string): Promise<string[]> {
  const actor = ctx.actor;
  if (!actor?.roles.some((r) => r === 'orgdept' || r === 'discipline'))
    throw forbidden('只有组织部和纪检联络可以按“可提拔”筛选');
  let byDate = asked.get(ctx);
  const known = byDate?.get(date);
  if (known) return known;
  const answers = await eligibilityOf(ctx.client, null, date, 'promotion');
  const ids = [...answers].filter(([, a]) => !a.eligible).map(([id]) => id);
  if (!byDate) asked.set(ctx, (byDate = new Map<string, string[]>()));
  byDate.set(date, ids);
  await ctx.audit({
    action: 'eligibility.read',
    objectType: 'cadre',
    after: { filter: 'promotion', date, notEligible: ids.length },
  });
  return ids;
}
