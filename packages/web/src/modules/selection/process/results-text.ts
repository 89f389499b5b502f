import type { SelectionStepResult } from '@ganbu/core';
import type { TFunction } from 'i18next';

/** 赞成率: 赞成 ÷ 投票 (赞成 + 反对 + 弃权), to one decimal; null when no vote was cast. */
export function approvalRate(votesFor: number, votesAgainst: number, votesAbstain: number): number | null {
  const cast = votesFor + votesAgainst + votesAbstain;
  if (cast === 0) return null;
  return Math.round((votesFor / cast) * 1000) / 10;
}

/** 赞成 18 票 ÷ 投票 20 票 = 90.0% — the rate with what it rests on. */
export function approvalRateText(
  t: TFunction,
  votesFor: number,
  votesAgainst: number,
  votesAbstain: number,
): string {
  const rate = approvalRate(votesFor, votesAgainst, votesAbstain);
  if (rate === null) return t('selection.process.results.noVotes');
  return t('selection.process.results.rateExplained', {
    for: votesFor,
    cast: votesFor + votesAgainst + votesAbstain,
    rate: rate.toFixed(1),
  });
}

/** One step's record of one candidate in words (votes and their rate, a score, passed or not, the finding). */
export function resultText(t: TFunction, r: SelectionStepResult): string {
  const parts: string[] = [];
  if (r.votesFor !== null || r.votesAgainst !== null || r.votesAbstain !== null) {
    const f = r.votesFor ?? 0;
    const a = r.votesAgainst ?? 0;
    const b = r.votesAbstain ?? 0;
    const rate = approvalRate(f, a, b);
    parts.push(
      rate === null
        ? t('selection.process.results.votes', { for: f, against: a, abstain: b })
        : t('selection.process.results.votesRate', { for: f, against: a, abstain: b, rate: rate.toFixed(1) }),
    );
  }
  if (r.score !== null) parts.push(t('selection.process.results.scoreIs', { score: r.score }));
  if (r.passed !== null)
    parts.push(r.passed ? t('selection.process.results.passed') : t('selection.process.results.failed'));
  if (r.finding) parts.push(r.finding);
  return parts.join(t('selection.process.results.sep'));
}
