import type { DashboardDrillList, DashboardSection } from '@ganbu/core';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { safeCell } from '../../../platform/xlsx-cell.ts';
import type { DashboardScope } from './scope.ts';

/** 看板的表格 and 下钻名单 as Excel: Chinese headers, the explanation under the table, text cells escaped. */

export const SECTION_TITLES: Record<DashboardSection['id'], string> = {
  headcount: '干部人数',
  structure: '结构指标',
  age: '年龄结构',
  education: '学历结构',
  gender: '性别结构',
  category: '人员类别',
  grades: '年度考核等次分布',
  pay: '经济激励发放',
  training: '教育培训达标',
  burden: '减负松绑',
  care: '关心关爱覆盖',
  cases: '流程事项统计',
};

const UNIT_TEXT: Record<DashboardSection['unit'], string> = {
  people: '人',
  percent: '%',
  yuan: '元',
  count: '件',
  days: '天',
  minutes: '分钟',
};

export async function writeSectionWorkbook(
  s: DashboardScope,
  section: DashboardSection,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(SECTION_TITLES[section.id], { views: [{ state: 'frozen', ySplit: 2 }] });
  const hasTarget = section.rows.some((r) => r.target !== null);
  ws.columns = [28, ...section.series.map(() => 16), ...(hasTarget ? [12] : [])].map((width) => ({ width }));
  const title = ws.addRow([safeCell(`${s.org.name} ${s.year} 年 · ${SECTION_TITLES[section.id]}`)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const unit = UNIT_TEXT[section.unit];
  const head = ws.addRow([
    '项目',
    ...section.series.map((x) => safeCell(`${x.name}（${unit}）`)),
    ...(hasTarget ? [`目标（${unit}）`] : []),
  ]);
  head.font = { bold: true };
  head.commit();
  for (const r of section.rows) {
    const row = ws.addRow([safeCell(r.label), ...r.values, ...(hasTarget ? [r.target] : [])]);
    if (section.unit === 'yuan')
      for (let i = 2; i <= section.series.length + 1; i++) row.getCell(i).numFmt = '#,##0.00';
    row.commit();
  }
  ws.addRow([]).commit();
  ws.addRow([safeCell(`说明：${section.explanation}`)]).commit();
  ws.commit();
  await wb.commit();
}

export async function writeDrillWorkbook(list: DashboardDrillList, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('名单', { views: [{ state: 'frozen', ySplit: 2 }] });
  const money = list.items.some((i) => i.value !== null);
  ws.columns = [6, 14, 28, 50, ...(money ? [14] : [])].map((width) => ({ width }));
  const title = ws.addRow([safeCell(`${list.title}（共 ${list.total} 条）`)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const head = ws.addRow(['序号', '姓名/事项', '单位', '说明', ...(money ? ['金额（元）'] : [])]);
  head.font = { bold: true };
  head.commit();
  list.items.forEach((i, n) => {
    const row = ws.addRow([
      n + 1,
      safeCell(i.name),
      safeCell(i.orgName),
      safeCell(i.detail),
      ...(money ? [i.value] : []),
    ]);
    if (money) row.getCell(5).numFmt = '#,##0.00';
    row.commit();
  });
  ws.commit();
  await wb.commit();
}
