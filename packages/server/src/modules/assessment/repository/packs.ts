import type pg from 'pg';

/** `policy_packs` (every version of every pack, shipped or the district's own) and the chosen pack's setting. */

const SELECTED_KEY = 'policy.pack';

interface PackRow {
  id: string;
  pack_id: string;
  effective_from: string;
  body: unknown;
  origin: 'shipped' | 'edited';
}

/** A stored pack version; `body` is validated by the service (core `PackSchema`). */
export interface PackVersionRecord {
  id: string;
  packId: string;
  effectiveFrom: string;
  body: unknown;
  origin: 'shipped' | 'edited';
}

const toPackVersion = (r: PackRow): PackVersionRecord => ({
  id: r.id,
  packId: r.pack_id,
  effectiveFrom: r.effective_from,
  body: r.body,
  origin: r.origin,
});

const COLUMNS = `id, pack_id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, body, origin`;

/**
 * Store a shipped version: insert it, or bring a stored shipped copy of that (pack, date) up to the body this
 * release ships (a release adds sections — 从严管理, 事项流程 — that an older copy lacks). A version the
 * district saved itself (origin 'edited') is never touched, and rounds keep the rules they copied.
 */
export async function insertShippedPack(
  client: pg.Pool | pg.ClientBase,
  p: { packId: string; effectiveFrom: string; body: unknown },
): Promise<void> {
  await client.query(
    `INSERT INTO policy_packs (pack_id, effective_from, body, origin) VALUES ($1, $2, $3, 'shipped')
     ON CONFLICT (pack_id, effective_from) DO UPDATE SET body = EXCLUDED.body
      WHERE policy_packs.origin = 'shipped' AND policy_packs.body IS DISTINCT FROM EXCLUDED.body`,
    [p.packId, p.effectiveFrom, JSON.stringify(p.body)],
  );
}

/** The district's chosen pack id, null when none was chosen. */
export async function selectChosenPackId(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [
    SELECTED_KEY,
  ]);
  return rows[0]?.value ?? null;
}

export async function upsertChosenPackId(client: pg.ClientBase, packId: string): Promise<void> {
  await client.query(
    `INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [SELECTED_KEY, packId],
  );
}

export async function listPackVersions(client: pg.ClientBase): Promise<PackVersionRecord[]> {
  const { rows } = await client.query<PackRow>(
    `SELECT ${COLUMNS} FROM policy_packs ORDER BY pack_id, effective_from`,
  );
  return rows.map(toPackVersion);
}

export async function selectPackVersion(
  client: pg.ClientBase,
  id: string,
): Promise<PackVersionRecord | null> {
  const { rows } = await client.query<PackRow>(`SELECT ${COLUMNS} FROM policy_packs WHERE id = $1`, [id]);
  return rows[0] ? toPackVersion(rows[0]) : null;
}

/** Every version of one pack (any order). */
export async function listVersionsOf(client: pg.ClientBase, packId: string): Promise<PackVersionRecord[]> {
  const { rows } = await client.query<PackRow>(`SELECT ${COLUMNS} FROM policy_packs WHERE pack_id = $1`, [
    packId,
  ]);
  return rows.map(toPackVersion);
}

/** The stored version of (pack, date): its id and whether it is shipped or the district's own. */
export async function selectVersionOrigin(
  client: pg.ClientBase,
  packId: string,
  effectiveFrom: string,
): Promise<{ id: string; origin: 'shipped' | 'edited' } | null> {
  const { rows } = await client.query<{ id: string; origin: 'shipped' | 'edited' }>(
    `SELECT id, origin FROM policy_packs WHERE pack_id = $1 AND effective_from = $2`,
    [packId, effectiveFrom],
  );
  return rows[0] ?? null;
}

export async function updatePackBody(
  client: pg.ClientBase,
  id: string,
  body: unknown,
  userId: string | null,
): Promise<void> {
  await client.query(`UPDATE policy_packs SET body = $2, created_by = $3, created_at = now() WHERE id = $1`, [
    id,
    JSON.stringify(body),
    userId,
  ]);
}

export async function insertEditedPack(
  client: pg.ClientBase,
  p: { packId: string; effectiveFrom: string; body: unknown; userId: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO policy_packs (pack_id, effective_from, body, origin, created_by) VALUES ($1, $2, $3, 'edited', $4)
     RETURNING id`,
    [p.packId, p.effectiveFrom, JSON.stringify(p.body), p.userId],
  );
  return rows[0]!.id;
}

export async function packExists(client: pg.ClientBase, packId: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM policy_packs WHERE pack_id = $1`, [packId]);
  return rows.length > 0;
}
