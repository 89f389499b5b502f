import { MIN_GROUP_SIZE_SHOWN_FLOOR, type RaterGroup } from '../policy/assessment-section.ts';

/**
 * What of a target's result may be shown (SECURITY 22, 31): a rater group with fewer ballots than the
 * pack's minimum group size shows its count only, and no other figure may let it be derived.
 *
 * The weighted total is Σ effectiveWeight × mean over the groups with ballots (a sufficient target counts
 * every group that has ballots; an empty group counts for nothing and, under 'renormalise', its weight is
 * spread over the others). So with the total and every other group's figures shown, one hidden group is the
 * difference. Hence, per target:
 * - every group with 0 < ballots < minimum is withheld ('small');
 * - if exactly one such group carries weight, a second weighted group is withheld with it ('complementary'):
 *   the one with the fewest ballots (then the larger weight, then scheme order) — total minus the visible
 *   groups then leaves two unknowns. Two small weighted groups protect each other, unless one of them has a
 *   single ballot: its rater knows that group's figure (the target itself, in a self-assessment group) and
 *   would get the other's by subtraction, so a partner is withheld then too; three or more need none;
 * - if there is no other weighted group with ballots to be the partner, the total itself gives the small
 *   group away (it is its figure, or one insider's subtraction from it): it is
 *   withheld ('totalWithheld'), and with it everything equal to it — the rank and any comparison of totals
 *   (such a target is not ranked and does not compete for quota places; its grade follows the thresholds);
 * - pooled per-criterion means of the target mix every group's ballots, so they are shown only when no group
 *   is withheld; a withheld group's figures never decide a tie-break.
 * The rule reads only the ballot counts and the configured weights — not waivers, counted flags or the
 * status — so the same groups stay hidden through every recompute of a round (a waiver that makes a group
 * count must not reveal what an earlier compute hid), and ballot counts do not change once figures have left
 * the database (a round cannot be reopened then).
 */

/**
 * The minimum group size a round shows figures for: its rules' value, never below the pack schema's floor
 * (`MIN_GROUP_SIZE_SHOWN_FLOOR`; rounds copied from older packs may carry less).
 */
export const shownMinimum = (minGroupSizeShown: number): number =>
  Math.max(MIN_GROUP_SIZE_SHOWN_FLOOR, minGroupSizeShown);

/** Why a group's figures are withheld: too few ballots, or to protect another group of the target. */
export type WithheldReason = 'small' | 'complementary';

export interface Disclosure {
  /** groups whose figures (mean, weights, contribution, criterion means, trimmed scores) are withheld */
  withheld: Readonly<Record<string, WithheldReason>>;
  /** the weighted total would be a small group's figure: withheld, with the rank and every total comparison */
  totalWithheld: boolean;
}

export const NOTHING_WITHHELD: Disclosure = Object.freeze({
  withheld: Object.freeze({}),
  totalWithheld: false,
});

/** Whether any group of the target is withheld (then its pooled criterion means are withheld too). */
export const withholdsAny = (d: Disclosure | undefined): boolean => !!d && Object.keys(d.withheld).length > 0;

/**
 * The disclosure of one target from its ballots per group (missing = 0) under the scheme's groups and the
 * minimum group size shown (floored at `MIN_GROUP_SIZE_SHOWN_FLOOR`).
 */
export function disclosureOf(
  groups: readonly Pick<RaterGroup, 'id' | 'weight'>[],
  ballotCounts: Readonly<Record<string, number>>,
  minGroupSizeShown: number,
): Disclosure {
  const min = shownMinimum(minGroupSizeShown);
  const withheld: Record<string, WithheldReason> = {};
  const count = (id: string) => ballotCounts[id] ?? 0;
  const small = groups.filter((g) => count(g.id) > 0 && count(g.id) < min);
  if (small.length === 0) return NOTHING_WITHHELD;
  for (const g of small) withheld[g.id] = 'small';
  const weightedSmall = small.filter((g) => g.weight > 0);
  // the hidden weighted groups must leave two unknowns to anyone, a rater of a one-ballot group included
  const needsPartner =
    weightedSmall.length === 1 ||
    (weightedSmall.length === 2 && weightedSmall.some((g) => count(g.id) === 1));
  let totalWithheld = false;
  if (needsPartner) {
    const order = groups.map((g, i) => ({ g, i }));
    const partner = order
      .filter(({ g }) => g.weight > 0 && count(g.id) >= min)
      .sort((a, b) => count(a.g.id) - count(b.g.id) || b.g.weight - a.g.weight || a.i - b.i)[0];
    if (partner) withheld[partner.g.id] = 'complementary';
    else totalWithheld = true;
  }
  return { withheld, totalWithheld };
}

/** `disclosureOf` for a tally (or any list of groups with their ballot counts). */
export function disclosureOfCounts(
  groups: readonly Pick<RaterGroup, 'id' | 'weight'>[],
  tallied: readonly { groupId: string; ballotCount: number }[],
  minGroupSizeShown: number,
): Disclosure {
  // nothing withheld unless some group has 0 < ballots < minimum (the usual case, decided without building
  // the counts: a compute asks this of every target of a round)
  const min = shownMinimum(minGroupSizeShown);
  let anySmall = false;
  for (const g of tallied) if (g.ballotCount > 0 && g.ballotCount < min) anySmall = true;
  if (!anySmall) return NOTHING_WITHHELD;
  const counts: Record<string, number> = {};
  for (const g of tallied) counts[g.groupId] = g.ballotCount;
  return disclosureOf(groups, counts, minGroupSizeShown);
}
