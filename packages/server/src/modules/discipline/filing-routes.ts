import {
  RiskFilingCreateInputSchema,
  RiskFilingListQuerySchema,
  RiskFilingListSchema,
  RiskFilingSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service/filings.ts';

/** 改革创新风险报备. */
export async function riskFilingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discipline'];

  r.get(
    '/api/risk-filings',
    {
      config: { permission: 'risk_filing.read' },
      schema: {
        tags,
        summary: '改革创新风险报备（本单位及下级）',
        querystring: RiskFilingListQuerySchema,
        response: { 200: RiskFilingListSchema },
      },
    },
    async (req) => service.listFilings(req.ctx, req.query),
  );

  r.post(
    '/api/risk-filings',
    {
      config: { permission: 'risk_filing.write' },
      schema: {
        tags,
        summary: '新增风险报备（报备日期为服务器当日，须在工作开始前）',
        body: RiskFilingCreateInputSchema,
        response: { 200: RiskFilingSchema },
      },
    },
    async (req) => service.createFiling(req.ctx, req.body),
  );
}
