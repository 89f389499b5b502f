import type { SurveyList, SurveyRecommendation } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

/**
 * The demo district's closed needs survey (demo seed; Fengze's needs section): 24 answers on the first street,
 * i 0–11 乡科级及以上: 4 × [growth, political, spirit] and 8 × [political, growth, life] → political 4×2 + 8×3 = 32
 * of 72 (44.4%), growth 4×3 + 8×2 = 28 (38.9%); i 12–23 乡科级以下: 4 × [life, economic, growth] and 8 ×
 * [economic, life, political] → economic 4×2 + 8×3 = 32 (44.4%), life 4×3 + 8×2 = 28 (38.9%).
 */
let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

describe('[survey] the demo survey', () => {
  it('is closed with 24 answers and recommends political incentives above 乡科级, economic below', async () => {
    const list = (await injectAs(t, orgdept, { method: 'GET', url: '/api/surveys' })).json<SurveyList>();
    const demo = list.items.find((s) => s.title === '干部激励需求调查');
    expect(demo).toMatchObject({ state: 'closed', answers: 24, codes: { issued: 0, used: 24, revoked: 0 } });
    const rec = (
      await injectAs(t, orgdept, { method: 'GET', url: `/api/surveys/recommendation?orgId=${demo!.orgId}` })
    ).json<SurveyRecommendation>();
    const rank = rec.survey!.groups.filter((g) => g.breakdown === 'rank');
    expect(rank.map((g) => [g.bandId, g.recommended.map((k) => [k.id, k.share])])).toEqual([
      [
        'section_up',
        [
          ['political', 44.4],
          ['growth', 38.9],
        ],
      ],
      [
        'below_section',
        [
          ['economic', 44.4],
          ['life', 38.9],
        ],
      ],
    ]);
  });
});
