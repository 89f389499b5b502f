import {
  PackSchema,
  type Pack,
  type PayTableImportResult,
  type PayTableView,
  type XlsxImportError,
} from '@ganbu/core';
import type { Writable } from 'node:stream';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import * as packRepo from '../../assessment/repository/packs.ts';
import { selectedPackId } from '../../assessment/service/packs.ts';
import * as repo from './repository.ts';
import type { PayTableKind } from './repository.ts';
import {
  MAX_SHEET_ROWS,
  parseYuan,
  readWorkbook,
  SHEETS,
  writeTemplate,
  type TemplateRow,
} from './workbook.ts';

export const KINDS: PayTableKind[] = ['rank-base', 'bonus-base', 'village-base'];

const KIND_NAME: Record<PayTableKind, string> = {
  'rank-base': '职级基数',
  'bonus-base': '绩效奖基数',
  'village-base': '村干部岗位补贴基数',
};

export interface KnownKey {
  kind: PayTableKind;
  key: string;
  label: string;
}

/**
 * The keys a table may hold, with their names: the ranks the registry's cadres carry (and any rank the
 * district gave an amount before); the grade codes of every stored pack's grade scales; the village roles
 * of every stored pack's subsidy section (a what-if under another pack needs its roles' bases too). The
 * district's chosen pack comes first, so its names win.
 */
export async function knownKeys(ctx: RequestContext): Promise<KnownKey[]> {
  const selected = await selectedPackId(ctx.client);
  const packs: Pack[] = [];
  for (const v of await packRepo.listPackVersions(ctx.client)) {
    const parsed = PackSchema.safeParse(v.body);
    if (parsed.success) packs.push(parsed.data);
  }
  // the chosen pack's latest version first, then the others (latest versions first)
  packs.sort(
    (a, b) =>
      Number(b.id === selected) - Number(a.id === selected) ||
      b.version.effectiveFrom.localeCompare(a.version.effectiveFrom),
  );
  const out: KnownKey[] = [];
  const seen = new Set<string>();
  const add = (kind: PayTableKind, key: string, label: string) => {
    if (seen.has(`${kind}:${key}`)) return;
    seen.add(`${kind}:${key}`);
    out.push({ kind, key, label });
  };
  const used = await repo.selectUsedKeys(ctx.client);
  const ranks = new Set([
    ...(await repo.selectRegistryRanks(ctx.client)),
    ...used.filter((u) => u.kind === 'rank-base').map((u) => u.key),
  ]);
  for (const rank of [...ranks].sort((a, b) => a.localeCompare(b, 'zh-CN'))) add('rank-base', rank, rank);
  for (const pack of packs)
    for (const scale of pack.assessment.gradeScales)
      for (const g of scale.grades) add('bonus-base', g.code, g.name);
  for (const pack of packs)
    for (const role of pack.pay?.villageSubsidy?.roles ?? []) add('village-base', role.id, role.name);
  return out;
}

export async function getTable(ctx: RequestContext, year: number): Promise<PayTableView> {
  const rows = await repo.selectTable(ctx.client, year);
  return { year, rows, keys: await knownKeys(ctx) };
}

const invalid = (message: string, details?: unknown) => new AppError(400, 'VALIDATION', message, details);

/** Check one kind's rows against the known keys; blank labels take the key's name. */
function checkRows(
  kind: PayTableKind,
  rows: { key: string; label: string; amountFen: number }[],
  known: KnownKey[],
): { key: string; label: string; amountFen: number }[] {
  const names = new Map(known.filter((k) => k.kind === kind).map((k) => [k.key, k.label]));
  const seen = new Set<string>();
  return rows.map((r) => {
    if (seen.has(r.key)) throw invalid(`${KIND_NAME[kind]}中“${r.key}”重复`, { key: r.key });
    seen.add(r.key);
    const name = names.get(r.key);
    if (name === undefined) throw invalid(unknownKeyText(kind, r.key), { key: r.key });
    return { key: r.key, label: r.label || name, amountFen: r.amountFen };
  });
}

function unknownKeyText(kind: PayTableKind, key: string): string {
  switch (kind) {
    case 'rank-base':
      return `职级“${key}”不在干部信息库中（请按干部信息中的职级填写）`;
    case 'bonus-base':
      return `等次编码“${key}”不在政策包的等次中`;
    case 'village-base':
      return `岗位编码“${key}”不在政策包的村干部岗位中`;
  }
}

const snapshot = (rows: repo.PayTableRowRecord[]) =>
  rows.map((r) => ({ key: r.key, label: r.label, amountFen: r.amountFen }));

/** The page's save: replace the year's rows of one kind (audited with the rows before and after). */
export async function putTable(
  ctx: RequestContext,
  input: {
    year: number;
    kind: PayTableKind;
    rows: { key: string; label: string; amountFen: number }[];
  },
): Promise<PayTableView> {
  const rows = checkRows(input.kind, input.rows, await knownKeys(ctx));
  const before = await repo.selectTable(ctx.client, input.year, input.kind);
  await repo.replaceKind(ctx.client, input.year, input.kind, rows, ctx.actor?.userId ?? null);
  await ctx.audit({
    action: 'pay.tables.save',
    objectType: 'pay_table',
    objectId: `${input.year}/${input.kind}`,
    before: { rows: snapshot(before) },
    after: { rows },
  });
  return getTable(ctx, input.year);
}

/** The template: every known key of each kind, with the year's amounts when a year is given. */
export async function template(ctx: RequestContext, year: number | undefined, out: Writable): Promise<void> {
  const known = await knownKeys(ctx);
  const current = year ? await repo.selectTable(ctx.client, year) : [];
  const rows = Object.fromEntries(KINDS.map((k) => [k, [] as TemplateRow[]])) as Record<
    PayTableKind,
    TemplateRow[]
  >;
  for (const r of current) rows[r.kind].push({ key: r.key, label: r.label, amountFen: r.amountFen });
  for (const k of known)
    if (!current.some((r) => r.kind === k.kind && r.key === k.key))
      rows[k.kind].push({ key: k.key, label: k.label, amountFen: null });
  await writeTemplate(out, rows, year ?? null);
}

export interface ImportPlan {
  byKind: Map<PayTableKind, { key: string; label: string; amountFen: number }[]>;
  errors: XlsxImportError[];
}

/**
 * Read and check a filled template; nothing is written. Every row's problems are reported (an unknown key,
 * a key twice, an amount that is negative, not a number or has more than two decimals). A row whose amount
 * is blank is left out (the template lists every key, filled or not); a kind whose sheet holds no amount is
 * left as it is.
 */
export async function planImport(ctx: RequestContext, bytes: Buffer): Promise<ImportPlan> {
  const { rows, errors } = await readWorkbook(bytes);
  const known = await knownKeys(ctx);
  const byKind = new Map<PayTableKind, { key: string; label: string; amountFen: number }[]>();
  const seen = new Map<string, number>();
  for (const spec of SHEETS) {
    const mine = rows.filter((r) => r.kind === spec.kind);
    if (mine.length > MAX_SHEET_ROWS) {
      errors.push({
        sheet: spec.sheet,
        row: 0,
        column: '',
        message: `一张表最多 ${MAX_SHEET_ROWS} 行`,
      });
      continue;
    }
    const names = new Map(known.filter((k) => k.kind === spec.kind).map((k) => [k.key, k.label]));
    for (const r of mine) {
      const at = { sheet: r.sheet, row: r.row };
      if (!r.amountText) continue; // left blank: not imported
      if (!r.key) {
        errors.push({ ...at, column: r.keyHeader, message: `缺少${r.keyHeader}` });
        continue;
      }
      const name = names.get(r.key);
      if (name === undefined)
        errors.push({ ...at, column: r.keyHeader, message: unknownKeyText(spec.kind, r.key) });
      const first = seen.get(`${spec.kind}:${r.key}`);
      if (first !== undefined)
        errors.push({ ...at, column: r.keyHeader, message: `与第 ${first} 行的${r.keyHeader}重复` });
      seen.set(`${spec.kind}:${r.key}`, r.row);
      const amount = parseYuan(r.amountText);
      if ('problem' in amount) {
        errors.push({ ...at, column: r.amountHeader, message: amount.problem });
        continue;
      }
      if (name === undefined) continue;
      const list = byKind.get(spec.kind) ?? [];
      list.push({ key: r.key, label: (r.label || name).slice(0, 40), amountFen: amount.fen });
      byKind.set(spec.kind, list);
    }
  }
  if (errors.length === 0 && byKind.size === 0)
    errors.push({ sheet: '', row: 0, column: '', message: '工作簿中没有填写任何金额' });
  // in the sheets' order (a sheet that is none of the kinds last), then by row
  const sheetOrder = (name: string) => {
    const i = SHEETS.findIndex((s) => s.sheet === name);
    return i < 0 ? SHEETS.length : i;
  };
  errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  return { byKind, errors };
}

/** All or nothing: any error and nothing is written; else each filled kind's rows of the year replaced. */
export async function importTables(
  ctx: RequestContext,
  year: number,
  bytes: Buffer,
): Promise<PayTableImportResult> {
  const plan = await planImport(ctx, bytes);
  if (plan.errors.length)
    throw new AppError(400, 'VALIDATION', `共有 ${plan.errors.length} 处错误，未导入任何数据`, undefined, {
      errors: plan.errors,
    });
  const replaced: PayTableImportResult['replaced'] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const kind of KINDS) {
    const rows = plan.byKind.get(kind);
    if (!rows) continue;
    before[kind] = snapshot(await repo.selectTable(ctx.client, year, kind));
    await repo.replaceKind(ctx.client, year, kind, rows, ctx.actor?.userId ?? null);
    after[kind] = rows;
    replaced.push({ kind, count: rows.length });
  }
  await ctx.audit({
    action: 'pay.tables.import',
    objectType: 'pay_table',
    objectId: String(year),
    before,
    after,
  });
  return { year, replaced };
}

export async function listStatistics(ctx: RequestContext) {
  return { items: await repo.selectStatistics(ctx.client) };
}

/** Save one statistic of a year (audited with the figure before and after). */
export async function putStatistic(ctx: RequestContext, s: repo.PayStatisticRecord) {
  const before = await repo.selectStatistic(ctx.client, s.key, s.year);
  await repo.upsertStatistic(ctx.client, s, ctx.actor?.userId ?? null);
  await ctx.audit({
    action: 'pay.statistics.save',
    objectType: 'pay_statistic',
    objectId: `${s.key}/${s.year}`,
    before,
    after: s,
  });
  return listStatistics(ctx);
}
