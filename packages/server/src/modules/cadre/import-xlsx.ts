import {
  chinaToday,
  APPOINTMENT_COLUMNS,
  APPOINTMENTS_SHEET,
  CadreRecordInputSchema,
  headerLabel,
  PEOPLE_SHEET,
  PERSON_COLUMNS,
  readAppointmentRow,
  readPersonRow,
  validateCadreRecord,
  type CadreRecord,
  type CellValue,
  type ImportError,
} from '@ganbu/core';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { safeCell, unescapeCell } from '../../platform/xlsx-cell.ts';
import { isZip, unzipCapped, zipDirectory, type ZipEntry } from '../../platform/zip-reader.ts';
import * as bulk from './bulk-write.ts';
import { districtUnits } from './establishment-units.ts';
import { idNumberIndex } from './sensitive.ts';
import { cadreWrite } from './service.ts';
import { modelPartsWatcher, streamSheets } from './xlsx-stream.ts';

const DICT_SHEET = '字典';

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
const MAX_ROWS = 20_000;

/** A row as written: text through the formula escape (SECURITY 19), numbers and dates as they are. */
const safeRow = (row: CellValue[]) => row.map((v) => (typeof v === 'string' ? safeCell(v) : v));

/**
 * The import template: people and appointments sheets with drop-downs fed from a dictionary sheet. Every
 * text written from data (rows, unit names in the lists) is escaped; the importer undoes it (cellValue).
 */
export async function writeTemplate(
  out: Writable,
  unitNames: string[],
  rows: { people: CellValue[][]; appointments: CellValue[][] } = { people: [], appointments: [] },
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const dict = wb.addWorksheet(DICT_SHEET, { state: 'veryHidden' });
  const lists = new Map<string, string>();
  const addList = (name: string, values: string[]) => {
    const col = lists.size + 1;
    dict.getColumn(col).values = [name, ...values.map(safeCell)];
    const letter = dict.getColumn(col).letter;
    lists.set(name, `${DICT_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`);
  };
  const sheet = (
    title: string,
    columns: { header: string; required?: boolean; width: number; list?: string[] }[],
  ) => {
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: headerLabel(c), width: c.width }));
    ws.getRow(1).font = { bold: true };
    columns.forEach((c, i) => {
      const letter = ws.getColumn(i + 1).letter;
      ws.getColumn(i + 1).numFmt = '@'; // text: officers type 1987.03 and ID numbers without Excel mangling them
      if (c.required)
        ws.getCell(`${letter}1`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
      // the unit columns offer the writer's units; 编制所在单位 may also be typed (any unit of the district)
      const unitColumn = c.header === '所在单位' || c.header === '编制所在单位';
      const list = unitColumn ? unitNames : c.list;
      if (!list) return;
      const key = `${title}.${c.header}`;
      addList(key, list);
      // ExcelJS keeps range validations in `dataValidations` (not in its type definitions)
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${MAX_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [lists.get(key) as string],
        showErrorMessage: !unitColumn,
        errorTitle: '输入有误',
        error: `请从下拉列表中选择${c.header}`,
      });
    });
    return ws;
  };
  const people = sheet(PEOPLE_SHEET, PERSON_COLUMNS);
  for (const row of rows.people) people.addRow(safeRow(row));
  const appointments = sheet(APPOINTMENTS_SHEET, APPOINTMENT_COLUMNS);
  for (const row of rows.appointments) appointments.addRow(safeRow(row));
  wb.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 1, activeTab: 1, visibility: 'visible' },
  ];
  await wb.xlsx.write(out);
}

/** A cell as the importer reads it: a formula by its result, text with the export's escape undone. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = rawCellValue(cell);
  return typeof v === 'string' ? unescapeCell(v) : v;
}

function rawCellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return (v.result as CellValue) ?? null;
  return String(cell.text);
}

type SheetRow<K extends string> = { row: number; cells: Partial<Record<K, CellValue>> };

/**
 * Rows of a sheet keyed by column key, found by header text (order-free, '*' ignored), fed row by row in
 * order (row 1, the header, first); a row without any text in a known column is left out.
 */
function sheetRows<K extends string>(columns: { key: K; header: string }[]) {
  const byHeader = new Map(columns.map((c) => [c.header, c.key]));
  const keyOfCol = new Map<number, K>();
  const rows: SheetRow<K>[] = [];
  const header = (r: ExcelJS.Row) =>
    r.eachCell((cell, col) => {
      const key = byHeader.get(String(cell.text).replace(/[*＊\s]/g, ''));
      if (key) keyOfCol.set(col, key);
    });
  const add = (r: ExcelJS.Row) => {
    if (r.number === 1) return header(r);
    const cells: Partial<Record<K, CellValue>> = {};
    let any = false;
    r.eachCell((cell, col) => {
      const key = keyOfCol.get(col);
      if (!key) return;
      const v = cellValue(cell);
      if (v !== null && String(v).trim() !== '') any = true;
      cells[key] = v;
    });
    if (any) rows.push({ row: r.number, cells });
  };
  return { add, rows };
}

/** Rows of a sheet of a loaded workbook model (see `sheetRows`). */
function readSheet<K extends string>(
  ws: ExcelJS.Worksheet | undefined,
  columns: { key: K; header: string }[],
): SheetRow<K>[] {
  if (!ws) return [];
  const sheet = sheetRows(columns);
  sheet.add(ws.getRow(1));
  ws.eachRow((r, n) => {
    if (n !== 1) sheet.add(r);
  });
  return sheet.rows;
}

/**
 * Limits of an uploaded workbook, checked while inflating it, before ExcelJS reads it: ExcelJS inflates
 * every part into one string and keeps each cell as an object (about 330 bytes of heap each), so cells and
 * rows are counted as well as bytes. 1,000,000 cells and rows take ExcelJS about 350 MB of heap; they hold
 * 20,000 people (23 columns) with 50,000 appointment rows (9 columns).
 */
const XLSX_LIMITS = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024, maxCellsAndRows: 1_000_000 };

const invalidWorkbook = (message = '文件不是有效的 Excel（.xlsx）工作簿') =>
  new AppError(400, 'VALIDATION', message, undefined, {
    errors: [{ sheet: '', row: 0, column: '', message }],
  });

/** `<c` and `<row` start tags (as ExcelJS reads them: unprefixed) in a stream of chunks split anywhere. */
export function cellTagCounter() {
  let carry = Buffer.alloc(0);
  const ends = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]); // space, tab, newline, '/', '>'
  return (chunk: Buffer): number => {
    const text = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let count = 0;
    for (const tag of ['<c', '<row']) {
      for (let at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + 1)) {
        const end = at + tag.length;
        // counted once: when its following byte is here, and not already within the carried tail
        if (end < text.length && end >= carry.length && ends.has(text[end] as number)) count++;
      }
    }
    carry = Buffer.from(text.subarray(Math.max(0, text.length - 4)));
    return count;
  };
}

/**
 * Refuse a workbook past `XLSX_LIMITS` (or not a zip) before ExcelJS sees it; nothing is kept. Returns
 * the archive's (checked) entries and whether the streaming reader may read it (xlsx-stream.ts).
 */
async function checkWorkbook(bytes: Buffer): Promise<{ entries: ZipEntry[]; needsModel: boolean }> {
  if (!isZip(bytes)) throw invalidWorkbook();
  const counters = new Map<ZipEntry, (chunk: Buffer) => number>();
  let cells = 0;
  try {
    const entries = zipDirectory(bytes, XLSX_LIMITS);
    const watcher = modelPartsWatcher(entries);
    await unzipCapped(bytes, XLSX_LIMITS, {
      keep: false,
      onChunk(entry, chunk) {
        watcher.onChunk(entry, chunk);
        let count = counters.get(entry);
        if (!count) counters.set(entry, (count = cellTagCounter()));
        cells += count(chunk);
        if (cells > XLSX_LIMITS.maxCellsAndRows)
          throw new AppError(
            413,
            'BODY_TOO_LARGE',
            `工作簿的单元格过多（超过 ${XLSX_LIMITS.maxCellsAndRows} 个），请分批导入`,
          );
      },
    });
    return { entries, needsModel: watcher.needsModel };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) throw invalidWorkbook(err.message);
    throw err;
  }
}

/** An uploaded workbook, checked against `XLSX_LIMITS` first. */
export async function loadWorkbook(bytes: Buffer, options?: Partial<ExcelJS.XlsxReadOptions>) {
  await checkWorkbook(bytes);
  return loadChecked(bytes, options);
}

/** A workbook already checked against `XLSX_LIMITS`, as ExcelJS's model. */
async function loadChecked(bytes: Buffer, options?: Partial<ExcelJS.XlsxReadOptions>) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, options);
  } catch {
    throw invalidWorkbook();
  }
  return wb;
}

/**
 * The people and appointment rows of an uploaded workbook, read by ExcelJS's streaming reader: only the
 * rows are kept, one sheet row at a time (xlsx-stream.ts). A workbook with parts that reader would read
 * differently is read through the workbook model instead (`readWorkbookModel`).
 */
export async function readWorkbook(bytes: Buffer) {
  const { entries, needsModel } = await checkWorkbook(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (needsModel || !names.has('xl/sharedStrings.xml') || !names.has('xl/_rels/workbook.xml.rels'))
    return readWorkbookModel(bytes);
  const people = sheetRows(PERSON_COLUMNS);
  const appointments = sheetRows(APPOINTMENT_COLUMNS);
  try {
    const read = await streamSheets(
      bytes,
      entries,
      new Map([
        [PEOPLE_SHEET, people.add],
        [APPOINTMENTS_SHEET, appointments.add],
      ]),
    );
    // no sheet by that name: the model's first visible sheet is read as the people sheet
    if (!read.has(PEOPLE_SHEET)) return readWorkbookModel(bytes);
  } catch {
    // a workbook the streaming reader cannot read as the model would (or at all): the model decides
    return readWorkbookModel(bytes);
  }
  return { people: people.rows, appointments: appointments.rows };
}

/**
 * The rows as read from the workbook model. The model is dropped on return, so only the rows stay in
 * memory while the import is checked and written. Data validations (the template's drop-downs, which
 * ExcelJS expands into one entry per cell: 160,000 for the template) are not read.
 */
export async function readWorkbookModel(bytes: Buffer) {
  const wb = await loadChecked(bytes, { ignoreNodes: ['dataValidations'] });
  return {
    people: readSheet(
      wb.getWorksheet(PEOPLE_SHEET) ?? wb.worksheets.find((w) => w.state === 'visible'),
      PERSON_COLUMNS,
    ),
    appointments: readSheet(wb.getWorksheet(APPOINTMENTS_SHEET), APPOINTMENT_COLUMNS),
  };
}

export type ImportMode = 'create' | 'update';

export interface ImportPlan {
  records: { row: number; record: CadreRecord; existingId: string | null }[];
  errors: ImportError[];
}

const FIELD_COLUMN: Record<string, string> = {
  idNumber: '身份证号',
  phone: '联系电话',
  birthDate: '出生年月',
  partyJoinDate: '入党时间',
  workStartDate: '参加工作时间',
  name: '姓名',
  gender: '性别',
};

export type ImportSheets = Awaited<ReturnType<typeof readImportSheets>>;

/** The two sheets' rows of an uploaded workbook, refused past `MAX_ROWS` people; needs no database. */
export async function readImportSheets(bytes: Buffer) {
  const sheets = await readWorkbook(bytes);
  if (sheets.people.length > MAX_ROWS)
    throw new AppError(413, 'BODY_TOO_LARGE', `一次最多导入 ${MAX_ROWS} 行`);
  return sheets;
}

/** Check a whole workbook (its bytes, or its sheets already read); nothing is written. */
export async function planImport(
  ctx: RequestContext,
  cipher: FieldCipher,
  input: Buffer | ImportSheets,
  mode: ImportMode,
): Promise<ImportPlan> {
  const { people, appointments } = Buffer.isBuffer(input) ? await readImportSheets(input) : input;
  const errors: ImportError[] = [];
  const today = chinaToday(ctx.now);

  const { rows: orgRows } = await ctx.client.query<{ id: string; name: string; path: string }>(
    'SELECT id, name, path::text AS path FROM orgs WHERE active',
  );
  const keyed = (units: { id: string; name: string; path: string }[]) => {
    const byKey = new Map<string, string | null>();
    for (const o of units) {
      byKey.set(o.path, o.id);
      byKey.set(o.name, byKey.has(o.name) ? null : o.id); // a name used twice is ambiguous
    }
    return byKey;
  };
  const orgByKey = keyed(orgRows);
  // 编制所在单位 may be any unit of the district (a street's establishment for a department cadre)
  const anyEstablishment = people.some((p) => String(p.cells.establishment ?? '').trim() !== '');
  const establishmentByKey = anyEstablishment ? keyed(await districtUnits(ctx)) : new Map<string, null>();

  const apptsById = new Map<string, { row: number; appointment: Record<string, unknown> }[]>();
  for (const a of appointments) {
    const read = readAppointmentRow(a.cells, { sheet: APPOINTMENTS_SHEET, row: a.row });
    errors.push(...read.errors);
    const list = apptsById.get(read.idNumber) ?? [];
    list.push({ row: a.row, appointment: read.appointment });
    apptsById.set(read.idNumber, list);
  }

  const seenIds = new Map<string, number>();
  const records: ImportPlan['records'] = [];
  const lookups: { index: number; hash: string }[] = [];
  for (const p of people) {
    const at = { sheet: PEOPLE_SHEET, row: p.row };
    const read = readPersonRow(p.cells, at);
    errors.push(...read.errors);
    const orgId = orgByKey.get(read.unit);
    if (read.unit && orgId === undefined)
      errors.push({ ...at, column: '所在单位', message: `找不到单位“${read.unit}”（或不在您的数据范围内）` });
    if (read.unit && orgId === null)
      errors.push({ ...at, column: '所在单位', message: `单位名称“${read.unit}”不唯一，请填写单位编码路径` });
    const establishmentOrgId = read.establishment ? establishmentByKey.get(read.establishment) : null;
    if (establishmentOrgId === undefined)
      errors.push({
        ...at,
        column: '编制所在单位',
        message: `找不到单位“${read.establishment}”，编制所在单位应为本区的现有单位（不填即与所在单位相同）`,
      });
    if (read.establishment && establishmentOrgId === null)
      errors.push({
        ...at,
        column: '编制所在单位',
        message: `单位名称“${read.establishment}”不唯一，请填写单位编码路径`,
      });
    const idNumber = read.fields.idNumber as string | null;
    if (idNumber) {
      const first = seenIds.get(idNumber);
      if (first) errors.push({ ...at, column: '身份证号', message: `与第 ${first} 行的身份证号重复` });
      seenIds.set(idNumber, p.row);
    } else if (mode === 'update') {
      errors.push({ ...at, column: '身份证号', message: '按身份证号更新时必须填写身份证号' });
    }
    if (read.errors.length || !orgId || establishmentOrgId === undefined) continue;
    if (read.establishment && establishmentOrgId === null) continue;
    const linked = idNumber ? (apptsById.get(idNumber) ?? []) : [];
    const parsed = CadreRecordInputSchema.safeParse({
      ...read.fields,
      orgId,
      establishmentOrgId,
      appointments: linked.map((l) => l.appointment),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, index] = issue.path;
        if (head === 'appointments' && typeof index === 'number') {
          errors.push({
            sheet: APPOINTMENTS_SHEET,
            row: linked[index]?.row ?? 0,
            column: String(issue.path[2] ?? ''),
            message: issue.message,
          });
        } else {
          errors.push({ ...at, column: FIELD_COLUMN[String(head)] ?? String(head), message: issue.message });
        }
      }
      continue;
    }
    for (const problem of validateCadreRecord(parsed.data, today)) {
      const [head, index, sub] = problem.field.split('.');
      if (head === 'appointments') {
        const column = sub === 'end' ? '终止时间' : '起始时间';
        errors.push({
          sheet: APPOINTMENTS_SHEET,
          row: linked[Number(index)]?.row ?? 0,
          column,
          message: problem.message,
        });
      } else {
        errors.push({ ...at, column: FIELD_COLUMN[head ?? ''] ?? head ?? '', message: problem.message });
      }
    }
    if (idNumber) lookups.push({ index: records.length, hash: idNumberIndex(cipher, idNumber) });
    records.push({ row: p.row, record: parsed.data, existingId: null });
  }
  // every ID number in one look-up (per chunk) instead of one query per row; only cadres in scope are found.
  // The errors land after the row's other errors, as before (the final sort is stable by sheet and row).
  const existing = await bulk.findCadreIdsByIdNumberHashes(
    ctx.client,
    lookups.map((l) => l.hash),
  );
  for (const { index, hash } of lookups) {
    const r = records[index] as ImportPlan['records'][number];
    const existingId = existing.get(hash) ?? null;
    const at = { sheet: PEOPLE_SHEET, row: r.row };
    if (mode === 'create' && existingId)
      errors.push({
        ...at,
        column: '身份证号',
        message: '该身份证号已在干部信息库中（如需更新请选择“按身份证号更新”）',
      });
    if (mode === 'update' && !existingId)
      errors.push({
        ...at,
        column: '身份证号',
        message: '干部信息库中没有该身份证号（或不在您的数据范围内）',
      });
    r.existingId = existingId;
  }
  for (const [id, list] of apptsById) {
    if (!seenIds.has(id))
      for (const l of list)
        errors.push({
          sheet: APPOINTMENTS_SHEET,
          row: l.row,
          column: '身份证号',
          message: '人员信息表中没有这个身份证号',
        });
  }
  if (people.length === 0)
    errors.push({ sheet: PEOPLE_SHEET, row: 0, column: '', message: '人员信息表中没有数据行' });
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return { records, errors };
}

/**
 * All or nothing: any error and nothing is written (the caller's transaction rolls back). The rows are
 * written in chunks of `chunkRows` with a few multi-row statements each (bulk-write.ts); an existing cadre
 * (update mode) is updated and its appointment history replaced, a new one inserted with its history.
 */
export async function applyImport(
  ctx: RequestContext,
  cipher: FieldCipher,
  plan: ImportPlan,
  { chunkRows = bulk.BULK_CHUNK_ROWS }: { chunkRows?: number } = {},
) {
  const today = chinaToday(ctx.now);
  const imported: { id: string; name: string }[] = [];
  const staged = new Set<string>(); // staging tables made in this (the request's) transaction
  await bulk.writeInChunks(
    plan.records,
    chunkRows,
    (records) =>
      records.map(({ record, existingId }) => ({
        id: existingId ?? randomUUID(),
        existing: existingId !== null,
        write: cadreWrite(cipher, record, today),
        appointments: record.appointments,
        name: record.name,
      })),
    async (chunk) => {
      const inserted = await bulk.writeCadreChunk(ctx.client, chunk, staged);
      if (inserted !== chunk.filter((c) => !c.existing).length)
        throw new AppError(404, 'NOT_FOUND', '单位不存在或不在您的数据范围内');
      for (const c of chunk) imported.push({ id: c.id, name: c.name });
    },
  );
  return imported;
}

/**
 * The uploaded workbook with each wrong cell filled red and an error note, plus an 错误说明 column. The
 * report holds values only: formulas are replaced by their results, links by their text, and every text
 * goes through the formula escape (SECURITY 19), so the file someone else made cannot run in the officer's
 * spreadsheet; uploaded again, it reads as the original did.
 */
export async function writeAnnotated(bytes: Buffer, errors: ImportError[], out: Writable): Promise<void> {
  const wb = await loadWorkbook(bytes);
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cellValue(cell);
        cell.value = typeof v === 'string' ? safeCell(v) : v;
      }),
    );
  }
  for (const ws of wb.worksheets) {
    const mine = errors.filter((e) => e.sheet === ws.name);
    if (mine.length === 0) continue;
    const headers = new Map<string, number>();
    ws.getRow(1).eachCell((c, col) => headers.set(String(c.text).replace(/[*＊\s]/g, ''), col));
    const noteCol = ws.columnCount + 1;
    ws.getCell(1, noteCol).value = '错误说明';
    ws.getCell(1, noteCol).font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getColumn(noteCol).width = 50;
    for (const e of mine) {
      if (e.row < 2) continue;
      const col = headers.get(e.column);
      if (col) {
        const cell = ws.getCell(e.row, col);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
        cell.note = e.message;
      }
      const note = ws.getCell(e.row, noteCol);
      note.value = safeCell([note.text, `${e.column}：${e.message}`].filter(Boolean).join('；'));
    }
  }
  await wb.xlsx.write(out);
}
