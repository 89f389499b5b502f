import type { RiskFiling } from '@ganbu/core';
import type pg from 'pg';
import { queryRow } from '../../../db/rows.ts';

/** 改革创新风险报备: a unit's own paperwork, visible in the org subtree (row-level security). */

interface FilingRow {
  id: string;
  org_id: string;
  unit_name: string;
  project: string;
  risks: string;
  measures: string;
  work_starts_on: string;
  filed_on: string;
  filed_by: string;
}

export const toFiling = (r: FilingRow): RiskFiling => ({
  id: r.id,
  orgId: r.org_id,
  unitName: r.unit_name,
  project: r.project,
  risks: r.risks,
  measures: r.measures,
  workStartsOn: r.work_starts_on,
  filedOn: r.filed_on,
  filedBy: r.filed_by,
});

// the filer's name through the users policy: a filer the reader cannot see reads as ''
const SELECT = `
  SELECT f.id, f.org_id, o.name AS unit_name, f.project, f.risks, f.measures,
         f.work_starts_on::text AS work_starts_on, f.filed_on::text AS filed_on,
         coalesce((SELECT u.display_name FROM users u WHERE u.id = f.filed_by), '') AS filed_by
    FROM risk_filings f JOIN orgs o ON o.id = f.org_id`;

export async function listFilings(
  client: pg.ClientBase,
  f: { q?: string; limit: number; offset: number },
): Promise<{ items: RiskFiling[]; total: number }> {
  const params: unknown[] = [];
  let filter = '';
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    filter = `WHERE f.project LIKE $1 OR o.name LIKE $1`;
  }
  const { rows } = await client.query<FilingRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${SELECT} ${filter}) x
      ORDER BY filed_on DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.map(toFiling), total: rows[0]?.total ?? 0 };
}

export async function findFiling(client: pg.ClientBase, id: string): Promise<RiskFiling | null> {
  return queryRow(client, `${SELECT} WHERE f.id = $1`, [id], toFiling);
}

export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; path: string } | null> {
  return queryRow<{ id: string; path: string }, { id: string; path: string }>(
    client,
    'SELECT id, path::text AS path FROM orgs WHERE id = $1',
    [id],
    (r) => r,
  );
}

export async function insertFiling(
  client: pg.ClientBase,
  f: {
    orgId: string;
    orgPath: string;
    project: string;
    risks: string;
    measures: string;
    workStartsOn: string;
    filedOn: string;
    filedBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO risk_filings (org_id, org_path, project, risks, measures, work_starts_on, filed_on, filed_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.orgId, f.orgPath, f.project, f.risks, f.measures, f.workStartsOn, f.filedOn, f.filedBy],
  );
  return (rows[0] as { id: string }).id;
}
