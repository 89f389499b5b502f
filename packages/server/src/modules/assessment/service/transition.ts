import type { Round, RoundAction } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { settleBallots } from './ballot-box.ts';
import { computeRound, publishRound } from './compute.ts';
import { checkReopen, findRound, nextState, presentRound, roundToManage, setState } from './rounds.ts';

/**
 * 轮次流转: open, close (settles the ballot box), reopen (only while no score has left the database),
 * compute, publish — each checked against the state machine and audited.
 */
export async function transitionRound(
  ctx: RequestContext,
  roundId: string,
  action: RoundAction,
): Promise<Round> {
  const round = await roundToManage(ctx, roundId);
  const to = nextState(round.state, action);
  if (action === 'open' && round.targetCount === 0)
    throw new AppError(409, 'ROUND_STATE', '没有考核对象，不能开始评议');
  if (action === 'reopen') checkReopen(round);
  if (action === 'compute') await computeRound(ctx, round);
  if (action === 'publish') await publishRound(ctx, round);
  // closing settles the ballot box; the close's audit row carries the count (no ballot is audited alone)
  const ballots = action === 'close' ? await settleBallots(ctx, round.id) : undefined;
  await setState(ctx, round, to, action, ballots === undefined ? undefined : { ballots });
  return presentRound(ctx, await findRound(ctx.client, round.id));
}
