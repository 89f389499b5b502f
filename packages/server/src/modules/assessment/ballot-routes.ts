import {
  ReportFileResponse,
  BallotCastResultSchema,
  BallotPageSchema,
  BallotParamsSchema,
  BallotReportParamsSchema,
  BallotSubmitInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { originAllowed } from '../../platform/request-tx.ts';
import { ballotPage, ballotReportFile } from './service/ballot.ts';
import { castBallot } from './service/ballot-box.ts';
import { sendReportFile } from './service/report-files.ts';

/** The public ballot (评议页): no login, a slip code in the path, one submission per slip. */
export async function ballotRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ballot'];
  const rateLimit = { max: app.config.ballotRateMax, timeWindow: '1 minute' };
  r.get(
    '/api/ballot/:token',
    {
      config: { public: true, anonymous: true, rateLimit },
      schema: {
        tags,
        summary: '评议票内容（无需登录）',
        params: BallotParamsSchema,
        response: { 200: BallotPageSchema },
      },
    },
    async (req) => ballotPage(req.ctx.client, app.cipher, req.params.token),
  );
  r.get(
    '/api/ballot/:token/reports/:targetId',
    {
      config: { public: true, anonymous: true, rateLimit },
      schema: {
        tags,
        summary: '下载评议对象的述职报告文件（凭评议票，无需登录）',
        params: BallotReportParamsSchema,
        response: { 200: ReportFileResponse },
      },
    },
    async (req, reply) =>
      sendReportFile(
        reply,
        await ballotReportFile(req.ctx.client, app.cipher, req.params.token, req.params.targetId),
      ),
  );
  r.post(
    '/api/ballot/:token',
    {
      config: { public: true, anonymous: true, noDb: true, rateLimit },
      schema: {
        tags,
        summary: '投票（每张评议票一次；已投返回 409）',
        params: BallotParamsSchema,
        body: BallotSubmitInputSchema,
        response: { 200: BallotCastResultSchema },
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
