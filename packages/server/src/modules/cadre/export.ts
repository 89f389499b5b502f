import type { Writable } from 'node:stream';
import { formatDot, type CadreListItem } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/xlsx-cell.ts';

const GENDER_LABEL = { male: '男', female: '女' } as const;

type Row = CadreListItem & { establishmentOrgName: string | null };

/** Roster columns as on the roster page (sensitive ones masked), with 编制所在单位 after the working unit. */
const COLUMNS: { header: string; width: number; value: (c: Row) => string | number | null }[] = [
  { header: '姓名', width: 10, value: (c) => c.name },
  { header: '性别', width: 6, value: (c) => GENDER_LABEL[c.gender] },
  // as officers write it: 1987.03 (a day-precision date keeps its month only, like the 任免审批表)
  { header: '出生年月', width: 10, value: (c) => formatDot(c.birthDate.slice(0, 7)) },
  { header: '年龄', width: 6, value: (c) => c.age },
  { header: '所在单位', width: 24, value: (c) => c.orgName },
  // empty: the working unit's establishment
  { header: '编制所在单位', width: 24, value: (c) => c.establishmentOrgName ?? '' },
  { header: '现任职务', width: 28, value: (c) => c.postTitle },
  { header: '职级', width: 12, value: (c) => c.rank },
  { header: '政治面貌', width: 12, value: (c) => c.politicalStatus },
  { header: '全日制学历', width: 12, value: (c) => c.education },
  { header: '学位', width: 10, value: (c) => c.degree },
  { header: '身份证号', width: 22, value: (c) => c.idNumberMasked },
  { header: '联系电话', width: 14, value: (c) => c.phoneMasked },
];

export async function writeRosterWorkbook(
  /** roster pages, each row with its 编制所在单位's name (null: the working unit) */
  pages: AsyncIterable<Row[]>,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // printed as officers print a roster: A4 landscape, every column on the page's width, the header row on
  // every page
  const ws = wb.addWorksheet('干部名册', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const page of pages) {
    for (const c of page)
      ws.addRow(
        COLUMNS.map((col) => {
          const v = col.value(c);
          return typeof v === 'number' ? v : safeCell(v);
        }),
      ).commit();
  }
  ws.commit();
  await wb.commit();
}
