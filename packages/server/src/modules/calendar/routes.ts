import {
  CalendarDayParamSchema,
  CalendarOverrideInputSchema,
  CalendarOverrideListSchema,
  CalendarYearParamsSchema,
  CalendarYearSchema,
  WorkingDaysQuerySchema,
  WorkingDaysSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 工作日历: each handler is one call into the service. */
export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/api/calendar/working-days',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '期限计算：自 from 起（含当日）第 n 个工作日',
        querystring: WorkingDaysQuerySchema,
        response: { 200: WorkingDaysSchema },
      },
    },
    async (req) => service.workingDays(req.ctx, req.query),
  );

  r.get(
    '/api/calendar/year/:year',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '一年的节假日、调休上班日与本区调整',
        params: CalendarYearParamsSchema,
        response: { 200: CalendarYearSchema },
      },
    },
    async (req) => service.calendarYear(req.ctx, req.params.year),
  );

  r.get(
    '/api/calendar/overrides',
    {
      config: { permission: 'calendar.read' },
      schema: { tags, summary: '本区工作日历调整', response: { 200: CalendarOverrideListSchema } },
    },
    async (req) => ({ items: await service.listOverrides(req.ctx) }),
  );

  r.post(
    '/api/calendar/overrides',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: '新增工作日历调整（放假或上班）',
        body: CalendarOverrideInputSchema,
        response: { 200: CalendarOverrideListSchema },
      },
    },
    async (req) => ({ items: await service.createOverride(req.ctx, req.body) }),
  );

  r.delete(
    '/api/calendar/overrides/:day',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: '删除工作日历调整',
        params: CalendarDayParamSchema,
        response: { 200: CalendarOverrideListSchema },
      },
    },
    async (req) => ({ items: await service.deleteOverride(req.ctx, req.params.day) }),
  );
}
