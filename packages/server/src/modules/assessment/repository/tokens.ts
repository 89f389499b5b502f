import type { RoundState } from '@ganbu/core';
import type pg from 'pg';
import type { RoundRules } from './rounds.ts';

/**
 * `ballot_tokens` (评议票, stored as keyed hashes only) and `named_raters` (实名评议: which account holds
 * which slip, its code encrypted). Nothing here records who received a bearer slip.
 */

export type TokenState = 'issued' | 'used' | 'revoked';

/** Live (not revoked) slips of a group, for one unit or for the whole round (`unitId` null). */
export async function countLiveTokens(
  client: pg.ClientBase,
  roundId: string,
  groupId: string,
  unitId: string | null,
): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ballot_tokens
      WHERE round_id = $1 AND group_id = $2 AND unit_id IS NOT DISTINCT FROM $3 AND state <> 'revoked'`,
    [roundId, groupId, unitId],
  );
  return rows[0]?.n ?? 0;
}

/** One batch of slips, by their hashes. */
export async function insertTokens(
  client: pg.ClientBase,
  t: { roundId: string; groupId: string; unitId: string | null; batchId: string; hashes: string[] },
): Promise<void> {
  await client.query(
    `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id)
     SELECT $1, $2, $3, h, $4 FROM unnest($5::text[]) AS h`,
    [t.roundId, t.groupId, t.unitId, t.batchId, t.hashes],
  );
}

/** A slip's state, locked for a change; null when the round has no such slip. */
export async function lockTokenState(
  client: pg.ClientBase,
  roundId: string,
  hash: string,
): Promise<TokenState | null> {
  const { rows } = await client.query<{ state: TokenState }>(
    `SELECT state FROM ballot_tokens WHERE round_id = $1 AND token_hash = $2 FOR UPDATE`,
    [roundId, hash],
  );
  return rows[0]?.state ?? null;
}

export async function revokeTokenRow(client: pg.ClientBase, roundId: string, hash: string): Promise<void> {
  await client.query(`UPDATE ballot_tokens SET state = 'revoked' WHERE round_id = $1 AND token_hash = $2`, [
    roundId,
    hash,
  ]);
}

/** Slips per rater group and state (counts only, never which slip). */
export async function countTokensByState(
  client: pg.ClientBase,
  roundId: string,
): Promise<{ groupId: string; state: TokenState; n: number }[]> {
  const { rows } = await client.query<{ group_id: string; state: TokenState; n: number }>(
    `SELECT group_id, state, count(*)::int AS n FROM ballot_tokens WHERE round_id = $1 GROUP BY group_id, state`,
    [roundId],
  );
  return rows.map((r) => ({ groupId: r.group_id, state: r.state, n: r.n }));
}

/** Of these accounts, the active ones visible to the reader not yet assigned to the group. */
export async function listUnassignedUsers(
  client: pg.ClientBase,
  userIds: string[],
  roundId: string,
  groupId: string,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND id NOT IN
       (SELECT user_id FROM named_raters WHERE round_id = $2 AND group_id = $3)`,
    [userIds, roundId, groupId],
  );
  return rows.map((r) => r.id);
}

/** How many of these accounts exist, are active and are visible to the reader. */
export async function countActiveUsers(client: pg.ClientBase, userIds: string[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND active`,
    [userIds],
  );
  return rows[0]?.n ?? 0;
}

/** A named rater's slip: the token, and who holds it with the code encrypted. */
export async function insertNamedRater(
  client: pg.ClientBase,
  r: {
    roundId: string;
    roundOrgPath: string;
    groupId: string;
    unitId: string | null;
    userId: string;
    hash: string;
    batchId: string;
    codeEnc: string;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id) VALUES ($1, $2, $3, $4, $5)`,
    [r.roundId, r.groupId, r.unitId, r.hash, r.batchId],
  );
  await client.query(
    `INSERT INTO named_raters (round_id, round_org_path, group_id, unit_id, user_id, token_hash, code_enc)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7)`,
    [r.roundId, r.roundOrgPath, r.groupId, r.unitId, r.userId, r.hash, r.codeEnc],
  );
}

interface NamedSlipRow {
  round_id: string;
  round_name: string;
  state: RoundState;
  group_id: string;
  rules: RoundRules;
  code_enc: string;
  token_state: TokenState;
}

/** A slip handed to an account (我的评议), with its round. */
export interface NamedSlipRecord {
  roundId: string;
  roundName: string;
  roundState: RoundState;
  groupId: string;
  rules: RoundRules;
  codeEnc: string;
  tokenState: TokenState;
}

export async function listNamedSlips(
  client: pg.ClientBase,
  userId: string | undefined,
): Promise<NamedSlipRecord[]> {
  const { rows } = await client.query<NamedSlipRow>(
    `SELECT n.round_id, r.name AS round_name, r.state, n.group_id, r.rules, n.code_enc, t.state AS token_state
       FROM named_raters n
       JOIN assessment_rounds r ON r.id = n.round_id
       JOIN ballot_tokens t ON t.token_hash = n.token_hash
      WHERE n.user_id = $1
      ORDER BY r.period_end DESC, r.name`,
    [userId],
  );
  return rows.map((r) => ({
    roundId: r.round_id,
    roundName: r.round_name,
    roundState: r.state,
    groupId: r.group_id,
    rules: r.rules,
    codeEnc: r.code_enc,
    tokenState: r.token_state,
  }));
}

interface SlipRow {
  round_id: string;
  group_id: string;
  unit_id: string | null;
  state: TokenState;
  round_name: string;
  round_state: RoundState;
  period_start: string;
  period_end: string;
  rules: RoundRules;
}

/** The slip behind a code's hash, with its round: what the ballot page shows. */
export interface SlipRecord {
  roundId: string;
  groupId: string;
  unitId: string | null;
  state: TokenState;
  roundName: string;
  roundState: RoundState;
  periodStart: string;
  periodEnd: string;
  rules: RoundRules;
}

/** Read in the 'system' context by the caller (the rater has no account and no scope). */
export async function selectSlip(client: pg.ClientBase, hash: string): Promise<SlipRecord | null> {
  const { rows } = await client.query<SlipRow>(
    `SELECT t.round_id, t.group_id, t.unit_id, t.state, r.name AS round_name, r.state AS round_state,
            to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
            r.rules
       FROM ballot_tokens t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.token_hash = $1`,
    [hash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    roundId: r.round_id,
    groupId: r.group_id,
    unitId: r.unit_id,
    state: r.state,
    roundName: r.round_name,
    roundState: r.round_state,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    rules: r.rules,
  };
}
