import {
  DOCX_MEDIA_TYPE,
  IdParamSchema,
  SelectionActBodySchema,
  SelectionCandidateAddSchema,
  SelectionCandidateOutSchema,
  SelectionDecisionBodySchema,
  SelectionNoticeCreateSchema,
  SelectionNoticeFileResponse,
  SelectionNoticeSchema,
  SelectionObjectionCloseSchema,
  SelectionObjectionCreateSchema,
  SelectionProcessCreateSchema,
  SelectionProcessDetailSchema,
  SelectionKindListSchema,
  SelectionCandidateParamsSchema,
  SelectionStepParamsSchema,
  SelectionNoticeParamsSchema,
  SelectionObjectionParamsSchema,
  SelectionProcessListQuerySchema,
  SelectionProcessListSchema,
  SelectionStepResultsBodySchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment } from '../../../platform/spool.ts';
import * as service from './service.ts';

/** 选拔任用程序 (R-SEL-2): the pack's kinds, processes, candidates, step results, 公示 and objections, advancing. */
export async function processRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];
  const read = { permission: 'selection.read' as const };
  const manage = { permission: 'selection.manage' as const };

  r.get(
    '/api/selection/kinds',
    {
      config: read,
      schema: {
        tags,
        summary: '选拔任用程序种类（本区政策包，含各环节及公示工作日数）',
        response: { 200: SelectionKindListSchema },
      },
    },
    async (req) => service.listKinds(req.ctx),
  );

  r.post(
    '/api/selection/processes',
    {
      config: manage,
      schema: {
        tags,
        summary: '发起选拔任用（按政策包程序开启事项）',
        body: SelectionProcessCreateSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.createProcess(req.ctx, req.body),
  );

  r.get(
    '/api/selection/processes',
    {
      config: read,
      schema: {
        tags,
        summary: '选拔任用程序列表（数据范围内）',
        querystring: SelectionProcessListQuerySchema,
        response: { 200: SelectionProcessListSchema },
      },
    },
    async (req) => service.listProcesses(req.ctx, req.query),
  );

  r.get(
    '/api/selection/processes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '选拔任用程序（环节、阻碍、人选、结果、公示、可办操作）',
        params: IdParamSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.getProcess(req.ctx, req.params.id),
  );

  r.post(
    '/api/selection/processes/:id/candidates',
    {
      config: manage,
      schema: {
        tags,
        summary: '提出人选（附提拔资格审查结果；政策包规定的情形不得进入）',
        params: IdParamSchema,
        body: SelectionCandidateAddSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.addCandidate(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/selection/processes/:id/candidates/:candidateId/out',
    {
      config: manage,
      schema: {
        tags,
        summary: '人选出列（当前环节，写明原因）',
        params: SelectionCandidateParamsSchema,
        body: SelectionCandidateOutSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.candidateOut(req.ctx, req.params.id, req.params.candidateId, req.body),
  );

  r.post(
    '/api/selection/processes/:id/steps/:stepId/results',
    {
      config: manage,
      schema: {
        tags,
        summary: '录入当前环节结果（推荐票数、测试得分、审查或考察意见）',
        params: SelectionStepParamsSchema,
        body: SelectionStepResultsBodySchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.recordResults(req.ctx, req.params.id, req.params.stepId, req.body),
  );

  r.post(
    '/api/selection/processes/:id/decision',
    {
      config: manage,
      schema: {
        tags,
        summary: '讨论决定：确定拟任人选（不多于职数）',
        params: IdParamSchema,
        body: SelectionDecisionBodySchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.decide(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/selection/processes/:id/notices',
    {
      config: manage,
      schema: {
        tags,
        summary: '发布公示（按工作日历计算截止日）',
        params: IdParamSchema,
        body: SelectionNoticeCreateSchema,
        response: { 200: SelectionNoticeSchema },
      },
    },
    async (req) => service.createNotice(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/selection/processes/:id/notices/:noticeId/document',
    {
      config: read,
      schema: {
        tags,
        summary: '公示通知（Word；记审计）',
        params: SelectionNoticeParamsSchema,
        response: { 200: SelectionNoticeFileResponse },
      },
    },
    async (req, reply) => {
      const { name, body } = await service.noticeDocument(req.ctx, req.params.id, req.params.noticeId);
      void reply
        .header('content-type', DOCX_MEDIA_TYPE)
        .header('content-disposition', attachment(`${name}.docx`))
        .header('cache-control', 'private, no-store');
      return body;
    },
  );

  r.post(
    '/api/selection/processes/:id/notices/:noticeId/objections',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记公示期间反映的问题',
        params: SelectionNoticeParamsSchema,
        body: SelectionObjectionCreateSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.createObjection(req.ctx, req.params.id, req.params.noticeId, req.body),
  );

  r.post(
    '/api/selection/processes/:id/objections/:objectionId/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '办结反映问题（核查结论与处理情况）',
        params: SelectionObjectionParamsSchema,
        body: SelectionObjectionCloseSchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.closeObjection(req.ctx, req.params.id, req.params.objectionId, req.body),
  );

  r.post(
    '/api/selection/processes/:id/act',
    {
      config: manage,
      schema: {
        tags,
        summary: '推进选拔任用（通过、退回、否决、撤回；任职须填任职日期）',
        params: IdParamSchema,
        body: SelectionActBodySchema,
        response: { 200: SelectionProcessDetailSchema },
      },
    },
    async (req) => service.act(req.ctx, app.cipher, req.params.id, req.body),
  );
}
