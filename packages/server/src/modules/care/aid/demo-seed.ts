import { addMonths, chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';

/**
 * The demo district's aid cases, opened by the first street's administrator (dated from today): two
 * hardship cases (one visited, its next visit later; one new) and one family of a cadre who died on duty
 * whose follow-up is overdue (in the administrator's inbox).
 */
export async function seedDemoAid(ctx: DemoSeedContext): Promise<void> {
  const admin = await demoActor(ctx, 'street1');
  if (!admin) return;
  const as = demoRequestContext(ctx, admin);
  const today = chinaToday(ctx.now);
  const { rows: me } = await ctx.client.query<{ cadre_id: string | null }>(
    `SELECT cadre_id FROM users WHERE username = 'cadre'`,
  );
  const street = ctx.district.orgs.filter((o) => o.kind === 'street')[0];
  const ids = ctx.district.cadres
    .filter((c) => c.orgKey === street?.key)
    .map((c) => ctx.cadreIds.get(c.key))
    .filter((id): id is string => id !== undefined && id !== me[0]?.cadre_id)
    .slice(-3);
  if (ids.length < 3) return;
  try {
    await setScope(ctx.client, admin);
    const first = await service.openCase(as, ctx.cipher, {
      cadreId: ids[0]!,
      kindId: 'hardship',
      openedOn: addMonths(today, -8),
      familyContact: '张桂兰（母亲）',
      familyPhone: '13905951234',
      situation: '母亲患慢性病长期住院治疗，家庭医疗支出较大',
    });
    await service.markItem(as, ctx.cipher, first.id, 'verify', {
      doneOn: addMonths(today, -8),
      note: '入户核实，情况属实',
    });
    await service.markItem(as, ctx.cipher, first.id, 'grant', {
      doneOn: addMonths(today, -7),
      note: '发放帮扶金 3000 元',
    });
    await service.addVisit(as, ctx.cipher, first.id, {
      visitedOn: addMonths(today, -3),
      visitors: '街道党工委副书记',
      content: '走访慰问，了解治疗进展，协调医保报销',
    });
    await service.openCase(as, ctx.cipher, {
      cadreId: ids[1]!,
      kindId: 'hardship',
      openedOn: addMonths(today, -1),
      familyContact: '刘建平（配偶）',
      familyPhone: '',
      situation: '家中房屋受台风损毁，需临时安置',
    });
    const duty = await service.openCase(as, ctx.cipher, {
      cadreId: ids[2]!,
      kindId: 'duty_death',
      openedOn: addMonths(today, -4),
      familyContact: '陈美华（妻子）',
      familyPhone: '13805957788',
      situation: '丈夫在防汛抢险中因公殉职，育有一女在读小学',
    });
    await service.markItem(as, ctx.cipher, duty.id, 'pension', {
      doneOn: addMonths(today, -4),
      note: '一次性抚恤金已发放',
    });
  } finally {
    await setSystemScope(ctx.client);
  }
}
