import {
  ClarificationAccuserInputSchema,
  ClarificationConclusionInputSchema,
  ClarificationCreateInputSchema,
  ClarificationDetailSchema,
  ClarificationListQuerySchema,
  ClarificationListSchema,
  ClarificationNoticeFileResponse,
  DOCX_MEDIA_TYPE,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment } from '../../platform/spool.ts';
import * as service from './service/clarifications.ts';

/** 澄清正名: reports, conclusions, the notice, the accuser (纪检联络 only). */
export async function clarificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discipline'];
  const read = { permission: 'discipline.read' as const };
  const write = { permission: 'discipline.write' as const };

  r.get(
    '/api/clarifications',
    {
      config: read,
      schema: {
        tags,
        summary: '问题线索与澄清正名（本人只看已认定的；记审计）',
        querystring: ClarificationListQuerySchema,
        response: { 200: ClarificationListSchema },
      },
    },
    async (req) => service.listClarifications(req.ctx, req.query),
  );

  r.post(
    '/api/clarifications',
    {
      config: write,
      schema: {
        tags,
        summary: '登记问题线索',
        body: ClarificationCreateInputSchema,
        response: { 200: ClarificationDetailSchema },
      },
    },
    async (req) => service.createClarification(req.ctx, req.body),
  );

  r.get(
    '/api/clarifications/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '问题线索详情（记审计）',
        params: IdParamSchema,
        response: { 200: ClarificationDetailSchema },
      },
    },
    async (req) => service.getClarification(req.ctx, req.params.id),
  );

  r.post(
    '/api/clarifications/:id/conclusion',
    {
      config: write,
      schema: {
        tags,
        summary: '作出核查认定',
        params: IdParamSchema,
        body: ClarificationConclusionInputSchema,
        response: { 200: ClarificationDetailSchema },
      },
    },
    async (req) => service.concludeClarification(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/clarifications/:id/notice.docx',
    {
      config: read,
      schema: {
        tags,
        summary: '澄清正名通报（Word；仅认定不实或诬告陷害的；记审计）',
        params: IdParamSchema,
        response: { 200: ClarificationNoticeFileResponse },
      },
    },
    async (req, reply) => {
      const notice = await service.clarificationNotice(req.ctx, req.params.id);
      void reply
        .header('content-type', DOCX_MEDIA_TYPE)
        .header('content-disposition', attachment(notice.fileName))
        .header('cache-control', 'private, no-store');
      return notice.bytes;
    },
  );

  r.put(
    '/api/clarifications/:id/accuser',
    {
      config: { permission: 'clarification.accuser' },
      schema: {
        tags,
        summary: '登记诬告陷害人及处理情况（仅纪检联络）',
        params: IdParamSchema,
        body: ClarificationAccuserInputSchema,
        response: { 200: ClarificationDetailSchema },
      },
    },
    async (req) => service.setAccuser(req.ctx, req.params.id, req.body),
  );
}
