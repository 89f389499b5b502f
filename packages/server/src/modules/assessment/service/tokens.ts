import type { RaterGroup, TokenIssueResult, Turnout } from '@ganbu/core';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { ballotTokenHash, newBallotCode, normaliseBallotCode } from '../ballot-token.ts';
import { countBallots } from '../repository/ballots.ts';
import { unitHasTargets } from '../repository/targets.ts';
import * as repo from '../repository/tokens.ts';
import { findRound, mayManage, roundToManage, type RoundRecord } from './rounds.ts';

export function groupOf(round: RoundRecord, groupId: string): RaterGroup {
  const group = round.rules.scheme.raterGroups.find((g) => g.id === groupId);
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
  roundId: string,
  input: { groupId: string; count: number; unitId?: string | undefined },
): Promise<TokenIssueResult> {
  const round = await roundToManage(ctx, roundId);
  if (round.state !== 'draft' && round.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议结束后不能再发放评议票');
  const group = groupOf(round, input.groupId);
  if (group.mode !== 'bearer') throw new AppError(400, 'VALIDATION', '该评议组以实名账号评议，不发放评议票');
  const unitId = input.unitId ?? null;
  if (group.rates === 'ownUnit' && !unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”只评议本单位的对象，请选择单位`);
  if (group.rates === 'all' && unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”评议全部对象，不按单位发放`);
  if (unitId && !(await unitHasTargets(ctx.client, round.id, unitId)))
    throw new AppError(400, 'VALIDATION', '该单位没有本轮考核对象');
  const already = await repo.countLiveTokens(ctx.client, round.id, group.id, unitId);
  if (already + input.count > group.maxRaters)
    throw new AppError(
      400,
      'VALIDATION',
      `“${group.name}”最多 ${group.maxRaters} 人评议，已发放 ${already} 张，本次最多还能发放 ${Math.max(0, group.maxRaters - already)} 张`,
    );
  const batchId = randomUUID();
  const codes = Array.from({ length: input.count }, () => newBallotCode());
  await repo.insertTokens(ctx.client, {
    roundId: round.id,
    groupId: group.id,
    unitId,
    batchId,
    hashes: codes.map((c) => ballotTokenHash(cipher, c.replace(/-/g, ''))),
  });
  await ctx.audit({
    action: 'assessment.tokens.issue',
    objectType: 'assessment_round',
    objectId: round.id,
    after: { groupId: group.id, unitId, count: input.count, batchId },
  });
  return { batchId, groupId: group.id, unitId, codes };
}

/** Revoke an unused slip (lost, spoiled); a used one cannot be revoked. */
export async function revokeToken(
  ctx: RequestContext,
  cipher: FieldCipher,
  roundId: string,
  code: string,
): Promise<{ ok: true }> {
  const round = await roundToManage(ctx, roundId);
  const canonical = normaliseBallotCode(code);
  if (!canonical) throw new AppError(400, 'TOKEN_INVALID', '票码格式不正确');
  const hash = ballotTokenHash(cipher, canonical);
  const state = await repo.lockTokenState(ctx.client, round.id, hash);
  if (!state) throw notFound('评议票');
  if (state === 'used') throw new AppError(409, 'TOKEN_USED', '该评议票已投出，不能作废');
  if (state === 'revoked') throw new AppError(409, 'CONFLICT', '该评议票已作废');
  await repo.revokeTokenRow(ctx.client, round.id, hash);
  await ctx.audit({ action: 'assessment.tokens.revoke', objectType: 'assessment_round', objectId: round.id });
  return { ok: true };
}

/** Turnout per group: slips issued, used, revoked; ballots stored. Counts only, never which slip. */
export async function turnout(ctx: RequestContext, roundId: string): Promise<Turnout> {
  const round = await findRound(ctx.client, roundId);
  if (!mayManage(ctx, round)) throw forbidden('只有组织本轮考核的单位可以查看投票进度');
  const rows = await repo.countTokensByState(ctx.client, round.id);
  const ballots = await countBallots(ctx.client, round.id);
  return {
    items: round.rules.scheme.raterGroups.map((g) => {
      const of = (state: string) => rows.find((r) => r.groupId === g.id && r.state === state)?.n ?? 0;
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
  roundId: string,
  input: { groupId: string; userIds: string[]; unitId?: string | undefined },
): Promise<{ assigned: number }> {
  const round = await roundToManage(ctx, roundId);
  if (round.state !== 'draft' && round.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议结束后不能再指定评议人');
  const group = groupOf(round, input.groupId);
  if (group.mode !== 'named') throw new AppError(400, 'VALIDATION', '该评议组使用匿名评议票，请发放评议票');
  const unitId = input.unitId ?? null;
  if (group.rates === 'ownUnit' && !unitId)
    throw new AppError(400, 'VALIDATION', `“${group.name}”只评议本单位的对象，请选择单位`);
  const users = await repo.listUnassignedUsers(ctx.client, input.userIds, round.id, group.id);
  const known = await repo.countActiveUsers(ctx.client, input.userIds);
  if (known < new Set(input.userIds).size)
    throw new AppError(400, 'VALIDATION', '部分账号不存在、已停用或不在您的数据范围内');
  const live = await repo.countLiveTokens(ctx.client, round.id, group.id, unitId);
  if (live + users.length > group.maxRaters)
    throw new AppError(400, 'VALIDATION', `“${group.name}”最多 ${group.maxRaters} 人评议`);
  const batchId = randomUUID();
  for (const userId of users) {
    const code = newBallotCode();
    await repo.insertNamedRater(ctx.client, {
      roundId: round.id,
      roundOrgPath: round.orgPath,
      groupId: group.id,
      unitId,
      userId,
      hash: ballotTokenHash(cipher, code.replace(/-/g, '')),
      batchId,
      codeEnc: cipher.encrypt(code),
    });
  }
  await ctx.audit({
    action: 'assessment.raters.assign',
    objectType: 'assessment_round',
    objectId: round.id,
    after: { groupId: group.id, unitId, count: users.length },
  });
  return { assigned: users.length };
}

/** 我的评议: the signed-in account's named slips, with the code to open the ballot page. */
export async function myBallots(ctx: RequestContext, cipher: FieldCipher) {
  const slips = await repo.listNamedSlips(ctx.client, ctx.actor?.userId);
  return {
    items: slips.map((s) => ({
      roundId: s.roundId,
      roundName: s.roundName,
      roundState: s.roundState,
      groupId: s.groupId,
      groupName: s.rules.scheme.raterGroups.find((g) => g.id === s.groupId)?.name ?? s.groupId,
      used: s.tokenState === 'used',
      // the code only while it can still be used
      code: s.tokenState === 'issued' && s.roundState === 'open' ? cipher.decrypt(s.codeEnc) : null,
    })),
  };
}
