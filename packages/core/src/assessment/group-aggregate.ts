import type { Aggregation } from '../policy/assessment-section.ts';
import { type Rational, rational } from './exact.ts';

/** One ballot's score for one target (Σ of its criterion points), in hundredths. */
export interface BallotScore {
  /** the caller's id of the ballot (an anonymous slip id or an index) — only echoed back */
  ballotId: string;
  hundredths: bigint;
}

/** The aggregate of one rater group's (评议主体) ballots for one target. */
export interface GroupAggregate {
  /** the pack's rule for the group */
  aggregation: Aggregation;
  /** the rule actually applied: trimmedMean falls back to a plain mean below `minBallots` */
  applied: 'mean' | 'trimmedMean';
  /** set when a trimmed mean was configured but too few ballots came in */
  fallback: { reason: 'belowMinBallots'; minBallots: number; ballotCount: number } | null;
  /** ballots received (what minRaters/maxRaters are checked against) */
  ballotCount: number;
  /** ballots that entered the mean (ballotCount − trimmed) */
  usedCount: number;
  /** 去掉一个最高分、一个最低分: the dropped ballots, or null when nothing was trimmed */
  trimmed: { highest: BallotScore; lowest: BallotScore } | null;
  /** ids of the ballots in the mean, in input order */
  usedBallotIds: string[];
  /** Σ of the used ballots' scores, in hundredths */
  sumHundredths: bigint;
  /** the group's value: sum / usedCount (exact); null when no ballot came in */
  value: Rational | null;
}

/**
 * Aggregates one group's ballot scores for one target. `mean`: the plain mean. `trimmedMean`: when at least
 * `minBallots` ballots came in, exactly one highest and one lowest are dropped and the rest averaged;
 * below that, the plain mean. Among equal highest (lowest) scores the first in input order is reported as
 * trimmed — the value does not depend on which one.
 */
export function aggregateGroup(scores: readonly BallotScore[], aggregation: Aggregation): GroupAggregate {
  const ballotCount = scores.length;
  let trimmed: GroupAggregate['trimmed'] = null;
  let droppedIdx: number[] = [];
  let applied: GroupAggregate['applied'] = 'mean';
  let fallback: GroupAggregate['fallback'] = null;

  if (aggregation.method === 'trimmedMean') {
    if (ballotCount >= aggregation.minBallots && ballotCount >= 3) {
      applied = 'trimmedMean';
      let hi = 0;
      let lo = 0;
      scores.forEach((s, i) => {
        if (s.hundredths > scores[hi]!.hundredths) hi = i;
        if (s.hundredths < scores[lo]!.hundredths) lo = i;
      });
      // all equal: hi = lo = 0; drop two distinct ballots anyway
      if (hi === lo) lo = 1;
      trimmed = { highest: scores[hi]!, lowest: scores[lo]! };
      droppedIdx = [hi, lo];
    } else {
      fallback = { reason: 'belowMinBallots', minBallots: aggregation.minBallots, ballotCount };
    }
  }

  const used = scores.filter((_, i) => !droppedIdx.includes(i));
  const sumHundredths = used.reduce((sum, s) => sum + s.hundredths, 0n);
  return {
    aggregation,
    applied,
    fallback,
    ballotCount,
    usedCount: used.length,
    trimmed,
    usedBallotIds: used.map((s) => s.ballotId),
    sumHundredths,
    value: used.length === 0 ? null : rational(sumHundredths, BigInt(used.length) * 100n),
  };
}

/** Convenience for callers with plain scores: ballot ids are the indices "0", "1", …. */
export const ballotScores = (hundredths: readonly bigint[]): BallotScore[] =>
  hundredths.map((h, i) => ({ ballotId: String(i), hundredths: h }));
