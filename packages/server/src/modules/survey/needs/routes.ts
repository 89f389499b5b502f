import {
  IdParamSchema,
  SurveyAnswerInputSchema,
  SurveyAnswerResultSchema,
  SurveyCodeParamsSchema,
  SurveyCodesInputSchema,
  SurveyCodesResultSchema,
  SurveyCreateSchema,
  SurveyFormSchema,
  SurveyListSchema,
  SurveyRecommendationQuerySchema,
  SurveyRecommendationSchema,
  SurveyResultsSchema,
  SurveyRevokeInputSchema,
  SurveySchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors.ts';
import { originAllowed } from '../../../platform/request-tx.ts';
import * as service from './service.ts';

/** 精准激励 (R-NEED-1/2): each handler is one call into the service. */
export async function needsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['survey'];
  const read = { permission: 'survey.read' } as const;
  const manage = { permission: 'survey.manage' } as const;

  r.get(
    '/api/surveys',
    {
      config: read,
      schema: { tags, summary: '需求调查列表（发码、作答数，仅计数）', response: { 200: SurveyListSchema } },
    },
    async (req) => service.listSurveys(req.ctx),
  );

  r.get(
    '/api/surveys/recommendation',
    {
      config: read,
      schema: {
        tags,
        summary: '覆盖该单位的最近一次已结束调查的各群体建议激励组合（R-NEED-2）',
        querystring: SurveyRecommendationQuerySchema,
        response: { 200: SurveyRecommendationSchema },
      },
    },
    async (req) => service.recommendation(req.ctx, req.query.orgId),
  );

  r.get(
    '/api/surveys/:id',
    {
      config: read,
      schema: { tags, summary: '需求调查', params: IdParamSchema, response: { 200: SurveySchema } },
    },
    async (req) => service.getSurvey(req.ctx, req.params.id),
  );

  r.post(
    '/api/surveys',
    {
      config: manage,
      schema: {
        tags,
        summary: '发起需求调查（按现行政策包的精准激励规则）',
        body: SurveyCreateSchema,
        response: { 200: SurveySchema },
      },
    },
    async (req) => service.createSurvey(req.ctx, req.body),
  );

  r.post(
    '/api/surveys/:id/codes',
    {
      config: manage,
      schema: {
        tags,
        summary: '为一个单位发放一次性调查码（默认为该单位在职干部数；码只返回这一次，仅存密钥散列）',
        params: IdParamSchema,
        body: SurveyCodesInputSchema,
        response: { 200: SurveyCodesResultSchema },
      },
    },
    async (req) => service.issueCodes(req.ctx, app.cipher, req.params.id, req.body),
  );

  r.post(
    '/api/surveys/:id/codes/revoke',
    {
      config: manage,
      schema: {
        tags,
        summary: '作废一个未使用的调查码',
        params: IdParamSchema,
        body: SurveyRevokeInputSchema,
        response: { 200: SurveySchema },
      },
    },
    async (req) => service.revokeCode(req.ctx, app.cipher, req.params.id, req.body.code),
  );

  r.post(
    '/api/surveys/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '结束调查（答卷以新的随机编号、随机顺序入库，之后才能查看结果）',
        params: IdParamSchema,
        response: { 200: SurveySchema },
      },
    },
    async (req) => service.closeSurvey(req.ctx, req.params.id),
  );

  r.get(
    '/api/surveys/:id/results',
    {
      config: read,
      schema: {
        tags,
        summary: '调查结果：按职务级别、任职岗位、教育水平分组（不足最小人数的群体不显示）与建议激励组合',
        params: IdParamSchema,
        response: { 200: SurveyResultsSchema },
      },
    },
    async (req) => service.results(req.ctx, req.params.id),
  );

  // ---- the public answer on the ballot page: no login, the code in the path (redacted in the logs as
  // every /api/ballot/<code> path is), one answer per code
  const rateLimit = { max: app.config.ballotRateMax, timeWindow: '1 minute' };
  r.get(
    '/api/ballot/:token/survey',
    {
      config: { public: true, anonymous: true, noDb: true, rateLimit },
      schema: {
        tags,
        summary: '需求调查问卷（凭调查码，无需登录）',
        params: SurveyCodeParamsSchema,
        response: { 200: SurveyFormSchema },
      },
    },
    async (req) => service.surveyForm(app.pool, app.cipher, req.params.token, app.clock()),
  );
  r.post(
    '/api/ballot/:token/survey',
    {
      config: { public: true, anonymous: true, noDb: true, rateLimit },
      schema: {
        tags,
        summary: '提交需求调查问卷（每个调查码一次；已用返回 409）',
        params: SurveyCodeParamsSchema,
        body: SurveyAnswerInputSchema,
        response: { 200: SurveyAnswerResultSchema },
      },
    },
    async (req) => {
      if (!originAllowed(req, app.config.allowedOrigins)) throw new AppError(403, 'CSRF', '请求来源不被允许');
      await service.castAnswer({
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
