import { BallotPageSchema, BallotSubmitInputSchema, type BallotPage, type RoundState } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { originAllowed } from '../../platform/request-tx.ts';
import { setSystemScope } from '../../platform/scope-settings.ts';
import { castBallot, invalidSlip, roundNotOpen, usedSlip } from './ballot-box.ts';
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

/** The slip behind a code, in the 'system' context (the rater has no account and no scope). */
async function slip(client: pg.ClientBase, cipher: FieldCipher, code: string): Promise<TokenRow> {
  const canonical = normaliseBallotCode(code);
  if (!canonical) throw invalidSlip();
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
  if (!row || row.state === 'revoked') throw invalidSlip();
  if (row.state === 'used') throw usedSlip();
  if (row.round_state !== 'open') throw roundNotOpen(row.round_state);
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
      config: { public: true, anonymous: true, noDb: true, rateLimit },
      schema: {
        tags,
        summary: '投票（每张评议票一次；已投返回 409）',
        params,
        body: BallotSubmitInputSchema,
        response: { 200: z.object({ accepted: z.literal(true) }) },
      },
    },
    async (req) => {
      // no request transaction (`noDb`): the ballot box's two statements, and the cross-site check the
      // request transaction would have made for a public write
      if (!originAllowed(req, app.config.allowedOrigins)) throw new AppError(403, 'CSRF', '请求来源不被允许');
      await castBallot({
        pool: app.pool,
        cipher: app.cipher,
        code: req.params.token,
        input: req.body,
        now: app.clock(),
      });
      return { accepted: true as const };
    },
  );
}
