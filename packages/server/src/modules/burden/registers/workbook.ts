import type { BurdenRegister, XlsxImportError } from '@ganbu/core';
import { BurdenEntryInputSchema, chinaToday } from '@ganbu/core';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeCell } from '../../../platform/xlsx-cell.ts';
import {
  boolOf,
  col,
  dateOf,
  headerOf,
  intOf,
  MAX_ROWS,
  numOf,
  readSheetRows,
  rowReader,
  sheetProblems,
  text,
  unitsByKey,
  type Column,
  type RangeValidations,
} from '../xlsx-rows.ts';
import * as repo from './repository.ts';
import {
  AUDIT_ACTIONS,
  burdenPolicies,
  burdenPolicy,
  prepare,
  REGISTER_NAMES,
  type BurdenPolicy,
} from './service.ts';

/**
 * Excel for the registers: a template per register (its sheet with the columns, drop-downs of the pack's
 * kinds, and a 说明 sheet), the export of a register (streamed, same columns: it can be edited and imported
 * as new entries), and the import — all or nothing, every row checked with the same rules as the form
 * (inspections in order, each counted against the plan with the rows before it), every problem reported by
 * sheet, row and column (the annotated workbook is the registry importer's `writeAnnotated`).
 */

export const SHEETS: Record<BurdenRegister, string> = {
  meeting: '会议登记',
  document: '文件登记',
  inspection: '督查检查考核登记',
  overtime: '加班登记',
};

const DATE_NOTE = '日期，格式 2026-03-05（也可 2026/3/5、2026.3.5 或 Excel 日期）';
const UNIT_NOTE = '单位名称（同名单位请填单位编码路径），须在您的数据范围内';

export const COLUMNS: Record<BurdenRegister, Column[]> = {
  meeting: [
    col('日期', true, 14, `会议召开${DATE_NOTE}，不能晚于今天`),
    col('组织单位', true, 24, `召开会议的${UNIT_NOTE}`),
    col('会议类别', true, 16, '政策包规定的会议类别，从下拉列表选择'),
    col('会议层级', false, 12, '如 区级、街道级，可不填（20 字以内）'),
    col('会议名称', true, 40, '200 字以内'),
    col('时长（分钟）', true, 12, '1–1440 的整数'),
    col('参会单位', false, 40, '参会单位名称，多个以“、”分隔'),
    col('视频会议', false, 10, '是 / 否，不填为否'),
  ],
  document: [
    col('日期', true, 14, `印发${DATE_NOTE}，不能晚于今天`),
    col('发文单位', true, 24, `发文的${UNIT_NOTE}`),
    col('文件类别', true, 16, '政策包规定的文件类别，从下拉列表选择'),
    col('文号', false, 24, '如 丰委〔2026〕12号（60 字以内）'),
    col('标题', true, 40, '200 字以内'),
  ],
  inspection: [
    col('组织单位', true, 24, `组织督查检查考核的${UNIT_NOTE}`),
    col('类别', true, 12, '政策包规定的类别（督查、检查、考核、评比），从下拉列表选择'),
    col('事项名称', true, 40, '200 字以内'),
    col('开始日期', true, 14, `${DATE_NOTE}；年度按开始日期计`),
    col('结束日期', false, 14, '不早于开始日期，且在同一年度内'),
    col('对象单位', true, 40, '被督查检查考核的单位名称，多个以“、”分隔'),
    col('一票否决', false, 10, '是 / 否，不填为否；对街道的一票否决事项须填批准文号和日期'),
    col('超计划批准文号', false, 24, '超出年度计划总量或同一单位对同一对象的次数上限时必填'),
    col('超计划批准日期', false, 14, '与超计划批准文号一并填写'),
    col('一票否决批准文号', false, 24, '对街道的一票否决事项必填'),
    col('一票否决批准日期', false, 14, '与一票否决批准文号一并填写'),
  ],
  overtime: [
    col('单位', true, 24, `干部所在的${UNIT_NOTE}`),
    col('姓名', true, 12, '干部姓名（在该单位的干部中查找）'),
    col('开始日期', true, 14, `加班日期或时段的第一天；${DATE_NOTE}`),
    col('结束日期', false, 14, '时段的最后一天，单日可不填'),
    col('次数', true, 8, '该日或时段内加班次数，1–366 的整数'),
    col('时长（小时）', false, 12, '可不填，保留一位小数'),
    col('事由', true, 40, '200 字以内'),
  ],
};

const kindsOf = (p: BurdenPolicy, register: BurdenRegister) =>
  register === 'meeting'
    ? p.section.meetings.meetingKinds
    : register === 'document'
      ? p.section.meetings.documentKinds
      : register === 'inspection'
        ? p.section.inspections.kinds
        : [];

const kindHeader: Partial<Record<BurdenRegister, string>> = {
  meeting: '会议类别',
  document: '文件类别',
  inspection: '类别',
};

/** The template (with `rows` written under the header: the export). */
export async function writeRegisterWorkbook(
  out: Writable,
  register: BurdenRegister,
  policy: BurdenPolicy,
  rows?: AsyncIterable<repo.EntryRow[]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const columns = COLUMNS[register];
  const ws = wb.addWorksheet(SHEETS[register], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: headerOf(c), width: c.width, style: { numFmt: '@' } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    if (c.required)
      head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
  });
  const kinds = kindsOf(policy, register);
  const kh = kindHeader[register];
  if (kh && kinds.length) {
    const at = columns.findIndex((c) => c.header === kh) + 1;
    const letter = ws.getColumn(at).letter;
    (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${MAX_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${kinds.map((k) => k.name).join(',')}"`],
      showErrorMessage: true,
      errorTitle: '输入有误',
      error: `请从下拉列表中选择${kh}`,
    });
  }
  head.commit();
  if (rows)
    for await (const page of rows)
      for (const r of page)
        ws.addRow(rowOf(register, r).map((v) => (typeof v === 'string' ? safeCell(v) : v))).commit();
  ws.commit();

  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 20 }, { width: 10 }, { width: 80 }];
  const title = help.addRow([`${REGISTER_NAMES[register]}登记簿导入模板（${policy.packName}）`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  help
    .addRow([
      '在“' +
        SHEETS[register] +
        '”表中每行填写一条登记；带 * 的列必填。导入时全部检查，有任何错误则不导入任何数据，并逐行列出错误。',
    ])
    .commit();
  const h = help.addRow(['列', '必填', '填写说明']);
  h.font = { bold: true };
  h.commit();
  for (const c of columns) help.addRow([c.header, c.required ? '是' : '否', c.note]).commit();
  if (kinds.length) {
    help.addRow([]).commit();
    help.addRow([`政策包规定的${kh}`, '', kinds.map((k) => k.name).join('、')]).commit();
  }
  if (register === 'inspection') {
    const s = policy.section.inspections;
    help.addRow([]).commit();
    help
      .addRow([
        '计划与频次',
        '',
        `${s.yearlyMax === null ? '未设年度总量' : `全区年度计划总量 ${s.yearlyMax} 项`}；${s.perOrganiserPerUnitMax === null ? '未设次数上限' : `同一单位对同一对象每年至多 ${s.perOrganiserPerUnitMax} 项`}；超出须经${s.overPlanApprovalBy.name}${s.veto ? `；对街道的一票否决事项须经${s.veto.approvalBy.name}` : ''}`,
      ])
      .commit();
  }
  help.commit();
  await wb.commit();
}

const yesNo = (b: boolean | null) => (b ? '是' : '否');

function rowOf(register: BurdenRegister, r: repo.EntryRow): (string | number | null)[] {
  const targets = r.targets.map((t) => t.name).join('、');
  switch (register) {
    case 'meeting':
      return [r.on_date, r.org_name, r.kind_name, r.level, r.title, r.minutes, targets, yesNo(r.video)];
    case 'document':
      return [r.on_date, r.org_name, r.kind_name, r.doc_number, r.title];
    case 'inspection':
      return [
        r.org_name,
        r.kind_name,
        r.title,
        r.on_date,
        r.end_date,
        targets,
        yesNo(r.veto),
        r.over_plan_ref,
        r.over_plan_on,
        r.veto_ref,
        r.veto_on,
      ];
    case 'overtime':
      return [
        r.org_name,
        r.cadre_name,
        r.on_date,
        r.end_date,
        r.times,
        r.hours === null ? null : Number(r.hours),
        r.title,
      ];
  }
}

// ---------------------------------------------------------------------------------------------- reading

/** The rows of the register's sheet (by header text, '*' ignored), with their row numbers. */
const readRows = (bytes: Buffer, register: BurdenRegister) =>
  readSheetRows(bytes, SHEETS[register], COLUMNS[register]);

export interface RegisterImportPlan {
  sheet: string;
  count: number;
  errors: XlsxImportError[];
}

/**
 * Check (and, with `write`, write) a filled template. Every row is read into the form's input and checked
 * by the form's own `prepare`; the rows are written inside a savepoint as they are checked (an inspection
 * counts against the plan with the rows before it) and rolled back when there is any error or when only the
 * report is asked for: all or nothing.
 */
export async function runImport(
  ctx: RequestContext,
  register: BurdenRegister,
  bytes: Buffer,
  write: boolean,
): Promise<RegisterImportPlan> {
  const { sheet, rows, missing } = await readRows(bytes, register);
  const refused = sheetProblems(sheet, rows.length, missing);
  if (refused) return { sheet, count: 0, errors: refused };
  const errors: XlsxImportError[] = [];

  const orgs = await repo.allOrgs(ctx.client);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const orgByKey = unitsByKey(orgs);
  const policyAt = await burdenPolicies(ctx.client);
  const policy = await burdenPolicy(ctx.client, chinaToday(ctx.now));
  const kinds = kindsOf(policy, register);

  await ctx.client.query('SAVEPOINT burden_register_import');
  const pending: repo.EntryWrite[] = [];
  let count = 0;
  try {
    for (const r of rows) {
      const { at, errors: rowErrors, err, get, required } = rowReader(sheet, r);
      const unit = (h: string, v: string) => {
        if (!v) return null;
        const o = orgByKey.get(v);
        if (o === undefined) err(h, `找不到单位“${v}”（或不在您的数据范围内）`);
        if (o === null) err(h, `单位名称“${v}”不唯一，请填写单位编码路径`);
        return o ?? null;
      };
      const units = (h: string, v: string) =>
        v
          .split(/[、，,；;\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => unit(h, s))
          .filter((o): o is repo.OrgRef => o !== null);
      const date = (h: string, need: boolean) => {
        const d = dateOf(get(h));
        if (d === false) err(h, `日期“${text(get(h))}”格式有误，应为 2026-03-05`);
        else if (d === null && need) err(h, `请填写${h}`);
        return d === false ? null : d;
      };
      const kind = (h: string) => {
        const v = required(h);
        if (!v) return '';
        const k = kinds.find((x) => x.name === v || x.id === v);
        if (!k) err(h, `政策包中没有${h}“${v}”（可选：${kinds.map((x) => x.name).join('、')}）`);
        return k?.id ?? '';
      };
      const bool = (h: string) => {
        const b = boolOf(get(h));
        if (b === 'bad') err(h, `请填写“是”或“否”`);
        return b === true;
      };
      let input: unknown = null;
      if (register === 'meeting') {
        const minutes = intOf(get('时长（分钟）'));
        if (minutes === 'bad' || minutes === null) err('时长（分钟）', '请填写 1–1440 的整数分钟数');
        input = {
          register,
          heldOn: date('日期', true),
          orgId: unit('组织单位', required('组织单位'))?.id,
          kindId: kind('会议类别'),
          level: text(get('会议层级')),
          title: required('会议名称'),
          minutes,
          targetOrgIds: units('参会单位', text(get('参会单位'))).map((o) => o.id),
          video: bool('视频会议'),
        };
      } else if (register === 'document') {
        input = {
          register,
          issuedOn: date('日期', true),
          orgId: unit('发文单位', required('发文单位'))?.id,
          kindId: kind('文件类别'),
          number: text(get('文号')),
          title: required('标题'),
        };
      } else if (register === 'inspection') {
        const approval = (refH: string, onH: string) => {
          const ref = text(get(refH));
          const on = date(onH, ref !== '');
          if (!ref && on) err(refH, `填写${onH}时请一并填写${refH}`);
          return ref && on ? { reference: ref, approvedOn: on } : null;
        };
        const targets = units('对象单位', required('对象单位'));
        input = {
          register,
          orgId: unit('组织单位', required('组织单位'))?.id,
          kindId: kind('类别'),
          title: required('事项名称'),
          startOn: date('开始日期', true),
          endOn: date('结束日期', false),
          targetOrgIds: targets.map((o) => o.id),
          veto: bool('一票否决'),
          overPlanApproval: approval('超计划批准文号', '超计划批准日期'),
          vetoApproval: approval('一票否决批准文号', '一票否决批准日期'),
        };
      } else {
        const org = unit('单位', required('单位'));
        const name = required('姓名');
        let cadreId: string | undefined;
        if (org && name) {
          const { rows: found } = await ctx.client.query<{ id: string }>(
            `SELECT id FROM cadres WHERE org_id = $1 AND name = $2 LIMIT 2`,
            [org.id, name],
          );
          if (found.length === 0) err('姓名', `${org.name}没有名为“${name}”的干部（或不在您的数据范围内）`);
          else if (found.length > 1)
            err('姓名', `${org.name}有两名以上名为“${name}”的干部，请在页面上逐条登记`);
          else cadreId = found[0]!.id;
        }
        const times = intOf(get('次数'));
        if (times === 'bad' || times === null) err('次数', '请填写 1–366 的整数');
        const hours = numOf(get('时长（小时）'));
        if (hours === 'bad') err('时长（小时）', '请填写小时数（可带一位小数）');
        input = {
          register,
          cadreId,
          fromOn: date('开始日期', true),
          toOn: date('结束日期', false),
          times,
          hours: hours === 'bad' || hours === null ? 0 : hours,
          reason: required('事由'),
        };
      }
      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      const parsed = BurdenEntryInputSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push({
            ...at,
            column: columnOfField(register, String(issue.path[0] ?? '')),
            message: issue.message,
          });
        continue;
      }
      try {
        const w = await prepare(ctx, parsed.data, null, { policyAt, orgs: orgById });
        if (register === 'inspection') await repo.insertEntries(ctx.client, [w], ctx.actor?.userId ?? null);
        else pending.push(w);
        count++;
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500) throw e;
        errors.push({ ...at, column: columnOfProblem(register, e.code), message: e.message });
      }
    }
    if (errors.length === 0 && write) {
      await repo.insertEntries(ctx.client, pending, ctx.actor?.userId ?? null);
      await ctx.client.query('RELEASE SAVEPOINT burden_register_import');
      await ctx.audit({
        action: AUDIT_ACTIONS.import[register],
        objectType: `burden_${register}`,
        after: { count },
      });
    } else {
      await ctx.client.query('ROLLBACK TO SAVEPOINT burden_register_import');
    }
  } catch (e) {
    await ctx.client.query('ROLLBACK TO SAVEPOINT burden_register_import');
    throw e;
  }
  errors.sort((a, b) => a.row - b.row);
  return { sheet, count, errors };
}

const FIELD_COLUMN: Record<BurdenRegister, Record<string, string>> = {
  meeting: {
    heldOn: '日期',
    orgId: '组织单位',
    kindId: '会议类别',
    level: '会议层级',
    title: '会议名称',
    minutes: '时长（分钟）',
    targetOrgIds: '参会单位',
    video: '视频会议',
  },
  document: { issuedOn: '日期', orgId: '发文单位', kindId: '文件类别', number: '文号', title: '标题' },
  inspection: {
    orgId: '组织单位',
    kindId: '类别',
    title: '事项名称',
    startOn: '开始日期',
    endOn: '结束日期',
    targetOrgIds: '对象单位',
    veto: '一票否决',
    overPlanApproval: '超计划批准文号',
    vetoApproval: '一票否决批准文号',
  },
  overtime: {
    cadreId: '姓名',
    fromOn: '开始日期',
    toOn: '结束日期',
    times: '次数',
    hours: '时长（小时）',
    reason: '事由',
  },
};

const columnOfField = (register: BurdenRegister, field: string) => FIELD_COLUMN[register][field] ?? field;

function columnOfProblem(register: BurdenRegister, code: string): string {
  if (register === 'inspection') {
    if (code === 'INSPECTION_VETO_NOT_APPROVED') return '一票否决批准文号';
    if (code === 'INSPECTION_OVER_PLAN' || code === 'INSPECTION_TOO_FREQUENT') return '超计划批准文号';
    if (code === 'BURDEN_REGISTER_DATE') return '开始日期';
    if (code === 'NOT_FOUND') return '对象单位';
  }
  if (code === 'BURDEN_REGISTER_DATE') return register === 'overtime' ? '开始日期' : '日期';
  if (code === 'NOT_FOUND') return register === 'overtime' ? '姓名' : COLUMNS[register][1]!.header;
  return '';
}
