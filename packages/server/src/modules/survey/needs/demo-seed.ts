import { addMonths, chinaToday } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as service from './service.ts';
import { surveyCodeHash } from './survey-code.ts';

/**
 * The demo district's closed needs survey (精准激励), so the honours and pay pages show a recommendation: 组织部
 * surveys the first street two months ago, 24 codes answered through the cast function (as the public
 * page does) in Jinan's pattern — 乡科级及以上 value political incentives, 以下 economic — and closes it today.
 * Skipped when the pack in force offers no survey.
 */
export async function seedDemoNeeds(ctx: DemoSeedContext): Promise<void> {
  const officer = await demoActor(ctx, 'orgdept');
  const street = ctx.district.orgs.find((o) => o.kind === 'street');
  const streetId = street ? ctx.orgIds.get(street.key) : undefined;
  if (!officer || !streetId) return;
  const as = demoRequestContext(ctx, officer);
  const today = chinaToday(ctx.now);
  try {
    await setScope(ctx.client, officer);
    const list = await service.listSurveys(as);
    if (!list.offered) return;
    const survey = await service.createSurvey(as, {
      title: '干部激励需求调查',
      orgId: streetId,
      opensOn: addMonths(today, -2),
      closesOn: addMonths(today, -1),
      withOvertime: true,
    });
    const population = survey.population;
    if (population < 24) return;
    const { codes } = await service.issueCodes(as, ctx.cipher, survey.id, { orgId: streetId, count: 24 });
    const day = addMonths(today, -2);
    for (const [i, code] of codes.entries()) {
      const up = i < 12;
      const answer = {
        rank: up ? 'section_up' : 'below_section',
        post: i % 8 === 0 ? 'village' : i % 3 === 0 ? 'leading' : 'staff',
        education: i % 4 === 0 ? 'postgraduate' : i % 2 === 0 ? 'other' : 'university',
        picks: up
          ? i % 3 === 0
            ? ['growth', 'political', 'spirit']
            : ['political', 'growth', 'life']
          : i % 3 === 0
            ? ['life', 'economic', 'growth']
            : ['economic', 'life', 'political'],
        overtime: [6, 12, 20, 8, 15, 30, 10, 9, 25, 14, 5, 18][i % 12]!,
      };
      await ctx.client.query('SELECT needs_survey_cast($1, $2, $3)', [
        surveyCodeHash(ctx.cipher, code.replace(/-/g, '')),
        day,
        JSON.stringify(answer),
      ]);
    }
    await setScope(ctx.client, officer);
    await service.closeSurvey(as, survey.id);
  } finally {
    await setSystemScope(ctx.client);
  }
}
