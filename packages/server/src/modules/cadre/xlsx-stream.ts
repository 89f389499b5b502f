import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { zipSubset, type ZipEntry } from '../../platform/zip-reader.ts';

/**
 * Reading an import workbook's sheets with ExcelJS's streaming reader (`stream.xlsx.WorkbookReader`):
 * rows arrive one at a time and are dropped once read, instead of ExcelJS building the whole workbook
 * model first. The streaming reader turns some XML into cell values differently from the model
 * (`xlsx.load`), so it is used only for a workbook that has none of those parts; any other workbook
 * (`needsModel`) is read through the model as before, so every workbook reads exactly as it did:
 *
 * - formulas (`<f>`): the streaming reader takes every non-text result as a number (no booleans,
 *   errors or dates), and no shared formulas;
 * - inline strings: it keeps the last text run only, and decodes entities twice;
 * - merged cells: the model gives the covered cells the first cell's value;
 * - hyperlinks: the model reads the link's text (`String(text)`, whatever it holds);
 * - phonetic runs in shared strings (`<rPh>`): it takes the phonetic text for the string;
 * - a row style with a number format: it gives that format to the row's cells without their own style;
 * - part names the two readers match differently (a leading '/', a sheet outside `xl/worksheets/`, a
 *   name twice), and sheets it cannot name (a relationship target other than `worksheets/sheetN.xml`).
 *
 * Shared strings need one fix-up that the model does while parsing: `_xHHHH_` escapes decoded and an
 * empty text read as '' (the streaming reader leaves both as they are: see `modelText`).
 */

const SHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;
const SHEET_PART_EXACT = /^xl\/worksheets\/sheet\d+\.xml$/;
const READ_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

const MODEL_ONLY: { part: (name: string) => boolean; patterns: string[] }[] = [
  {
    part: (name) => SHEET_PART.test(name),
    patterns: ['<f>', '<f ', '<f/', 'inlineStr', '<mergeCell', '<hyperlink'],
  },
  { part: (name) => name === 'xl/sharedStrings.xml', patterns: ['<rPh'] },
];

/** Whether any of `patterns` occurs in a stream of chunks split anywhere. */
function patternFinder(patterns: string[]) {
  const needles = patterns.map((p) => Buffer.from(p));
  const keep = Math.max(...needles.map((n) => n.length)) - 1;
  let carry = Buffer.alloc(0);
  let found = false;
  return (chunk: Buffer): boolean => {
    if (found) return true;
    const text = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    found = needles.some((n) => text.includes(n));
    carry = Buffer.from(text.subarray(Math.max(0, text.length - keep)));
    return found;
  };
}

/**
 * Watches the inflated parts while the archive is checked (`unzipCapped`'s `onChunk`) and tells whether
 * the workbook needs ExcelJS's model to read as it always has.
 */
export function modelPartsWatcher(entries: ZipEntry[]) {
  const names = entries.map((e) => e.name);
  let needsModel =
    new Set(names).size !== names.length ||
    names.some((n) => n.startsWith('/') || (SHEET_PART.test(n) && !SHEET_PART_EXACT.test(n)));
  const finders = new Map<ZipEntry, (chunk: Buffer) => boolean>();
  return {
    onChunk(entry: ZipEntry, chunk: Buffer) {
      if (needsModel) return;
      let find = finders.get(entry);
      if (!find) {
        const watch = MODEL_ONLY.find((m) => m.part(entry.name));
        if (!watch) return;
        finders.set(entry, (find = patternFinder(watch.patterns)));
      }
      if (find(chunk)) needsModel = true;
    },
    get needsModel() {
      return needsModel;
    },
  };
}

/** Thrown inside the streaming read when the workbook turns out to need the model after all. */
export class NeedsModel extends Error {}

type SharedString = string | null | { richText: { text: string | null }[] };

/** The model's reading of a `<t>` text: `_xHHHH_` escapes decoded (ExcelJS TextXform), never null. */
const modelText = (t: string | null) =>
  (t ?? '').replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function fixSharedStrings(strings: SharedString[]): void {
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i] as SharedString;
    if (s !== null && typeof s === 'object') for (const run of s.richText) run.text = modelText(run.text);
    else strings[i] = modelText(s);
  }
}

interface StreamingWorkbook {
  model?: { sheets?: { name: string }[] };
  sharedStrings?: SharedString[];
}

/**
 * The rows of the named sheets, each row handed to `onRow` of its sheet as it is read (the sheet's rows in
 * order; row 1 included). Reads a copy of the archive holding only the parts it needs (zipSubset: the
 * directory's entries, already checked and inflated within the limits once), shared strings before the
 * sheets so that no sheet is spooled to a temporary file. Returns the names of the sheets it read; throws
 * `NeedsModel` when a sheet is listed but could not be named, or a row cannot be read as the model would.
 */
export async function streamSheets(
  bytes: Buffer,
  entries: ZipEntry[],
  onRow: Map<string, (row: ExcelJS.Row) => void>,
): Promise<Set<string>> {
  const parts = [
    ...READ_PARTS.map((name) => entries.find((e) => e.name === name)),
    ...entries.filter((e) => SHEET_PART_EXACT.test(e.name)),
  ].filter((e): e is ZipEntry => e !== undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(zipSubset(bytes, parts)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const book = reader as unknown as StreamingWorkbook;
  const read = new Set<string>();
  let fixed = false;
  for await (const ws of reader) {
    if (!fixed) {
      fixSharedStrings(book.sharedStrings ?? []);
      fixed = true;
    }
    const name = (ws as unknown as { name: string }).name;
    const handle = onRow.get(name);
    if (!handle || read.has(name)) continue;
    read.add(name);
    let last = 0;
    for await (const row of ws) {
      if (!(row.number > last)) throw new NeedsModel('rows out of order');
      last = row.number;
      if ((row as unknown as { style?: Partial<ExcelJS.Style> }).style?.numFmt)
        throw new NeedsModel('row number format');
      handle(row);
    }
  }
  const listed = new Set((book.model?.sheets ?? []).map((s) => s.name));
  for (const name of onRow.keys())
    if (listed.has(name) && !read.has(name)) throw new NeedsModel(`sheet ${name} not read`);
  return read;
}
