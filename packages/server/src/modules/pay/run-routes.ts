import {
  CreatePayRunSchema,
  MyPayLinesSchema,
  PayLineListQuerySchema,
  PayLineListSchema,
  PayLinesXlsxResponse,
  PayRunListQuerySchema,
  PayRunListSchema,
  PayRunParamsSchema,
  PayRunSchema,
  PayRunSubmitSchema,
  PayWhatIfResultSchema,
  PayWhatIfSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, XLSX_TYPE } from '../../platform/spool.ts';
import { submitRun } from './service/cases.ts';
import * as service from './service/runs.ts';

/** Pay runs, lines, export, what-if, 我的待遇: each handler is one call into the service. */
export async function payRunRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pay'];
  const read = { permission: 'pay.read' as const };
  const manage = { permission: 'pay.manage' as const };

  r.post(
    '/api/pay/runs',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建核算（草稿；政策包取核算期末现行版本）',
        body: CreatePayRunSchema,
        response: { 200: PayRunSchema },
      },
    },
    async (req) => service.createRun(req.ctx, req.body),
  );

  r.get(
    '/api/pay/runs',
    {
      config: read,
      schema: {
        tags,
        summary: '核算列表',
        querystring: PayRunListQuerySchema,
        response: { 200: PayRunListSchema },
      },
    },
    async (req) => service.listRuns(req.ctx, req.query),
  );

  r.get(
    '/api/pay/runs/:id',
    {
      config: read,
      schema: { tags, summary: '核算', params: PayRunParamsSchema, response: { 200: PayRunSchema } },
    },
    async (req) => service.getRun(req.ctx, req.params.id),
  );

  r.post(
    '/api/pay/runs/:id/compute',
    {
      config: manage,
      schema: {
        tags,
        summary: '计算（固化输入，重新计算替换明细）',
        params: PayRunParamsSchema,
        response: { 200: PayRunSchema },
      },
    },
    async (req) => service.compute(req.ctx, req.params.id),
  );

  r.get(
    '/api/pay/runs/:id/lines',
    {
      config: read,
      schema: {
        tags,
        summary: '核算明细（数据范围内，合计只含可见明细，记审计）',
        params: PayRunParamsSchema,
        querystring: PayLineListQuerySchema,
        response: { 200: PayLineListSchema },
      },
    },
    async (req) => service.listLines(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/pay/runs/:id/lines.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '导出核算明细与分单位汇总（Excel，记审计）',
        params: PayRunParamsSchema,
        response: { 200: PayLinesXlsxResponse },
      },
    },
    async (req, reply) => {
      const { name, body } = await service.exportLines(req.ctx, req.params.id);
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${name}-核算明细.xlsx`))
        .header('cache-control', 'private, no-store');
      return body;
    },
  );

  r.post(
    '/api/pay/runs/:id/what-if',
    {
      config: manage,
      schema: {
        tags,
        summary: '测算：按另一政策版本重算并对比（不保存）',
        params: PayRunParamsSchema,
        body: PayWhatIfSchema,
        response: { 200: PayWhatIfResultSchema },
      },
    },
    async (req) => service.whatIf(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/pay/runs/:id/submit',
    {
      config: manage,
      schema: {
        tags,
        summary: '报送审批（发起经济激励核算审批事项）',
        params: PayRunParamsSchema,
        body: PayRunSubmitSchema,
        response: { 200: PayRunSchema },
      },
    },
    async (req) => submitRun(req.ctx, req.params.id, req.body.comment),
  );

  r.post(
    '/api/pay/runs/:id/paid',
    {
      config: manage,
      schema: {
        tags,
        summary: '标记已发放',
        params: PayRunParamsSchema,
        body: PayRunSubmitSchema,
        response: { 200: PayRunSchema },
      },
    },
    async (req) => service.markPaid(req.ctx, req.params.id),
  );

  r.get(
    '/api/pay/mine',
    {
      config: { permission: 'pay.mine' as const },
      schema: {
        tags,
        summary: '我的待遇（已审批的核算中本人的明细，记审计）',
        response: { 200: MyPayLinesSchema },
      },
    },
    async (req) => service.myLines(req.ctx),
  );
}
