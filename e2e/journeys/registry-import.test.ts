import { idCheckChar, parseIdNumber, recordToLrmx, writeLrmx, type LrmxRecordDraft } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const root = resolve(import.meta.dirname, '../..');
const shots = resolve(import.meta.dirname, '../screenshots');

/** The whole page (both A4 sheets of the approval form), not only the viewport. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** An element as measured in the page (the e2e project has no DOM typings). */
interface Box {
  getBoundingClientRect(): { left: number; width: number };
}

/** A valid 18-digit ID number for a birth day and gender: the check character is computed, never guessed. */
function validId(birthDay: string, gender: 'male' | 'female'): string {
  const seq = String(randomInt(10, 100));
  const genderDigit = String(randomInt(0, 5) * 2 + (gender === 'male' ? 1 : 0));
  const first17 = `330102${birthDay}${seq}${genderDigit}`;
  const id = first17 + idCheckChar(first17);
  expect(parseIdNumber(id).ok).toBe(true);
  return id;
}

/** The same number with a check character that is certainly wrong. */
function wrongCheck(id: string): string {
  const right = id.charAt(17);
  const wrong = [...'0123456789X'].find((c) => c !== right) as string;
  const bad = id.slice(0, 17) + wrong;
  expect(parseIdNumber(bad)).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
  return bad;
}

interface Org {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

/** The first active street whose name is unique (so the Excel 所在单位 column can name it). */
async function aStreet(page: Page): Promise<Org> {
  const res = await page.request.get('/api/orgs');
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: Org[] };
  const street = items.find(
    (o) => o.kind === 'street' && o.active && items.filter((x) => x.name === o.name).length === 1,
  );
  if (!street) throw new Error('no street in the demo district');
  return street;
}

async function rosterTotal(page: Page, q: string): Promise<number> {
  const res = await page.request.get(`/api/cadres?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

interface Person {
  name: string;
  gender: '男' | '女';
  birth: string;
  idNumber: string;
  postTitle: string;
}

/** The downloaded template with the people written into 人员信息 from row 2, columns found by header. */
async function fillTemplate(template: Buffer, people: Person[], unit: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('人员信息');
  if (!ws) throw new Error('template has no 人员信息 sheet');
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.text).replace(/\*/g, ''), n));
  const put = (row: number, header: string, value: string) => {
    const n = col.get(header);
    if (n === undefined) throw new Error(`template has no column ${header}`);
    ws.getRow(row).getCell(n).value = value;
  };
  people.forEach((p, i) => {
    const row = i + 2;
    put(row, '姓名', p.name);
    put(row, '性别', p.gender);
    put(row, '出生年月', p.birth);
    put(row, '民族', '汉族');
    put(row, '政治面貌', '中共党员');
    put(row, '身份证号', p.idNumber);
    put(row, '现任职务', p.postTitle);
    put(row, '所在单位', unit);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('[cadre] registry import', () => {
  it('an Excel import with one bad row is refused whole, with the row and column; fixed, all 3 arrive', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-cadres').click();
    await page.getByTestId('roster-table').waitFor();
    await page.getByTestId('roster-import').click();
    await page.waitForURL((u) => u.pathname === '/cadres/import');
    await page.getByTestId('import-xlsx-upload').waitFor();

    // the template through the page's own button
    const download = page.waitForEvent('download');
    await page.getByTestId('import-template').click();
    const template = readFileSync(await (await download).path());
    expect(template.subarray(0, 2).toString()).toBe('PK');

    const street = await aStreet(page);
    const surname = '闻人';
    expect(await rosterTotal(page, surname)).toBe(0);
    const people: Person[] = [
      {
        name: `${surname}甲舟`,
        gender: '男',
        birth: '1985.06',
        idNumber: validId('19850612', 'male'),
        postTitle: '综合办公室副主任',
      },
      {
        name: `${surname}乙舟`,
        gender: '女',
        birth: '1990.11',
        idNumber: validId('19901103', 'female'),
        postTitle: '党建办公室科员',
      },
      {
        name: `${surname}丙舟`,
        gender: '男',
        birth: '1979.02',
        idNumber: validId('19790228', 'male'),
        postTitle: '平安办公室主任',
      },
    ];
    const bad = people.map((p, i) => (i === 1 ? { ...p, idNumber: wrongCheck(p.idNumber) } : p));

    // mode 新增 is the default
    await expect
      .poll(async () =>
        page.getByTestId('import-mode').locator('.ant-radio-button-wrapper-checked').textContent(),
      )
      .toBe('新增');
    const input = page.getByTestId('import-xlsx-upload').locator('input[type=file]');
    const refused = page.waitForResponse((r) => r.url().includes('/api/cadres/import/xlsx?'));
    await input.setInputFiles({
      name: '干部信息-有错.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, bad, street.name),
    });
    expect((await refused).status()).toBe(400);
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    await expect.poll(async () => errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    // 工作表 | 行 | 列 | 错误说明: the second person is on row 3 (row 1 is the header)
    expect(cells.slice(0, 3)).toEqual(['人员信息', '3', '身份证号']);
    expect(cells[3]).toContain('校验位不正确');
    await expect
      .poll(async () => page.getByTestId('import-errors-alert').textContent())
      .toContain('共有 1 处错误，未导入任何数据');
    await expect.poll(async () => page.getByTestId('import-report').isVisible()).toBe(true);
    await screenshot(page, 'import-xlsx-errors');
    // the annotated workbook refused by the server (here: the body was too large) says so on the page
    await page.route('**/api/cadres/import/xlsx/report*', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'BODY_TOO_LARGE', message: '上传内容过大' }),
      }),
    );
    await page.getByTestId('import-report').click();
    await expect
      .poll(async () => page.getByTestId('import-report-error').textContent())
      .toMatch(/^未能生成标注错误的 Excel：.+/);
    await page.unroute('**/api/cadres/import/xlsx/report*');
    // all or nothing: not even the two good rows went in
    expect(await rosterTotal(page, surname)).toBe(0);

    const accepted = page.waitForResponse((r) => r.url().includes('/api/cadres/import/xlsx?'));
    await input.setInputFiles({
      name: '干部信息-已改正.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, people, street.name),
    });
    const ok = await accepted;
    expect(ok.status()).toBe(200);
    const { imported } = (await ok.json()) as { imported: { id: string; name: string }[] };
    expect(imported.map((c) => c.name).sort()).toEqual(people.map((p) => p.name).sort());
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success').textContent()).toContain('成功导入 3 名干部');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await screenshot(page, 'import-xlsx-success');

    // the roster shows exactly those three, in the chosen street
    await page.getByTestId('import-success').getByRole('button', { name: '返回干部名册' }).click();
    await page.getByTestId('roster-table').waitFor();
    await page.getByTestId('roster-filter-name').fill(surname);
    const listed = page.waitForResponse((r) => r.url().includes('/api/cadres?') && r.url().includes('q='));
    await page.getByTestId('roster-search').click();
    expect(((await (await listed).json()) as { total: number }).total).toBe(3);
    const rows = page.getByTestId('roster-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => rows.count()).toBe(3);
    const text = (await page.getByTestId('roster-table').textContent()) ?? '';
    for (const p of people) expect(text).toContain(p.name);
    expect(text).toContain(street.name);
    await screenshot(page, 'import-xlsx-roster');
    await page.context().close();
  });

  it('a .lrmx form is imported into a chosen unit; the same form changed is compared and taken field by field', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const street = await aStreet(page);
    const name = '欧阳明远';
    expect(await rosterTotal(page, name)).toBe(0);
    const resumeLines = [
      '2004.09--2008.07  浙江大学公共管理学院行政管理专业学习',
      '2008.07--2015.03  区民政局科员、副主任科员',
      `2015.03--         ${street.name}党建办公室主任`,
    ];
    const draft: LrmxRecordDraft = {
      name,
      gender: 'male',
      birthDate: '1986-04',
      ethnicity: '汉族',
      nativePlace: '浙江宁波',
      birthPlace: '浙江杭州',
      politicalStatus: '中共党员',
      partyJoinDate: '2007-06',
      workStartDate: '2008-07',
      health: '健康',
      professionalTitle: '',
      specialty: '基层党建',
      fullTimeEducation: { education: '大学', degree: '管理学学士', school: '浙江大学', major: '行政管理' },
      inServiceEducation: { education: '', degree: '', school: '', major: '' },
      postTitle: `${street.name}党建办公室主任`,
      rewardsAndPunishments: '2022年被评为区优秀共产党员。',
      annualAssessment: '2022、2023年度考核均为称职。',
      idNumber: validId('19860415', 'male'),
      family: [
        {
          relation: '妻子',
          name: '沈若兰',
          birthDate: '1988-09',
          politicalStatus: '群众',
          workUnitAndPost: '区人民医院护士',
        },
        {
          relation: '父亲',
          name: '欧阳正平',
          birthDate: '1958-03',
          politicalStatus: '中共党员',
          workUnitAndPost: '退休',
        },
      ],
      extras: { JianLi: resumeLines.join('\n'), NiRenZhiWu: `${street.name}党工委委员` },
    };
    const photo = readFileSync(join(root, 'packages/core/src/lrmx/fixtures/photo.jpg'));
    const lrmx = (d: LrmxRecordDraft) => Buffer.from(writeLrmx(recordToLrmx(d, new Uint8Array(photo))));

    await page.goto('/cadres/import?tab=lrmx');
    await page.getByTestId('import-lrmx-upload').waitFor();
    // the unit: search the tree and pick the street
    await page.getByTestId('import-lrmx-org').click();
    await page.keyboard.type(street.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: street.name }).first().click();
    await expect.poll(async () => page.getByTestId('import-lrmx-org').textContent()).toContain(street.name);
    const input = page.getByTestId('import-lrmx-upload').locator('input[type=file]');
    await input.setInputFiles({ name: `${name}.lrmx`, mimeType: 'application/xml', buffer: lrmx(draft) });
    await expect
      .poll(async () => page.getByTestId('import-lrmx-upload').locator('.ant-upload-list-item').count())
      .toBe(1);
    const sent = page.waitForResponse((r) => r.url().includes('/api/cadres/import/lrmx?'));
    await page.getByTestId('import-lrmx-submit').click();
    const res = await sent;
    expect(res.status()).toBe(200);
    const { imported } = (await res.json()) as { imported: { id: string; name: string }[] };
    expect(imported).toHaveLength(1);
    const id = imported[0]?.id as string;
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success').textContent()).toContain('成功导入 1 份任免审批表');
    await screenshot(page, 'import-lrmx-success');

    // the record: name, unit and post, 简历 lines in the registry's own layout, the photo
    await page.getByTestId('import-success').getByRole('link', { name }).click();
    await page.waitForURL((u) => u.pathname === `/cadres/${id}`);
    await expect.poll(async () => page.getByTestId('cadre-name').textContent()).toBe(name);
    expect(await page.locator('.page-container h4').first().textContent()).toContain(
      `${street.name} · ${street.name}党建办公室主任`,
    );
    await page.getByTestId('cadre-tab-appointments').click();
    const resume = page.getByTestId('cadre-resume');
    await resume.waitFor();
    const resumeText = (await resume.textContent()) ?? '';
    expect(resumeText).toContain('2008.07--2015.03  区民政局科员、副主任科员');
    expect(resumeText).toMatch(new RegExp(`2015\\.03--\\s+${street.name}党建办公室主任`));
    await page.waitForTimeout(300); // the tab's ink bar
    await screenshot(page, 'import-lrmx-record');

    // the same form with a new 现任职务: refused as already in the registry, then compared
    const newPost = `${street.name}党工委委员、党建办公室主任`;
    await page.goto('/cadres/import?tab=lrmx');
    await page.getByTestId('import-lrmx-org').click();
    await page.keyboard.type(street.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: street.name }).first().click();
    await page
      .getByTestId('import-lrmx-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: `${name}-更新.lrmx`,
        mimeType: 'application/xml',
        buffer: lrmx({ ...draft, postTitle: newPost }),
      });
    const again = page.waitForResponse((r) => r.url().includes('/api/cadres/import/lrmx?'));
    await page.getByTestId('import-lrmx-submit').click();
    expect((await again).status()).toBe(400);
    const errorText = await page.getByTestId('import-errors').locator('tbody').textContent();
    expect(errorText).toContain('该干部已在信息库中');
    expect(await rosterTotal(page, name)).toBe(1);
    const compared = page.waitForResponse((r) => r.url().endsWith('/api/cadres/import/lrmx/compare'));
    await page.getByTestId('import-compare').click();
    expect((await compared).status()).toBe(200);
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    const diffRows = table.locator('tbody tr.ant-table-row');
    await expect.poll(async () => diffRows.count()).toBe(1);
    const diff = await diffRows.first().locator('td').allTextContents();
    expect(diff[0]).toBe('现任职务');
    expect(diff[1]).toBe(`${street.name}党建办公室主任`);
    expect(diff[2]).toBe(newPost);
    await page.getByTestId('compare-choice-postTitle').getByText('采用审批表').click();
    await expect
      .poll(async () =>
        page.getByTestId('compare-choice-postTitle').locator('.ant-radio-wrapper-checked').textContent(),
      )
      .toBe('采用审批表');
    await expect
      .poll(async () => page.getByTestId('compare-drawer').textContent())
      .toContain('已选择采用审批表 1 项');
    await expect.poll(async () => page.getByTestId('compare-confirm').isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the radio's and the button's transitions
    await screenshot(page, 'import-lrmx-compare');
    const applied = page.waitForResponse(
      (r) => r.url().endsWith(`/api/cadres/${id}`) && r.request().method() === 'PUT',
    );
    await page.getByTestId('compare-confirm').click();
    expect((await applied).status()).toBe(200);
    await page.getByTestId('compare-done').waitFor();
    await screenshot(page, 'import-lrmx-compare-done');

    await page.getByTestId('compare-done').getByRole('link', { name: '查看干部信息' }).click();
    await page.waitForURL((u) => u.pathname === `/cadres/${id}`);
    await expect
      .poll(async () => (await page.locator('.page-container h4').first().textContent()) ?? '')
      .toContain(`${street.name} · ${newPost}`);
    // only the taken field changed: the 简历 is as imported
    await page.getByTestId('cadre-tab-appointments').click();
    expect(await page.getByTestId('cadre-resume').textContent()).toContain(
      '2008.07--2015.03  区民政局科员、副主任科员',
    );
    await page.context().close();
  });

  it('the 任免审批表 print view: two A4 sheets with name, photo, 简历 and family; Word download; print media', async () => {
    // an A4 sheet is 210 mm = 794 px wide at 96 dpi
    const page = await newPage(browser, { width: 900, height: 1200 });
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-cadres').click();
    const table = page.getByTestId('roster-table');
    await table.waitFor();
    await table.locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('cadre-record').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() as string;

    const detail = page.waitForResponse(
      (r) => r.url().includes(`/api/cadres/${id}`) && r.url().includes('reveal=true'),
    );
    await page.getByTestId('cadre-approval-form').click();
    await page.waitForURL((u) => u.pathname === `/cadres/${id}/approval-form`);
    const cadre = (await (await detail).json()) as {
      name: string;
      resume: string;
      hasPhoto: boolean;
      family: { relation: string; name: string; workUnitAndPost: string }[];
      extras: Record<string, string>;
    };
    expect(cadre.hasPhoto).toBe(true);
    expect(cadre.family.length).toBeGreaterThan(0);
    const form = page.getByTestId('approval-form');
    await form.waitFor();

    // the layout: title, two sheets, the labelled boxes of the paper form
    expect(await form.locator('h1.af-title').textContent()).toBe('干部任免审批表');
    expect(await form.locator('section.approval-sheet').count()).toBe(2);
    const labels = (await form.locator('th.af-label').allTextContents()).map((s) => s.replace(/\s/g, ''));
    for (const label of [
      '姓名',
      '出生年月（岁）',
      '现任职务',
      '拟任职务',
      '简历',
      '奖惩情况',
      '年度考核结果',
    ])
      expect(labels).toContain(label);
    expect(labels).toContain('家庭主要成员及重要社会关系');
    expect(labels).toContain('呈报单位');
    // the values: name next to its label, the 简历 line by line, every family member
    const nameRow = await form.locator('tr.af-row-base').first().locator('td').allTextContents();
    expect(nameRow[0]).toBe(cadre.name);
    const bare = (s: string) => s.replace(/\s/g, '');
    const resumeLines = cadre.resume.split('\n');
    const shownResume = await form.locator('.af-resume-line').allTextContents();
    expect(shownResume.map(bare)).toEqual(resumeLines.map(bare));
    expect(shownResume.length).toBeGreaterThan(1);
    // the texts after the periods start at one x, whether the period has an end date or not
    const textStarts = await form
      .locator('.af-resume-text')
      .evaluateAll((els) => els.map((e) => Math.round((e as unknown as Box).getBoundingClientRect().left)));
    expect(textStarts.length).toBe(resumeLines.length);
    expect(new Set(textStarts).size).toBe(1);
    const familyText = (await form.locator('tr.af-row-family').allTextContents()).join('\n');
    for (const m of cadre.family) {
      expect(familyText).toContain(m.name);
      expect(familyText).toContain(m.relation);
    }
    // the photo is loaded, not a broken image or the placeholder
    const img = form.locator('.af-photo img');
    await img.waitFor();
    await expect
      .poll(async () =>
        img.evaluate((el) => {
          const image = el as unknown as { complete: boolean; naturalWidth: number };
          return image.complete ? image.naturalWidth : 0;
        }),
      )
      .toBeGreaterThan(0);
    const box = await img.boundingBox();
    expect(box?.width).toBeGreaterThan(80);
    // each sheet is A4-wide on screen and lies within the window width
    const sheetWidths = await form
      .locator('section.approval-sheet')
      .evaluateAll((els) => els.map((e) => Math.round((e as unknown as Box).getBoundingClientRect().width)));
    expect(sheetWidths).toEqual([794, 794]);
    expect(await page.title()).toBe(`干部任免审批表-${cadre.name}`);
    await expect.poll(async () => page.getByTestId('approval-print').isEnabled()).toBe(true);
    await screenshot(page, 'approval-form-sheet1');
    await fullScreenshot(page, 'approval-form-full');

    // the Word form: a .docx (zip) whose document names the cadre
    const href = await page.getByTestId('approval-docx').getAttribute('href');
    expect(href).toBe(`/api/cadres/${id}/approval-form.docx`);
    const docx = await page.request.get(href ?? '');
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml.document');
    const bytes = await docx.body();
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    const documentXml = files['word/document.xml'];
    if (!documentXml) throw new Error('no word/document.xml in the .docx');
    const xml = strFromU8(documentXml);
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain(cadre.name);
    expect(plain).toContain('干部任免审批表');
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true);

    // print: no toolbar, no navigation chrome, the sheets without their screen frame
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.approval-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('approval-print').isVisible()).toBe(false);
    for (const chrome of ['.ant-layout-sider', '.ant-menu', '.ant-layout-header', '[data-testid=logout]'])
      expect(await page.locator(chrome).filter({ visible: true }).count()).toBe(0);
    const printed = await form
      .locator('section.approval-sheet')
      .first()
      .evaluate((e) => {
        // the e2e project has no DOM typings: the browser's own getComputedStyle
        const view = globalThis as unknown as { getComputedStyle(el: unknown): { boxShadow: string } };
        const s = view.getComputedStyle(e);
        return {
          shadow: s.boxShadow,
          width: Math.round((e as unknown as Box).getBoundingClientRect().width),
        };
      });
    expect(printed.shadow).toBe('none');
    // 180 mm: the A4 width inside the 15 mm page margins
    expect(printed.width).toBe(680);
    expect(await form.locator('.af-photo img').isVisible()).toBe(true);
    await screenshot(page, 'approval-form-print');
    await fullScreenshot(page, 'approval-form-print-full');
    // the printed document is exactly two A4 pages
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(shots, 'approval-form-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(2);
    await page.context().close();
  });
});
