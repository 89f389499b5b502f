import {
  BallotPageSchema,
  BallotSubmitInputSchema,
  type BallotPage,
  type BallotSubmitInput,
  type RoundState,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { setSystemScope } from '../../platform/scope-settings.ts';
import { ballotTokenHash, normaliseBallotCode } from './ballot-token.ts';
import { fileInfo, reportFileBytes, reportFilesOf, sendReportFile } from './report-files.ts';
import type { RoundRules } from './rounds.ts';

interface TokenRow {
  round_id: string;
  group_id: string;
  unit_id: string | null;
  state: 'issued' | 'used' | 'revoked';
  round_name: string;
  round_state: RoundState;
  period_start: string;
  period_end: string;
  rules: RoundRules;
}

const invalid = () => new AppError(404, 'TOKEN_INVALID', '票码无效或已作废，请核对评议票');

/** The slip behind a code, in the 'system' context (the rater has no account and no scope). */
async function slip(client: pg.ClientBase, cipher: FieldCipher, code: string): Promise<TokenRow> {
  const canonical = normaliseBallotCode(code);
  if (!canonical) throw invalid();
  await setSystemScope(client);
  const { rows } = await client.query<TokenRow>(
    `SELECT t.round_id, t.group_id, t.unit_id, t.state, r.name AS round_name, r.state AS round_state,
            to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
            r.rules
       FROM ballot_tokens t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.token_hash = $1`,
    [ballotTokenHash(cipher, canonical)],
  );
  const row = rows[0];
  if (!row || row.state === 'revoked') throw invalid();
  if (row.state === 'used') throw new AppError(409, 'TOKEN_USED', '该评议票已经投过，每张票只能投一次');
  if (row.round_state !== 'open')
    throw new AppError(
      409,
      'ROUND_STATE',
      row.round_state === 'draft' ? '评议尚未开始，请在组织方通知的时间内投票' : '评议已经结束',
      { state: row.round_state },
    );
  return row;
}

/** The targets a slip rates ($1 round, $2 the slip's unit): the whole round, or its own unit (subtree). */
const SLIP_TARGETS = `t.round_id = $1 AND ($2::uuid IS NULL OR t.unit_path <@ (SELECT path FROM orgs WHERE id = $2::uuid))`;

type SlipTarget = Omit<BallotPage['targets'][number], 'reportFile'>;

async function targetsOf(client: pg.ClientBase, row: TokenRow): Promise<SlipTarget[]> {
  const { rows } = await client.query<SlipTarget>(
    `SELECT t.id, t.name, t.post, coalesce(o.name, '') AS "unitName", t.report
       FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE ${SLIP_TARGETS}
      ORDER BY t.sort_order, t.name`,
    [row.round_id, row.unit_id],
  );
  return rows;
}

/** The ballot page's targets: with the name and size of each one's 述职 file. */
async function pageTargetsOf(client: pg.ClientBase, row: TokenRow): Promise<BallotPage['targets']> {
  const files = await reportFilesOf(client, row.round_id);
  return (await targetsOf(client, row)).map((t) => ({ ...t, reportFile: fileInfo(files.get(t.id)) }));
}

async function slipRates(client: pg.ClientBase, row: TokenRow, targetId: string): Promise<boolean> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM assessment_targets t WHERE ${SLIP_TARGETS} AND t.id = $3`,
    [row.round_id, row.unit_id, targetId],
  );
  return !!rowCount;
}

/** Every target shown scored once, every criterion within its maximum, at most two decimals. */
export function checkBallot(
  criteria: RoundRules['scheme']['criteria'],
  targets: readonly { id: string }[],
  input: BallotSubmitInput,
): { targetId: string; points: number[]; total: number }[] {
  const expected = new Set(targets.map((t) => t.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  const scored = input.scores.map((s, i) => {
    if (!expected.has(s.targetId)) problems.push(`第 ${i + 1} 项：评议对象不在本票范围内`);
    else if (seen.has(s.targetId)) problems.push(`第 ${i + 1} 项：同一对象评了两次`);
    seen.add(s.targetId);
    if (s.points.length !== criteria.length)
      problems.push(`第 ${i + 1} 项：应给出 ${criteria.length} 项评分`);
    const hundredths = s.points.map((p, k) => {
      const h = Math.round(p * 100);
      const c = criteria[k];
      if (Math.abs(p * 100 - h) > 1e-6) problems.push(`第 ${i + 1} 项“${c?.name ?? k + 1}”：最多两位小数`);
      if (c && h > Math.round(c.maxPoints * 100))
        problems.push(`第 ${i + 1} 项“${c.name}”：不能超过 ${c.maxPoints} 分`);
      return h;
    });
    return { targetId: s.targetId, points: hundredths, total: hundredths.reduce((a, b) => a + b, 0) };
  });
  for (const id of expected) if (!seen.has(id)) problems.push('还有评议对象没有评分');
  if (problems.length)
    throw new AppError(400, 'BALLOT_INVALID', '选票填写不完整或有误', { problems: [...new Set(problems)] });
  return scored;
}

/** The district's calendar day (Asia/Shanghai): the only time a ballot keeps. */
const dayOf = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

async function castBallot(ctx: RequestContext, cipher: FieldCipher, code: string, input: BallotSubmitInput) {
  const client = ctx.client;
  const row = await slip(client, cipher, code);
  const scored = checkBallot(row.rules.scheme.criteria, await targetsOf(client, row), input);
  // one slip, one ballot: of concurrent submissions the row lock lets exactly one flip 'issued' → 'used'
  const used = await client.query(
    `UPDATE ballot_tokens SET state = 'used' WHERE token_hash = $1 AND state = 'issued'`,
    [ballotTokenHash(cipher, normaliseBallotCode(code) as string)],
  );
  if (used.rowCount !== 1) throw new AppError(409, 'TOKEN_USED', '该评议票已经投过，每张票只能投一次');
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO ballots (round_id, group_id, unit_id, cast_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [row.round_id, row.group_id, row.unit_id, dayOf(ctx.now)],
  );
  const ballotId = rows[0]!.id;
  await client.query(
    `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
     SELECT $1, $2, $3, s.target_id, ARRAY(SELECT jsonb_array_elements_text(s.points)::int), s.total
       FROM jsonb_to_recordset($4::jsonb) AS s(target_id uuid, points jsonb, total int)`,
    [
      ballotId,
      row.round_id,
      row.group_id,
      JSON.stringify(scored.map((s) => ({ target_id: s.targetId, points: s.points, total: s.total }))),
    ],
  );
  // audited without address, token or ballot id (route config `anonymous`)
  await ctx.audit({
    action: 'assessment.ballot.cast',
    objectType: 'assessment_round',
    objectId: row.round_id,
  });
}

/** The public ballot (评议页): no login, a slip code in the path, one submission per slip. */
export async function ballotRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ballot'];
  const params = z.strictObject({ token: z.string().min(1).max(40) });
  const rateLimit = { max: app.config.ballotRateMax, timeWindow: '1 minute' };
  r.get(
    '/api/ballot/:token',
    {
      config: { public: true, anonymous: true, rateLimit },
      schema: { tags, summary: '评议票内容（无需登录）', params, response: { 200: BallotPageSchema } },
    },
    async (req): Promise<BallotPage> => {
      const row = await slip(req.ctx.client, app.cipher, req.params.token);
      const group = row.rules.scheme.raterGroups.find((g) => g.id === row.group_id);
      return {
        round: {
          name: row.round_name,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          state: row.round_state,
        },
        group: { id: row.group_id, name: group?.name ?? row.group_id },
        criteria: row.rules.scheme.criteria,
        targets: await pageTargetsOf(req.ctx.client, row),
      };
    },
  );
  r.get(
    '/api/ballot/:token/reports/:targetId',
    {
      config: { public: true, anonymous: true, rateLimit },
      schema: {
        tags,
        summary: '下载评议对象的述职报告文件（凭评议票，无需登录）',
        params: z.strictObject({ token: z.string().min(1).max(40), targetId: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      const row = await slip(req.ctx.client, app.cipher, req.params.token);
      // only a target this slip rates
      const mine = await slipRates(req.ctx.client, row, req.params.targetId);
      const file = mine ? await reportFileBytes(req.ctx.client, row.round_id, req.params.targetId) : null;
      if (!file) throw notFound('述职报告文件');
      return sendReportFile(reply, file);
    },
  );
  r.post(
    '/api/ballot/:token',
    {
      config: { public: true, anonymous: true, rateLimit },
      schema: {
        tags,
        summary: '投票（每张评议票一次；已投返回 409）',
        params,
        body: BallotSubmitInputSchema,
        response: { 200: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (req) => {
      await castBallot(req.ctx, app.cipher, req.params.token, req.body);
      return { accepted: true as const };
    },
  );
}
