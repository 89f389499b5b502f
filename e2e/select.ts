import type { Locator, Page } from 'playwright-core';
import { vi } from 'vitest';

/**
 * antd renders every Select's list at the end of the body and animates it out after a choice, so for a
 * moment a list that is closing still counts as visible — two of them when a tree select was used just
 * before. `:visible` on one locator then matches both (a strict-mode error, seen in CI), and a click that
 * lands on the next select while the previous list is closing can leave it shut (seen in CI on the pay
 * page). These helpers wait for the lists to be gone instead of asking for "the" visible list.
 */
const OPEN_LIST = '.ant-select-dropdown:visible';
const SLOW = { timeout: 20_000, interval: 200 };

/** Wait until no select list is showing, closing ones included. */
export async function selectListsClosed(page: Page): Promise<void> {
  await vi.waitFor(async () => {
    const open = await page.locator(OPEN_LIST).count();
    if (open > 0) throw new Error(`${open} select list(s) still showing`);
  }, SLOW);
}

/**
 * Choose an option of an antd Select by its text; `search` is typed first. The select is opened again
 * when its list does not show the option yet. A multiple select keeps its list open, so it is closed with
 * Escape. Returns once every list is gone.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string,
  search?: string,
): Promise<void> {
  await selectListsClosed(page);
  const item = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first();
  let opened = false;
  await vi.waitFor(
    async () => {
      if (!opened || !(await item.isVisible())) {
        if (opened) await page.keyboard.press('Escape');
        await select.click();
        if (search) await page.keyboard.type(search);
        opened = true;
      }
      await item.click({ timeout: 3_000 });
    },
    { ...SLOW, interval: 500 },
  );
  const multiple =
    (await select.locator('xpath=ancestor-or-self::*[contains(@class, "ant-select-multiple")]').count()) +
    (await select.locator('.ant-select-multiple').count());
  if (multiple > 0) await page.keyboard.press('Escape');
  await selectListsClosed(page);
}
