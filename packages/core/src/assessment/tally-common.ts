import type { RaterGroup, Scheme } from '../policy/assessment-section.ts';
import { type Rational, RAT_ZERO } from './exact.ts';
import type { GroupAggregate } from './group-aggregate.ts';
import type { GroupTally, InsufficientGroup, TargetTally, Waiver } from './tally.ts';

/**
 * The steps `tallyTarget` (from ballots) and `tallyFromAggregates` (from per-group aggregates) share:
 * the target's waivers, one group's standing against its minimum and maximum, and the weighted total
 * with its explanation. Only the arithmetic is passed in (the aggregate path uses a faster exact one).
 */

/** The waivers of one target by group; a waiver without a reason is a programming error. */
export function waiversOf(targetId: string, waivers: readonly Waiver[] | undefined): Map<string, Waiver> {
  const out = new Map<string, Waiver>();
  for (const w of waivers ?? []) {
    if (w.targetId !== targetId) continue;
    if (w.reason.trim() === '')
      throw new RangeError(`waiver for ${targetId}/${w.groupId}: a reason is required`);
    out.set(w.groupId, w);
  }
  return out;
}

/** A group's ballots against its minimum and maximum; records why the target is insufficient. */
export function groupStanding(
  g: RaterGroup,
  ballotCount: number,
  waiver: Waiver | undefined,
  renormalise: boolean,
  insufficientGroups: InsufficientGroup[],
  aboveMaximum: TargetTally['aboveMaximum'],
): { empty: boolean; belowMinimum: boolean; waiver: GroupTally['waiver'] } {
  const empty = ballotCount === 0;
  const belowMinimum = ballotCount < g.minRaters;
  const waiverApplies = !!waiver && belowMinimum && !empty;
  if (ballotCount > g.maxRaters) aboveMaximum.push({ groupId: g.id, ballotCount, maxRaters: g.maxRaters });
  if (empty && !renormalise)
    insufficientGroups.push({ groupId: g.id, reason: 'empty', ballotCount, minRaters: g.minRaters });
  else if (belowMinimum && !empty && !waiverApplies)
    insufficientGroups.push({ groupId: g.id, reason: 'belowMinimum', ballotCount, minRaters: g.minRaters });
  return {
    empty,
    belowMinimum,
    waiver: waiver
      ? { reason: waiver.reason, approvalRef: waiver.approvalRef ?? null, applied: waiverApplies }
      : null,
  };
}

export interface PartialGroup {
  g: RaterGroup;
  aggregate: GroupAggregate;
  criterionMeans: Record<string, Rational>;
  ballotCount: number;
  empty: boolean;
  belowMinimum: boolean;
  waiver: GroupTally['waiver'];
  weight: Rational;
  /** the export withheld the group's ballots (a recount): only its count is known */
  withheld?: true;
}

/**
 * Effective weights (empty groups' weight spread over the others when the scheme renormalises), status,
 * contributions, the weighted total and its explanation.
 */
export function finishTally(args: {
  scheme: Scheme;
  targetId: string;
  partial: PartialGroup[];
  insufficientGroups: InsufficientGroup[];
  aboveMaximum: TargetTally['aboveMaximum'];
  /** Σ of the non-empty groups' weights, and a group's weight once spread (by index) */
  countedWeight: Rational;
  spreadWeight: (index: number) => Rational;
  percentOf: (weight: Rational, value: Rational) => Rational;
  add: (a: Rational, b: Rational) => Rational;
  ballotCount: number;
  usedCount: number;
  criterionMeans: Record<string, Rational>;
  /**
   * a recount with withheld groups: their combined contribution (added to the shown part), or null when
   * unknown — then a total that depends on them is null too
   */
  withheldContribution?: Rational | null | undefined;
}): TargetTally {
  const { scheme, partial, insufficientGroups, countedWeight } = args;
  const renormalise = scheme.emptyGroup === 'renormalise';
  const emptyGroups = partial.filter((p) => p.empty).map((p) => p.g.id);
  if (renormalise && countedWeight.num === 0n) {
    // nothing to spread the weight over: every group with weight is empty
    for (const p of partial)
      if (p.empty)
        insufficientGroups.push({
          groupId: p.g.id,
          reason: 'empty',
          ballotCount: 0,
          minRaters: p.g.minRaters,
        });
  }
  const status: TargetTally['status'] = insufficientGroups.length > 0 ? 'insufficient' : 'sufficient';
  const spread = renormalise && emptyGroups.length > 0 && countedWeight.num !== 0n;

  const groups: GroupTally[] = partial.map((p, i) => {
    const counted = !p.empty && (!p.belowMinimum || p.waiver?.applied === true);
    const effectiveWeight = !counted ? RAT_ZERO : spread ? args.spreadWeight(i) : p.weight;
    const value = p.aggregate.value;
    return {
      groupId: p.g.id,
      name: p.g.name,
      minRaters: p.g.minRaters,
      maxRaters: p.g.maxRaters,
      ballotCount: p.ballotCount,
      empty: p.empty,
      belowMinimum: p.belowMinimum,
      aboveMaximum: p.ballotCount > p.g.maxRaters,
      waiver: p.waiver,
      counted,
      aggregate: p.aggregate,
      value,
      weight: p.weight,
      effectiveWeight,
      contribution: counted && value ? args.percentOf(effectiveWeight, value) : null,
      criterionMeans: p.criterionMeans,
      ...(p.withheld ? { withheld: true as const } : {}),
    };
  });
  const shown = groups.reduce((sum, g) => (g.contribution ? args.add(sum, g.contribution) : sum), RAT_ZERO);
  const hidden = args.withheldContribution;
  const hiddenCounts = groups.some((g) => g.withheld && g.counted && g.effectiveWeight.num !== 0n);
  const total =
    status !== 'sufficient'
      ? null
      : hidden
        ? args.add(shown, hidden)
        : hidden === null && hiddenCounts
          ? null
          : shown;

  return {
    targetId: args.targetId,
    status,
    insufficientGroups,
    aboveMaximum: args.aboveMaximum,
    total,
    groups,
    ballotCount: args.ballotCount,
    usedCount: args.usedCount,
    criterionMeans: args.criterionMeans,
    explanation: {
      formula: 'total = Σ effectiveWeight × value / 100',
      emptyGroup: scheme.emptyGroup,
      renormalised: spread ? { emptyGroups, countedWeight } : null,
      terms: groups.map((g) => ({
        groupId: g.groupId,
        weight: g.weight,
        effectiveWeight: g.effectiveWeight,
        value: g.value,
        contribution: g.contribution,
      })),
    },
  };
}
