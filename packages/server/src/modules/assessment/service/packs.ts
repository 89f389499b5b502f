import { diffPacks, packInForce, PackSchema, shippedPacks, type Pack, type PackSummary } from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import * as repo from '../repository/packs.ts';

/** The district's chosen pack when none was chosen: the demo district is modelled on Fengze. */
const DEFAULT_PACK = 'fengze';

/** Load the shipped packs into the database (a stored shipped copy is brought up to this release; an edited version is never overwritten). */
export async function ensureShippedPacks(client: pg.Pool | pg.ClientBase): Promise<void> {
  for (const pack of shippedPacks())
    await repo.insertShippedPack(client, {
      packId: pack.id,
      effectiveFrom: pack.version.effectiveFrom,
      body: pack,
    });
}

export async function selectedPackId(client: pg.ClientBase): Promise<string> {
  return (await repo.selectChosenPackId(client)) ?? DEFAULT_PACK;
}

function parse(row: repo.PackVersionRecord): Pack {
  const parsed = PackSchema.safeParse(row.body);
  if (!parsed.success) throw new AppError(500, 'PACK_INVALID', `政策包 ${row.packId} 数据无效`);
  return parsed.data;
}

function summary(row: repo.PackVersionRecord, selected: string): PackSummary {
  const body = row.body as { name?: string; locality?: string };
  return {
    id: row.id,
    packId: row.packId,
    name: body.name ?? row.packId,
    locality: body.locality ?? '',
    effectiveFrom: row.effectiveFrom,
    origin: row.origin,
    selected: row.packId === selected,
  };
}

export async function listPacks(client: pg.ClientBase): Promise<PackSummary[]> {
  const selected = await selectedPackId(client);
  return (await repo.listPackVersions(client)).map((r) => summary(r, selected));
}

export async function getPack(client: pg.ClientBase, id: string) {
  const row = await repo.selectPackVersion(client, id);
  if (!row) throw notFound('政策包');
  return { ...summary(row, await selectedPackId(client)), body: parse(row) };
}

/** The version of a pack in force on a date (the date a period concerns). */
export async function packOn(client: pg.ClientBase, packId: string, date: string): Promise<Pack> {
  const versions = (await repo.listVersionsOf(client, packId)).map(parse);
  if (!versions.length) throw new AppError(400, 'VALIDATION', `没有政策包“${packId}”`);
  const pack = packInForce(versions, date);
  if (!pack) throw new AppError(400, 'VALIDATION', `政策包“${packId}”在 ${date} 尚未生效`);
  return pack;
}

/**
 * A section of the district's pack in force on `date`, for sections later releases added (从严管理 `discipline`,
 * 事项流程 `workflow`): a version the district saved before the section existed falls back to the shipped
 * version of the same pack in force on that date, else to the shipped default pack's. Null when none has it.
 */
export function sectionWithShippedFallback<K extends 'discipline' | 'workflow'>(
  pack: Pack,
  date: string,
  key: K,
): NonNullable<Pack[K]> | null {
  const own = pack[key];
  if (own) return own;
  const shipped = shippedPacks();
  const fallback =
    packInForce(
      shipped.filter((p) => p.id === pack.id),
      date,
    ) ??
    packInForce(
      shipped.filter((p) => p.id === DEFAULT_PACK),
      date,
    );
  return fallback?.[key] ?? null;
}

/** Validate a pack body; refuse with every problem as {path, message} (Chinese where the rule is ours). */
export function validatePack(body: unknown): Pack {
  const parsed = PackSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError(400, 'PACK_INVALID', '政策包内容不符合规则，未保存', {
      problems: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
    });
  return parsed.data;
}

/**
 * Save a district's own version (克隆/修改): a new (pack, effective date) pair, or a change to an edited
 * version. A shipped version is never changed: a district edits a copy with its own id or a new date.
 */
export async function savePack(client: pg.ClientBase, body: unknown, userId: string | null): Promise<string> {
  const pack = validatePack(body);
  const found = await repo.selectVersionOrigin(client, pack.id, pack.version.effectiveFrom);
  if (found?.origin === 'shipped')
    throw new AppError(409, 'CONFLICT', '随系统提供的政策包版本不能修改：请另起编号或设置新的生效日期');
  if (found) {
    await repo.updatePackBody(client, found.id, pack, userId);
    return found.id;
  }
  return repo.insertEditedPack(client, {
    packId: pack.id,
    effectiveFrom: pack.version.effectiveFrom,
    body: pack,
    userId,
  });
}

export async function selectPack(client: pg.ClientBase, packId: string): Promise<void> {
  if (!(await repo.packExists(client, packId))) throw notFound('政策包');
  await repo.upsertChosenPackId(client, packId);
}

export async function packDiff(client: pg.ClientBase, id: string, otherId: string) {
  const [a, b] = await Promise.all([getPack(client, id), getPack(client, otherId)]);
  return { from: a.id, to: b.id, changes: diffPacks(a.body, b.body) };
}

/** 保存本地版本, audited; answers with the saved version. */
export async function savePackVersion(ctx: RequestContext, body: unknown) {
  const id = await savePack(ctx.client, body, ctx.actor?.userId ?? null);
  const saved = await getPack(ctx.client, id);
  await ctx.audit({
    action: 'pack.save',
    objectType: 'policy_pack',
    objectId: id,
    after: { packId: saved.packId, effectiveFrom: saved.effectiveFrom },
  });
  return saved;
}

/** 选用: the district's pack for new rounds, audited; answers with the list, the new choice marked. */
export async function choosePack(ctx: RequestContext, packId: string) {
  await selectPack(ctx.client, packId);
  await ctx.audit({
    action: 'pack.select',
    objectType: 'settings',
    objectId: 'policy.pack',
    after: { packId },
  });
  return { items: await listPacks(ctx.client) };
}
