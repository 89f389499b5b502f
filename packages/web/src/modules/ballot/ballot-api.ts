// the contract module alone, not the core barrel: the public ballot page loads as little as it can
import {
  BallotCastResultSchema,
  BallotPageSchema,
  type BallotSubmitInput,
} from '@ganbu/core/contracts/assessment';
import { saveBlob } from '../../lib/save-blob.ts';
import { api, http, isApiError } from '../../lib/http.ts';

/** The public ballot API: no session, the slip's code in the path (the server redacts it in its logs). */
export const ballotApi = {
  open: (code: string) => api.get(BallotPageSchema, `/api/ballot/${encodeURIComponent(code)}`),
  cast: (code: string, input: BallotSubmitInput) =>
    api.post(BallotCastResultSchema, `/api/ballot/${encodeURIComponent(code)}`, input),
  /** A target's 述职 file: fetched, then saved from memory, so no address with the code lands in the
   * browser's download history. */
  saveReportFile: async (code: string, targetId: string, name: string) =>
    saveBlob(
      await http.getBlob(`/api/ballot/${encodeURIComponent(code)}/reports/${encodeURIComponent(targetId)}`),
      name,
    ),
};

/** The screens a slip can end on instead of the ballot. */
export type BallotStop = 'used' | 'invalid' | 'notStarted' | 'ended' | 'network' | 'other';

/** Which screen a failed request leads to. */
export function stopOf(err: unknown): BallotStop {
  if (!isApiError(err)) return 'other';
  if (err.code === 'TOKEN_USED') return 'used';
  if (err.code === 'TOKEN_INVALID') return 'invalid';
  // the same code for both; the server's message tells a round not open yet (尚未开始) from an ended one
  if (err.code === 'ROUND_STATE')
    return /尚未|not (yet )?(started|open)/i.test(err.message) ? 'notStarted' : 'ended';
  if (err.code === 'NETWORK' || err.status === 0 || err.status >= 500) return 'network';
  return 'other';
}

/** The server's list of problems of a refused ballot (BALLOT_INVALID), in Chinese. */
export function ballotProblems(err: unknown): string[] | null {
  if (!isApiError(err) || err.code !== 'BALLOT_INVALID') return null;
  const problems = (err.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}
