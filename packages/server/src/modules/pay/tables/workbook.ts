import type { XlsxImportError } from '@ganbu/core';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { safeCell, unescapeCell } from '../../../platform/xlsx-cell.ts';
import { loadWorkbook } from '../../cadre/import-xlsx.ts';
import type { PayTableKind } from './repository.ts';

/**
 * The pay tables' Excel template (one sheet per kind: the keys the district needs, their names, the
 * amount in 元 with two decimals) and the reading of a filled one. Amounts are read from the cell's
 * decimal text, never multiplied as floats: `12345.67` → 1234567 fen exactly.
 */

export interface SheetSpec {
  kind: PayTableKind;
  sheet: string;
  keyHeader: string;
  /** null: the key is its own name (a rank) */
  labelHeader: string | null;
  amountHeader: string;
}

export const SHEETS: SheetSpec[] = [
  {
    kind: 'rank-base',
    sheet: '职级基数',
    keyHeader: '职级',
    labelHeader: null,
    amountHeader: '区直机关同职级年度基数（元）',
  },
  {
    kind: 'bonus-base',
    sheet: '绩效奖基数',
    keyHeader: '等次编码',
    labelHeader: '等次名称',
    amountHeader: '区直机关同等次绩效奖（元）',
  },
  {
    kind: 'village-base',
    sheet: '村干部岗位补贴基数',
    keyHeader: '岗位编码',
    labelHeader: '岗位名称',
    amountHeader: '提高前年度补贴（元）',
  },
];

/** the largest amount a cell may hold: 1,000 亿元 (the contract's bound is 1e13 fen) */
const MAX_YUAN_DIGITS = 11;
/** rows of one sheet the template offers validation for, and the most an import reads */
export const MAX_SHEET_ROWS = 500;

export interface TemplateRow {
  key: string;
  label: string;
  amountFen: number | null;
}

/** Yuan with two decimals as the cell's number: 1234567 fen → 12345.67 (exact: the value is decimal text). */
const yuanNumber = (fen: number) => Number(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export async function writeTemplate(
  out: Writable,
  rows: Record<PayTableKind, TemplateRow[]>,
  year: number | null,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of SHEETS) {
    const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns = [
      { header: `${spec.keyHeader}*`, width: 22 },
      ...(spec.labelHeader ? [{ header: spec.labelHeader, width: 26 }] : []),
      { header: `${spec.amountHeader}*`, width: 30 },
    ];
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    const amountCol = columns.length;
    const letter = ws.getColumn(amountCol).letter;
    ws.getColumn(1).numFmt = '@';
    ws.getColumn(amountCol).numFmt = '#,##0.00';
    for (const r of rows[spec.kind])
      ws.addRow([
        safeCell(r.key),
        ...(spec.labelHeader ? [safeCell(r.label)] : []),
        r.amountFen === null ? null : yuanNumber(r.amountFen),
      ]);
    // ExcelJS keeps range validations in `dataValidations` (not in its type definitions)
    (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${MAX_SHEET_ROWS + 1}`, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 10 ** MAX_YUAN_DIGITS - 0.01],
      showErrorMessage: true,
      errorTitle: '金额有误',
      error: '请填写不小于 0 的金额（元），最多两位小数',
      showInputMessage: true,
      promptTitle: spec.amountHeader,
      prompt: year ? `${year} 年度，单位：元，最多两位小数` : '单位：元，最多两位小数',
    });
  }
  await wb.xlsx.write(out);
}

/** A cell's text as the importer reads it: a formula by its result, rich text flattened, the escape undone. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'number') s = String(v);
  else if (typeof v === 'string') s = unescapeCell(v);
  else if (typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = v.toISOString();
  else if (typeof v === 'object' && 'richText' in v) s = v.richText.map((r) => r.text).join('');
  else if (typeof v === 'object' && 'result' in v) {
    // a formula by its result (a number, text, or an error object, which reads as not a number)
    const res: unknown = v.result;
    s = typeof res === 'number' || typeof res === 'string' ? String(res) : res ? '#ERROR' : '';
  } else if (typeof v === 'object' && 'text' in v) s = String(v.text);
  else s = String(cell.text);
  return s.trim();
}

/**
 * Yuan as written (`12345.67`, `12,345.6`, `800`) → integer fen, or the problem. Only decimal text with at
 * most two decimals is accepted; the digits are joined, never multiplied as a float.
 */
export function parseYuan(text: string): { fen: number } | { problem: string } {
  const t = text.replace(/^[¥￥]/, '').trim();
  if (/^-/.test(t) && /^-[\d,]*(\.\d*)?$/.test(t)) return { problem: '金额不能为负数' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return { problem: `金额“${text}”不是数字（单位：元）` };
  const whole = (m[1] as string).replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (frac.length > 2) return { problem: `金额“${text}”超过两位小数（单位：元，精确到分）` };
  if (whole.length > MAX_YUAN_DIGITS) return { problem: `金额“${text}”过大` };
  return { fen: Number(BigInt(whole + frac.padEnd(2, '0'))) };
}

export interface ReadRow {
  kind: PayTableKind;
  sheet: string;
  row: number;
  key: string;
  label: string;
  /** null: left blank (the row is not imported) */
  amountText: string;
  amountHeader: string;
  keyHeader: string;
}

/**
 * The rows of every kind's sheet of an uploaded workbook (limits checked while inflating, by the cadre
 * importer's `loadWorkbook`), and the problems of the workbook's shape: a sheet that is none of the kinds,
 * a kind's sheet without its columns.
 */
export async function readWorkbook(bytes: Buffer): Promise<{ rows: ReadRow[]; errors: XlsxImportError[] }> {
  const wb = await loadWorkbook(bytes, { ignoreNodes: ['dataValidations'] });
  const rows: ReadRow[] = [];
  const errors: XlsxImportError[] = [];
  const names = SHEETS.map((s) => s.sheet).join('、');
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const spec = SHEETS.find((s) => s.sheet === ws.name.trim());
    if (!spec) {
      if (ws.actualRowCount > 0)
        errors.push({
          sheet: ws.name,
          row: 0,
          column: '',
          message: `不认识的工作表“${ws.name}”（基数表只有：${names}）`,
        });
      continue;
    }
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((c, col) => cols.set(String(c.text).replace(/[*＊\s]/g, ''), col));
    const keyCol = cols.get(spec.keyHeader);
    const amountCol = cols.get(spec.amountHeader);
    const labelCol = spec.labelHeader ? cols.get(spec.labelHeader) : undefined;
    if (!keyCol || !amountCol) {
      errors.push({
        sheet: ws.name,
        row: 1,
        column: '',
        message: `第 1 行应有列“${spec.keyHeader}”和“${spec.amountHeader}”（请使用下载的模板）`,
      });
      continue;
    }
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const key = cellText(r.getCell(keyCol));
      const amountText = cellText(r.getCell(amountCol));
      const label = labelCol ? cellText(r.getCell(labelCol)) : '';
      if (!key && !amountText && !label) return;
      rows.push({
        kind: spec.kind,
        sheet: ws.name,
        row: n,
        key,
        label,
        amountText,
        amountHeader: spec.amountHeader,
        keyHeader: spec.keyHeader,
      });
    });
  }
  return { rows, errors };
}
