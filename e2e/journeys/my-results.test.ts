import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type Round = { id: string; name: string; state: string };
type Results = { targets: { id: string; cadreId: string | null; name: string }[] };

// 我的考核结果 (issue 10 §2): a published unit result (万人双评议 ranks 21 区直部门, public to the district) is
// readable by every cadre, but it is not hers: the page shows only the targets that are the signed-in cadre.
describe('[assessment] 我的考核结果 shows the cadre her own results only, on a phone', () => {
  it('lists exactly her own published results, never a unit ranking', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    const api = await apiOf(page);
    const me = await api.get<{ cadreId: string | null }>('/api/auth/me');
    expect(me.cadreId).not.toBeNull();
    const rounds = (await api.get<{ items: Round[] }>('/api/assessment/rounds')).items;
    const published = rounds.filter((r) => r.state === 'published');
    const own: string[] = [];
    let unitTargetsReadable = 0;
    for (const r of published) {
      const res = await api.get<Results>(`/api/assessment/rounds/${r.id}/results`);
      own.push(...res.targets.filter((t) => t.cadreId === me.cadreId).map((t) => t.id));
      unitTargetsReadable += res.targets.filter((t) => t.cadreId === null).length;
    }
    // the demo has both: her own published result, and a published unit ranking she may read
    expect(own.length).toBeGreaterThan(0);
    expect(unitTargetsReadable).toBeGreaterThan(0);

    await page.goto('/assessment/mine');
    await page.getByTestId(`mine-${own[0]}`).waitFor();
    const shown = await page
      .locator('[data-testid^="mine-explain-"]')
      .evaluateAll((els) =>
        els.map((e) =>
          (
            (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-testid') ?? ''
          ).replace('mine-explain-', ''),
        ),
      );
    expect(shown.sort()).toEqual([...own].sort());
    expect((await page.textContent('body')) ?? '').not.toContain('万人双评议');
    await screenshot(page, 'my-results-phone');
    await page.close();
  });

  it('reaches her record: 年度考核结果 lists the published annual grade with its round (R-ASM-6)', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const cadre = await newPage(browser, { width: 390, height: 844 });
    await loginUi(cadre, 'cadre');
    const me = await (await apiOf(cadre)).get<{ cadreId: string }>('/api/auth/me');
    await cadre.close();
    const detail = await api.get<{
      publishedAnnualResults: { year: number; gradeName: string; roundName: string }[];
      annualAssessmentShown: string;
    }>(`/api/cadres/${me.cadreId}`);
    const last = detail.publishedAnnualResults.at(-1)!;
    expect(last.year).toBe(2025);
    expect(detail.annualAssessmentShown).toContain(`2025年度考核${last.gradeName}`);
    await page.goto(`/cadres/${me.cadreId}`);
    const shown = page.getByTestId('published-annual-2025');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(last.roundName);
    await shown.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-published-annual');
    await page.goto(`/cadres/${me.cadreId}/approval-form`);
    await expect
      .poll(async () => (await page.textContent('body')) ?? '')
      .toContain(`2025年度考核${last.gradeName}`);
    await screenshot(page, 'approval-form-published-annual');
    await page.close();
  });
});
