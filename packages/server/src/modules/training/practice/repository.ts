import type { PracticePosting, PracticeRating } from '@ganbu/core';
import { practiceStatus } from '@ganbu/core';
import type pg from 'pg';

/** Row-level security decides what is visible: a posting is seen by whoever sees its cadre. */

interface PostingRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  kind: string;
  kind_name: string;
  post: string;
  host_org_id: string | null;
  host_name: string;
  started_on: string;
  ends_on: string;
  outcome_rating: PracticeRating | null;
  outcome_note: string;
  outcome_on: string | null;
}

function toPosting(r: PostingRow, today: string): PracticePosting {
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    unitName: r.unit_name,
    kind: r.kind,
    kindName: r.kind_name,
    post: r.post,
    hostOrgId: r.host_org_id,
    hostName: r.host_name,
    startedOn: r.started_on,
    endsOn: r.ends_on,
    status: practiceStatus({ startedOn: r.started_on, endsOn: r.ends_on }, today),
    outcome:
      r.outcome_rating && r.outcome_on
        ? { rating: r.outcome_rating, note: r.outcome_note, recordedOn: r.outcome_on }
        : null,
  };
}

const SELECT = `
  SELECT p.id, p.cadre_id, c.name AS cadre_name, o.name AS unit_name, p.kind, p.kind_name, p.post,
         p.host_org_id, p.host_name, p.started_on::text AS started_on, p.ends_on::text AS ends_on,
         p.outcome_rating, p.outcome_note, p.outcome_on::text AS outcome_on
    FROM practice_postings p
    JOIN cadres c ON c.id = p.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export interface PostingFilter {
  q?: string;
  kind?: string;
  cadreId?: string;
  status?: 'planned' | 'current' | 'ended';
  today: string;
  limit: number;
  offset: number;
}

export async function listPostings(
  client: pg.ClientBase,
  f: PostingFilter,
): Promise<{ items: PracticePosting[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.q) {
    const like = param(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`(c.name LIKE ${like} OR p.post LIKE ${like} OR p.host_name LIKE ${like})`);
  }
  if (f.kind) where.push(`p.kind = ${param(f.kind)}`);
  if (f.cadreId) where.push(`p.cadre_id = ${param(f.cadreId)}::uuid`);
  if (f.status) {
    const today = param(f.today);
    where.push(
      f.status === 'planned'
        ? `p.started_on > ${today}::date`
        : f.status === 'ended'
          ? `p.ends_on < ${today}::date`
          : `p.started_on <= ${today}::date AND p.ends_on >= ${today}::date`,
    );
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<PostingRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${SELECT} ${filter}) x
      ORDER BY started_on DESC, cadre_name, id
      LIMIT ${param(f.limit)} OFFSET ${param(f.offset)}`,
    params,
  );
  return { items: rows.map((r) => toPosting(r, f.today)), total: rows[0]?.total ?? 0 };
}

export async function findPosting(
  client: pg.ClientBase,
  id: string,
  today: string,
): Promise<PracticePosting | null> {
  const { rows } = await client.query<PostingRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ? toPosting(rows[0], today) : null;
}

/** A cadre visible to the user. */
export async function findCadre(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM cadres WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** A unit visible to the user (the host of a posting). */
export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM orgs WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function insertPosting(
  client: pg.ClientBase,
  p: {
    cadreId: string;
    kind: string;
    kindName: string;
    post: string;
    hostOrgId: string | null;
    hostName: string;
    startedOn: string;
    endsOn: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO practice_postings (cadre_id, kind, kind_name, post, host_org_id, host_name, started_on, ends_on,
       created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.cadreId, p.kind, p.kindName, p.post, p.hostOrgId, p.hostName, p.startedOn, p.endsOn, p.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function updatePosting(
  client: pg.ClientBase,
  id: string,
  patch: {
    post?: string;
    endsOn?: string;
    outcome?: { rating: PracticeRating; note: string; recordedOn: string } | null;
  },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE practice_postings SET post = coalesce($2, post), ends_on = coalesce($3::date, ends_on),
            outcome_rating = CASE WHEN $4::boolean THEN $5 ELSE outcome_rating END,
            outcome_note = CASE WHEN $4::boolean THEN $6 ELSE outcome_note END,
            outcome_on = CASE WHEN $4::boolean THEN $7::date ELSE outcome_on END
      WHERE id = $1`,
    [
      id,
      patch.post ?? null,
      patch.endsOn ?? null,
      patch.outcome !== undefined,
      patch.outcome?.rating ?? null,
      patch.outcome?.note ?? '',
      patch.outcome?.recordedOn ?? null,
    ],
  );
  return (res.rowCount ?? 0) > 0;
}
