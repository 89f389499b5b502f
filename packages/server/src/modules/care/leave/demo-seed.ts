import { chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';

/**
 * The demo district's leave of this year, recorded as the first street's administrator records it: annual
 * leave for the street's people (the demo cadre among them, so 我的关爱 · 休假 shows a balance), within each
 * one's balance and before today.
 */
export async function seedDemoLeave(ctx: DemoSeedContext): Promise<void> {
  const admin = await demoActor(ctx, 'street1');
  if (!admin) return;
  const as = demoRequestContext(ctx, admin);
  const today = chinaToday(ctx.now);
  const year = Number(today.slice(0, 4));
  const { rows: me } = await ctx.client.query<{ cadre_id: string | null }>(
    `SELECT cadre_id FROM users WHERE username = 'cadre'`,
  );
  // periods (month-day) of annual leave, each of a few working days; those not yet past are left out
  const periods: [string, string][] = [
    ['04-07', '04-09'],
    ['07-13', '07-17'],
    ['08-17', '08-19'],
    ['10-12', '10-14'],
  ];
  try {
    await setScope(ctx.client, admin);
    const list = await service.listLeave(as, { year, page: 1, pageSize: 12 });
    const people = list.items.filter((p) => (p.entitled ?? 0) > 0);
    const mine = people.find((p) => p.cadreId === me[0]?.cadre_id);
    const ordered = mine ? [mine, ...people.filter((p) => p !== mine)] : people;
    for (const [i, p] of ordered.slice(0, 8).entries()) {
      // the demo cadre takes two periods, the others one or none
      const own =
        i === 0 && mine ? [periods[0]!, periods[1]!] : i % 3 === 2 ? [] : [periods[i % periods.length]!];
      for (const [from, to] of own) {
        const startOn = `${year}-${from}`;
        const endOn = `${year}-${to}`;
        if (endOn >= today) continue;
        const balance = (await service.cadreYear(as, p.cadreId, year)).balance.balance ?? 0;
        if (balance < 5) continue;
        await service.recordLeave(as, { cadreId: p.cadreId, kind: 'annual', startOn, endOn, note: '' });
      }
    }
  } finally {
    await setSystemScope(ctx.client);
  }
}
