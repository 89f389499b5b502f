import type { GradeVote, RoundState } from '@ganbu/core';
import type pg from 'pg';
import type { RoundRules } from './rounds.ts';

/**
 * The ballot box's tables (`ballot_pending`, `ballots`, `ballot_scores`), reached for writes only through
 * the SECURITY DEFINER functions of migration 0010 (`ballot_slip`, `ballot_cast`, `ballot_settle`), each
 * one statement on a pooled connection or in the caller's transaction.
 */

/** What `ballot_slip` tells of a slip: its state, its round's state, the criteria and the targets it rates. */
export interface SlipForCast {
  state: 'issued' | 'used' | 'revoked';
  roundState: RoundState;
  criteria: RoundRules['scheme']['criteria'];
  /** 'scores', or 'grade' with the round's vote grades (一票一档, migration 0035) */
  ballotForm: 'scores' | 'grade';
  gradeVote: GradeVote | null;
  targets: string[];
}

export async function selectSlipForCast(pool: pg.Pool, hash: string): Promise<SlipForCast | null> {
  const { rows } = await pool.query<{ slip: SlipForCast | null }>('SELECT ballot_slip($1) AS slip', [hash]);
  return rows[0]?.slip ?? null;
}

/**
 * Mark the slip used and pool its ballot, in one statement: 'ok', 'used', 'state:<round state>' or
 * 'invalid'. `scores` as the function reads them: target_id, points (hundredths), total.
 */
export async function castBallotRow(
  pool: pg.Pool,
  hash: string,
  day: string,
  scores: { target_id: string; points: number[]; total: number }[],
): Promise<string> {
  const { rows } = await pool.query<{ result: string }>('SELECT ballot_cast($1, $2, $3) AS result', [
    hash,
    day,
    JSON.stringify(scores),
  ]);
  return rows[0]?.result ?? 'invalid';
}

/** Rewrite the round's ballots under fresh random ids and empty its pool; the number of ballots it holds. */
export async function settleBallotBox(client: pg.ClientBase, roundId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT ballot_settle($1) AS n', [roundId]);
  return rows[0]?.n ?? 0;
}

/** Ballots cast so far per rater group: the pool and the stored ones (counts only). */
export async function countBallots(client: pg.ClientBase, roundId: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ group_id: string; n: number }>(
    `SELECT group_id, count(*)::int AS n
       FROM (SELECT group_id FROM ballots WHERE round_id = $1
             UNION ALL SELECT group_id FROM ballot_pending WHERE round_id = $1) b
      GROUP BY group_id`,
    [roundId],
  );
  return new Map(rows.map((r) => [r.group_id, r.n]));
}

interface ExportBallotRow {
  id: string;
  group_id: string;
  day: string;
  scores: { targetId: string; points: number[] }[];
}

export interface ExportBallot {
  id: string;
  groupId: string;
  day: string;
  scores: { targetId: string; points: number[] }[];
}

/**
 * Each ballot with its scores, except those of the withheld (target, group) pairs — by random id, not
 * insert order.
 */
export async function listExportBallots(
  client: pg.ClientBase,
  roundId: string,
  withheld: { targetIds: string[]; groupIds: string[] },
): Promise<ExportBallot[]> {
  const { rows } = await client.query<ExportBallotRow>(
    `SELECT b.id, b.group_id, b.cast_on::text AS day,
            json_agg(json_build_object('targetId', s.target_id, 'points', s.points) ORDER BY s.target_id) AS scores
       FROM ballots b JOIN ballot_scores s ON s.ballot_id = b.id
       LEFT JOIN unnest($2::uuid[], $3::text[]) AS w(target_id, group_id)
         ON w.target_id = s.target_id AND w.group_id = s.group_id
      WHERE b.round_id = $1 AND w.target_id IS NULL GROUP BY b.id ORDER BY b.id`,
    [roundId, withheld.targetIds, withheld.groupIds],
  );
  return rows.map((b) => ({ id: b.id, groupId: b.group_id, day: b.day, scores: b.scores }));
}
