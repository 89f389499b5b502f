import {
  type CompactResult,
  type Disclosure,
  disclosureOfCounts,
  explainGradeVotes,
  type GradeVoteExplanation,
  expandResult,
  isCompactResult,
  parseFraction,
  RAT_ZERO,
  ratAdd,
  type Rational,
  ratSub,
  type Scheme,
  toDecimal,
  toFractionString,
  type WithheldReason,
} from '@ganbu/core';
import type { StoredTargetRow } from '../repository/targets.ts';
import { plain } from './compute.ts';

interface Figure {
  fraction: string;
  value: string;
}

interface StoredGroup {
  groupId: string;
  name: string;
  ballotCount: number;
  contribution?: Figure | null;
  [key: string]: unknown;
}

/** A target's result as the API gives it: JSON-safe, exact figures as {fraction, value}. */
export interface ExplainedResult {
  tally: {
    status: string;
    total: Figure | null;
    groups: StoredGroup[];
    [k: string]: unknown;
  };
  rank: { population: number; of: number; unit: number; ofUnit: number } | null;
  proposal: { reason: string; [k: string]: unknown } | null;
  /** a grade ballot's vote counts per group (stored beside the result, `grade-tally.ts`); never published */
  gradeCounts?: [string, number[]][];
}

/** `assessment_targets.result` as stored: compact figures, or a whole result (a target tallied from ballots). */
export type StoredResult = ExplainedResult | CompactResult;

/**
 * A target's result with its full explanation: stored whole, or rebuilt from the compact figures the
 * compute stored (core `expandResult`, under the round's own copy of the scheme).
 */
export function explainedResult(scheme: Scheme, target: StoredTargetRow): ExplainedResult | null {
  const stored = target.result;
  if (!stored) return null;
  if (!isCompactResult(stored)) return stored;
  const full = expandResult(
    scheme,
    { id: target.id, unitId: target.unit_id, parentId: target.parent_unit_id ?? target.unit_id },
    stored,
  );
  const result = plain(full, scheme.scoreDecimals) as ExplainedResult;
  const { gradeCounts } = stored as { gradeCounts?: [string, number[]][] };
  return gradeCounts ? { ...result, gradeCounts } : result;
}

/** A group as published: its figures, or — withheld — its name and count only, with the reason. */
export type PublishedGroup =
  | (StoredGroup & { suppressed: false })
  | {
      groupId: string;
      name: string;
      ballotCount: number;
      suppressed: true;
      suppressedReason: WithheldReason;
    };

/** A target's result as anyone may see it (SECURITY 22, 31). */
export interface PublishedResult extends ExplainedResult {
  /** a grade ballot's votes: counts, shares and the rule's step of the shown groups (一票一档) */
  gradeVotes?: GradeVoteExplanation;
  tally: ExplainedResult['tally'] & {
    groups: PublishedGroup[];
    /** the total would be a small group's figure: not shown, nor the rank */
    totalWithheld: boolean;
    /**
     * Σ contribution of the withheld groups — the total minus the shown part, published so the formula
     * adds up and the recount can check it; null when no group is withheld or no total is shown
     */
    withheldContribution: Figure | null;
  };
}

const figure = (r: Rational, decimals: number): Figure => ({
  fraction: toFractionString(r),
  value: toDecimal(r, decimals),
});

/** The combined contribution of a result's withheld groups (exact), null when it has no total. */
export function withheldContributionOf(result: ExplainedResult, disclosure: Disclosure): Rational | null {
  const total = result.tally.total;
  if (!total) return null;
  let shown = RAT_ZERO;
  for (const g of result.tally.groups)
    if (!disclosure.withheld[g.groupId] && g.contribution)
      shown = ratAdd(shown, parseFraction(g.contribution.fraction));
  return ratSub(parseFraction(total.fraction), shown);
}

/**
 * What of a target's result may be shown to anyone — the organiser, the target, the leaderboard, the Excel
 * export (core `disclosureOf`): a withheld group keeps its name and count; its mean, weights, contribution,
 * criterion means, trimmed scores and ballot ids go, from the group and from the formula's terms; pooled
 * criterion means go when any group is withheld; a withheld total goes with the proposal's copy of it and
 * the rank. The combined contribution of the withheld groups (total minus the shown part) is given, as the
 * shown figures imply it anyway.
 */
export function publishedResult(
  scheme: Scheme,
  minGroupSizeShown: number,
  result: ExplainedResult,
): PublishedResult {
  const tally = result.tally;
  const disclosure = disclosureOfCounts(scheme.raterGroups, tally.groups, minGroupSizeShown);
  const reason = (id: string) => disclosure.withheld[id];
  const any = Object.keys(disclosure.withheld).length > 0;
  const groups: PublishedGroup[] = tally.groups.map((g) => {
    const why = reason(g.groupId);
    return why
      ? {
          groupId: g.groupId,
          name: g.name,
          ballotCount: g.ballotCount,
          suppressed: true,
          suppressedReason: why,
        }
      : { ...g, suppressed: false };
  });
  const explanation = tally.explanation as { terms?: { groupId: string }[] } | undefined;
  const hiddenTotal = disclosure.totalWithheld && tally.total !== null;
  const contribution = any && !hiddenTotal ? withheldContributionOf(result, disclosure) : null;
  // a grade ballot's counts, of the shown groups only (a withheld group's votes would name its raters')
  const { gradeCounts, ...rest } = result;
  const gradeVotes =
    gradeCounts && scheme.ballotForm === 'grade'
      ? explainGradeVotes(
          scheme,
          gradeCounts.map(([groupId, counts]) => ({ groupId, counts })),
          new Set(Object.keys(disclosure.withheld)),
          // a vote-share rule pools the groups that counted toward the result (core `voteGradeOf`)
          new Set(tally.groups.filter((g) => g.counted === true).map((g) => g.groupId)),
        )
      : undefined;
  return {
    ...rest,
    ...(gradeVotes ? { gradeVotes } : {}),
    tally: {
      ...tally,
      groups,
      total: hiddenTotal ? null : tally.total,
      totalWithheld: hiddenTotal,
      withheldContribution: contribution ? figure(contribution, scheme.scoreDecimals) : null,
      ...(any ? { criterionMeans: {} } : {}),
      ...(explanation?.terms
        ? {
            explanation: {
              ...explanation,
              terms: explanation.terms.map((t) =>
                reason(t.groupId) ? { groupId: t.groupId, suppressed: true } : t,
              ),
            },
          }
        : {}),
    },
    rank: hiddenTotal ? null : result.rank,
    proposal: result.proposal && hiddenTotal ? { ...result.proposal, total: null } : result.proposal,
  };
}
