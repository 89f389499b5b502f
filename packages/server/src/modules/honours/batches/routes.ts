import {
  CadreHonourListSchema,
  DOCX_MEDIA_TYPE,
  HonourBatchCreateSchema,
  HonourBatchDetailSchema,
  HonourBatchListQuerySchema,
  HonourBatchListSchema,
  HonourDecideSchema,
  HonourNominationCreateSchema,
  HonourNominationParamSchema,
  HonourNoticeFileResponse,
  HonourNoticeStartSchema,
  HonourObjectionCreateSchema,
  HonourObjectionParamSchema,
  HonourObjectionResolveSchema,
  HonourPolicyViewSchema,
  HonourProposalListSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment } from '../../../platform/spool.ts';
import * as service from './service.ts';

/** 表彰批次 (R-HON-1): each handler is one call into the service. */
export async function batchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['honours'];
  const read = { permission: 'honour.read' } as const;
  const nominate = { permission: 'honour.nominate' } as const;
  const decide = { permission: 'honour.decide' } as const;
  const detail = { 200: HonourBatchDetailSchema };

  r.get(
    '/api/honours/policy',
    {
      config: read,
      schema: {
        tags,
        summary: '政策包中的表彰类别、名额比例、公示期与提名建议规则',
        response: { 200: HonourPolicyViewSchema },
      },
    },
    async (req) => service.getPolicy(req.ctx),
  );

  r.get(
    '/api/honours/batches',
    {
      config: read,
      schema: {
        tags,
        summary: '表彰批次',
        querystring: HonourBatchListQuerySchema,
        response: { 200: HonourBatchListSchema },
      },
    },
    async (req) => service.listBatches(req.ctx, req.query),
  );

  r.post(
    '/api/honours/batches',
    {
      config: decide,
      schema: {
        tags,
        summary: '建立表彰批次（按现行政策包）',
        body: HonourBatchCreateSchema,
        response: detail,
      },
    },
    async (req) => service.createBatch(req.ctx, req.body),
  );

  r.get(
    '/api/honours/batches/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '表彰批次详情（名额、推荐人选、异议）',
        params: IdParamSchema,
        response: detail,
      },
    },
    async (req) => service.getBatch(req.ctx, req.params.id),
  );

  r.post(
    '/api/honours/batches/:id/open',
    {
      config: decide,
      schema: { tags, summary: '开始推荐', params: IdParamSchema, response: detail },
    },
    async (req) => service.openBatch(req.ctx, req.params.id),
  );

  r.post(
    '/api/honours/batches/:id/cancel',
    {
      config: decide,
      schema: { tags, summary: '取消表彰批次', params: IdParamSchema, response: detail },
    },
    async (req) => service.cancelBatch(req.ctx, req.params.id),
  );

  r.post(
    '/api/honours/batches/:id/nominations',
    {
      config: nominate,
      schema: {
        tags,
        summary: '推荐人选（名额与资格审查）',
        params: IdParamSchema,
        body: HonourNominationCreateSchema,
        response: detail,
      },
    },
    async (req) => service.nominate(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/honours/batches/:id/nominations/:nominationId/withdraw',
    {
      config: nominate,
      schema: { tags, summary: '撤回推荐', params: HonourNominationParamSchema, response: detail },
    },
    async (req) => service.withdraw(req.ctx, req.params.id, req.params.nominationId),
  );

  r.get(
    '/api/honours/batches/:id/proposals',
    {
      config: nominate,
      schema: {
        tags,
        summary: '提名建议（按政策包规则，依据已公布的年度考核等次）',
        params: IdParamSchema,
        response: { 200: HonourProposalListSchema },
      },
    },
    async (req) => service.listProposals(req.ctx, req.params.id),
  );

  r.post(
    '/api/honours/batches/:id/notice',
    {
      config: decide,
      schema: {
        tags,
        summary: '提交公示（超出名额的不能提交）',
        params: IdParamSchema,
        body: HonourNoticeStartSchema,
        response: detail,
      },
    },
    async (req) => service.startNotice(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/honours/batches/:id/objections',
    {
      config: decide,
      schema: {
        tags,
        summary: '登记公示期间的异议',
        params: IdParamSchema,
        body: HonourObjectionCreateSchema,
        response: detail,
      },
    },
    async (req) => service.addObjection(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/honours/batches/:id/objections/:objectionId/resolve',
    {
      config: decide,
      schema: {
        tags,
        summary: '处理异议（属实的取消推荐）',
        params: HonourObjectionParamSchema,
        body: HonourObjectionResolveSchema,
        response: detail,
      },
    },
    async (req) => service.resolveObjection(req.ctx, req.params.id, req.params.objectionId, req.body),
  );

  r.post(
    '/api/honours/batches/:id/decide',
    {
      config: decide,
      schema: {
        tags,
        summary: '作出表彰决定（公示期满且异议处理完毕）',
        params: IdParamSchema,
        body: HonourDecideSchema,
        response: detail,
      },
    },
    async (req) => service.decide(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/honours/batches/:id/notice.docx',
    {
      config: read,
      schema: {
        tags,
        summary: '表彰决定（Word；仅已决定的批次；记审计）',
        params: IdParamSchema,
        response: { 200: HonourNoticeFileResponse },
      },
    },
    async (req, reply) => {
      const notice = await service.noticeFile(req.ctx, req.params.id);
      void reply
        .header('content-type', DOCX_MEDIA_TYPE)
        .header('content-disposition', attachment(notice.fileName))
        .header('cache-control', 'private, no-store');
      return notice.bytes;
    },
  );

  r.get(
    '/api/cadres/:id/honours',
    {
      config: { permission: 'honour.board' },
      schema: {
        tags,
        summary: '干部受到的表彰（已决定的）',
        params: IdParamSchema,
        response: { 200: CadreHonourListSchema },
      },
    },
    async (req) => service.cadreHonours(req.ctx, req.params.id),
  );
}
