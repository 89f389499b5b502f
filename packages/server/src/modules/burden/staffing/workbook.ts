import type { Writable } from 'node:stream';
import type { Borrowing, EstablishmentReport } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../../platform/xlsx-cell.ts';

const STATE_NAMES: Record<Borrowing['state'], string> = {
  pending: '办理中',
  rejected: '未同意',
  withdrawn: '已撤回',
  in_force: '借调中',
  overdue: '逾期未归还',
  returned: '已归还',
};

async function writeSheet<T>(
  out: Writable,
  sheet: string,
  columns: { header: string; width: number; value: (x: T) => string | number }[],
  rows: AsyncIterable<T[]> | Iterable<T[]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const page of rows)
    for (const x of page)
      ws.addRow(
        columns.map((c) => {
          const v = c.value(x);
          return typeof v === 'number' ? v : safeCell(v);
        }),
      ).commit();
  ws.commit();
  await wb.commit();
}

/** 借调登记表: one row per borrowing, as the register shows it. */
export function writeBorrowingWorkbook(pages: AsyncIterable<Borrowing[]>, out: Writable): Promise<void> {
  return writeSheet<Borrowing>(
    out,
    '借调登记表',
    [
      { header: '姓名', width: 10, value: (b) => b.cadreName },
      { header: '派出单位', width: 18, value: (b) => b.lenderName },
      { header: '借用单位', width: 18, value: (b) => b.borrowerName },
      { header: '借调事由', width: 18, value: (b) => b.purposeName },
      { header: '工作任务', width: 30, value: (b) => b.task },
      {
        header: '批准文号',
        width: 18,
        value: (b) => (b.approval ? `${b.approval.byName} ${b.approval.reference}` : ''),
      },
      { header: '开始日期', width: 12, value: (b) => b.from },
      { header: '截止日期', width: 12, value: (b) => b.until },
      { header: '归还日期', width: 12, value: (b) => b.returnedOn ?? '' },
      { header: '状态', width: 12, value: (b) => STATE_NAMES[b.state] },
      { header: '说明', width: 60, value: (b) => `${b.stateText}。${b.explanation}` },
    ],
    pages,
  );
}

interface PersonLine {
  unit: string;
  side: string;
  name: string;
  other: string;
}

/** 专编专用情况表: per protected unit its counts, then one line per person working elsewhere or hosted. */
export function writeEstablishmentWorkbook(report: EstablishmentReport, out: Writable): Promise<void> {
  const lines: PersonLine[] = report.units.flatMap((u) => [
    {
      unit: u.orgName,
      side: `核定编制${u.establishmentTotal}名，编制在本单位${u.onEstablishment}人`,
      name: '',
      other: '',
    },
    ...u.workingElsewhere.map((p) => ({
      unit: u.orgName,
      side: '编制在本单位、在外单位工作',
      name: p.name,
      other: p.orgName,
    })),
    ...u.fromElsewhere.map((p) => ({
      unit: u.orgName,
      side: '在本单位工作、编制在外单位',
      name: p.name,
      other: p.orgName,
    })),
  ]);
  return writeSheet<PersonLine>(
    out,
    '专编专用情况',
    [
      { header: '单位', width: 20, value: (l) => l.unit },
      { header: '情况', width: 34, value: (l) => l.side },
      { header: '姓名', width: 10, value: (l) => l.name },
      { header: '工作单位/编制所在单位', width: 24, value: (l) => l.other },
    ],
    [lines],
  );
}
