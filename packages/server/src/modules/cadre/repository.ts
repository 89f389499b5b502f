import type { CadreListItem, CadreListQuery } from '@ganbu/core';
import type pg from 'pg';

interface Row {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  org_id: string;
  org_name: string;
  post_title: string;
  total: number;
}

function toItem(r: Row): CadreListItem {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    orgId: r.org_id,
    orgName: r.org_name,
    postTitle: r.post_title,
  };
}

/** Roster page within scope (row-level security filters cadres and orgs). */
export async function listCadres(
  client: pg.ClientBase,
  q: CadreListQuery,
): Promise<{ items: CadreListItem[]; total: number }> {
  const params: unknown[] = [q.pageSize, (q.page - 1) * q.pageSize];
  const where: string[] = [];
  if (q.q) {
    params.push(`%${q.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`);
    where.push(`c.name ILIKE $${params.length}`);
  }
  if (q.orgId) {
    params.push(q.orgId);
    where.push(`c.org_path <@ (SELECT path FROM orgs WHERE id = $${params.length})`);
  }
  const { rows } = await client.query<Row>(
    `SELECT c.id, c.name, c.gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.org_id, o.name AS org_name,
            c.post_title, count(*) OVER ()::int AS total
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY c.org_path, c.name LIMIT $1 OFFSET $2`,
    params,
  );
  return {
    items: rows.map(toItem),
    total: rows[0]?.total ?? 0,
  };
}

export async function findCadre(client: pg.ClientBase, id: string): Promise<CadreListItem | null> {
  const { rows } = await client.query<Row>(
    `SELECT c.id, c.name, c.gender, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.org_id, o.name AS org_name,
            c.post_title, 1 AS total
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1`,
    [id],
  );
  return rows[0] ? toItem(rows[0]) : null;
}
