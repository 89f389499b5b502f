import {
  CorrectionCreateInputSchema,
  CorrectionDecisionInputSchema,
  CorrectionIdParamSchema,
  CorrectionInboxQuerySchema,
  CorrectionInboxSchema,
  CorrectionListQuerySchema,
  CorrectionListSchema,
  CorrectionSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { correctionInbox, decideCorrection, listCorrections, requestCorrection } from './service.ts';

export { encryptLegacyCorrections } from './service.ts';

/** 申请更正: a cadre's requests to correct their record, and the officers' decisions. */
export async function correctionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];

  r.get(
    '/api/cadres/:id/corrections',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '更正申请列表（电话、健康状况、家庭成员的申请值默认脱敏；reveal=true 明文显示并审计）',
        params: IdParamSchema,
        querystring: CorrectionListQuerySchema,
        response: { 200: CorrectionListSchema },
      },
    },
    async (req) => listCorrections(req.ctx, app.cipher, req.params.id, req.query.reveal === true),
  );

  r.get(
    '/api/cadre-corrections',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '待处理的更正申请（本人数据范围内）',
        querystring: CorrectionInboxQuerySchema,
        response: { 200: CorrectionInboxSchema },
      },
    },
    async (req) => correctionInbox(req.ctx, app.cipher, req.query.status),
  );

  r.post(
    '/api/cadres/:id/corrections',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '申请更正本人信息',
        params: IdParamSchema,
        body: CorrectionCreateInputSchema,
        response: { 200: CorrectionSchema },
      },
    },
    async (req) => requestCorrection(req.ctx, app.cipher, req.params.id, req.body),
  );

  r.post(
    '/api/cadre-corrections/:id/decision',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '处理更正申请（采纳/不采纳）',
        params: CorrectionIdParamSchema,
        body: CorrectionDecisionInputSchema,
        response: { 200: CorrectionSchema },
      },
    },
    async (req) => decideCorrection(req.ctx, app.cipher, req.params.id, req.body),
  );
}
