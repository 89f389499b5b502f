import { chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';

/**
 * The demo district's health checks and support (the Fengze pack: everyone yearly), made as the product
 * makes them: 组织部 designates the `careofficer` account as 关爱专员; each unit records this year's checks of
 * most of its people on one day (four in five, the rest still due — the first street keeps a few for the
 * journey to mark), some with a follow-up (复查); and the demo cadre asks the officer for support.
 */
export async function seedDemoHealth(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  const officer = await demoActor(ctx, 'careofficer');
  const cadre = await demoActor(ctx, 'cadre');
  if (!orgdept) return;
  const as = demoRequestContext(ctx, orgdept);
  const year = Number(chinaToday(ctx.now).slice(0, 4));
  try {
    await setScope(client, orgdept);
    const list = await service.listChecks(as, { year, page: 1, pageSize: 500, state: 'due' });
    const plan = list.plans[0];
    let officerId: string | null = null;
    if (officer) officerId = (await service.designateOfficer(as, { username: 'careofficer' })).id;
    if (plan) {
      // every due person (all pages), grouped by unit
      const due: { cadreId: string; orgId: string }[] = [];
      for (let page = 1; ; page++) {
        const p = await service.listChecks(as, { year, page, pageSize: 500, state: 'due' });
        due.push(...p.items.map((r) => ({ cadreId: r.cadreId, orgId: r.orgId })));
        if (page * 500 >= p.total) break;
      }
      const byUnit = new Map<string, string[]>();
      for (const d of due) byUnit.set(d.orgId, [...(byUnit.get(d.orgId) ?? []), d.cadreId]);
      let u = 0;
      for (const ids of byUnit.values()) {
        // four in five of each unit, on a day of the spring or summer (month 3 to 9 by the unit's turn)
        const done = ids.filter((_, i) => i % 5 !== 4);
        if (!done.length) continue;
        const month = String(3 + (u % 7)).padStart(2, '0');
        const day = String(5 + (u % 20)).padStart(2, '0');
        u++;
        for (let i = 0; i < done.length; i += 500)
          await service.markChecks(as, {
            planId: plan.id,
            doneOn: `${year}-${month}-${day}`,
            cadreIds: done.slice(i, i + 500),
          });
      }
      // a follow-up for one in nine of the checks done (what follow-up, never a result)
      const checked = await service.listChecks(as, { year, page: 1, pageSize: 500, state: 'done' });
      for (const [i, r] of checked.items.entries())
        if (r.checkId && (i % 9 === 3 || r.cadreId === cadre?.cadreId))
          await service.updateCheck(as, r.checkId, {
            doneOn: r.doneOn ?? `${year}-06-01`,
            followUp: true,
            followUpNote: i % 2 ? '三个月后复查' : '建议专科复诊',
          });
    }
    if (cadre?.cadreId && officerId) {
      await setScope(client, cadre);
      await service.fileSupport(demoRequestContext(ctx, cadre), {
        officerId,
        category: 'work_stress',
        body: '近期任务较重，经常加班到深夜，睡眠不好，希望能和关爱专员聊一聊如何调整。',
      });
    }
  } finally {
    await setSystemScope(client);
  }
}
