import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { idCheckChar, parseResume, readLrmx, resumeAppointments, type LrmxPerson } from '@ganbu/core';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adminCount,
  createTestApp,
  injectAs,
  loginAs,
  logLines,
  type Session,
  type TestApp,
} from '../helpers.ts';

// Small chunks, so a zip of a few forms is written in several chunks (bulk-write.ts)
const CHUNK = vi.hoisted(() => 2);
vi.mock('../../src/modules/cadre/bulk-write.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/modules/cadre/bulk-write.ts')>()),
  BULK_CHUNK_ROWS: CHUNK,
}));

const FIXTURES = resolve(import.meta.dirname, '../../../core/src/lrmx/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let t: TestApp;
let s: Session;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAs(t, 'orgdept');
  unitId = (
    (
      await t.db.admin.query<{ id: string }>(
        `SELECT id FROM orgs WHERE kind = 'township' ORDER BY path LIMIT 1`,
      )
    ).rows[0] as { id: string }
  ).id;
});
afterAll(async () => t.close());

/** multipart/form-data with several files */
function multipart(files: { name: string; bytes: Uint8Array }[]) {
  const boundary = '----ganbuLrmxBoundary';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(f.bytes),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (files: { name: string; bytes: Uint8Array }[], as: Session = s, orgId = unitId) =>
  injectAs(t, as, { method: 'POST', url: `/api/cadres/import/lrmx?orgId=${orgId}`, ...multipart(files) });

/** The complete fixture (photo, family, 简历) as another person: name and ID number (born 1978-03-15, male). */
function formOf(k: number, name: string): Uint8Array {
  const first17 = `33060219780315${String(101 + 2 * k).padStart(3, '0')}`;
  return Buffer.from(
    fixture('complete.lrmx')
      .toString('utf8')
      .replace(
        /<ShenFenZheng>[^<]*<\/ShenFenZheng>/,
        `<ShenFenZheng>${first17 + idCheckChar(first17)}</ShenFenZheng>`,
      )
      .replace(/<XingMing>[^<]*<\/XingMing>/, `<XingMing>${name}</XingMing>`), // the first one: the person
  );
}

interface Answer {
  imported?: { id: string; name: string }[];
  warnings?: { file: string; message: string }[];
  code?: string;
  errors?: { file: string; field: string; message: string }[];
}

describe('[cadre] 任免审批表 import and export (R-ORG-4)', () => {
  it('imports a complete .lrmx with photo and family, and exports it back without losing a field', async () => {
    const res = await upload([{ name: '李明华.lrmx', bytes: fixture('complete.lrmx') }]);
    expect(res.statusCode, res.body).toBe(200);
    const [created] = res.json<Answer>().imported ?? [];
    expect(created?.name).toBe('李明华');
    expect(await adminCount(t.db, 'SELECT 1 FROM cadre_photos WHERE cadre_id = $1', [created?.id])).toBe(1);
    // 简历 post lines become posts: the trailing post titles are the title, the rest the unit; the study
    // line (…专业学习) is no post
    const posts = await t.db.admin.query<{ unit_name: string; title: string; unit_kind: string | null }>(
      `SELECT unit_name, title, unit_kind FROM cadre_appointments WHERE cadre_id = $1 ORDER BY seq`,
      [created?.id],
    );
    expect(posts.rows).toEqual([
      { unit_name: '区民政局', title: '科员、副主任科员', unit_kind: null },
      { unit_name: '城南街道', title: '党工委委员、办事处副主任', unit_kind: 'street' },
    ]);

    const out = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${created?.id}/lrmx` });
    expect(out.statusCode).toBe(200);
    const original = readLrmx(fixture('complete.lrmx'));
    const exported = readLrmx(out.rawPayload);
    if (!original.ok || !exported.ok) throw new Error('unreadable');
    const strip = (p: LrmxPerson) => ({
      ...p,
      photo: p.photo ? Buffer.from(p.photo).toString('base64') : null,
    });
    expect(strip(exported.person)).toEqual(strip(original.person));
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'cadre.export.lrmx' AND object_id = $1`,
        [created?.id],
      ),
    ).toBe(1);
  });

  it('refuses the same person again (same ID number), and nothing of a batch when one file is bad', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const again = await upload([{ name: 'again.lrmx', bytes: fixture('bom-shuffled.lrmx') }]);
    expect(again.statusCode).toBe(400);
    expect(again.json<Answer>().errors).toEqual([
      { file: 'again.lrmx', field: 'idNumber', message: '该干部已在信息库中，请用“比对更新”逐项确认差异' },
    ]);
    const started = Date.now();
    const batch = await upload([
      { name: 'gb2312.lrmx', bytes: fixture('gb2312.lrmx') },
      { name: 'bomb.lrmx', bytes: fixture('billion-laughs.lrmx') },
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(batch.statusCode).toBe(400);
    const body = batch.json<Answer>();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors?.map((e) => e.file)).toEqual(['bomb.lrmx']);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
  });

  it('imports a zip of a GB2312 .lrmx and a 2.0 .lrm with its .pic', async () => {
    const zip = zipSync({
      'forms/gb2312.lrmx': new Uint8Array(fixture('gb2312.lrmx')),
      'forms/wang-jianjun.lrm': new Uint8Array(fixture('wang-jianjun.lrm')),
      'forms/wang-jianjun.pic': new Uint8Array(fixture('wang-jianjun.pic')),
    });
    const res = await upload([{ name: 'batch.zip', bytes: zip }]);
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json<Answer>().imported ?? []).map((i) => i.name).sort();
    expect(names).toHaveLength(2);
    const wang = (res.json<Answer>().imported ?? []).find((i) => i.name.startsWith('王'));
    expect(await adminCount(t.db, 'SELECT 1 FROM cadre_photos WHERE cadre_id = $1', [wang?.id])).toBe(1);
  });

  it('compares an approval form with the registry field by field', async () => {
    const changed = Buffer.from(
      fixture('complete.lrmx')
        .toString('utf8')
        .replace(/<XianRenZhiWu>[^<]*<\/XianRenZhiWu>/, '<XianRenZhiWu>云山镇党委书记</XianRenZhiWu>'),
    );
    const res = await injectAs(t, s, {
      method: 'POST',
      url: '/api/cadres/import/lrmx/compare',
      ...multipart([{ name: 'changed.lrmx', bytes: changed }]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [item] = res.json<{
      items: {
        existingId: string | null;
        differences: { field: string; label: string; incoming: unknown }[];
      }[];
    }>().items;
    expect(item?.existingId).not.toBeNull();
    expect(item?.differences.map((d) => [d.field, d.label, d.incoming])).toEqual([
      ['postTitle', '现任职务', '云山镇党委书记'],
    ]);
  });

  it('prints the 简历 of a file another tool wrote as it came: detail, approval form, export', async () => {
    const res = await upload([{ name: '周海燕.lrmx', bytes: fixture('other-official-gbk.lrmx') }]);
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<Answer>().imported?.[0]?.id;
    expect(res.json<Answer>().warnings).toEqual([]);
    const original = readLrmx(fixture('other-official-gbk.lrmx'));
    if (!original.ok) throw new Error('unreadable');
    const jianLi = original.person.JianLi;
    const during = '　　　　　　　　　　（其间：2013.09--2016.07　　某大学公共管理专业在职研究生学习）';
    expect(jianLi.split('\n')[3]).toBe(during);

    const detail = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}` });
    expect(detail.json<{ resume: string }>().resume).toBe(jianLi);
    const posts = await t.db.admin.query<{ unit_name: string; title: string }>(
      `SELECT unit_name, title FROM cadre_appointments WHERE cadre_id = $1 ORDER BY seq`,
      [id],
    );
    expect(posts.rows.map((r) => `${r.unit_name}|${r.title}`)).toEqual([
      '某大学教务处|科员',
      '某大学教务处|副主任',
      '某大学教务处|主任',
      '城南街道|党工委副书记、办事处主任',
    ]);

    // the Word form: every 简历 line its own paragraph, the 其间 line as it came
    const docx = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}/approval-form.docx` });
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']);
    for (const line of jianLi.split('\n')) expect(xml).toContain(`>${line}</w:t>`);

    const out = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}/lrmx` });
    const exported = readLrmx(out.rawPayload);
    if (!exported.ok) throw new Error('unreadable');
    expect(exported.person.JianLi).toBe(jianLi);

    // what the officer should check comes back with the import: a 简历 line no title could be split from
    const flagged = await upload([{ name: '林晓.lrmx', bytes: fixture('other-utf8-crlf.lrmx') }]);
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json<Answer>().warnings).toEqual([
      { file: '林晓.lrmx', message: '简历第 5 行“借调区委巡察办”未能分出职务，已整段记为单位，请核对' },
    ]);
  });

  it('prints the approval form as a Word document', async () => {
    const id = (await t.db.admin.query<{ id: string }>(`SELECT id FROM cadres WHERE name = '李明华'`)).rows[0]
      ?.id;
    const res = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}/approval-form.docx` });
    expect(res.statusCode).toBe(200);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    for (const text of ['干部任免审批表', '李明华', '家庭主要', '简']) expect(xml).toContain(text);
    expect(
      Object.keys(unzipSync(new Uint8Array(res.rawPayload))).some((k) => k.startsWith('word/media/')),
    ).toBe(true);
  });

  it('writes a zip of several chunks with every photo and appointment, and nothing when its last chunk fails', async () => {
    const n = 2 * CHUNK + 1; // chunks of 2, 2 and 1
    const resume = /<JianLi>([^<]*)<\/JianLi>/.exec(fixture('complete.lrmx').toString('utf8'))?.[1] ?? '';
    const perForm = resumeAppointments(parseResume(resume)).length;
    expect(perForm).toBeGreaterThan(1);
    const names = Array.from({ length: n }, (_, k) => `分批审批${k}`);
    const zip = zipSync(Object.fromEntries(names.map((name, k) => [`${k}.lrmx`, formOf(k, name)])));
    const res = await upload([{ name: 'forms.zip', bytes: zip }]);
    expect(res.statusCode, res.body).toBe(200);
    const imported = res.json<Answer>().imported ?? [];
    expect(imported.map((i) => i.name).sort()).toEqual([...names].sort());
    const { rows } = await t.db.admin.query<{ photos: number; appointments: number; seqs: number[] }>(
      `SELECT (SELECT count(*)::int FROM cadre_photos p WHERE p.cadre_id = c.id AND p.org_path = c.org_path) AS photos,
              (SELECT count(*)::int FROM cadre_appointments a WHERE a.cadre_id = c.id AND a.org_path = c.org_path)
                AS appointments,
              (SELECT array_agg(a.seq ORDER BY a.seq) FROM cadre_appointments a WHERE a.cadre_id = c.id) AS seqs
         FROM cadres c WHERE c.id = ANY ($1::uuid[])`,
      [imported.map((i) => i.id)],
    );
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      expect(r).toEqual({
        photos: 1,
        appointments: perForm,
        seqs: Array.from({ length: perForm }, (_, i) => i + 1),
      });
    }

    // street1 imports into its own street; the last form has the ID number of a cadre just imported into
    // a township outside street1's scope: invisible to the checks, refused by the unique index in the
    // last chunk, after the first chunks were written. Nothing stays.
    const street1 = await loginAs(t, 'street1');
    const own = (
      await t.db.admin.query<{ id: string }>(
        `SELECT o.id FROM orgs o JOIN users u ON o.path <@ u.org_path
          WHERE u.username = 'street1' AND o.active ORDER BY o.path LIMIT 1`,
      )
    ).rows[0]?.id as string;
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM cadres c JOIN users u ON u.username = 'street1' WHERE c.id = $1 AND c.org_path <@ u.org_path`,
        [imported[0]?.id],
      ),
    ).toBe(0);
    const clashing = names.indexOf(imported[0]?.name ?? '');
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const photosBefore = await adminCount(t.db, 'SELECT 1 FROM cadre_photos');
    const appointmentsBefore = await adminCount(t.db, 'SELECT 1 FROM cadre_appointments');
    const batch: Record<string, Uint8Array> = {};
    for (let k = 0; k < n - 1; k++) batch[`${k}.lrmx`] = formOf(20 + k, `回滚审批${k}`);
    batch['last.lrmx'] = formOf(clashing, '回滚审批末');
    const logged = logLines.length;
    const failed = await upload([{ name: 'batch.zip', bytes: zipSync(batch) }], street1, own);
    // the unique index's refusal: 409 with a message that names no row of the other unit
    expect(failed.statusCode, failed.body).toBe(409);
    expect(failed.json<{ code: string; message: string }>()).toEqual({
      code: 'CONFLICT',
      message: '该身份证号不能登记：已登记或不在您的数据范围内，请核对或联系组织部',
    });
    void logged;
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadre_photos')).toBe(photosBefore);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadre_appointments')).toBe(appointmentsBefore);
    expect(await adminCount(t.db, `SELECT 1 FROM cadres WHERE name LIKE '回滚审批%'`)).toBe(0);
  });

  it('refuses path traversal in a zip and files of other kinds', async () => {
    const evil = zipSync({ '../evil.lrmx': new Uint8Array(fixture('complete.lrmx')) });
    const res = await upload([{ name: 'evil.zip', bytes: evil }]);
    expect(res.statusCode).toBe(400);
    expect(res.json<Answer>().errors?.[0]?.message).toContain('路径不安全');
    const txt = await upload([{ name: 'notes.txt', bytes: Buffer.from('hello') }]);
    expect(txt.json<Answer>().errors?.[0]).toMatchObject({ file: 'notes.txt' });
  });
});
