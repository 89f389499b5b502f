import type { RaterGroup, TokenIssueResult, Turnout } from '@ganbu/core';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { ballotCounts } from './ballot-box.ts';
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
  const ballots = await ballotCounts(ctx.client, row.id);
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
        ballots: ballots.get(g.id) ?? 0,
      };
    }),
  };
}

/**
 * 实名评议: give each listed account of a named group one slip, through their account. The accounts must
 * be visible to the organiser; an account already assigned to the group keeps its slip.
 */
export async function assignNamedRaters(
  ctx: RequestContext,
  cipher: FieldCipher,
  row: RoundRow,
  input: { groupId: string; userIds: string[]; unitId?: string | undefined },
): Promise<{ assigned: number }> {
  if (row.state !== 'draft' && row.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议结束后不能再指定评议人');
  const group = groupOf(row, input.groupId);
  if (group.mode !== 'named') throw new AppError(400, 'VALIDATION', '该评议组使用匿名评议票，请发放评议票');
  const unitId = input.unitId ?? null;
  if (group.rates === 'ownUnit' && !unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”只评议本单位的对象，请选择单位`);
  const { rows: users } = await ctx.client.query<{ id: string }>(
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND id NOT IN
       (SELECT user_id FROM named_raters WHERE round_id = $2 AND group_id = $3)`,
    [input.userIds, row.id, group.id],
  );
  const { rows: known } = await ctx.client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND active`,
    [input.userIds],
  );
  if ((known[0]?.n ?? 0) < new Set(input.userIds).size)
    throw new AppError(400, 'VALIDATION', '部分账号不存在、已停用或不在您的数据范围内');
  const { rows: live } = await ctx.client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ballot_tokens
      WHERE round_id = $1 AND group_id = $2 AND unit_id IS NOT DISTINCT FROM $3 AND state <> 'revoked'`,
    [row.id, group.id, unitId],
  );
  if ((live[0]?.n ?? 0) + users.length > group.maxRaters)
    throw new AppError(400, 'VALIDATION', `“${group.name}”最多 ${group.maxRaters} 人评议`);
  const batchId = randomUUID();
  for (const user of users) {
    const code = newBallotCode();
    const hash = ballotTokenHash(cipher, code.replace(/-/g, ''));
    await ctx.client.query(
      `INSERT INTO ballot_tokens (round_id, group_id, unit_id, token_hash, batch_id) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, group.id, unitId, hash, batchId],
    );
    await ctx.client.query(
      `INSERT INTO named_raters (round_id, round_org_path, group_id, unit_id, user_id, token_hash, code_enc)
       VALUES ($1, $2::ltree, $3, $4, $5, $6, $7)`,
      [row.id, row.org_path, group.id, unitId, user.id, hash, cipher.encrypt(code)],
    );
  }
  await ctx.audit({
    action: 'assessment.raters.assign',
    objectType: 'assessment_round',
    objectId: row.id,
    after: { groupId: group.id, unitId, count: users.length },
  });
  return { assigned: users.length };
}

/** 我的评议: the signed-in account's named slips, with the code to open the ballot page. */
export async function myBallots(ctx: RequestContext, cipher: FieldCipher) {
  const { rows } = await ctx.client.query<{
    round_id: string;
    round_name: string;
    state: string;
    group_id: string;
    rules: RoundRow['rules'];
    code_enc: string;
    token_state: string;
  }>(
    `SELECT n.round_id, r.name AS round_name, r.state, n.group_id, r.rules, n.code_enc, t.state AS token_state
       FROM named_raters n
       JOIN assessment_rounds r ON r.id = n.round_id
       JOIN ballot_tokens t ON t.token_hash = n.token_hash
      WHERE n.user_id = $1
      ORDER BY r.period_end DESC, r.name`,
    [ctx.actor?.userId],
  );
  return {
    items: rows.map((r) => ({
      roundId: r.round_id,
      roundName: r.round_name,
      roundState: r.state,
      groupId: r.group_id,
      groupName: r.rules.scheme.raterGroups.find((g) => g.id === r.group_id)?.name ?? r.group_id,
      used: r.token_state === 'used',
      // the code only while it can still be used
      code: r.token_state === 'issued' && r.state === 'open' ? cipher.decrypt(r.code_enc) : null,
    })),
  };
}
