import { diffPacks, packInForce, PackSchema, shippedPacks, type Pack, type PackSummary } from '@ganbu/core';
import type pg from 'pg';
import { AppError, notFound } from '../../platform/errors.ts';

/** The district's chosen pack when none was chosen: the demo district is modelled on Fengze. */
const SELECTED_KEY = 'policy.pack';
const DEFAULT_PACK = 'fengze';

interface PackRow {
  id: string;
  pack_id: string;
  effective_from: string;
  body: unknown;
  origin: 'shipped' | 'edited';
}

const COLUMNS = `id, pack_id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, body, origin`;

/** Load the shipped packs into the database (once per version; an edited version is never overwritten). */
export async function ensureShippedPacks(client: pg.Pool | pg.ClientBase): Promise<void> {
  for (const pack of shippedPacks()) {
    await client.query(
      `INSERT INTO policy_packs (pack_id, effective_from, body, origin) VALUES ($1, $2, $3, 'shipped')
       ON CONFLICT (pack_id, effective_from) DO NOTHING`,
      [pack.id, pack.version.effectiveFrom, JSON.stringify(pack)],
    );
  }
}

export async function selectedPackId(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [
    SELECTED_KEY,
  ]);
  return rows[0]?.value ?? DEFAULT_PACK;
}

function parse(row: PackRow): Pack {
  const parsed = PackSchema.safeParse(row.body);
  if (!parsed.success) throw new AppError(500, 'PACK_INVALID', `政策包 ${row.pack_id} 数据无效`);
  return parsed.data;
}

function summary(row: PackRow, selected: string): PackSummary {
  const body = row.body as { name?: string; locality?: string };
  return {
    id: row.id,
    packId: row.pack_id,
    name: body.name ?? row.pack_id,
    locality: body.locality ?? '',
    effectiveFrom: row.effective_from,
    origin: row.origin,
    selected: row.pack_id === selected,
  };
}

export async function listPacks(client: pg.ClientBase): Promise<PackSummary[]> {
  const selected = await selectedPackId(client);
  const { rows } = await client.query<PackRow>(
    `SELECT ${COLUMNS} FROM policy_packs ORDER BY pack_id, effective_from`,
  );
  return rows.map((r) => summary(r, selected));
}

export async function getPack(client: pg.ClientBase, id: string) {
  const { rows } = await client.query<PackRow>(`SELECT ${COLUMNS} FROM policy_packs WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('政策包');
  return { ...summary(row, await selectedPackId(client)), body: parse(row) };
}

/** The version of a pack in force on a date (the date a period concerns). */
export async function packOn(client: pg.ClientBase, packId: string, date: string): Promise<Pack> {
  const { rows } = await client.query<PackRow>(`SELECT ${COLUMNS} FROM policy_packs WHERE pack_id = $1`, [
    packId,
  ]);
  const versions = rows.map(parse);
  if (!versions.length) throw new AppError(400, 'VALIDATION', `没有政策包“${packId}”`);
  const pack = packInForce(versions, date);
  if (!pack) throw new AppError(400, 'VALIDATION', `政策包“${packId}”在 ${date} 尚未生效`);
  return pack;
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
  const { rows: existing } = await client.query<{ id: string; origin: string }>(
    `SELECT id, origin FROM policy_packs WHERE pack_id = $1 AND effective_from = $2`,
    [pack.id, pack.version.effectiveFrom],
  );
  const found = existing[0];
  if (found?.origin === 'shipped')
    throw new AppError(409, 'CONFLICT', '随系统提供的政策包版本不能修改：请另起编号或设置新的生效日期');
  if (found) {
    await client.query(
      `UPDATE policy_packs SET body = $2, created_by = $3, created_at = now() WHERE id = $1`,
      [found.id, JSON.stringify(pack), userId],
    );
    return found.id;
  }
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO policy_packs (pack_id, effective_from, body, origin, created_by) VALUES ($1, $2, $3, 'edited', $4)
     RETURNING id`,
    [pack.id, pack.version.effectiveFrom, JSON.stringify(pack), userId],
  );
  return rows[0]!.id;
}

export async function selectPack(client: pg.ClientBase, packId: string): Promise<void> {
  const { rows } = await client.query(`SELECT 1 FROM policy_packs WHERE pack_id = $1`, [packId]);
  if (!rows.length) throw notFound('政策包');
  await client.query(
    `INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [SELECTED_KEY, packId],
  );
}

export async function packDiff(client: pg.ClientBase, id: string, otherId: string) {
  const [a, b] = await Promise.all([getPack(client, id), getPack(client, otherId)]);
  return { from: a.id, to: b.id, changes: diffPacks(a.body, b.body) };
}
