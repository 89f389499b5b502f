import {
  SURVEY_BREAKDOWNS,
  SURVEY_PROBLEM_TEXT,
  checkSurveyAnswer,
  chinaToday,
  surveyRulesOf,
  tallySurvey,
  type Survey,
  type SurveyAnswerInput,
  type SurveyCodesInput,
  type SurveyCodesResult,
  type SurveyCreate,
  type SurveyForm,
  type SurveyList,
  type SurveyProblem,
  type SurveyRecommendation,
  type SurveyResults,
} from '@ganbu/core';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import * as repo from './repository.ts';
import { newSurveyCode, normaliseSurveyCode, surveyCodeHash } from './survey-code.ts';

/**
 * 精准激励 (R-NEED-1/2). 组织部 opens a survey of a unit subtree under the pack in force (its needs section
 * copied), issues one-time codes per unit (returned once for printing, stored as keyed hashes), revokes
 * unused ones and closes it; closing settles the pending pool (migration 0032) and freezes the expected
 * respondents per band. Results and the recommendation read only closed surveys. The public answer is two
 * statements on a pooled connection (read the code, then `needs_survey_cast`), with no session and no
 * audit row, as a ballot.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

function refuse(status: number, problem: SurveyProblem, details: Record<string, unknown> = {}): never {
  throw new AppError(status, problem, SURVEY_PROBLEM_TEXT[problem], details);
}

function present(row: repo.SurveyRow): Survey {
  return {
    id: row.id,
    title: row.title,
    orgId: row.org_id,
    orgName: row.org_name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    withOvertime: row.with_overtime,
    packName: row.rules.packName,
    state: row.state,
    closedOn: row.closed_on,
    codes: { issued: row.issued, used: row.used, revoked: row.revoked },
    answers: row.answers,
    population: row.population,
  };
}

async function mustFind(ctx: RequestContext, id: string, lock = false): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(ctx.client, id, lock);
  if (!row) throw notFound('需求调查');
  return row;
}

async function mustFindOpen(ctx: RequestContext, id: string): Promise<repo.SurveyRow> {
  const row = await mustFind(ctx, id, true);
  if (row.state !== 'open') refuse(409, 'SURVEY_CLOSED');
  return row;
}

export async function listSurveys(ctx: RequestContext): Promise<SurveyList> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  return {
    items: (await repo.listSurveys(ctx.client)).map(present),
    offered: !!pack.needs,
    packName: pack.name,
  };
}

export async function getSurvey(ctx: RequestContext, id: string): Promise<Survey> {
  return present(await mustFind(ctx, id));
}

export async function createSurvey(ctx: RequestContext, input: SurveyCreate): Promise<Survey> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  const rules = surveyRulesOf(pack, input.withOvertime);
  if (!rules) refuse(400, 'SURVEY_NOT_OFFERED', { pack: pack.name });
  if (input.closesOn < input.opensOn) refuse(400, 'SURVEY_DATES');
  const org = await repo.findOrg(ctx.client, input.orgId);
  if (!org) throw notFound('单位');
  const id = await repo.insertSurvey(ctx.client, {
    orgId: org.id,
    orgPath: org.path,
    title: input.title,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    withOvertime: input.withOvertime,
    rules,
    createdBy: ctx.actor?.userId ?? null,
  });
  await ctx.audit({
    action: 'survey.create',
    objectType: 'needs_survey',
    objectId: id,
    after: { title: input.title, orgId: org.id, opensOn: input.opensOn, closesOn: input.closesOn },
  });
  return getSurvey(ctx, id);
}

/**
 * Codes for the cadres of one unit of the survey (default: the unit subtree's active cadres). The survey
 * never holds more live or used codes than the active cadres of its subtree.
 */
export async function issueCodes(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  input: SurveyCodesInput,
): Promise<SurveyCodesResult> {
  const survey = await mustFindOpen(ctx, id);
  const unit = await repo.findOrg(ctx.client, input.orgId);
  if (!unit) throw notFound('单位');
  if (!(unit.path === survey.org_path || unit.path.startsWith(`${survey.org_path}.`)))
    refuse(400, 'SURVEY_UNIT_OUTSIDE');
  const count = input.count ?? (await repo.countActiveCadres(ctx.client, unit.path));
  const live = await repo.countLiveCodes(ctx.client, survey.id);
  const population = await repo.countActiveCadres(ctx.client, survey.org_path);
  if (count < 1 || live + count > population)
    refuse(400, 'SURVEY_CODE_LIMIT', { population, live, asked: count });
  const batchId = randomUUID();
  const codes = Array.from({ length: count }, () => newSurveyCode());
  await repo.insertCodes(ctx.client, {
    surveyId: survey.id,
    unitId: unit.id,
    batchId,
    hashes: codes.map((c) => surveyCodeHash(cipher, c.replace(/-/g, ''))),
  });
  await ctx.audit({
    action: 'survey.codes.issue',
    objectType: 'needs_survey',
    objectId: survey.id,
    after: { unitId: unit.id, count, batchId },
  });
  return { batchId, orgId: unit.id, orgName: unit.name, codes };
}

/** Revoke an unused code (lost, spoiled); a used one cannot be. */
export async function revokeCode(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  code: string,
): Promise<Survey> {
  const survey = await mustFindOpen(ctx, id);
  const canonical = normaliseSurveyCode(code);
  if (!canonical) refuse(400, 'SURVEY_CODE_INVALID');
  const hash = surveyCodeHash(cipher, canonical);
  const state = await repo.lockCodeState(ctx.client, survey.id, hash);
  if (!state || state === 'revoked') refuse(404, 'SURVEY_CODE_INVALID');
  if (state === 'used') refuse(409, 'SURVEY_CODE_USED');
  await repo.revokeCodeRow(ctx.client, survey.id, hash);
  await ctx.audit({ action: 'survey.codes.revoke', objectType: 'needs_survey', objectId: survey.id });
  return getSurvey(ctx, survey.id);
}

/**
 * Close: the row lock first (an answer being cast lands before and is moved, or sees the survey closed),
 * then the pool settled and the expected respondents per band frozen (active cadres of the subtree today,
 * the band conditions first match wins).
 */
export async function closeSurvey(ctx: RequestContext, id: string): Promise<Survey> {
  const survey = await mustFindOpen(ctx, id);
  const today = todayOf(ctx);
  const answers = await repo.settle(ctx.client, survey.id);
  const expected = await repo.expectedPerBand(ctx.client, survey.org_path, survey.rules.needs, today);
  await repo.markClosed(ctx.client, survey.id, today, expected, answers);
  await ctx.audit({
    action: 'survey.close',
    objectType: 'needs_survey',
    objectId: survey.id,
    after: { answers },
  });
  return getSurvey(ctx, survey.id);
}

export async function results(ctx: RequestContext, id: string): Promise<SurveyResults> {
  const survey = await mustFind(ctx, id);
  if (survey.state !== 'closed' || !survey.expected) refuse(409, 'SURVEY_NOT_CLOSED');
  const answers = await repo.listAnswers(ctx.client, survey.id);
  return { survey: present(survey), ...tallySurvey(survey.rules, answers, survey.expected) };
}

/** R-NEED-2: the latest closed survey covering the unit, its shown bands' mixes. */
export async function recommendation(ctx: RequestContext, orgId: string): Promise<SurveyRecommendation> {
  const survey = await repo.latestClosedCovering(ctx.client, orgId);
  if (!survey || !survey.expected || !survey.closed_on) return { survey: null };
  const tally = tallySurvey(survey.rules, await repo.listAnswers(ctx.client, survey.id), survey.expected);
  return {
    survey: {
      id: survey.id,
      title: survey.title,
      orgName: survey.org_name,
      closedOn: survey.closed_on,
      groups: tally.breakdowns.flatMap((b) =>
        b.bands
          .filter((band) => !band.suppressed && band.recommended && band.recommended.length > 0)
          .map((band) => ({
            breakdown: b.id,
            bandId: band.id,
            name: band.name,
            answers: band.answers ?? 0,
            recommended: band.recommended ?? [],
            explanation: band.explanation,
          })),
      ),
    },
  };
}

// ---------------------------------------------------------------- the public answer (no account)

function invalidCode(): never {
  refuse(404, 'SURVEY_CODE_INVALID');
}

function notOpen(why: string): never {
  refuse(409, 'SURVEY_NOT_OPEN', {
    state: why,
    reason: why === 'notStarted' ? '调查尚未开始' : '调查已经结束',
  });
}

async function slipOf(pool: pg.Pool, cipher: FieldCipher, code: string, today: string) {
  const canonical = normaliseSurveyCode(code);
  if (!canonical) invalidCode();
  const hash = surveyCodeHash(cipher, canonical);
  const slip = await repo.selectSlip(pool, hash);
  if (!slip || slip.state === 'revoked') invalidCode();
  if (slip.state === 'used') refuse(409, 'SURVEY_CODE_USED');
  if (slip.surveyState !== 'open') notOpen('closed');
  if (today < slip.opensOn) notOpen('notStarted');
  if (today > slip.closesOn) notOpen('ended');
  return { hash, slip };
}

/** 问卷: what a survey code shows (the questions), never who was issued it. */
export async function surveyForm(
  pool: pg.Pool,
  cipher: FieldCipher,
  code: string,
  now: Date,
): Promise<SurveyForm> {
  const { slip } = await slipOf(pool, cipher, code, chinaToday(now));
  const n = slip.rules.needs;
  const named = (b: (typeof SURVEY_BREAKDOWNS)[number]) =>
    n.breakdowns[b].map((x) => ({ id: x.id, name: x.name }));
  return {
    title: slip.title,
    opensOn: slip.opensOn,
    closesOn: slip.closesOn,
    bands: { rank: named('rank'), post: named('post'), education: named('education') },
    kinds: n.incentiveKinds.map((k) => ({ id: k.id, name: k.name, hint: k.hint })),
    picksPerAnswer: n.picksPerAnswer,
    overtimeMonths: slip.rules.overtime?.surveyPeriodMonths ?? null,
  };
}

/** Check and cast one answer; throws the respondent's error (invalid, used, not open, bad answer). */
export async function castAnswer(opts: {
  pool: pg.Pool;
  cipher: FieldCipher;
  code: string;
  input: SurveyAnswerInput;
  now: Date;
}): Promise<void> {
  const today = chinaToday(opts.now);
  const { hash, slip } = await slipOf(opts.pool, opts.cipher, opts.code, today);
  const problems = checkSurveyAnswer(slip.rules, opts.input);
  if (problems.length) refuse(400, 'SURVEY_ANSWER_INVALID', { problems });
  const result = await repo.castAnswer(opts.pool, hash, today, {
    rank: opts.input.rankBand,
    post: opts.input.postBand,
    education: opts.input.educationBand,
    picks: opts.input.picks,
    overtime: opts.input.overtime ?? null,
  });
  if (result === 'ok') return;
  if (result === 'used') refuse(409, 'SURVEY_CODE_USED');
  if (result.startsWith('state:')) notOpen(result.slice('state:'.length));
  invalidCode();
}
