import { readLrmx } from '@ganbu/core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

/**
 * Issue 10 §6: an .lrmx written by another organisation's tool (GBK, CRLF, full-width spaces, an indented
 * 其间 line) is imported through the page, and its 任免审批表 shows the 简历 exactly as it came: the 其间
 * line on its own line under the text column, the study line kept in the text but not as a post.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const root = resolve(import.meta.dirname, '../..');
const shots = resolve(import.meta.dirname, '../screenshots');
const FILE = join(root, 'packages/core/src/lrmx/fixtures/other-official-gbk.lrmx');
const FLAGGED = join(root, 'packages/core/src/lrmx/fixtures/other-utf8-crlf.lrmx');

interface Org {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

async function aStreet(page: Page): Promise<Org> {
  const res = await page.request.get('/api/orgs');
  const { items } = (await res.json()) as { items: Org[] };
  const street = items.find(
    (o) => o.kind === 'street' && o.active && items.filter((x) => x.name === o.name).length === 1,
  );
  if (!street) throw new Error('no street in the demo district');
  return street;
}

describe('journey: a resume as another tool wrote it', () => {
  it('imports the file and prints its 简历 on the approval form line by line as it came', async () => {
    const bytes = readFileSync(FILE);
    const read = readLrmx(new Uint8Array(bytes));
    if (!read.ok) throw new Error(read.message);
    const lines = read.person.JianLi.split('\n');
    expect(lines[3]).toBe(
      '　　　　　　　　　　（其间：2013.09--2016.07　　某大学公共管理专业在职研究生学习）',
    );

    const page = await newPage(browser, { width: 900, height: 1200 });
    await loginUi(page, 'orgdept');
    const street = await aStreet(page);
    await page.goto('/cadres/import?tab=lrmx');
    await page.getByTestId('import-lrmx-upload').waitFor();
    await page.getByTestId('import-lrmx-org').click();
    await page.keyboard.type(street.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: street.name }).first().click();
    await expect.poll(async () => page.getByTestId('import-lrmx-org').textContent()).toContain(street.name);
    await page
      .getByTestId('import-lrmx-upload')
      .locator('input[type=file]')
      .setInputFiles([
        { name: '周海燕.lrmx', mimeType: 'application/xml', buffer: bytes },
        { name: '林晓.lrmx', mimeType: 'application/xml', buffer: readFileSync(FLAGGED) },
      ]);
    await expect
      .poll(async () => page.getByTestId('import-lrmx-upload').locator('.ant-upload-list-item').count())
      .toBe(2);
    // two files on a machine shared with other test runs: give the answer more than the default 30 s
    const sent = page.waitForResponse((r) => r.url().includes('/api/cadres/import/lrmx?'), {
      timeout: 90_000,
    });
    await page.getByTestId('import-lrmx-submit').click();
    const res = await sent;
    expect(res.status()).toBe(200);
    const answer = (await res.json()) as { imported: { id: string; name: string }[] };
    const id = answer.imported.find((c) => c.name === '周海燕')?.id as string;
    // the 简历 line no title could be split from is shown to the officer with the success
    const warnings = page.getByTestId('import-lrmx-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain(
      '林晓.lrmx：简历第 5 行“借调区委巡察办”未能分出职务，已整段记为单位，请核对',
    );
    await screenshot(page, 'import-lrmx-warnings');

    // the posts: the study line and the 其间 study are none; 副主任 and 主任 both split from 某大学教务处
    const detail = (await (await page.request.get(`/api/cadres/${id}`)).json()) as {
      resume: string;
      appointments: { unitName: string; title: string }[];
    };
    expect(detail.resume).toBe(read.person.JianLi);
    expect(detail.appointments.map((a) => `${a.unitName}|${a.title}`)).toEqual([
      '某大学教务处|科员',
      '某大学教务处|副主任',
      '某大学教务处|主任',
      '城南街道|党工委副书记、办事处主任',
    ]);

    await page.goto(`/cadres/${id}/approval-form`);
    const form = page.getByTestId('approval-form');
    await form.waitFor();
    const shown = await form.locator('.af-resume-line').allTextContents();
    // every line of the file on its own line, the 其间 line included, the characters as they came
    // (the period box replaces only the spaces between a period and its text)
    const bare = (s: string) => s.replace(/[\s\u3000]/g, '');
    expect(shown.map(bare)).toEqual(lines.map(bare));
    // the 其间 line sits under the text column, not under the periods
    const starts = await form.locator('.af-resume-text').evaluateAll((els) =>
      els.map((e) => {
        const box = e as unknown as { getBoundingClientRect(): { left: number }; textContent: string };
        return [Math.round(box.getBoundingClientRect().left), box.textContent.trim().slice(0, 3)];
      }),
    );
    expect(starts).toHaveLength(lines.length);
    expect(new Set(starts.map(([left]) => left)).size).toBe(1);
    expect(starts[3]?.[1]).toBe('（其间');
    await screenshot(page, 'approval-form-other-tool');
    await page.screenshot({ path: join(shots, 'approval-form-other-tool-full.png'), fullPage: true });
  });
});
