import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const NEW_POST = '街道党工委委员、办事处副主任';
const REASON = '2026年10月已任命，见区委任免文件';
const NOTE = '已核实任免文件，档案已更正';

interface Correction {
  id: string;
  cadreId: string;
  field: string;
  proposedValue: string;
  reason: string;
  status: string;
  decisionNote: string;
  decidedBy: string | null;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** The 现任职务 cell of the record's 基本信息 tab. */
const postTitleCell = (page: Page) =>
  page
    .getByTestId('cadre-basic')
    .locator('th.ant-descriptions-item-label', { hasText: '现任职务' })
    .locator('+ td');

/** Pick the field to correct by typing its label (the option list is virtual: not all options are rendered). */
async function chooseField(page: Page, label: string): Promise<void> {
  await page.getByTestId('correction-field').click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
}

const isDecision = (r: { url(): string; request(): { method(): string } }) =>
  r.url().includes('/api/cadre-corrections/') &&
  r.url().endsWith('/decision') &&
  r.request().method() === 'POST';

describe('[cadre] self-service corrections (申请更正)', () => {
  it('a cadre asks, the officer corrects the record and accepts, the cadre sees 已采纳', async () => {
    // ── the cadre finds their own record and asks for the post title to be corrected
    const cadrePage = await newPage(browser);
    await loginUi(cadrePage, 'cadre');
    await cadrePage.getByTestId('menu-cadres').click();
    await cadrePage.getByTestId('roster-table').locator('tbody tr.ant-table-row').first().click();
    await cadrePage.getByTestId('cadre-basic').waitFor();
    const cadreId = new URL(cadrePage.url()).pathname.split('/').pop() ?? '';
    expect(cadreId).toMatch(/^[0-9a-f-]{36}$/);
    const name = await text(cadrePage.getByTestId('cadre-name'));
    const oldPost = await text(postTitleCell(cadrePage));
    expect(oldPost).not.toBe(NEW_POST);

    await cadrePage.getByTestId('correction-request').click();
    await cadrePage.getByTestId('correction-form').waitFor();
    await chooseField(cadrePage, '现任职务');
    await cadrePage.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    expect(await text(cadrePage.getByTestId('correction-current'))).toBe(oldPost || '—');
    await cadrePage.getByTestId('correction-proposed').fill(NEW_POST);
    await cadrePage.getByTestId('correction-reason').fill(REASON);
    await screenshot(cadrePage, 'corrections-request-form');
    const asked = cadrePage.waitForResponse(
      (r) => r.url().endsWith(`/api/cadres/${cadreId}/corrections`) && r.request().method() === 'POST',
    );
    await cadrePage.getByTestId('correction-submit').click();
    const askedRes = await asked;
    expect(askedRes.status()).toBe(200);
    const correction = (await askedRes.json()) as Correction;
    expect(correction).toMatchObject({
      cadreId,
      field: 'postTitle',
      proposedValue: NEW_POST,
      reason: REASON,
      status: 'pending',
    });
    const id = correction.id;

    // after submitting, the page shows the request in the 更正申请 tab, pending
    await cadrePage.waitForURL((u) => u.searchParams.get('tab') === 'corrections');
    await cadrePage.getByTestId('correction-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(cadrePage.getByTestId(`correction-status-${id}`))).toBe('待处理');
    expect(await text(cadrePage.getByTestId(`correction-proposed-${id}`))).toBe(NEW_POST);
    expect(await text(cadrePage.getByTestId(`correction-field-${id}`))).toBe('现任职务');
    expect(await text(cadrePage.getByTestId('cadre-corrections-pending'))).toBe('1');
    // a cadre cannot decide
    expect(await cadrePage.getByTestId(`correction-accept-${id}`).count()).toBe(0);
    await cadrePage.waitForTimeout(300); // the tab's ink bar moving
    await screenshot(cadrePage, 'corrections-cadre-pending');

    // ── the street administrator opens the list too (and keeps it open while orgdept decides)
    const streetPage = await newPage(browser);
    await loginUi(streetPage, 'street1');
    await streetPage.goto(`/cadres/${cadreId}?tab=corrections`);
    await expect.poll(() => text(streetPage.getByTestId(`correction-status-${id}`))).toBe('待处理');
    await streetPage.getByTestId(`correction-reject-${id}`).waitFor();

    // ── orgdept finds the cadre in the roster and sees the pending request, current vs proposed
    const officer = await newPage(browser);
    await loginUi(officer, 'orgdept');
    await officer.getByTestId('menu-cadres').click();
    await officer.getByTestId('roster-table').waitFor();
    await officer.getByTestId('roster-filter-name').fill(name);
    await officer.getByTestId('roster-search').click();
    await officer
      .getByTestId('roster-table')
      .locator(`tbody tr.ant-table-row`, { hasText: name })
      .first()
      .click();
    await officer.waitForURL((u) => u.pathname === `/cadres/${cadreId}`);
    await expect.poll(() => text(officer.getByTestId('cadre-corrections-pending'))).toBe('1');
    await officer.getByTestId('cadre-tab-corrections').click();
    await expect.poll(() => text(officer.getByTestId(`correction-status-${id}`))).toBe('待处理');
    expect(await text(officer.getByTestId(`correction-current-${id}`))).toBe(oldPost || '—');
    expect(await text(officer.getByTestId(`correction-proposed-${id}`))).toBe(NEW_POST);
    expect(await text(officer.getByTestId('correction-list'))).toContain(REASON);
    await officer.waitForTimeout(300); // the tab's ink bar moving
    await screenshot(officer, 'corrections-officer-pending');

    // 采纳 says the record is corrected through 修改; the officer edits it from the dialog
    await officer.getByTestId(`correction-accept-${id}`).click();
    await officer.getByTestId('correction-decision-summary').waitFor();
    await officer.waitForTimeout(400); // the dialog's opening animation
    await screenshot(officer, 'corrections-accept-dialog');
    await officer.getByTestId('correction-decision-edit').click();
    const postInput = officer.getByTestId('cadre-form-post-title');
    await postInput.waitFor();
    expect(await postInput.inputValue()).toBe(oldPost);
    await postInput.fill(NEW_POST);
    const saved = officer.waitForResponse(
      (r) => r.url().endsWith(`/api/cadres/${cadreId}`) && r.request().method() === 'PUT',
    );
    await officer.getByTestId('cadre-form-submit').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => text(officer.getByTestId(`correction-current-${id}`))).toBe(NEW_POST);

    await officer.getByTestId(`correction-accept-${id}`).click();
    await officer.getByTestId('correction-decision-note').fill(NOTE);
    const decided = officer.waitForResponse(isDecision);
    await officer.getByTestId('correction-decision-submit').click();
    const decidedRes = await decided;
    expect(decidedRes.status()).toBe(200);
    expect((await decidedRes.json()) as Correction).toMatchObject({
      id,
      status: 'accepted',
      decisionNote: NOTE,
      decidedBy: '组织部干部科',
    });
    await expect.poll(() => text(officer.getByTestId(`correction-status-${id}`))).toBe('已采纳');
    await officer.getByTestId('correction-decision-summary').waitFor({ state: 'detached' });
    expect(await text(officer.getByTestId(`correction-note-${id}`))).toBe(`处理意见：${NOTE}`);
    expect(await officer.getByTestId(`correction-accept-${id}`).count()).toBe(0);
    await expect.poll(() => text(officer.getByTestId('cadre-corrections-pending'))).toBe('');
    await screenshot(officer, 'corrections-officer-accepted');
    await officer.getByTestId('cadre-tab-basic').click();
    await expect.poll(() => text(postTitleCell(officer))).toBe(NEW_POST);
    await officer.context().close();

    // ── the street administrator's list was out of date: the server refuses, the page says why
    await streetPage.getByTestId(`correction-reject-${id}`).click();
    await streetPage.getByTestId('correction-decision-note').fill('材料不全');
    const refused = streetPage.waitForResponse(isDecision);
    await streetPage.getByTestId('correction-decision-submit').click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => text(streetPage.getByTestId('correction-decision-error'))).toBe('该申请已处理');
    await screenshot(streetPage, 'corrections-already-decided');
    await streetPage.context().close();

    // ── the cadre sees the new value and 已采纳 with the note
    await cadrePage.reload();
    await expect.poll(() => text(cadrePage.getByTestId(`correction-status-${id}`))).toBe('已采纳');
    expect(await text(cadrePage.getByTestId(`correction-note-${id}`))).toBe(`处理意见：${NOTE}`);
    expect(await text(cadrePage.getByTestId(`correction-current-${id}`))).toBe(NEW_POST);
    await screenshot(cadrePage, 'corrections-cadre-accepted');
    await cadrePage.getByTestId('cadre-tab-basic').click();
    await expect.poll(() => text(postTitleCell(cadrePage))).toBe(NEW_POST);
    const record = await cadrePage.request.get(`/api/cadres/${cadreId}`);
    expect(((await record.json()) as { postTitle: string }).postTitle).toBe(NEW_POST);
    await cadrePage.context().close();
  });

  it('a reason is required to turn a request down; the cadre sees 未采纳 and why', async () => {
    const cadrePage = await newPage(browser);
    await loginUi(cadrePage, 'cadre');
    await cadrePage.getByTestId('menu-cadres').click();
    await cadrePage.getByTestId('roster-table').locator('tbody tr.ant-table-row').first().click();
    await cadrePage.getByTestId('cadre-record').waitFor();
    const cadreId = new URL(cadrePage.url()).pathname.split('/').pop() ?? '';
    await cadrePage.getByTestId('correction-request').click();
    // nothing chosen: the form refuses in Chinese and sends nothing
    await cadrePage.getByTestId('correction-submit').click();
    await expect
      .poll(async () => cadrePage.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['此项为必填项', '此项为必填项']);
    await chooseField(cadrePage, '民族');
    await cadrePage.getByTestId('correction-proposed').fill('满族');
    const asked = cadrePage.waitForResponse(
      (r) => r.url().endsWith(`/api/cadres/${cadreId}/corrections`) && r.request().method() === 'POST',
    );
    await cadrePage.getByTestId('correction-submit').click();
    const { id } = (await (await asked).json()) as Correction;

    const street = await newPage(browser);
    await loginUi(street, 'street1');
    await street.goto(`/cadres/${cadreId}?tab=corrections`);
    await expect.poll(() => text(street.getByTestId(`correction-status-${id}`))).toBe('待处理');
    await street.getByTestId(`correction-reject-${id}`).click();
    await street.getByTestId('correction-decision-submit').click();
    await expect
      .poll(async () => street.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['请填写不予采纳的原因']);
    await street.getByTestId('correction-decision-note').fill('请提供民族变更的证明材料');
    const decided = street.waitForResponse(isDecision);
    await street.getByTestId('correction-decision-submit').click();
    expect(((await (await decided).json()) as Correction).decidedBy).toBe('街道一管理员');
    await expect.poll(() => text(street.getByTestId(`correction-status-${id}`))).toBe('未采纳');
    await street.context().close();

    await cadrePage.reload();
    await expect.poll(() => text(cadrePage.getByTestId(`correction-status-${id}`))).toBe('未采纳');
    expect(await text(cadrePage.getByTestId(`correction-note-${id}`))).toBe(
      '处理意见：请提供民族变更的证明材料',
    );
    await screenshot(cadrePage, 'corrections-cadre-rejected');
    await cadrePage.context().close();
  });

  it('a phone correction is masked as the record phone is, and in clear only after 查看敏感信息', async () => {
    const PHONE = '13912345678';
    const cadrePage = await newPage(browser);
    await loginUi(cadrePage, 'cadre');
    await cadrePage.getByTestId('menu-cadres').click();
    await cadrePage.getByTestId('roster-table').locator('tbody tr.ant-table-row').first().click();
    await cadrePage.getByTestId('cadre-record').waitFor();
    const cadreId = new URL(cadrePage.url()).pathname.split('/').pop() ?? '';
    await cadrePage.getByTestId('correction-request').click();
    await chooseField(cadrePage, '联系电话');
    await cadrePage.getByTestId('correction-proposed').fill(PHONE);
    const asked = cadrePage.waitForResponse(
      (r) => r.url().endsWith(`/api/cadres/${cadreId}/corrections`) && r.request().method() === 'POST',
    );
    await cadrePage.getByTestId('correction-submit').click();
    const created = (await (await asked).json()) as Correction;
    expect(created.proposedValue).toBe('139****5678');
    const id = created.id;

    // the street administrator: masked with a lock beside the record's masked phone, until revealed
    const street = await newPage(browser);
    await loginUi(street, 'street1');
    await street.goto(`/cadres/${cadreId}?tab=corrections`);
    const proposed = street.getByTestId(`correction-proposed-${id}`);
    await expect.poll(() => text(proposed)).toBe('139****5678');
    expect(await proposed.getAttribute('data-sensitive')).toBe('masked');
    expect(await text(street.getByTestId(`correction-current-${id}`))).toMatch(/^\d{3}\*+\d{2,4}$|^—$/);
    const revealed = street.waitForResponse(
      (r) =>
        r.url().includes(`/api/cadres/${cadreId}/corrections?reveal=true`) && r.request().method() === 'GET',
    );
    await street.getByTestId('cadre-reveal').click();
    expect((await revealed).status()).toBe(200);
    await expect.poll(() => text(proposed)).toBe(PHONE);
    expect(await proposed.getAttribute('data-sensitive')).toBe('clear');
    expect(await text(street.getByTestId(`correction-current-${id}`))).not.toContain('*');
    await screenshot(street, 'corrections-sensitive-revealed');
    // hidden again: masked again
    await street.getByTestId('cadre-hide').click();
    await expect.poll(() => text(proposed)).toBe('139****5678');

    // the inbox is a list: masked, like the roster
    await street.goto('/cadres');
    await street.getByTestId('roster-corrections').click();
    await expect
      .poll(() => text(street.getByTestId(`corrections-inbox-${id}`)))
      .toContain('联系电话：139****5678');
    await street.context().close();
    await cadrePage.context().close();
  });
});
