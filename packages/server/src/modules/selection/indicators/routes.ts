import {
  IndicatorBreakdownSchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorPeopleQuerySchema,
  IndicatorPeopleSchema,
  IndicatorPreviewBodySchema,
  IndicatorQuerySchema,
  IndicatorValueSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/**
 * 结构指标 (R-SEL-1): the district pack's indicators computed live in the caller's scope, the breakdown per
 * child unit, the people behind a number (audited), and the editor's preview of an unsaved indicator.
 */
export async function indicatorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];

  r.get(
    '/api/indicators',
    {
      config: { permission: 'indicator.read' },
      schema: {
        tags,
        summary: '结构指标（政策包在该日生效版本的全部指标：数值、目标、是否达到、差额与说明）',
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorListSchema },
      },
    },
    async (req) => service.listIndicators(req.ctx, req.query),
  );

  r.get(
    '/api/indicators/:id/breakdown',
    {
      config: { permission: 'indicator.read' },
      schema: {
        tags,
        summary: '结构指标下钻：每个下级单位的数值（各行与本单位直属人员合计等于上级）',
        params: IndicatorParamsSchema,
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorBreakdownSchema },
      },
    },
    async (req) => service.breakdown(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/indicators/:id/people',
    {
      config: { permission: 'indicator.read' },
      schema: {
        tags,
        summary: '结构指标背后的人员（符合分子条件的、统计对象全部、或统计对象中不符合的；查询留痕）',
        params: IndicatorParamsSchema,
        querystring: IndicatorPeopleQuerySchema,
        response: { 200: IndicatorPeopleSchema },
      },
    },
    async (req) => service.people(req.ctx, req.params.id, req.query),
  );

  r.post(
    '/api/indicators/preview',
    {
      config: { permission: 'indicator.define' },
      schema: {
        tags,
        summary: '预览未保存的结构指标（按当前范围计算，不写入任何数据）',
        body: IndicatorPreviewBodySchema,
        response: { 200: IndicatorValueSchema },
      },
    },
    async (req) => service.preview(req.ctx, req.body),
  );
}
