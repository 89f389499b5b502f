import type { RaterGroup, TokenIssueResult, Turnout } from '@ganbu/core';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { ballotTokenHash, newBallotCode, normaliseBallotCode } from './ballot-token.ts';
import type { RoundRow } from './rounds.ts';

export function groupOf(row: RoundRow, groupId: string): RaterGroup {
  const group = row.rules.scheme.raterGroups.find((g) => g.id === groupId);
  if (!group) throw new AppError(400, 'VALIDATION', `本轮考核没有评议组“${groupId}”`);
  return group;
}

/**
 * Issue bearer slips for one rater group (and, for groups that rate their own unit, one unit). The codes
 * are returned once for printing; only keyed hashes are stored, and nothing records who gets which slip.
 * A group never holds more live slips than its maximum number of raters (per unit where it rates its own).
 */
export async function issueTokens(
  ctx: RequestContext,
  cipher: FieldCipher,
  row: RoundRow,
  input: { groupId: string; count: number; unitId?: string | undefined },
): Promise<TokenIssueResult> {
  if (row.state !== 'draft' && row.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议结束后不能再发放评议票');
  const group = groupOf(row, input.groupId);
  if (group.mode !== 'bearer') throw new AppError(400, 'VALIDATION', '该评议组以实名账号评议，不发放评议票');
  const unitId = input.unitId ?? null;
  if (group.rates === 'ownUnit' && !unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”只评议本单位的对象，请选择单位`);
  if (group.rates === 'all' && unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”评议全部对象，不按单位发放`);
  if (unitId) {
    const { rows } = await ctx.client.query(
      `SELECT 1 FROM assessment_targets WHERE round_id = $1 AND unit_id = $2`,
      [row.id, unitId],
    );
    if (!rows.length) throw new AppError(400, 'VALIDATION', '该单位没有本轮考核对象');
  }
  const { rows: live } = await ctx.client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ballot_tokens
      WHERE round_id = $1 AND group_id = $2 AND unit_id IS NOT DISTINCT FROM $3 AND state <> 'revoked'`,
    [row.id, group.id, unitId],
  );
  const already = live[0]?.n ?? 0;
  if (already + input.count > group.maxRaters)
    throw new AppError(
      400,
      'VALIDATION',
      `“${group.name}”最多 ${group.maxRaters} 人评议，已发放 ${already} 张，本次最多还能发放 ${Math.max(0, group.maxRaters - already)} 张`,
    );
  const batchId = randomUUID();
  const codes = Array.from({ length: input.count }, () => newBallotCode());
  await ctx.client.query(
    `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id)
     SELECT $1, $2, $3, h, $4 FROM unnest($5::text[]) AS h`,
    [row.id, group.id, unitId, batchId, codes.map((c) => ballotTokenHash(cipher, c.replace(/-/g, '')))],
  );
  await ctx.audit({
    action: 'assessment.tokens.issue',
    objectType: 'assessment_round',
    objectId: row.id,
    after: { groupId: group.id, unitId, count: input.count, batchId },
  });
  return { batchId, groupId: group.id, unitId, codes };
}

/** Revoke an unused slip (lost, spoiled); a used one cannot be revoked. */
export async function revokeToken(ctx: RequestContext, cipher: FieldCipher, row: RoundRow, code: string) {
  const canonical = normaliseBallotCode(code);
  if (!canonical) throw new AppError(400, 'TOKEN_INVALID', '票码格式不正确');
  const hash = ballotTokenHash(cipher, canonical);
  const { rows } = await ctx.client.query<{ state: string }>(
    `SELECT state FROM ballot_tokens WHERE round_id = $1 AND token_hash = $2 FOR UPDATE`,
    [row.id, hash],
  );
  const token = rows[0];
  if (!token) throw notFound('评议票');
  if (token.state === 'used') throw new AppError(409, 'TOKEN_USED', '该评议票已投出，不能作废');
  if (token.state === 'revoked') throw new AppError(409, 'CONFLICT', '该评议票已作废');
  await ctx.client.query(
    `UPDATE ballot_tokens SET state = 'revoked' WHERE round_id = $1 AND token_hash = $2`,
    [row.id, hash],
  );
  await ctx.audit({ action: 'assessment.tokens.revoke', objectType: 'assessment_round', objectId: row.id });
}

/** Turnout per group: slips issued, used, revoked; ballots stored. Counts only, never which slip. */
export async function turnout(ctx: RequestContext, row: RoundRow): Promise<Turnout> {
  const { rows } = await ctx.client.query<{ group_id: string; state: string; n: number }>(
    `SELECT group_id, state, count(*)::int AS n FROM ballot_tokens WHERE round_id = $1 GROUP BY group_id, state`,
    [row.id],
  );
  const { rows: ballots } = await ctx.client.query<{ group_id: string; n: number }>(
    `SELECT group_id, count(*)::int AS n FROM ballots WHERE round_id = $1 GROUP BY group_id`,
    [row.id],
  );
  return {
    items: row.rules.scheme.raterGroups.map((g) => {
      const of = (state: string) => rows.find((r) => r.group_id === g.id && r.state === state)?.n ?? 0;
      const used = of('used');
      const revoked = of('revoked');
      return {
        groupId: g.id,
        groupName: g.name,
        issued: of('issued') + used + revoked,
        used,
        revoked,
        ballots: ballots.find((b) => b.group_id === g.id)?.n ?? 0,
      };
    }),
  };
}
