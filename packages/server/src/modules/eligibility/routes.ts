import {
  EarlyWarningListSchema,
  EligibilityAllSchema,
  EligibilityAnswerSchema,
  EligibilityDateQuerySchema,
  EligibilityQuerySchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 资格: each handler is one call into the service. */
export async function eligibilityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];

  r.get(
    '/api/cadres/:id/eligibility',
    {
      config: { permission: 'eligibility.read' },
      schema: {
        tags,
        summary: '某日某事项的资格（提拔、职级晋升、优秀、评先、后备、奖金）及理由',
        params: IdParamSchema,
        querystring: EligibilityQuerySchema,
        response: { 200: EligibilityAnswerSchema },
      },
    },
    async (req) => service.cadreEligibility(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/cadres/:id/eligibility/all',
    {
      config: { permission: 'eligibility.read' },
      schema: {
        tags,
        summary: '某日各事项的资格及理由（档案页）',
        params: IdParamSchema,
        querystring: EligibilityDateQuerySchema,
        response: { 200: EligibilityAllSchema },
      },
    },
    async (req) => service.cadreEligibilityAll(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/cadres/:id/warnings',
    {
      config: { permission: 'eligibility.read' },
      schema: {
        tags,
        summary: '从严管理预警（苗头性、倾向性问题）',
        params: IdParamSchema,
        querystring: EligibilityDateQuerySchema,
        response: { 200: EarlyWarningListSchema },
      },
    },
    async (req) => service.cadreWarnings(req.ctx, req.params.id, req.query),
  );
}
