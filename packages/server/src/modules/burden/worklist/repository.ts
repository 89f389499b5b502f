import type pg from 'pg';

/** The SQL of `burden/worklist/`. Row-level security: an item is seen in the subtree of the unit taking it on. */

export interface ItemRow {
  id: string;
  org_id: string;
  org_name: string;
  organiser_name: string;
  year: number;
  name: string;
  basis: string;
  mode_id: string | null;
  amount_fen: string | null;
  contract: string;
  local_management: boolean;
  unfunded: boolean;
  explanation: string;
}

const SELECT = `
  SELECT i.id, i.org_id, o.name AS org_name, i.organiser_name, i.year, i.name, i.basis, i.mode_id,
         i.amount_fen::text AS amount_fen, i.contract, i.local_management, i.unfunded, i.explanation
    FROM burden_worklist_items i JOIN orgs o ON o.id = i.org_id`;

export async function listItems(
  client: pg.ClientBase,
  f: { id?: string; year?: number; orgPath?: string; unfunded?: boolean; limit: number; offset: number },
): Promise<{ rows: ItemRow[]; total: number; unfunded: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.id) where.push(`i.id = ${p(f.id)}`);
  if (f.year) where.push(`i.year = ${p(f.year)}`);
  if (f.orgPath) where.push(`i.org_path <@ ${p(f.orgPath)}::ltree`);
  if (f.unfunded !== undefined) where.push(`i.unfunded = ${p(f.unfunded)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = await client.query<{ n: number; unfunded: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE i.unfunded)::int AS unfunded FROM burden_worklist_items i ${w}`,
    params,
  );
  const { rows } = await client.query<ItemRow>(
    `${SELECT} ${w} ORDER BY i.unfunded DESC, i.year DESC, o.sort_order, o.name, i.name, i.id
      LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows, total: counts.rows[0]?.n ?? 0, unfunded: counts.rows[0]?.unfunded ?? 0 };
}

export interface ItemWrite {
  orgId: string;
  orgPath: string;
  organiserName: string;
  year: number;
  name: string;
  basis: string;
  modeId: string | null;
  amountFen: number | null;
  contract: string;
  localManagement: boolean;
  unfunded: boolean;
  explanation: string;
}

const values = (w: ItemWrite) => [
  w.orgId,
  w.orgPath,
  w.organiserName,
  w.year,
  w.name,
  w.basis,
  w.modeId,
  w.amountFen,
  w.contract,
  w.localManagement,
  w.unfunded,
  w.explanation,
];

export async function insertItem(
  client: pg.ClientBase,
  w: ItemWrite,
  createdBy: string | null,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO burden_worklist_items (org_id, org_path, organiser_name, year, name, basis, mode_id, amount_fen,
                                        contract, local_management, unfunded, explanation, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [...values(w), createdBy],
  );
  return rows[0]!.id;
}

export async function updateItem(client: pg.ClientBase, id: string, w: ItemWrite): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE burden_worklist_items
        SET org_id = $1, org_path = $2::ltree, organiser_name = $3, year = $4, name = $5, basis = $6, mode_id = $7,
            amount_fen = $8, contract = $9, local_management = $10, unfunded = $11, explanation = $12,
            updated_at = now()
      WHERE id = $13`,
    [...values(w), id],
  );
  return (rowCount ?? 0) > 0;
}

export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; kind: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; kind: string; path: string }>(
    `SELECT id, name, kind, path::text AS path FROM orgs WHERE id = $1 AND active`,
    [id],
  );
  return rows[0] ?? null;
}

/** The active units the caller may see (the import resolves 承接单位 by code path or unique name). */
export async function allOrgs(client: pg.ClientBase): Promise<{ id: string; name: string; path: string }[]> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text AS path FROM orgs WHERE active ORDER BY path`,
  );
  return rows;
}
