import type { DemoSeedContext } from '../../../demo/context.ts';
import { practicePolicy } from '../practice/policy.ts';
import { insertActivity, upsertProfile } from './repository.ts';

/**
 * The demo district's station register, only when the district's pack keeps stations (jinwan; the demo's
 * fengze does not, and its page says so): each station unit of the generator managed by the first cadre of
 * its parent unit, with one activity in the last month.
 */
export async function seedDemoStations(ctx: DemoSeedContext): Promise<void> {
  const { view } = await practicePolicy(ctx);
  if (!view.stations) return;
  const today = ctx.now.toISOString().slice(0, 10);
  const heldOn = `${today.slice(0, 8)}01`;
  for (const org of ctx.district.orgs.filter((o) => o.kind === 'station')) {
    const orgId = ctx.orgIds.get(org.key);
    if (!orgId) continue;
    const managerKey = ctx.district.cadres.find((c) => c.orgKey === org.parentKey)?.key;
    const managerId = managerKey ? (ctx.cadreIds.get(managerKey) ?? null) : null;
    const manager = ctx.district.cadres.find((c) => c.key === managerKey);
    await upsertProfile(ctx.client, orgId, {
      managerId,
      managerName: managerId && manager ? manager.name : '',
      address: `${org.name}活动室`,
      equipment: '远程教育终端一套',
    });
    await insertActivity(ctx.client, {
      orgId,
      heldOn,
      topic: '组织党员收看专题党课',
      attendees: 15,
      createdBy: null,
    });
  }
}
