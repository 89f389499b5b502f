import type { Org, OrgKind } from '@ganbu/core';
import type pg from 'pg';
import { queryRow, queryRows } from '../../db/rows.ts';

interface OrgRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: OrgKind;
  path: string;
  active: boolean;
  establishment: Org['establishment'];
  difficulty: string;
  sort_order: number;
  tags: string[];
}

const COLUMNS = `id, parent_id, code, name, kind, path::text AS path, active, establishment, difficulty::text AS difficulty, sort_order,
  tags`;

export function toOrg(r: OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    path: r.path,
    active: r.active,
    establishment: r.establishment,
    difficulty: r.difficulty,
    sortOrder: r.sort_order,
    tags: r.tags,
  };
}

/** Every org the scope lets the user see (row-level security filters; no WHERE needed). */
export async function listOrgs(client: pg.ClientBase): Promise<Org[]> {
  return queryRows(client, `SELECT ${COLUMNS} FROM orgs ORDER BY nlevel(path), sort_order, name`, [], toOrg);
}

export async function findOrg(client: pg.ClientBase, id: string): Promise<Org | null> {
  return queryRow(client, `SELECT ${COLUMNS} FROM orgs WHERE id = $1`, [id], toOrg);
}

export async function insertOrg(
  client: pg.ClientBase,
  o: Omit<Org, 'id' | 'active' | 'tags'> & { tags?: string[] },
): Promise<Org> {
  const { rows } = await client.query<OrgRow>(
    `INSERT INTO orgs (parent_id, code, name, kind, path, establishment, difficulty, sort_order, tags)
     VALUES ($1, $2, $3, $4, $5::ltree, $6, $7::numeric, $8, $9::text[]) RETURNING ${COLUMNS}`,
    [
      o.parentId,
      o.code,
      o.name,
      o.kind,
      o.path,
      JSON.stringify(o.establishment),
      o.difficulty,
      o.sortOrder,
      o.tags ?? [],
    ],
  );
  return toOrg(rows[0] as OrgRow);
}

export async function updateOrg(
  client: pg.ClientBase,
  id: string,
  patch: {
    name?: string;
    establishment?: Org['establishment'];
    difficulty?: string;
    sortOrder?: number;
    active?: boolean;
    tags?: string[];
  },
): Promise<Org | null> {
  return queryRow(
    client,
    `UPDATE orgs SET name = coalesce($2, name), establishment = coalesce($3::jsonb, establishment),
            difficulty = coalesce($4::numeric, difficulty), sort_order = coalesce($5, sort_order),
            active = coalesce($6, active), tags = coalesce($7::text[], tags), updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      patch.name ?? null,
      patch.establishment ? JSON.stringify(patch.establishment) : null,
      patch.difficulty ?? null,
      patch.sortOrder ?? null,
      patch.active ?? null,
      patch.tags ?? null,
    ],
    toOrg,
  );
}

export async function countActiveChildren(client: pg.ClientBase, path: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orgs WHERE path <@ $1::ltree AND path <> $1::ltree AND active`,
    [path],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Tables whose `org_path` the database keeps itself from another table's (the app role may only read
 * them): `training_cadre_years` follows its cadre's path (trigger `training_cadre_years_move`, 0034).
 */
const PATH_KEPT_BY_TRIGGER = new Set(['training_cadre_years']);

/**
 * Move a subtree: rewrite the org paths, then every `org_path` column of every table, so scope
 * follows the move. Tables are found from the catalog, so a new module's table is not forgotten
 * (except those whose path a trigger keeps, `PATH_KEPT_BY_TRIGGER`).
 * Returns how many rows of each table moved.
 */
export async function rewriteSubtreePaths(
  client: pg.ClientBase,
  oldPath: string,
  newPath: string,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  const rewrite = (col: string) =>
    `${col} = $2::ltree || CASE WHEN nlevel(${col}) > nlevel($1::ltree) THEN subpath(${col}, nlevel($1::ltree)) ELSE ''::ltree END`;
  const orgs = await client.query(
    `UPDATE orgs SET ${rewrite('path')}, updated_at = now() WHERE path <@ $1::ltree`,
    [oldPath, newPath],
  );
  moved.orgs = orgs.rowCount ?? 0;
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'org_path' ORDER BY table_name`,
  );
  for (const { table_name } of tables) {
    if (PATH_KEPT_BY_TRIGGER.has(table_name)) continue;
    const res = await client.query(
      `UPDATE "${table_name}" SET ${rewrite('org_path')} WHERE org_path <@ $1::ltree`,
      [oldPath, newPath],
    );
    moved[table_name] = res.rowCount ?? 0;
  }
  return moved;
}

export async function setParent(client: pg.ClientBase, id: string, parentId: string): Promise<void> {
  await client.query('UPDATE orgs SET parent_id = $2 WHERE id = $1', [id, parentId]);
}
