import {
  disclosureOf,
  shownMinimum,
  toFractionString,
  type BallotExport,
  type ExportTarget,
  type GradeOverrideInput,
  type UnitWaiverInput,
  type QuotaSummary,
  type RoundCalibration,
  type RoundResults,
  RESULTS_MAX_PAGE_SIZE,
  type ResultSort,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { spoolToTempFile } from '../../../platform/spool.ts';
import { listExportBallots } from '../repository/ballots.ts';
import { listExportGradeBallots } from '../repository/grade-votes.ts';
import * as pages from '../repository/result-pages.ts';
import * as reviewRepo from '../repository/review.ts';
import { selectSummary } from '../repository/rounds.ts';
import * as targetRepo from '../repository/targets.ts';
import { writeResultsWorkbook, type ResultSheetRow } from '../results-workbook.ts';
import { checkOverrides, evaluate, overridesOf, tallyRound } from './compute.ts';
import { findRound, markScoresDisclosed, mayManage, roundToManage, type RoundRecord } from './rounds.ts';
import { explainedResult, publishedResult, withheldContributionOf } from './stored-results.ts';

/** The results query once parsed (core `ResultsQuerySchema`). */
export interface ResultsQueryParsed extends pages.ResultFilter {
  page: number;
  pageSize: number;
  sort: ResultSort;
}

/** 考核结果: figures with explanations; the committee's review (waivers, grade changes); the ballot export. */

async function readableRound(
  ctx: RequestContext,
  id: string,
): Promise<{ round: RoundRecord; organiser: boolean }> {
  const round = await findRound(ctx.client, id);
  const organiser = mayManage(ctx, round);
  if (!organiser && round.state !== 'published') throw forbidden('结果尚未公布');
  if (round.state !== 'computed' && round.state !== 'published')
    throw new AppError(409, 'ROUND_STATE', '本轮考核尚未计算结果');
  return { round, organiser };
}

const gradeName = (round: RoundRecord, code: string | null) =>
  code ? (round.rules.gradeScale.grades.find((g) => g.code === code)?.name ?? code) : null;

function resultItem(round: RoundRecord, t: targetRepo.ResultTargetRecord) {
  const stored = explainedResult(round.rules.scheme, t.stored);
  // what anyone may see: small groups and what would give them away withheld (SECURITY 22, 31)
  const result = stored ? publishedResult(round.rules.scheme, round.rules.minGroupSizeShown, stored) : null;
  return {
    id: t.id,
    cadreId: t.cadreId,
    name: t.name,
    post: t.post,
    unitName: t.unitName,
    status: result?.tally.status ?? null,
    total: result?.tally.total ?? null,
    totalWithheld: result?.tally.totalWithheld ?? false,
    rank: result?.rank ?? null,
    proposedGrade: t.proposedGrade,
    proposedGradeName: gradeName(round, t.proposedGrade),
    finalGrade: t.finalGrade,
    finalGradeName: gradeName(round, t.finalGrade),
    overrideReason: t.overrideReason,
    explanation: result,
  };
}

type ResultItem = RoundResults['targets'][number];

/**
 * For the organiser of a computed round: how many targets each rater group leaves short (below its
 * minimum, what 按单位豁免 waives). Reads the insufficient targets only, a batch at a time.
 */
async function shortByGroup(ctx: RequestContext, round: RoundRecord): Promise<Record<string, number>> {
  const short: Record<string, number> = {};
  for await (const batch of pages.streamResultTargets(ctx.client, round.id, 'insufficient'))
    for (const t of batch) {
      const tally = explainedResult(round.rules.scheme, t.stored)?.tally as
        { insufficientGroups?: { groupId: string; reason: string }[] } | undefined;
      for (const g of tally?.insufficientGroups ?? [])
        if (g.reason === 'belowMinimum') short[g.groupId] = (short[g.groupId] ?? 0) + 1;
    }
  return short;
}

/** Every target id the quota summary's boundaries and allocations name. */
function summaryTargetIds(summary: QuotaSummary | null): string[] {
  const ids = new Set<string>();
  for (const a of summary?.allocations ?? []) for (const id of [...a.candidates, ...a.awarded]) ids.add(id);
  for (const b of summary?.boundaries ?? []) {
    for (const id of [...b.tied, ...b.awarded, ...b.flagged]) ids.add(id);
    for (const step of b.steps) for (const v of step.values) ids.add(v.targetId);
  }
  return [...ids];
}

/**
 * 考核结果, a page at a time (issue 10 §9): the page's rows with the explanation of every figure and the
 * counts over the whole round (the quota summary is `roundCalibration`'s). Filters, order and counts are SQL; a page holds at most RESULTS_MAX_PAGE_SIZE rows.
 */
export async function roundResults(
  ctx: RequestContext,
  roundId: string,
  query: ResultsQueryParsed,
): Promise<RoundResults> {
  if (query.pageSize > RESULTS_MAX_PAGE_SIZE)
    throw new AppError(400, 'RESULTS_PAGE_SIZE', `每页最多 ${RESULTS_MAX_PAGE_SIZE} 条结果`);
  const { round, organiser } = await readableRound(ctx, roundId);
  const { scheme } = round.rules;
  const page = await pages.selectResultPage(
    ctx.client,
    round.id,
    { groups: scheme.raterGroups, minShown: shownMinimum(round.rules.minGroupSizeShown) },
    query,
  );
  const counts = await pages.selectResultCounts(ctx.client, round.id);
  const reviewing = organiser && round.state === 'computed';
  return {
    round: { id: round.id, name: round.name, state: round.state, schemeName: scheme.name },
    organiser,
    grades: round.rules.gradeScale.grades,
    raterGroups: scheme.raterGroups.map((g) => ({ id: g.id, name: g.name, weight: g.weight })),
    minGroupSizeShown: shownMinimum(round.rules.minGroupSizeShown),
    quotaRule: round.rules.quotaRule,
    counts: {
      ...counts,
      shortByGroup:
        reviewing && counts.status.insufficient > 0 ? await shortByGroup(ctx, round) : reviewing ? {} : null,
    },
    page: query.page,
    pageSize: query.pageSize,
    total: page.total,
    // the explanations' figures as the engine made them; the response contract checks their shape
    targets: page.rows.map((t) => resultItem(round, t)) as unknown as ResultItem[],
  };
}

/**
 * 名额校准 for the organiser: the stored quota summary and, when a quota plan ran, each quota group's final
 * grades counted and the names of the targets its boundaries and awards name.
 */
export async function roundCalibration(ctx: RequestContext, roundId: string): Promise<RoundCalibration> {
  const { round, organiser } = await readableRound(ctx, roundId);
  if (!organiser) throw forbidden('名额校准仅组织考核的单位可以查看');
  const summary = (await selectSummary(ctx.client, round.id)) as QuotaSummary | null;
  return {
    summary,
    calibration: summary?.plan
      ? {
          finalByQuotaGroup: await pages.finalByQuotaGroup(ctx.client, round.id, summary.plan.groups),
          names: await pages.selectTargetNames(ctx.client, round.id, summaryTargetIds(summary)),
        }
      : null,
  };
}

/** One target's result with the explanation of every figure (the drawer's), in the reader's scope. */
export async function targetResult(ctx: RequestContext, roundId: string, targetId: string) {
  const { round } = await readableRound(ctx, roundId);
  const row = await pages.selectResultTarget(ctx.client, round.id, targetId);
  if (!row) throw notFound('考核对象');
  return resultItem(round, row) as unknown as ResultItem;
}

/** The workbook's rows, a batch at a time, in the round's order. */
async function* sheetRows(ctx: RequestContext, round: RoundRecord): AsyncGenerator<ResultSheetRow[]> {
  for await (const batch of pages.streamResultTargets(ctx.client, round.id))
    yield batch.map((row) => {
      const t = resultItem(round, row);
      return {
        ...t,
        total: t.total?.value ?? null,
        groups: t.explanation?.tally.groups ?? [],
        gradeVotes: t.explanation?.gradeVotes?.overall?.grades ?? null,
      };
    });
}

/**
 * 导出考核结果: the results page as a workbook, written row by row from a cursor (ExcelJS's streaming
 * writer) to a temporary file, then streamed; audited.
 */
export async function resultsWorkbook(ctx: RequestContext, roundId: string) {
  const { round } = await readableRound(ctx, roundId);
  const body = await spoolToTempFile((out) =>
    writeResultsWorkbook(round.name, round.rules, sheetRows(ctx, round), out),
  );
  await ctx.audit({
    action: 'assessment.results.export',
    objectType: 'assessment_round',
    objectId: round.id,
  });
  return { roundName: round.name, body };
}

/** 评议人数不足豁免 (reason required), after voting ends and before publication. */
export async function waive(
  ctx: RequestContext,
  roundId: string,
  input: { targetId: string; groupId: string; reason: string },
): Promise<{ ok: true }> {
  const round = await roundToManage(ctx, roundId);
  if (round.state !== 'closed' && round.state !== 'computed')
    throw new AppError(409, 'ROUND_STATE', '评议结束后、公布前才能豁免');
  if (!round.rules.scheme.raterGroups.some((g) => g.id === input.groupId))
    throw new AppError(400, 'VALIDATION', '没有这个评议组');
  const found = await reviewRepo.upsertWaiver(ctx.client, {
    roundId: round.id,
    targetId: input.targetId,
    groupId: input.groupId,
    reason: input.reason,
    decidedBy: ctx.actor?.userId,
  });
  if (!found) throw notFound('考核对象');
  await ctx.audit({
    action: 'assessment.waiver',
    objectType: 'assessment_round',
    objectId: round.id,
    after: input,
  });
  return { ok: true };
}

/**
 * 按单位豁免 (issue 10 §4): one rater group waived, with one reason, for every target of the unit's subtree
 * that the tally finds short of that group (below its minimum; an empty group cannot be waived, as for one
 * target) and not yet waived for it — instead of one dialog per target.
 * Refused with WAIVER_NONE_SHORT when there is none (a unit outside the caller's scope has no targets).
 */
export async function waiveUnit(
  ctx: RequestContext,
  roundId: string,
  input: UnitWaiverInput,
): Promise<{ waived: number }> {
  const round = await roundToManage(ctx, roundId);
  if (round.state !== 'closed' && round.state !== 'computed')
    throw new AppError(409, 'ROUND_STATE', '评议结束后、公布前才能豁免');
  if (!round.rules.scheme.raterGroups.some((g) => g.id === input.groupId))
    throw new AppError(400, 'VALIDATION', '没有这个评议组');
  const under = new Set(await reviewRepo.targetsUnder(ctx.client, round.id, input.orgId));
  const { tallies } = await tallyRound(ctx, round);
  const short = [...tallies]
    .filter(
      ([id, t]) =>
        under.has(id) &&
        t.insufficientGroups.some((g) => g.groupId === input.groupId && g.reason === 'belowMinimum'),
    )
    .map(([id]) => id);
  if (short.length === 0)
    throw new AppError(409, 'WAIVER_NONE_SHORT', '该单位没有这一评议组人数不足的考核对象，无需豁免');
  const waived = await reviewRepo.insertUnitWaivers(ctx.client, {
    roundId: round.id,
    targetIds: short,
    groupId: input.groupId,
    reason: input.reason,
    decidedBy: ctx.actor?.userId,
  });
  await ctx.audit({
    action: 'assessment.waiver.unit',
    objectType: 'assessment_round',
    objectId: round.id,
    after: { ...input, waived },
  });
  return { waived };
}

/** 考核委员会调整等次: reason required, within the quota unless an approved exception (core `applyOverrides`). */
export async function overrideGrade(
  ctx: RequestContext,
  roundId: string,
  input: GradeOverrideInput & { reason: string },
): Promise<{ ok: true }> {
  const round = await roundToManage(ctx, roundId);
  if (round.state !== 'computed') throw new AppError(409, 'ROUND_STATE', '计算结果后、公布前才能调整等次');
  if (input.reason.length < 2) throw new AppError(400, 'REASON_REQUIRED', '调整等次必须填写理由');
  const ev = await evaluate(ctx, round);
  const others = (await overridesOf(ctx, round.id)).filter((o) => o.targetId !== input.targetId);
  const override = {
    targetId: input.targetId,
    grade: input.grade as (typeof others)[number]['grade'],
    reason: input.reason,
    exceptionApproved: input.exceptionApproved ?? false,
    approvalRef: input.approvalRef || undefined,
  };
  const checked = checkOverrides(round, ev, [...others, override]);
  await reviewRepo.upsertOverride(ctx.client, round.id, override, ctx.actor?.userId);
  const final = checked.grades.find((g) => g.targetId === override.targetId);
  await targetRepo.updateFinalGrade(
    ctx.client,
    round.id,
    override.targetId,
    final?.grade ?? override.grade,
    override.reason,
  );
  await ctx.audit({
    action: 'assessment.grade.override',
    objectType: 'assessment_round',
    objectId: round.id,
    before: { targetId: override.targetId, grade: final?.proposed ?? null },
    after: { targetId: override.targetId, grade: override.grade, reason: override.reason },
  });
  return { ok: true };
}

/**
 * The targets of the ballot export and what it withholds for each (SECURITY 31): the ballots of a group
 * below the minimum, or of its complementary partner (`disclosureOf`, from the ballot counts), are not
 * exported for that target — a slip rates every target of its unit, so the same ballot still shows its
 * scores for the targets where its group is shown. For the withheld groups the export gives their counts
 * and, once the results are computed, their combined contribution: the published total minus the shown
 * part, which the published figures already imply. The recount then checks every published figure.
 */
async function exportTargets(ctx: RequestContext, round: RoundRecord) {
  const rows = await targetRepo.listExportTargets(ctx.client, round.id);
  const { scheme, minGroupSizeShown } = round.rules;
  // stored results are the published ones only once computed (a closed round has none yet)
  const current = round.state === 'computed' || round.state === 'published';
  const withheldTargets: string[] = [];
  const withheldGroups: string[] = [];
  const targets = rows.map((t): ExportTarget => {
    const counts = t.counts;
    const disclosure = disclosureOf(scheme.raterGroups, counts, minGroupSizeShown);
    const item: ExportTarget = { id: t.id, unitId: t.unitId, parentUnitId: t.parentUnitId, name: t.name };
    const hidden = Object.entries(disclosure.withheld);
    if (hidden.length === 0) return item;
    for (const [groupId] of hidden) {
      withheldTargets.push(t.id);
      withheldGroups.push(groupId);
    }
    const result = current ? explainedResult(scheme, t.stored) : null;
    const contribution =
      result && !disclosure.totalWithheld ? withheldContributionOf(result, disclosure) : null;
    item.withheld = {
      groups: hidden.map(([groupId, reason]) => ({ groupId, ballotCount: counts[groupId] ?? 0, reason })),
      contribution: contribution ? toFractionString(contribution) : null,
    };
    // a grade from vote shares pooled the withheld votes: the recount is given it, as the contribution
    const proposal = result?.proposal;
    if (proposal?.gradeBy === 'votes')
      item.withheld.voteGrade = typeof proposal.scoreGrade === 'string' ? proposal.scoreGrade : null;
    return item;
  });
  return { targets, withheldTargets, withheldGroups };
}

/** 导出匿名选票: the organiser only, once voting has ended; from then on the round cannot be reopened. */
export async function ballotExport(ctx: RequestContext, roundId: string): Promise<BallotExport> {
  const round = await findRound(ctx.client, roundId);
  if (!mayManage(ctx, round)) throw forbidden('只有组织本轮考核的单位可以导出选票');
  if (round.state === 'draft' || round.state === 'open')
    throw new AppError(409, 'ROUND_STATE', '评议结束后才能导出选票');
  const { targets, withheldTargets, withheldGroups } = await exportTargets(ctx, round);
  // each ballot with its scores for the targets whose group is shown; what is withheld for a target
  // is there as counts and one combined contribution (`exportTargets`)
  const withheld = { targetIds: withheldTargets, groupIds: withheldGroups };
  // a grade round's ballots carry votes (一票一档), which the recount turns into points by the rules
  const ballots =
    round.rules.scheme.ballotForm === 'grade'
      ? (await listExportGradeBallots(ctx.client, round.id, withheld)).map((b) => ({ ...b, scores: [] }))
      : await listExportBallots(ctx.client, round.id, withheld);
  const waivers = await reviewRepo.listWaivers(ctx.client, round.id);
  await markScoresDisclosed(ctx, round.id);
  await ctx.audit({
    action: 'assessment.ballots.export',
    objectType: 'assessment_round',
    objectId: round.id,
  });
  return {
    round: { id: round.id, name: round.name, periodEnd: round.periodEnd, rules: round.rules },
    targets,
    waivers,
    ballots,
  };
}
