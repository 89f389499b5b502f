import {
  applyOverrides,
  compactResult,
  disclosureOfCounts,
  evaluateRound,
  explainReason,
  type GradeCounts,
  gradeGroupAggregate,
  gradeVoteOf,
  isAggregatedTally,
  proposeGrades,
  rankTargets,
  storedRank,
  tallyFromAggregates,
  toDecimal,
  toFractionString,
  type Disclosure,
  type GradeOverride,
  type GroupScoreAggregate,
  type OverrideResult,
  type ProposalResult,
  type ProposalTarget,
  type Rational,
  type RoundEvaluation,
  type TargetTally,
  targetVoteGrade,
  type Waiver,
  withholdsAny,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { eligibilityForComputation } from '../../eligibility/service.ts';
import * as reviewRepo from '../repository/review.ts';
import * as roundRepo from '../repository/rounds.ts';
import { streamTargetAggregates } from '../repository/tally-targets.ts';
import { ballotScoresOf, roundHasScores, storeResults } from '../repository/tally.ts';
import { listTallyTargets, type TallyTarget } from '../repository/targets.ts';
import { countsByTarget, storeRoundGradeCounts } from './grade-tally.ts';
import { markScoresDisclosed, type RoundRecord } from './rounds.ts';

type TargetRow = TallyTarget;

export interface Evaluation extends RoundEvaluation {
  targets: TargetRow[];
  /**
   * by the index of its target: what its tally was computed from (stored compactly), or null when it was
   * tallied again from its ballots (a criterion tie)
   */
  aggregates: (GroupScoreAggregate[] | null)[];
  waiversOf: Map<string, Waiver[]>;
  /** a grade-ballot round: each target's vote counts per group (the `thresholds` rule pools them) */
  gradeCounts?: Map<string, GradeCounts[]>;
}

/**
 * Targets whose criterion means a `criterionScore` tie-break looked for and did not find: their tallies
 * came from aggregates without criterion sums (see `tallyFromAggregates`). A target with a withheld group
 * has none to find (its pooled means are withheld, `tieBreakValue`).
 */
function criterionMeansWanted(
  proposal: ProposalResult,
  tallies: ReadonlyMap<string, TargetTally>,
  disclosures: ReadonlyMap<string, Disclosure>,
): string[] {
  const ids = new Set<string>();
  for (const b of proposal.boundaries)
    for (const step of b.steps) {
      if (step.tieBreak.by !== 'criterionScore') continue;
      for (const v of step.values) {
        const t = tallies.get(v.targetId);
        if (
          v.value === null &&
          t &&
          t.usedCount > 0 &&
          isAggregatedTally(t) &&
          !withholdsAny(disclosures.get(v.targetId))
        )
          ids.add(v.targetId);
      }
    }
  return [...ids];
}

/** A round's tally (计票): every target's exact figures from its ballots, before ranks and quota. */
export interface RoundTally {
  targets: TargetRow[];
  waiversOf: Map<string, Waiver[]>;
  /** what each target's tally was computed from, by the index of the target in `targets` */
  aggregates: (GroupScoreAggregate[] | null)[];
  tallies: Map<string, TargetTally>;
  /** a grade-ballot round: each target's vote counts per group, in the pack's grade order */
  gradeCounts?: Map<string, GradeCounts[]>;
}

/**
 * The tally of a round from its stored anonymous ballots and waivers, under the rules copied from the
 * pack: PostgreSQL aggregates the ballots per target and rater group (count, Σ, highest, lowest), one
 * row per target with its unit (`streamTargetAggregates`, repository/tally-targets.ts), and core
 * `tallyFromAggregates` applies the rules to each target. Only the aggregates — never the ballots — come
 * into Node, so a province-size round fits. The targets come in the round's order (sort_order, id),
 * which ranks and proposals keep among equals.
 */
export async function tallyRound(ctx: RequestContext, round: RoundRecord): Promise<RoundTally> {
  const client = ctx.client;
  const { scheme } = round.rules;
  const waiversOf = await waiversByTarget(ctx, round.id);
  const targets: TargetRow[] = [];
  const aggregates: GroupScoreAggregate[][] = [];
  const tallies = new Map<string, TargetTally>();
  const tally = (t: TargetRow, groups: GroupScoreAggregate[]) => {
    targets.push(t);
    aggregates.push(groups);
    tallies.set(
      t.id,
      tallyFromAggregates({ scheme, targetId: t.id, groups, waivers: waiversOf.get(t.id) ?? [] }),
    );
  };
  if (scheme.ballotForm === 'grade') {
    // a grade ballot (一票一档) gives the same aggregates from its votes (service/grade-tally.ts)
    const list = await listTallyTargets(client, round.id);
    const gradeCounts = await countsByTarget(client, round.id, scheme);
    if (gradeCounts.size > 0 && list.length === 0) throw new AppError(403, 'FORBIDDEN', '看不到本轮考核对象');
    const spec = gradeVoteOf(scheme);
    for (const t of list)
      tally(
        t,
        (gradeCounts.get(t.id) ?? []).map((g) => gradeGroupAggregate(spec, g)),
      );
    return { targets, waiversOf, aggregates, tallies, gradeCounts };
  } else {
    // the targets and their ballots' aggregates in one statement, in the round's order
    const groupIds = scheme.raterGroups.map((g) => g.id);
    await streamTargetAggregates(client, round.id, groupIds, tally);
    if (targets.length === 0 && (await roundHasScores(client, round.id)))
      throw new AppError(403, 'FORBIDDEN', '看不到本轮考核对象');
  }
  return { targets, waiversOf, aggregates, tallies };
}

/** The round's waivers the reader may see, per target. */
async function waiversByTarget(ctx: RequestContext, roundId: string): Promise<Map<string, Waiver[]>> {
  const waiversOf = new Map<string, Waiver[]>();
  for (const w of await reviewRepo.listWaivers(ctx.client, roundId)) {
    const list = waiversOf.get(w.targetId);
    if (list) list.push(w);
    else waiversOf.set(w.targetId, [w]);
  }
  return waiversOf;
}

/**
 * The veto list (R-ASM-5): each cadre target the eligibility engine finds not eligible for 优秀 at the end of
 * the round's period, with its blocking reasons as the rule, the effect, until when and the source — never
 * the record's date or document number (whoever runs the round may not read discipline facts).
 */
async function vetoOf(
  ctx: RequestContext,
  round: RoundRecord,
  targets: readonly TargetRow[],
): Promise<Map<string, string[]>> {
  const cadreIds = [...new Set(targets.flatMap((t) => (t.cadreId ? [t.cadreId] : [])))];
  // the round's own pack (the version in force on the period's end), as for the rest of its rules
  const answers = await eligibilityForComputation(ctx, cadreIds, round.periodEnd, 'excellent', {
    packId: round.packId,
  });
  const veto = new Map<string, string[]>();
  for (const t of targets) {
    const answer = t.cadreId ? answers.get(t.cadreId) : undefined;
    if (answer && !answer.eligible)
      veto.set(
        t.id,
        answer.reasons.filter((r) => r.counts).map((r) => explainReason(r, { facts: false })),
      );
  }
  return veto;
}

/**
 * Tally, rank and propose grades for a round — the same figures as core `evaluateRound` on the ballot
 * export (what the recount CLI runs), from the aggregate tally above.
 *
 * What the aggregates leave out: the ids of the ballots in each group mean (the explanation reports the
 * dropped highest and lowest scores instead; the export and the recount list ballots), and per-criterion
 * means. Those matter only to a `criterionScore` tie-break: when one reaches targets without them, those
 * targets alone are tallied again from their ballots (`evaluateRound`, ordered by ballot id as in the
 * export) and the grades proposed again, until every such tie is decided on exact means.
 */
export async function evaluate(ctx: RequestContext, round: RoundRecord): Promise<Evaluation> {
  const client = ctx.client;
  const { gradeScale, quotaRule } = round.rules;
  const { targets, waiversOf, aggregates, tallies, gradeCounts } = await tallyRound(ctx, round);
  // what each target may show (SECURITY 31): from its ballot counts, which a re-tally does not change
  const disclosures = new Map<string, Disclosure>();
  const members: ProposalTarget[] = targets.map((t, i) => {
    const tally = tallies.get(t.id)!;
    // the counts from what the tally came from: reading `tally.groups` would build its explanation
    const disclosure = disclosureOfCounts(
      round.rules.scheme.raterGroups,
      aggregates[i] ?? tally.groups,
      round.rules.minGroupSizeShown,
    );
    disclosures.set(t.id, disclosure);
    return {
      targetId: t.id,
      unitId: t.unitId,
      parentId: t.parentUnitId ?? t.unitId,
      tally,
      disclosure,
      // a grade ballot's vote-share rule (按票率定等次) proposes from the counted groups' pooled votes
      voteGrade: targetVoteGrade(round.rules.scheme, gradeCounts?.get(t.id) ?? [], tally),
    };
  });
  const veto = await vetoOf(ctx, round, targets);
  const propose = () => proposeGrades({ scale: gradeScale, rule: quotaRule, targets: members, veto });
  const ranking = rankTargets(members);
  let proposal = propose();
  for (let wanted = criterionMeansWanted(proposal, tallies, disclosures); wanted.length > 0;) {
    const ids = new Set(wanted);
    const exact = evaluateRound({
      rules: round.rules,
      targets: targets
        .filter((t) => ids.has(t.id))
        .map((t) => ({ id: t.id, unitId: t.unitId, parentUnitId: t.parentUnitId })),
      scores: await ballotScoresOf(client, round.id, wanted),
      waivers: wanted.flatMap((id) => waiversOf.get(id) ?? []),
      veto,
    });
    members.forEach((m, i) => {
      const t = exact.tallies.get(m.targetId);
      if (!t) return;
      m.tally = t;
      tallies.set(m.targetId, t);
      aggregates[i] = null;
    });
    proposal = propose();
    wanted = criterionMeansWanted(proposal, tallies, disclosures);
  }
  return {
    tallies,
    disclosures,
    ranking,
    proposal,
    targets,
    aggregates,
    waiversOf,
    ...(gradeCounts ? { gradeCounts } : {}),
  };
}

const isRational = (o: Record<string, unknown>, keys: string[]) =>
  keys.length === 2 && typeof o.num === 'bigint' && typeof o.den === 'bigint';

/** JSON-safe copy: exact rationals as {fraction, value}, bigints as strings, Maps as objects. */
export function plain(value: unknown, decimals: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => plain(v, decimals));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v, decimals)]));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (isRational(o, Object.keys(o))) {
      const r = o as unknown as Rational;
      return { fraction: toFractionString(r), value: toDecimal(r, decimals) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v, decimals)]));
  }
  return value;
}

const quotedKeys = new Map<string, string>();
const quotedKey = (k: string): string => {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
};

/**
 * `JSON.stringify(plain(value, decimals))`, written directly as one string (no intermediate copy): more
 * than twice as fast over the 100,000 explanations of a large round.
 */
export function plainJson(value: unknown, decimals: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++)
      s += (i > 0 ? ',' : '') + (plainJson(value[i], decimals) ?? 'null');
    return `${s}]`;
  }
  let s = '{';
  if (value instanceof Map) {
    for (const [k, v] of value as Map<unknown, unknown>) {
      const x = plainJson(v, decimals);
      if (x !== undefined) s += (s.length > 1 ? ',' : '') + quotedKey(String(k)) + x;
    }
    return `${s}}`;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (isRational(o, keys)) {
    const r = o as unknown as Rational;
    return `{"fraction":"${toFractionString(r)}","value":"${toDecimal(r, decimals)}"}`;
  }
  for (const k of keys) {
    const x = plainJson(o[k], decimals);
    if (x !== undefined) s += (s.length > 1 ? ',' : '') + quotedKey(k) + x;
  }
  return `${s}}`;
}

/** 计算结果: store each target's figures (compactly; see `CompactResult`) and the proposed grade. */
export async function computeRound(ctx: RequestContext, round: RoundRecord): Promise<void> {
  const ev = await evaluate(ctx, round);
  const decimals = round.rules.scheme.scoreDecimals;
  const { targets, tallies, aggregates, waiversOf } = ev;
  const insufficient = [...tallies.values()].filter((t) => t.status === 'insufficient').length;
  const summary = plainJson(
    { plan: ev.proposal.plan, allocations: ev.proposal.allocations, boundaries: ev.proposal.boundaries },
    decimals,
  );
  const rankOf = new Map(ev.ranking.ranked.map((r) => [r.targetId, r]));
  const proposalOf = new Map(ev.proposal.proposals.map((p) => [p.targetId, p]));
  // streamed into the staging table chunk by chunk, each target's JSON written when its chunk is built and its
  // tally let go
  await storeResults(ctx.client, round.id, targets.length, (i) => {
    const t = targets[i]!;
    const tally = tallies.get(t.id)!;
    const rank = storedRank(rankOf.get(t.id));
    const proposal = proposalOf.get(t.id) ?? null;
    const groups = aggregates[i];
    // tallied from aggregates: the figures it came from; from ballots (a criterion tie): the whole result
    const result = groups
      ? JSON.stringify(compactResult({ tally, groups, waivers: waiversOf.get(t.id) ?? [], rank, proposal }))
      : plainJson({ tally, rank, proposal }, decimals)!;
    tallies.delete(t.id);
    aggregates[i] = null;
    return { id: t.id, grade: proposal?.grade ?? null, result };
  });
  // a grade ballot's explanation keeps each target's vote counts beside its result
  if (ev.gradeCounts) await storeRoundGradeCounts(ctx, round.id, ev.gradeCounts);
  await reviewRepo.deleteOverrides(ctx.client, round.id);
  await roundRepo.updateSummary(ctx.client, round.id, summary);
  await markScoresDisclosed(ctx, round.id);
  await ctx.audit({
    action: 'assessment.round.computed',
    objectType: 'assessment_round',
    objectId: round.id,
    after: { targets: targets.length, insufficient },
  });
}

/** The committee's grade changes of a round. */
export async function overridesOf(ctx: RequestContext, roundId: string): Promise<GradeOverride[]> {
  return reviewRepo.listOverrides(ctx.client, roundId);
}

/** The veto reasons of the targets, in one line (the rule, the effect, until when, the source). */
function vetoReasonsOf(ev: Evaluation, targetIds: readonly string[]): string {
  return ev.proposal.proposals
    .filter((p) => targetIds.includes(p.targetId))
    .flatMap((p) => p.vetoReasons)
    .join('；');
}

/** Apply the committee's overrides to a fresh evaluation; refuse what breaks the quota or the veto list. */
export function checkOverrides(
  round: RoundRecord,
  ev: Evaluation,
  overrides: GradeOverride[],
): OverrideResult {
  const result = applyOverrides({
    scale: round.rules.gradeScale,
    rule: round.rules.quotaRule,
    proposal: ev.proposal,
    overrides,
  });
  const blocking = result.violations.filter((v) => v.code !== 'GRADE_MISSING');
  if (blocking.length) {
    const v = blocking[0]!;
    const messages: Record<string, string> = {
      QUOTA_EXCEEDED: `优秀等次超出名额（${v.quotaKey ?? ''}：${v.count ?? '?'} 人，名额 ${v.places ?? '?'} 个）`,
      REASON_REQUIRED: '调整等次必须填写理由',
      VETOED: `该对象不能评为优秀：${vetoReasonsOf(ev, v.targetIds)}`,
      EXCEPTION_NOT_ALLOWED: '本方案不允许破格',
      APPROVAL_REF_REQUIRED: '破格须填写批准文号',
    };
    const code =
      v.code === 'QUOTA_EXCEEDED'
        ? 'QUOTA_EXCEEDED'
        : v.code === 'REASON_REQUIRED'
          ? 'REASON_REQUIRED'
          : v.code === 'VETOED'
            ? 'NOT_ELIGIBLE'
            : 'VALIDATION';
    throw new AppError(code === 'VALIDATION' ? 400 : 409, code, messages[v.code] ?? '等次调整不符合规则', {
      violations: blocking,
      ...(v.code === 'VETOED'
        ? { reasons: ev.proposal.proposals.find((p) => p.targetId === v.targetIds[0])?.vetoReasons ?? [] }
        : {}),
    });
  }
  return result;
}

/** 公布: every target sufficient (or waived), the final grades within the quota. */
export async function publishRound(ctx: RequestContext, round: RoundRecord): Promise<void> {
  const ev = await evaluate(ctx, round);
  const insufficient = [...ev.tallies.values()].filter((t) => t.status === 'insufficient');
  if (insufficient.length)
    throw new AppError(
      409,
      'ROUND_INSUFFICIENT',
      `有 ${insufficient.length} 个考核对象评议人数不足，须经批准豁免后才能公布（结果已计算，不能再延长评议）`,
      {
        targets: insufficient.map((t) => ({ targetId: t.targetId, groups: t.insufficientGroups })),
      },
    );
  checkOverrides(round, ev, await overridesOf(ctx, round.id));
}
