import {
  WorkListItemInputSchema,
  type WorkListItem,
  type WorkListPolicy,
  type XlsxImportError,
} from '@ganbu/core';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeCell } from '../../../platform/xlsx-cell.ts';
import {
  boolOf,
  col,
  headerOf,
  intOf,
  MAX_ROWS,
  readSheetRows,
  rowReader,
  sheetProblems,
  text,
  unitsByKey,
  writeHelpSheet,
  type RangeValidations,
} from '../xlsx-rows.ts';
import * as repo from './repository.ts';
import { judged } from './service.ts';

/**
 * Excel for 村(社区)工作事务清单 (R-BUR-5), as the registers have it: the template (the sheet, a drop-down of
 * the pack's modes, a 说明 sheet), the export in the same columns (plus the judgement: 经费保障, 说明; ignored
 * on import), and the import — all or nothing, every row judged by the add drawer's own rules (`judged`): an
 * unfunded item is flagged, not refused; a 属地管理 transfer is refused with the rule's sentence.
 */

export const SHEET = '工作事务清单';

const UNIT_NOTE = '单位名称（同名单位请填单位编码路径），须在您的数据范围内';

export const COLUMNS = [
  col('年度', true, 8, '如 2026'),
  col('承接单位', true, 20, `承接事项的街道、村或社区：${UNIT_NOTE}`),
  col('部署部门', true, 20, '交办事项的部门，如 区民政局（100 字以内）'),
  col('事项名称', true, 30, '200 字以内'),
  col('依据', false, 30, '文件或法规（500 字以内）'),
  col('承接方式', false, 18, '政策包规定的承接方式，从下拉列表选择；不填即既无经费也非购买服务，列为未保障'),
  col('经费（元）', false, 14, '拨付经费或购买服务合同金额，单位元，可带两位小数；不填列为未保障'),
  col('合同', false, 18, '购买服务的合同名称或编号（200 字以内）'),
  col('属地管理', false, 10, '是 / 否：是否以“属地管理”名义交办的部门职责；政策包不允许时不予列入'),
];

/** Export-only columns after the template's: what the rules made of the item. */
const JUDGEMENT = [
  { header: '经费保障', width: 10 },
  { header: '说明', width: 60 },
];

function rowOf(i: WorkListItem): (string | number | null)[] {
  return [
    i.year,
    i.orgName,
    i.organiserName,
    i.name,
    i.basis,
    i.modeName ?? '',
    i.amountFen === null ? null : i.amountFen / 100,
    i.contract,
    i.localManagement ? '是' : '否',
    i.unfunded ? '未保障' : '已保障',
    i.explanation,
  ];
}

/** The template, or (with `pages`) the export: same columns, so an export imports back as new items. */
export async function writeWorkListWorkbook(
  out: Writable,
  policy: WorkListPolicy | null,
  packName: string,
  pages?: AsyncIterable<WorkListItem[]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [
    ...COLUMNS.map((c) => ({ header: headerOf(c), width: c.width })),
    ...(pages ? JUDGEMENT : []),
  ];
  ws.columns = widths.map((c) => ({ ...c, style: { numFmt: '@' } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (c.required)
      head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
  });
  const modes = policy?.modes ?? [];
  const list = (header: string, values: string[]) => {
    const letter = ws.getColumn(COLUMNS.findIndex((c) => c.header === header) + 1).letter;
    (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${MAX_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '输入有误',
      error: `请从下拉列表中选择${header}`,
    });
  };
  if (modes.length)
    list(
      '承接方式',
      modes.map((m) => m.name),
    );
  list('属地管理', ['是', '否']);
  head.commit();
  if (pages)
    for await (const page of pages)
      for (const i of page)
        ws.addRow(rowOf(i).map((v) => (typeof v === 'string' ? safeCell(v) : v))).commit();
  ws.commit();
  writeHelpSheet(wb, `村(社区)工作事务清单导入模板（${packName}）`, SHEET, COLUMNS, [
    ['政策包规定的承接方式', modes.map((m) => m.name).join('、') || '（未规定）'],
    [
      '准入规则',
      policy
        ? `既无经费也非购买服务的事项列为未保障（照常导入并计数）${policy.refuseLocalManagementTransfer ? '；以“属地管理”名义转嫁部门职责的事项不予列入' : ''}`
        : `${packName}未规定工作事务清单的准入规则`,
    ],
  ]);
  await wb.commit();
}

export interface WorkListImportPlan {
  sheet: string;
  count: number;
  unfunded: number;
  errors: XlsxImportError[];
}

const PROBLEM_COLUMN: Record<string, string> = {
  WORKLIST_LOCAL_MANAGEMENT_REFUSED: '属地管理',
  WORKLIST_UNIT_KIND: '承接单位',
  WORKLIST_MODE_UNKNOWN: '承接方式',
  NOT_FOUND: '承接单位',
};

const FIELD_COLUMN: Record<string, string> = {
  year: '年度',
  orgId: '承接单位',
  organiserName: '部署部门',
  name: '事项名称',
  basis: '依据',
  modeId: '承接方式',
  amountFen: '经费（元）',
  contract: '合同',
  localManagement: '属地管理',
};

/**
 * Check (and, with `write`, write) a filled template: all rows judged first, written only when none has an
 * error (all or nothing); every problem by sheet, row and column.
 */
export async function runWorkListImport(
  ctx: RequestContext,
  bytes: Buffer,
  write: boolean,
  policy: WorkListPolicy | null,
): Promise<WorkListImportPlan> {
  const { sheet, rows, missing } = await readSheetRows(bytes, SHEET, COLUMNS);
  const refused = sheetProblems(sheet, rows.length, missing);
  if (refused) return { sheet, count: 0, unfunded: 0, errors: refused };
  const orgByKey = unitsByKey(await repo.allOrgs(ctx.client));
  const modes = policy?.modes ?? [];
  const errors: XlsxImportError[] = [];
  const writes: repo.ItemWrite[] = [];
  for (const r of rows) {
    const { at, errors: rowErrors, err, get, required } = rowReader(sheet, r);
    const year = intOf(get('年度'));
    if (year === null || year === 'bad') err('年度', '请填写年度，如 2026');
    const unitText = required('承接单位');
    const org = unitText ? orgByKey.get(unitText) : undefined;
    const orgId = org === null ? null : org?.id;
    if (unitText && orgId === undefined) err('承接单位', `找不到单位“${unitText}”（或不在您的数据范围内）`);
    if (unitText && orgId === null) err('承接单位', `单位名称“${unitText}”不唯一，请填写单位编码路径`);
    const modeText = text(get('承接方式'));
    const mode = modeText ? modes.find((m) => m.name === modeText || m.id === modeText) : null;
    if (mode === undefined)
      err(
        '承接方式',
        `政策包中没有承接方式“${modeText}”（可选：${modes.map((m) => m.name).join('、') || '无'}）`,
      );
    const amountText = text(get('经费（元）')).replace(/[,，¥￥元\s]/g, '');
    const amount = amountText === '' ? null : Number(amountText);
    if (amount !== null && (!Number.isFinite(amount) || amount < 0))
      err('经费（元）', '请填写金额（元），可带两位小数');
    const local = boolOf(get('属地管理'));
    if (local === 'bad') err('属地管理', '请填写“是”或“否”');
    const input = {
      orgId: orgId ?? undefined,
      organiserName: required('部署部门'),
      year,
      name: required('事项名称'),
      basis: text(get('依据')),
      modeId: mode?.id ?? null,
      amountFen: amount === null || !Number.isFinite(amount) ? null : Math.round(amount * 100),
      contract: text(get('合同')),
      localManagement: local === true,
    };
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const parsed = WorkListItemInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          ...at,
          column: FIELD_COLUMN[String(issue.path[0] ?? '')] ?? '',
          message: issue.message,
        });
      continue;
    }
    try {
      writes.push(await judged(ctx, parsed.data));
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      errors.push({ ...at, column: PROBLEM_COLUMN[e.code] ?? '', message: e.message });
    }
  }
  if (errors.length === 0 && write) {
    for (const w of writes) await repo.insertItem(ctx.client, w, ctx.actor?.userId ?? null);
    await ctx.audit({
      action: 'burden.worklist.import',
      objectType: 'burden_worklist_item',
      after: { count: writes.length, unfunded: writes.filter((w) => w.unfunded).length },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { sheet, count: writes.length, unfunded: writes.filter((w) => w.unfunded).length, errors };
}
