import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, injectAs, type Session, type TestApp } from '../helpers.ts';

// Issue 10 §5: opened in an office suite, the 任免审批表's 现任职务 carries its unit (`区委办公室副主任`, not
// `副主任`) and its 简历 starts at the top of its box as the printed form does.
let t: TestApp;
let officer: Session;
let unitName: string;
let cadreId: string;

beforeAll(async () => {
  t = await createTestApp();
  const unit = await newOrg(t.db, { kind: 'department' });
  unitName = unit.name;
  const cadre = await newCadre(t.db, {
    orgId: unit.id,
    postTitle: '副主任',
    appointments: [
      {
        unitName: '区民政局',
        unitKind: 'department',
        title: '科员',
        isLeadership: false,
        roleKind: 'staff',
        rank: '一级科员',
        start: '2012-07',
        end: '2019-03',
      },
      {
        unitName: unit.name,
        unitKind: 'department',
        title: '副主任',
        isLeadership: true,
        roleKind: 'team_member',
        rank: '副科级',
        start: '2019-04',
        end: null,
      },
    ],
  });
  cadreId = cadre.id;
  officer = await signIn(
    t,
    await newUser(t.db, { orgId: unit.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
});
afterAll(() => t.close());

describe('[cadre] the 任免审批表 as Word', () => {
  it('prints 现任职务 with its unit and the 简历 box top-aligned', async () => {
    const res = await injectAs(t, officer, {
      method: 'GET',
      url: `/api/cadres/${cadreId}/approval-form.docx`,
    });
    expect(res.statusCode).toBe(200);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => ({
      text: (m[1] ?? '').replace(/<[^>]+>/g, ''),
      vAlign: /<w:vAlign w:val="(\w+)"\/>/.exec(m[1] ?? '')?.[1],
    }));
    const post = cells.findIndex((c) => c.text === '现任职务');
    expect(cells[post + 1]?.text).toBe(`${unitName}副主任`);
    const resume = cells.find((c) => c.text.includes('2012.07') && c.text.includes('区民政局科员'));
    expect(resume?.vAlign).toBe('top');
    expect(cells[post]?.vAlign).toBe('center');
  });
});
