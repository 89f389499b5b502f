import { chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { createPosting, updatePosting } from './service.ts';

/**
 * The demo district's practice postings (实战历练): the second cadre of the first four departments, sent by
 * 组织部 to 攻坚一线 or 巡察 in the last two years (the end from the pack's months), the first one ended with
 * its outcome recorded. Made through the service as the orgdept account (audited).
 */
export async function seedDemoPractice(ctx: DemoSeedContext): Promise<void> {
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!orgdept) return;
  const year = Number(chinaToday(ctx.now).slice(0, 4));
  const departments = ctx.district.orgs.filter((o) => o.kind === 'department').slice(0, 4);
  const plan = [
    { kind: 'frontline', post: '城中村改造征迁攻坚组副组长', startedOn: `${year - 1}-03-01` },
    { kind: 'inspection_tour', post: '区委第二巡察组组员', startedOn: `${year}-03-01` },
    { kind: 'frontline', post: '重点项目征地攻坚组组员', startedOn: `${year}-06-01` },
    { kind: 'inspection_tour', post: '区委第一巡察组副组长', startedOn: `${year}-09-01` },
  ];
  const as = demoRequestContext(ctx, orgdept);
  await setScope(ctx.client, orgdept);
  try {
    for (const [i, dept] of departments.entries()) {
      const cadreId = ctx.cadreIds.get(`${dept.key}#2`);
      const p = plan[i];
      if (!cadreId || !p) continue;
      const posting = await createPosting(as, { cadreId, ...p });
      if (i === 0)
        await updatePosting(as, posting.id, {
          outcome: { rating: 'excellent', note: '牵头完成征迁签约 126 户，提前两个月清零' },
        });
    }
  } finally {
    await setSystemScope(ctx.client);
  }
}
