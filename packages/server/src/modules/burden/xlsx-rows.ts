import type { XlsxImportError } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { unescapeCell } from '../../platform/xlsx-cell.ts';
import { loadWorkbook } from '../cadre/import-xlsx.ts';

/**
 * Reading and writing the burden module's one-sheet Excel imports (the four registers, the work list):
 * columns with a fill-in note, cells read by header text, dates / numbers / yes-no as officers type them.
 * Shared by `registers/workbook.ts` and `worklist/workbook.ts`.
 */

export interface Column {
  header: string;
  required: boolean;
  width: number;
  note: string;
}

export const col = (header: string, required: boolean, width: number, note: string): Column => ({
  header,
  required,
  width,
  note,
});

export const MAX_ROWS = 20_000;
export const headerOf = (c: Column) => (c.required ? `${c.header}*` : c.header);

export interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export type Cell = string | number | boolean | Date | null;

function cellOf(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return unescapeCell(v);
  if (typeof v === 'object' && 'richText' in v) return unescapeCell(v.richText.map((t) => t.text).join(''));
  if (typeof v === 'object' && 'result' in v) {
    const res = v.result as Cell | undefined;
    return typeof res === 'string' ? unescapeCell(res) : (res ?? null);
  }
  if (typeof v === 'object' && 'text' in v) return unescapeCell(String(v.text));
  return unescapeCell(String(cell.text));
}

export const text = (v: Cell | undefined) =>
  v === null || v === undefined ? '' : v instanceof Date ? isoOf(v) : String(v).trim();

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A date cell: an Excel date or 2026-03-05 / 2026/3/5 / 2026.3.5 / 2026年3月5日. false: not a date */
export function dateOf(v: Cell | undefined): string | null | false {
  if (v === null || v === undefined || text(v) === '') return null;
  if (v instanceof Date) return isoOf(v);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(v));
  if (!m) return false;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoOf(d) !== iso ? false : iso;
}

export function intOf(v: Cell | undefined): number | null | 'bad' {
  const s = text(v);
  if (s === '') return null;
  const n = Number(s);
  return Number.isInteger(n) ? n : 'bad';
}

export function numOf(v: Cell | undefined): number | null | 'bad' {
  const s = text(v);
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : 'bad';
}

export function boolOf(v: Cell | undefined): boolean | 'bad' {
  if (typeof v === 'boolean') return v;
  const s = text(v);
  if (s === '' || s === '否' || s === '0' || /^(no|n|false)$/i.test(s)) return false;
  if (s === '是' || s === '1' || /^(yes|y|true)$/i.test(s)) return true;
  return 'bad';
}

/**
 * The rows of the sheet `sheetName` (else the first visible sheet), cells keyed by header text ('*' ignored),
 * with their row numbers; `missing`: required columns the sheet lacks.
 */
export async function readSheetRows(bytes: Buffer, sheetName: string, columns: readonly Column[]) {
  const wb = await loadWorkbook(bytes, { ignoreNodes: ['dataValidations'] });
  const ws = wb.getWorksheet(sheetName) ?? wb.worksheets.find((w) => w.state === 'visible');
  const headers = new Set(columns.map((c) => c.header));
  const byCol = new Map<number, string>();
  const rows: { row: number; cells: Map<string, Cell> }[] = [];
  if (!ws) return { sheet: sheetName, rows, missing: [...headers] };
  ws.getRow(1).eachCell((cell, n) => {
    const h = String(cell.text).replace(/[*＊\s]/g, '');
    if (headers.has(h)) byCol.set(n, h);
  });
  const missing = columns
    .filter((c) => c.required && ![...byCol.values()].includes(c.header))
    .map((c) => c.header);
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = new Map<string, Cell>();
    let any = false;
    r.eachCell((cell, c) => {
      const h = byCol.get(c);
      if (!h) return;
      const v = cellOf(cell);
      if (text(v) !== '') any = true;
      cells.set(h, v);
    });
    if (any) rows.push({ row: n, cells });
  });
  return { sheet: ws.name, rows, missing };
}

/**
 * What refuses a sheet before its rows are read: required columns missing, or no data row (errors), or more
 * rows than one import takes (413, thrown). Null when the rows may be checked.
 */
export function sheetProblems(
  sheet: string,
  rowCount: number,
  missing: readonly string[],
): XlsxImportError[] | null {
  if (missing.length)
    return missing.map((h) => ({ sheet, row: 1, column: h, message: `缺少“${h}”列（请使用下载的模板）` }));
  if (rowCount > MAX_ROWS) throw new AppError(413, 'BODY_TOO_LARGE', `一次最多导入 ${MAX_ROWS} 行`);
  if (rowCount === 0) return [{ sheet, row: 0, column: '', message: `“${sheet}”表中没有数据行` }];
  return null;
}

/** Units by code path and by name; a name two units share maps to null (the officer must give the path). */
export function unitsByKey<T extends { path: string; name: string }>(
  orgs: readonly T[],
): Map<string, T | null> {
  const byKey = new Map<string, T | null>();
  for (const o of orgs) {
    byKey.set(o.path, o);
    byKey.set(o.name, byKey.has(o.name) ? null : o);
  }
  return byKey;
}

/** One data row's reader: its cells by header, required texts, and its problems by column. */
export function rowReader(sheet: string, r: { row: number; cells: Map<string, Cell> }) {
  const at = { sheet, row: r.row };
  const errors: XlsxImportError[] = [];
  const err = (column: string, message: string) => errors.push({ ...at, column, message });
  const get = (h: string) => r.cells.get(h) ?? null;
  const required = (h: string) => {
    const v = text(get(h));
    if (!v) err(h, `请填写${h}`);
    return v;
  };
  return { at, errors, err, get, required };
}

/** A 说明 sheet: the title, how the import works, and each column's note. */
export function writeHelpSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  title: string,
  sheetName: string,
  columns: readonly Column[],
  more: [string, string][] = [],
): void {
  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 20 }, { width: 10 }, { width: 80 }];
  const head = help.addRow([title]);
  head.font = { bold: true, size: 14 };
  head.commit();
  help
    .addRow([
      `在“${sheetName}”表中每行填写一条；带 * 的列必填。导入时全部检查，有任何错误则不导入任何数据，并逐行列出错误。`,
    ])
    .commit();
  const h = help.addRow(['列', '必填', '填写说明']);
  h.font = { bold: true };
  h.commit();
  for (const c of columns) help.addRow([c.header, c.required ? '是' : '否', c.note]).commit();
  if (more.length) help.addRow([]).commit();
  for (const [k, v] of more) help.addRow([k, '', v]).commit();
  help.commit();
}
