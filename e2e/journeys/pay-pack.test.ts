import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type PackSummary = { id: string; packId: string; effectiveFrom: string };
type PackDetail = PackSummary & {
  body: {
    pay?: { streetUplift?: { band: { minPercent: number; maxPercent: number } } };
    sources: Record<string, unknown>;
  };
};

// 经济激励 in the pack pages (issue 13 what-if): 组织部 reads the street uplift band with its seed, then saves a
// trial version with a 15%–25% band (each changed number with its 依据) that a pay run can be compared under.
describe('[pay] the pack’s economic incentives, read and edited with their sources', () => {
  it('shows Fengze’s 10%–20% band from the seed and saves a 15%–25% trial version', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const fengze = (await api.get<{ items: PackSummary[] }>('/api/packs')).items.find(
      (p) => p.packId === 'fengze' && p.effectiveFrom === '2018-01-01',
    )!;
    await page.goto(`/assessment/packs?id=${fengze.id}`);
    const view = page.getByTestId('pack-pay');
    await view.waitFor();
    await view.scrollIntoViewIfNeeded();
    const shown = (await view.textContent()) ?? '';
    for (const s of [
      '街道干部经济待遇上浮',
      '上浮比例下限',
      '10%',
      '20%',
      '10%-20%',
      '绩效奖金',
      '街道（乡镇）绩效奖上浮',
    ])
      expect(shown, s).toContain(s);
    await screenshot(page, 'pay-pack-view');

    await page.getByTestId('pack-clone').click();
    await page.getByTestId('clone-form').waitFor();
    await page.getByTestId('clone-id').fill('fengze-trial');
    await page.getByTestId('clone-name').fill('丰泽区街道干部待遇（试算版）');
    await page.getByTestId('clone-date').fill('2027-01-01');
    await page.getByTestId('clone-note').fill('试算：街道干部上浮区间调整为15%-25%');
    await page.getByTestId('clone-ok').click();
    await page.waitForURL((u) => u.pathname.startsWith('/assessment/packs/edit/'));
    const editor = page.getByTestId('pe-pay');
    await editor.scrollIntoViewIfNeeded();
    for (const [field, value, reason] of [
      ['pay-streetUplift-band-minPercent', '15', '试算：上浮下限提高到15%，测算总量变化'],
      ['pay-streetUplift-band-maxPercent', '25', '试算：上浮上限提高到25%，拉开难度大的街道差距'],
    ] as const) {
      await page.getByTestId(`pe-field-${field}`).fill(value);
      await page.getByTestId(`pe-note-kind-${field}`).getByText('假设').click();
      await page.getByTestId(`pe-note-assumed-${field}`).fill(reason);
    }
    await expect
      .poll(async () => (await page.getByTestId('pe-problem-count').textContent()) ?? '')
      .toBe('没有发现问题');
    await editor.scrollIntoViewIfNeeded();
    await screenshot(page, 'pay-pack-edit');
    const saving = page.waitForResponse(
      (r) => r.url().endsWith('/api/packs') && r.request().method() === 'POST',
    );
    await page.getByTestId('pe-save').click();
    const saved = await saving;
    expect(saved.status(), await saved.text()).toBe(200);
    const id = ((await saved.json()) as { id: string }).id;
    const detail = await api.get<PackDetail>(`/api/packs/${id}`);
    expect(detail.body.pay?.streetUplift?.band).toEqual({ minPercent: 15, maxPercent: 25 });
    expect(detail.body.sources['/pay/streetUplift/band/minPercent']).toEqual({
      assumed: '试算：上浮下限提高到15%，测算总量变化',
    });
    await page.close();
  });
});
