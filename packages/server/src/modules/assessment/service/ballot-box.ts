import type { BallotSubmitInput } from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { checkBallot } from '../ballot-check.ts';
import { checkGradeBallot, wrongBallotForm } from '../grade-ballot-check.ts';
import { castGradeBallotRow } from '../repository/grade-votes.ts';
import { ballotTokenHash, normaliseBallotCode } from '../ballot-token.ts';
import * as repo from '../repository/ballots.ts';
import { lockRound } from '../repository/rounds.ts';

/**
 * The ballot box (投票箱). A submission is two statements on a pooled connection — read the slip, then
 * `ballot_cast` marks it used and pools the ballot — with no session, settings or audit look-up and no
 * transaction held open between them, so raters do not queue behind each other or behind the audit
 * chain's lock. Closing the round settles the pool (`settleBallots`): from then on nothing stored links
 * a ballot to its slip (migration 0010, SECURITY 30). No ballot is audited one by one: the close audits
 * the count.
 */

export const invalidSlip = () => new AppError(404, 'TOKEN_INVALID', '票码无效或已作废，请核对评议票');
export const usedSlip = () => new AppError(409, 'TOKEN_USED', '该评议票已经投过，每张票只能投一次');

export function roundNotOpen(state: string): AppError {
  return new AppError(
    409,
    'ROUND_STATE',
    state === 'draft' ? '评议尚未开始，请在组织方通知的时间内投票' : '评议已经结束',
    { state },
  );
}

/** The district's calendar day (Asia/Shanghai): the only time a ballot keeps. */
export const ballotDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Check and cast one ballot; throws the rater's error (invalid slip, used, round not open, bad ballot). */
export async function castBallot(opts: {
  pool: pg.Pool;
  cipher: FieldCipher;
  code: string;
  input: BallotSubmitInput;
  now: Date;
}): Promise<void> {
  const canonical = normaliseBallotCode(opts.code);
  if (!canonical) throw invalidSlip();
  const hash = ballotTokenHash(opts.cipher, canonical);
  const slip = await repo.selectSlipForCast(opts.pool, hash);
  if (!slip || slip.state === 'revoked') throw invalidSlip();
  if (slip.state === 'used') throw usedSlip();
  if (slip.roundState !== 'open') throw roundNotOpen(slip.roundState);
  const input = opts.input;
  const targets = slip.targets.map((id) => ({ id }));
  let result: string;
  if (slip.ballotForm === 'grade' && slip.gradeVote) {
    // 一票一档: one vote grade per target (grade-ballot-check.ts, repository/grade-votes.ts)
    if (!('grades' in input)) throw wrongBallotForm('grade');
    const votes = checkGradeBallot(slip.gradeVote, targets, input);
    result = await castGradeBallotRow(opts.pool, hash, ballotDay(opts.now), votes);
  } else {
    if (!('scores' in input)) throw wrongBallotForm('scores');
    const scored = checkBallot(slip.criteria, targets, input);
    result = await repo.castBallotRow(
      opts.pool,
      hash,
      ballotDay(opts.now),
      scored.map((s) => ({ target_id: s.targetId, points: s.points, total: s.total })),
    );
  }
  if (result === 'ok') return;
  if (result === 'used') throw usedSlip();
  if (result.startsWith('state:')) throw roundNotOpen(result.slice('state:'.length));
  throw invalidSlip();
}

/**
 * Settle a round's ballot box as it closes: every ballot of the round (the pool, and any stored before a
 * reopen) is rewritten under a fresh random id, in random order, in this transaction, and the pool is
 * emptied. Takes the round row's lock first, so a ballot being cast either lands before (and is moved) or
 * sees the round closed. Returns how many ballots the round holds.
 */
export async function settleBallots(ctx: RequestContext, roundId: string): Promise<number> {
  await lockRound(ctx.client, roundId);
  return repo.settleBallotBox(ctx.client, roundId);
}
