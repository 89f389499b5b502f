import type { Writable } from 'node:stream';
import type { PayExplanation, PayRun, PayUnitTotal } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/xlsx-cell.ts';
import type { LineRecord } from './repository/runs.ts';

/** Amounts in yuan with two decimals, as numbers (fen / 100 is exact to the cent in a double for these sizes). */
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const MONEY = '#,##0.00';

/** The explanation step whose label starts with one of the words, as shown ("值（条款）"). */
function stepText(e: PayExplanation, ...labels: string[]): string {
  return e.steps
    .filter((s) => labels.some((l) => s.label.includes(l)))
    .map((s) => s.value)
    .join('；');
}

const HEADERS = [
  '序号',
  '姓名',
  '单位',
  '基数（元）',
  '比例/系数',
  '考核等次',
  '资格',
  '保底',
  '金额（元）',
  '计算说明',
  '备注',
];

/**
 * 核算明细: sheet 1 one row per person (the lines the reader may see) with the explanation's columns; sheet 2
 * the per-unit summary over the same lines. Streamed (ExcelJS WorkbookWriter), landscape, header row
 * repeated on every printed page.
 */
export async function writeLinesWorkbook(
  run: PayRun,
  lines: AsyncIterable<LineRecord[]>,
  unitTotals: PayUnitTotal[],
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('核算明细', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
  });
  ws.columns = [6, 10, 24, 14, 22, 18, 24, 22, 14, 60, 30].map((width) => ({ width }));
  const title = ws.addRow([safeCell(`${run.name}（${run.packName} ${run.packEffectiveFrom} 版）`)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for await (const slice of lines)
    for (const l of slice) {
      n += 1;
      const e = l.explanation;
      const row = ws.addRow([
        n,
        safeCell(l.name),
        safeCell(l.unitName),
        yuan(l.baseFen),
        safeCell(stepText(e, '比例', '上浮', '系数', '权重', '提高')),
        safeCell(stepText(e, '等次', '得分')),
        safeCell(stepText(e, '资格')),
        safeCell(stepText(e, '保底')),
        yuan(l.amountFen),
        safeCell(e.summary),
        safeCell(e.notes.join('；')),
      ]);
      row.getCell(4).numFmt = MONEY;
      row.getCell(9).numFmt = MONEY;
      row.commit();
    }
  ws.commit();

  const sum = wb.addWorksheet('分单位汇总', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sum.columns = [30, 10, 16].map((width) => ({ width }));
  const sumHead = sum.addRow(['单位', '人数', '金额（元）']);
  sumHead.font = { bold: true };
  sumHead.commit();
  for (const u of unitTotals) {
    const row = sum.addRow([safeCell(u.unitName), u.count, yuan(u.totalFen)]);
    row.getCell(3).numFmt = MONEY;
    row.commit();
  }
  const total = sum.addRow([
    '合计',
    unitTotals.reduce((a, u) => a + u.count, 0),
    yuan(unitTotals.reduce((a, u) => a + u.totalFen, 0)),
  ]);
  total.font = { bold: true };
  total.getCell(3).numFmt = MONEY;
  total.commit();
  sum.commit();
  await wb.commit();
}
