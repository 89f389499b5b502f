import type { Pairing, PairingNote, PairingReview } from '@ganbu/core';
import type pg from 'pg';

/** Row-level security decides what is visible: a pairing is seen by whoever sees its cadre. */

interface PairingRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  mentor_id: string;
  mentor_name: string;
  mentor_post: string;
  focus: string;
  started_on: string;
  ended_on: string | null;
  note_count: number;
  last_note_on: string | null;
  last_review_on: string | null;
}

/** A pairing as stored; the service adds its review due day and state from the pack. */
export type PairingRecord = Omit<Pairing, 'reviewDueOn' | 'reviewState' | 'reviewExplanation'>;

function toPairing(r: PairingRow): PairingRecord {
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    unitName: r.unit_name,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    mentorPost: r.mentor_post,
    focus: r.focus,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    noteCount: r.note_count,
    lastNoteOn: r.last_note_on,
    lastReviewOn: r.last_review_on,
  };
}

// The mentor's name comes from the pairing row (kept when written): the mentor may be a cadre of
// another unit whom the reader's scope does not show.
const SELECT = `
  SELECT p.id, p.cadre_id, c.name AS cadre_name, o.name AS unit_name, p.mentor_id, p.mentor_name,
         p.mentor_post, p.focus, p.started_on::text AS started_on, p.ended_on::text AS ended_on,
         (SELECT count(*)::int FROM pairing_notes n WHERE n.pairing_id = p.id) AS note_count,
         (SELECT max(n.noted_on)::text FROM pairing_notes n WHERE n.pairing_id = p.id) AS last_note_on,
         (SELECT max(v.reviewed_on)::text FROM pairing_reviews v WHERE v.pairing_id = p.id) AS last_review_on
    FROM pairings p
    JOIN cadres c ON c.id = p.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export interface PairingFilter {
  q?: string;
  current?: boolean;
  today: string;
  limit: number;
  offset: number;
}

export async function listPairings(
  client: pg.ClientBase,
  f: PairingFilter,
): Promise<{ items: PairingRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`(c.name LIKE $${params.length} OR p.mentor_name LIKE $${params.length})`);
  }
  if (f.current !== undefined) {
    params.push(f.today);
    where.push(
      f.current
        ? `(p.ended_on IS NULL OR p.ended_on >= $${params.length}::date)`
        : `p.ended_on < $${params.length}::date`,
    );
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<PairingRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${SELECT} ${filter}) x
      ORDER BY (ended_on IS NULL) DESC, started_on DESC, cadre_name, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.map(toPairing), total: rows[0]?.total ?? 0 };
}

export async function findPairing(client: pg.ClientBase, id: string): Promise<PairingRecord | null> {
  const { rows } = await client.query<PairingRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ? toPairing(rows[0]) : null;
}

/** A cadre visible to the user: the mentee must be, the mentor too (one picks them from the roster). */
export async function findCadre(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; postTitle: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; post_title: string }>(
    'SELECT id, name, post_title FROM cadres WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, postTitle: r.post_title } : null;
}

export async function insertPairing(
  client: pg.ClientBase,
  p: {
    cadreId: string;
    mentorId: string;
    mentorName: string;
    mentorPost: string;
    focus: string;
    startedOn: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO pairings (cadre_id, mentor_id, mentor_name, mentor_post, focus, started_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [p.cadreId, p.mentorId, p.mentorName, p.mentorPost, p.focus, p.startedOn, p.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function updatePairing(
  client: pg.ClientBase,
  id: string,
  patch: { focus?: string; endedOn?: string | null },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE pairings SET focus = coalesce($2, focus),
            ended_on = CASE WHEN $3::boolean THEN $4::date ELSE ended_on END
      WHERE id = $1`,
    [id, patch.focus ?? null, patch.endedOn !== undefined, patch.endedOn ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

interface NoteRow {
  id: string;
  noted_on: string;
  content: string;
  written_by: string;
}

export async function listNotes(client: pg.ClientBase, pairingId: string): Promise<PairingNote[]> {
  const { rows } = await client.query<NoteRow>(
    `SELECT id, noted_on::text AS noted_on, content, written_by_name AS written_by
       FROM pairing_notes WHERE pairing_id = $1 ORDER BY noted_on DESC, created_at DESC`,
    [pairingId],
  );
  return rows.map((r) => ({ id: r.id, notedOn: r.noted_on, content: r.content, writtenBy: r.written_by }));
}

export async function insertNote(
  client: pg.ClientBase,
  n: { pairingId: string; notedOn: string; content: string; writtenBy: string | null; writtenByName: string },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO pairing_notes (pairing_id, noted_on, content, written_by, written_by_name)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [n.pairingId, n.notedOn, n.content, n.writtenBy, n.writtenByName],
  );
  return (rows[0] as { id: string }).id;
}

/** The account's display name for a note's author (its user name when the row is not visible). */
export async function displayNameOf(
  client: pg.ClientBase,
  userId: string | null,
  fallback: string,
): Promise<string> {
  if (!userId) return fallback;
  const { rows } = await client.query<{ display_name: string }>(
    'SELECT display_name FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]?.display_name ?? fallback;
}

interface ReviewRow {
  id: string;
  reviewed_on: string;
  rating: PairingReview['rating'];
  summary: string;
  decision: PairingReview['decision'];
  written_by: string;
}

export async function listReviews(client: pg.ClientBase, pairingId: string): Promise<PairingReview[]> {
  const { rows } = await client.query<ReviewRow>(
    `SELECT id, reviewed_on::text AS reviewed_on, rating, summary, decision, written_by_name AS written_by
       FROM pairing_reviews WHERE pairing_id = $1 ORDER BY reviewed_on DESC, created_at DESC`,
    [pairingId],
  );
  return rows.map((r) => ({
    id: r.id,
    reviewedOn: r.reviewed_on,
    rating: r.rating,
    summary: r.summary,
    decision: r.decision,
    writtenBy: r.written_by,
  }));
}

export async function insertReview(
  client: pg.ClientBase,
  r: {
    pairingId: string;
    reviewedOn: string;
    rating: PairingReview['rating'];
    summary: string;
    decision: PairingReview['decision'];
    writtenBy: string | null;
    writtenByName: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO pairing_reviews (pairing_id, reviewed_on, rating, summary, decision, written_by, written_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [r.pairingId, r.reviewedOn, r.rating, r.summary, r.decision, r.writtenBy, r.writtenByName],
  );
  return (rows[0] as { id: string }).id;
}
