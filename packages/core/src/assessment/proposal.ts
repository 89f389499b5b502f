import { type Disclosure, withholdsAny } from './disclosure.ts';
import { appendTo } from './group-by.ts';
import type { Grade, GradeScale, QuotaRule, TieBreak } from '../policy/assessment-section.ts';
import { type Rational, fromDecimal, ratCmp, rational } from './exact.ts';
import { descendingByValue } from './exact-order.ts';
import { type QuotaMember, type QuotaPlan, planQuota, quotaGroupKey } from './quota.ts';
import type { TargetTally } from './tally.ts';

export type GradeCode = Grade['code'];

export interface ProposalTarget extends QuotaMember {
  tally: TargetTally;
  /** what of the target's result may be shown (`disclosureOf`); none withheld when absent */
  disclosure?: Disclosure | undefined;
  /**
   * a grade ballot's `thresholds` rule (一票一档, 优秀票率 …): the grade its vote shares give
   * (`voteGradeOf`), proposed instead of the score thresholds' grade; absent for every other round
   */
  voteGrade?: GradeCode | null | undefined;
}

export interface ProposalInput {
  scale: GradeScale;
  /** the scheme's quota rule; null = no quota, the quota grade goes by score alone */
  rule: QuotaRule | null;
  /** every target of the round, insufficient ones included (they count in the quota's n) */
  targets: readonly ProposalTarget[];
  /** eligibility (否决项): targets that may not receive the quota grade, with the reasons */
  veto?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Why a target got its proposed grade:
 * - 'score': the highest grade whose minScore ≤ total (not capped);
 * - 'withinQuota': reached the quota grade and holds a place;
 * - 'quota': reached the quota grade but no place was left → fallbackGrade;
 * - 'veto': reached the quota grade but is on the veto list → fallbackGrade;
 * - 'tiedAtBoundary': tied for the last place(s) and the tie-break chain could not separate → fallbackGrade,
 *   the place(s) left open for the committee;
 * - 'insufficient': too few ballots, no total, no grade;
 * - 'totalWithheld': the total would be a small group's figure (`disclosureOf`), so it is compared with no
 *   other: the grade follows the thresholds, and the quota grade falls back to `fallbackGrade` (no place is
 *   contested with a total nobody may see; the committee may still award one within the quota).
 */
export type ProposalReason =
  'score' | 'withinQuota' | 'quota' | 'veto' | 'tiedAtBoundary' | 'insufficient' | 'totalWithheld';

export interface GradeProposal {
  targetId: string;
  unitId: string;
  parentId: string;
  total: Rational | null;
  /** the grade by thresholds alone (the score's, or the vote shares' — `gradeBy`), before quota and veto */
  scoreGrade: GradeCode | null;
  /** what `scoreGrade` follows: the scale's score thresholds, or a grade ballot's vote-share rule */
  gradeBy: 'score' | 'votes';
  grade: GradeCode | null;
  reason: ProposalReason;
  /** the veto reasons when the target is on the veto list (whatever its grade) */
  vetoReasons: string[];
  /** the target's quota group (null without a quota rule) */
  quotaGroupKey: string | null;
  /** where the place came from when `reason` is 'withinQuota' and a rule applies */
  placedBy: 'group' | 'pool' | null;
  tiedAtBoundary: boolean;
}

/** One tie-break applied to the targets still tied at a boundary. */
export interface BoundaryStep {
  tieBreak: TieBreak;
  values: { targetId: string; value: Rational | null }[];
  /** 'skipped' when a tied target has no value for it (e.g. its group was empty and renormalised) */
  outcome: 'applied' | 'skipped';
  won: string[];
  lost: string[];
  stillTied: string[];
}

/** Targets tying on total across the last place(s) of a quota group or pool, and how it was settled. */
export interface Boundary {
  stage: 'group' | 'pool';
  key: string;
  total: Rational;
  /** the targets tying on `total` (all of them, in input order) */
  tied: string[];
  /** places still free when the tie was reached */
  placesInContention: number;
  steps: BoundaryStep[];
  awarded: string[];
  /** tiedAtBoundary: the chain could not separate them; `placesLeftOpen` places stay with the committee */
  flagged: string[];
  placesLeftOpen: number;
}

/** How the places of one quota group (stage 'group') or pool (stage 'pool') were given. */
export interface Allocation {
  stage: 'group' | 'pool';
  key: string;
  places: number;
  /** eligible candidates considered, best first */
  candidates: string[];
  awarded: string[];
  unusedPlaces: number;
}

export interface ProposalResult {
  proposals: GradeProposal[];
  plan: QuotaPlan | null;
  allocations: Allocation[];
  boundaries: Boundary[];
}

/** Each scale's thresholds as exact fractions, converted once rather than once per target. */
const thresholds = new WeakMap<GradeScale, { code: GradeCode; minScore: Rational }[]>();

/** The highest grade of the scale whose minScore ≤ total (grades are best first). */
export function gradeByScore(scale: GradeScale, total: Rational): GradeCode {
  let list = thresholds.get(scale);
  if (!list) {
    list = scale.grades.map((g) => ({ code: g.code, minScore: fromDecimal(g.minScore) }));
    thresholds.set(scale, list);
  }
  const g = list.find((g) => ratCmp(g.minScore, total) <= 0);
  // the lowest grade starts at 0 (schema), so only a negative total falls through
  return (g ?? list.at(-1)!).code;
}

/**
 * The value a tie-break compares (higher is better):
 * - groupScore: the aggregate of that rater group, when the group counted toward the total;
 * - criterionScore: `tally.criterionMeans[criterionId]` — Σ points on that criterion over every ballot in a
 *   group aggregate of any group (trimmed ballots excluded) ÷ the number of those ballots;
 * - ballotCount: ballots received over all groups (trimmed ones included).
 * null when the value does not exist for the target, or may not be shown (`disclosure`: a withheld group's
 * score; criterion means pooled with a withheld group's ballots) — a figure nobody may see decides no tie.
 */
export function tieBreakValue(tb: TieBreak, tally: TargetTally, disclosure?: Disclosure): Rational | null {
  switch (tb.by) {
    case 'groupScore': {
      if (disclosure?.withheld[tb.groupId]) return null;
      const g = tally.groups.find((x) => x.groupId === tb.groupId);
      return g?.counted ? g.value : null;
    }
    case 'criterionScore':
      if (withholdsAny(disclosure)) return null;
      return tally.criterionMeans[tb.criterionId] ?? null;
    case 'ballotCount':
      return rational(tally.ballotCount);
  }
}

interface Candidate {
  targetId: string;
  total: Rational;
  tally: TargetTally;
  disclosure: Disclosure | undefined;
}

/** Splits `list` into runs of equal `key`, best (highest) first; stable within a run. */
function tiers<T>(list: readonly T[], key: (t: T) => Rational): T[][] {
  const cmp = descendingByValue(list.map(key));
  // Array.prototype.sort is stable: equal keys keep the input order
  const sorted = list.map((_, i) => i).sort(cmp);
  const out: number[][] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && cmp(last[0]!, i) === 0) last.push(i);
    else out.push([i]);
  }
  return out.map((tier) => tier.map((i) => list[i]!));
}

/** Settles a tie on total for `places` places (fewer than the tied targets) with the tie-break chain. */
function settleTie(
  tied: Candidate[],
  places: number,
  chain: readonly TieBreak[],
): Omit<Boundary, 'stage' | 'key' | 'total' | 'tied' | 'placesInContention'> {
  const steps: BoundaryStep[] = [];
  const awarded: string[] = [];
  let contested = tied;
  let left = places;
  for (const tieBreak of chain) {
    const values = contested.map((c) => ({
      targetId: c.targetId,
      value: tieBreakValue(tieBreak, c.tally, c.disclosure),
    }));
    if (values.some((v) => v.value === null)) {
      steps.push({
        tieBreak,
        values,
        outcome: 'skipped',
        won: [],
        lost: [],
        stillTied: contested.map((c) => c.targetId),
      });
      continue;
    }
    const valueOf = new Map(values.map((v) => [v.targetId, v.value!]));
    const won: Candidate[] = [];
    const lost: Candidate[] = [];
    let still: Candidate[] = [];
    for (const tier of tiers(contested, (c) => valueOf.get(c.targetId)!)) {
      if (still.length > 0 || left === 0) lost.push(...tier);
      else if (tier.length <= left) {
        won.push(...tier);
        left -= tier.length;
      } else still = tier;
    }
    awarded.push(...won.map((c) => c.targetId));
    steps.push({
      tieBreak,
      values,
      outcome: 'applied',
      won: won.map((c) => c.targetId),
      lost: lost.map((c) => c.targetId),
      stillTied: still.map((c) => c.targetId),
    });
    contested = still;
    if (contested.length === 0) break;
  }
  return {
    steps,
    awarded,
    flagged: contested.map((c) => c.targetId),
    placesLeftOpen: contested.length > 0 ? left : 0,
  };
}

/** Gives `places` places to the best of `candidates` (by total, then the chain at the boundary). */
function allocate(
  stage: 'group' | 'pool',
  key: string,
  candidates: readonly Candidate[],
  places: number,
  chain: readonly TieBreak[],
): { allocation: Allocation; boundary: Boundary | null } {
  const byTotal = tiers(candidates, (c) => c.total);
  const awarded: string[] = [];
  let boundary: Boundary | null = null;
  let left = places;
  for (const tier of byTotal) {
    if (left === 0) break;
    if (tier.length <= left) {
      awarded.push(...tier.map((c) => c.targetId));
      left -= tier.length;
      continue;
    }
    const settled = settleTie(tier, left, chain);
    boundary = {
      stage,
      key,
      total: tier[0]!.total,
      tied: candidates.filter((c) => tier.includes(c)).map((c) => c.targetId),
      placesInContention: left,
      ...settled,
    };
    awarded.push(...settled.awarded);
    left -= settled.awarded.length;
    break;
  }
  return {
    allocation: {
      stage,
      key,
      places,
      candidates: byTotal.flat().map((c) => c.targetId),
      awarded,
      unusedPlaces: left,
    },
    boundary,
  };
}

/**
 * Proposes grades (拟定等次). Each sufficient target gets the highest grade whose minScore ≤ its total
 * (or, in a grade-ballot round with a `thresholds` rule, the grade its vote shares give), except the
 * scale's quota grade: it goes only to eligible (not vetoed) targets inside their quota
 * group's places, best totals first; then, when the rule pools remainders, the pooled places go to the best
 * remaining eligible targets across the pool's groups. Ties on total across the last place(s) are settled
 * by the rule's tie-break chain; when it cannot separate them, none of them gets the contested place(s)
 * (they are flagged `tiedAtBoundary`, the place(s) stay open). Never random, never by id or name.
 */
export function proposeGrades(input: ProposalInput): ProposalResult {
  const { scale, rule, targets } = input;
  const veto = input.veto ?? new Map<string, readonly string[]>();
  const plan = rule ? planQuota(rule, targets) : null;
  const chain = rule?.tieBreak ?? [];

  const proposals = new Map<string, GradeProposal>();
  const candidates: (Candidate & { groupKey: string | null })[] = [];
  for (const t of targets) {
    if (proposals.has(t.targetId)) throw new RangeError(`duplicate target ${t.targetId}`);
    const total = t.tally.status === 'sufficient' ? t.tally.total : null;
    // a withheld total is compared with no other (a recount from the export does not even know it)
    const withheld = t.tally.status === 'sufficient' && t.disclosure?.totalWithheld === true;
    const byVotes = t.voteGrade !== undefined;
    const scoreGrade = total ? (byVotes ? (t.voteGrade ?? null) : gradeByScore(scale, total)) : null;
    const vetoReasons = [...(veto.get(t.targetId) ?? [])];
    const groupKey = rule ? quotaGroupKey(rule.groupBy, t) : null;
    const p: GradeProposal = {
      targetId: t.targetId,
      unitId: t.unitId,
      parentId: t.parentId,
      total,
      scoreGrade,
      gradeBy: byVotes ? 'votes' : 'score',
      grade: scoreGrade,
      reason: withheld ? 'totalWithheld' : total ? 'score' : 'insufficient',
      vetoReasons,
      quotaGroupKey: groupKey,
      placedBy: null,
      tiedAtBoundary: false,
    };
    if (total && scoreGrade === scale.quotaGrade) {
      if (vetoReasons.length > 0) {
        p.grade = scale.fallbackGrade;
        p.reason = 'veto';
      } else if (withheld) {
        if (rule) p.grade = scale.fallbackGrade;
      } else if (rule) {
        // provisionally out of the quota; placed below
        p.grade = scale.fallbackGrade;
        p.reason = 'quota';
        candidates.push({ targetId: t.targetId, total, tally: t.tally, disclosure: t.disclosure, groupKey });
      } else {
        p.reason = 'withinQuota';
      }
    }
    proposals.set(t.targetId, p);
  }

  const allocations: Allocation[] = [];
  const boundaries: Boundary[] = [];
  const place = (ids: string[], by: 'group' | 'pool') => {
    for (const id of ids) {
      const p = proposals.get(id)!;
      p.grade = scale.quotaGrade;
      p.reason = 'withinQuota';
      p.placedBy = by;
      p.tiedAtBoundary = false;
    }
  };
  const flag = (ids: string[]) => {
    for (const id of ids) {
      const p = proposals.get(id)!;
      p.reason = 'tiedAtBoundary';
      p.tiedAtBoundary = true;
    }
  };

  if (plan) {
    const candidatesOf = new Map<string, typeof candidates>();
    for (const c of candidates) if (c.groupKey !== null) appendTo(candidatesOf, c.groupKey, c);
    for (const g of plan.groups) {
      const { allocation, boundary } = allocate(
        'group',
        g.key,
        candidatesOf.get(g.key) ?? [],
        g.count.places,
        chain,
      );
      allocations.push(allocation);
      place(allocation.awarded, 'group');
      if (boundary) {
        boundaries.push(boundary);
        flag(boundary.flagged);
      }
    }
    for (const pool of plan.pools) {
      const remaining = candidates.filter(
        (c) => pool.groupKeys.includes(c.groupKey!) && proposals.get(c.targetId)!.placedBy === null,
      );
      const { allocation, boundary } = allocate('pool', pool.key, remaining, pool.pooledPlaces, chain);
      allocations.push(allocation);
      place(allocation.awarded, 'pool');
      if (boundary) {
        boundaries.push(boundary);
        flag(boundary.flagged);
      }
    }
  }

  return { proposals: targets.map((t) => proposals.get(t.targetId)!), plan, allocations, boundaries };
}
