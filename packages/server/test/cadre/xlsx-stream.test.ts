import { APPOINTMENT_COLUMNS, headerLabel, PERSON_COLUMNS } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook, readWorkbookModel } from '../../src/modules/cadre/import-xlsx.ts';
import { modelPartsWatcher, streamSheets } from '../../src/modules/cadre/xlsx-stream.ts';
import { unzipCapped, zipDirectory } from '../../src/platform/zip-reader.ts';

// The streaming reader must read a workbook exactly as ExcelJS's model does (the importer's behaviour
// before it); workbooks with parts it reads differently go through the model.

const LIMITS = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024 };

/** people and appointments sheets (and a hidden dictionary first), headers as the template writes them */
async function book(fill: (people: ExcelJS.Worksheet, appointments: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('字典', { state: 'veryHidden' }).addRow(['单位', '城南街道']);
  const people = wb.addWorksheet('人员信息');
  people.addRow(PERSON_COLUMNS.map(headerLabel));
  people.getRow(1).font = { bold: true };
  const appointments = wb.addWorksheet('任职经历');
  appointments.addRow(APPOINTMENT_COLUMNS.map(headerLabel));
  fill(people, appointments);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function watch(bytes: Buffer) {
  const watcher = modelPartsWatcher(zipDirectory(bytes, LIMITS));
  await unzipCapped(bytes, LIMITS, { keep: false, onChunk: (e, c) => watcher.onChunk(e, c) });
  return watcher.needsModel;
}

describe('[cadre] import workbooks read streaming, as the model reads them', () => {
  it('text, numbers, dates, rich text, booleans, errors, escapes and gaps: the same rows either way', async () => {
    const bytes = await book((p, a) => {
      // 姓名 性别 出生年月 … in template order; column 1 name, 2 gender, 3 birth, 17 ID number
      p.getCell('A2').value = '张三';
      p.getCell('B2').value = '男';
      p.getCell('C2').value = new Date(Date.UTC(1988, 2, 1));
      p.getCell('C2').numFmt = 'yyyy-mm-dd';
      p.getCell('D2').value = { richText: [{ text: '汉', font: { bold: true } }, { text: '族' }] };
      p.getCell('E2').value = "'=SUM(A1)"; // the export's escape, undone on reading
      p.getCell('F2').value = 'a_x000D_b'; // an Excel escape, decoded by the model
      p.getCell('G2').value = true;
      p.getCell('H2').value = 2010.06;
      p.getCell('I2').value = { error: '#N/A' };
      p.getCell('Q2').value = '110105198803010018';
      p.getCell('A4').value = '  '; // blank text only: the row is left out
      p.getCell('A5').value = '李四';
      p.getCell('C5').value = 32203; // a date serial without a date format stays a number
      p.getCell('Z5').value = 'no header here';
      a.getCell('A2').value = '110105198803010018';
      a.getCell('H2').value = '2009.08';
    });
    expect(await watch(bytes)).toBe(false);
    const rows: number[] = [];
    const read = await streamSheets(
      bytes,
      zipDirectory(bytes, LIMITS),
      new Map([['人员信息', (r: ExcelJS.Row) => rows.push(r.number)]]),
    );
    expect([...read]).toEqual(['人员信息']);
    expect(rows).toEqual([1, 2, 4, 5]);

    const streamed = await readWorkbook(bytes);
    expect(streamed).toEqual(await readWorkbookModel(bytes));
    expect(streamed.people).toEqual([
      {
        row: 2,
        cells: {
          name: '张三',
          gender: '男',
          birthDate: new Date(Date.UTC(1988, 2, 1)),
          ethnicity: '汉族',
          nativePlace: '=SUM(A1)',
          birthPlace: 'a\rb',
          politicalStatus: true,
          partyJoinDate: 2010.06,
          workStartDate: '#N/A',
          idNumber: '110105198803010018',
        },
      },
      { row: 5, cells: { name: '李四', birthDate: 32203 } },
    ]);
    expect(streamed.appointments).toEqual([
      { row: 2, cells: { idNumber: '110105198803010018', start: '2009.08' } },
    ]);
  });

  it('formulas, merged cells and hyperlinks are read through the model', async () => {
    const cases: ((p: ExcelJS.Worksheet) => void)[] = [
      (p) => (p.getCell('G2').value = { formula: '1=1', result: true }),
      (p) => p.mergeCells('A2:A3'),
      (p) => (p.getCell('D2').value = { text: '汉族', hyperlink: 'http://example.org/' }),
    ];
    for (const fill of cases) {
      const bytes = await book((p) => {
        p.getCell('A2').value = '张三';
        p.getCell('B2').value = '男';
        fill(p);
      });
      expect(await watch(bytes)).toBe(true);
      expect(await readWorkbook(bytes)).toEqual(await readWorkbookModel(bytes));
    }
  });

  it('a workbook without a 人员信息 sheet: its first visible sheet, through the model', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([PERSON_COLUMNS.map(headerLabel), ['王五', '女']]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await watch(bytes)).toBe(false);
    const read = await readWorkbook(bytes);
    expect(read.people).toEqual([{ row: 2, cells: { name: '王五', gender: '女' } }]);
    expect(read).toEqual(await readWorkbookModel(bytes));
  });
});
