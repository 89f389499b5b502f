import {
  DashboardDrillExportQuerySchema,
  DashboardDrillQuerySchema,
  DashboardDrillSchemaResponse,
  DashboardExportQuerySchema,
  DashboardQuerySchema,
  DashboardSchema,
  DashboardXlsxResponse,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, XLSX_TYPE } from '../../../platform/spool.ts';
import * as service from './service.ts';

/** 数据看板 (R-RPT-1/2): the dashboard of a level, the drill-down behind a figure, and their Excel exports. */
export async function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];
  const read = { permission: 'dashboard.read' } as const;

  r.get(
    '/api/dashboard',
    {
      config: read,
      schema: {
        tags,
        summary:
          '数据看板：结构指标、年龄/学历/性别/类别分布、考核等次、经济激励、培训达标、关心关爱、流程事项（每部分附计算说明与耗时）',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema },
      },
    },
    async (req) => service.getDashboard(req.ctx, req.query),
  );

  r.get(
    '/api/dashboard/drill',
    {
      config: read,
      schema: {
        tags,
        summary: '看板下钻：某个数字统计的人员或记录（与该数字同一条件，分页，记审计）',
        querystring: DashboardDrillQuerySchema,
        response: { 200: DashboardDrillSchemaResponse },
      },
    },
    async (req) => service.drill(req.ctx, req.query),
  );

  r.get(
    '/api/dashboard/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出看板某一部分图表背后的表格（Excel，记审计）',
        querystring: DashboardExportQuerySchema,
        response: { 200: DashboardXlsxResponse },
      },
    },
    async (req, reply) => {
      const { name, body } = await service.exportSection(req.ctx, req.query);
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${name}.xlsx`))
        .header('cache-control', 'private, no-store');
      return body;
    },
  );

  r.get(
    '/api/dashboard/drill/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出看板下钻名单（Excel，记审计）',
        querystring: DashboardDrillExportQuerySchema,
        response: { 200: DashboardXlsxResponse },
      },
    },
    async (req, reply) => {
      const { name, body } = await service.exportDrill(req.ctx, req.query);
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${name}.xlsx`))
        .header('cache-control', 'private, no-store');
      return body;
    },
  );
}
