import type { GradeScale, QuotaRule, Scheme } from '../policy/assessment-section.ts';
import { type Disclosure, disclosureOfCounts } from './disclosure.ts';
import type { GradeCode } from './grade-code.ts';
import { type GradeCounts, targetVoteGrade } from './grade-ballot.ts';
import { proposeGrades, type ProposalResult } from './proposal.ts';
import { rankTargets, type Ranking } from './rank.ts';
import {
  tallyTarget,
  type TargetBallot,
  type TargetTally,
  type Waiver,
  type WithheldGroups,
} from './tally.ts';

/**
 * What a round computes with (the pack's scheme, grade scale and quota rule, and its minimum group size
 * shown, as copied into the round).
 */
export interface RoundRulesInput {
  scheme: Scheme;
  gradeScale: GradeScale;
  quotaRule: QuotaRule | null;
  /** groups with fewer ballots show their count only; with `disclosureOf`, it shapes ranks and tie-breaks */
  minGroupSizeShown: number;
}

export interface EvaluationTarget {
  id: string;
  unitId: string;
  /** the unit's parent; null for a unit at the top (it is then its own quota parent) */
  parentUnitId: string | null;
}

/** An anonymous ballot as stored and exported: points per criterion in hundredths, in scheme order. */
export interface StoredBallotScore {
  ballotId: string;
  groupId: string;
  targetId: string;
  points: readonly number[];
}

export interface RoundEvaluation {
  tallies: Map<string, TargetTally>;
  /** per target: what of its result may be shown (from its ballot counts) */
  disclosures: Map<string, Disclosure>;
  ranking: Ranking;
  proposal: ProposalResult;
}

/**
 * Tally, rank and propose grades for a whole round from its anonymous ballots, waivers and rules: the
 * server's computation and the recount CLI run this same function, so anyone with the ballot export can
 * reproduce every published figure. `veto` comes from the eligibility rules. `withheld`: per target, the
 * groups the export withholds (`disclosureOf`), with their counts and combined contribution.
 */
export function evaluateRound(input: {
  rules: RoundRulesInput;
  targets: readonly EvaluationTarget[];
  scores: readonly StoredBallotScore[];
  waivers: readonly Waiver[];
  veto?: ReadonlyMap<string, readonly string[]>;
  withheld?: ReadonlyMap<string, WithheldGroups>;
  /**
   * a grade ballot with a `thresholds` rule: each target's vote counts per group (`counts`), and for a
   * target whose export withholds a group's votes, the vote grade as the round gave it (`given`: the
   * withheld votes cannot be pooled again, as a withheld group's contribution is given for its total)
   */
  gradeVotes?: {
    counts: ReadonlyMap<string, readonly GradeCounts[]>;
    given?: ReadonlyMap<string, GradeCode | null>;
  };
}): RoundEvaluation {
  const { scheme, gradeScale, quotaRule } = input.rules;
  const ballotsOf = new Map<string, TargetBallot[]>();
  for (const s of input.scores) {
    const points: Record<string, string> = {};
    scheme.criteria.forEach((c, k) => (points[c.id] = ((s.points[k] ?? 0) / 100).toFixed(2)));
    const list = ballotsOf.get(s.targetId) ?? [];
    list.push({ ballotId: s.ballotId, groupId: s.groupId, points });
    ballotsOf.set(s.targetId, list);
  }
  const tallies = new Map<string, TargetTally>();
  const disclosures = new Map<string, Disclosure>();
  for (const t of input.targets) {
    const tally = tallyTarget({
      scheme,
      targetId: t.id,
      ballots: ballotsOf.get(t.id) ?? [],
      waivers: input.waivers,
      withheld: input.withheld?.get(t.id),
    });
    tallies.set(t.id, tally);
    disclosures.set(
      t.id,
      disclosureOfCounts(scheme.raterGroups, tally.groups, input.rules.minGroupSizeShown),
    );
  }
  const given = input.gradeVotes?.given;
  const voteGrade = (id: string, tally: TargetTally): GradeCode | null | undefined =>
    given?.has(id)
      ? (given.get(id) ?? null)
      : targetVoteGrade(scheme, input.gradeVotes?.counts.get(id) ?? [], tally);
  const members = input.targets.map((t) => {
    const tally = tallies.get(t.id)!;
    return {
      targetId: t.id,
      unitId: t.unitId,
      parentId: t.parentUnitId ?? t.unitId,
      tally,
      disclosure: disclosures.get(t.id),
      voteGrade: voteGrade(t.id, tally),
    };
  });
  return {
    tallies,
    disclosures,
    ranking: rankTargets(members),
    proposal: proposeGrades({
      scale: gradeScale,
      rule: quotaRule,
      targets: members,
      veto: input.veto ?? new Map(),
    }),
  };
}
