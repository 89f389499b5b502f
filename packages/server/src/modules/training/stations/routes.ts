import {
  IdParamSchema,
  StationActivityInputSchema,
  StationActivityListSchema,
  StationCreateInputSchema,
  StationListSchema,
  StationRoundInputSchema,
  StationRoundSchema,
  StationSchema,
  StationUpdateInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 党员远程教育站点 (R-TRN-3): each handler is one call into the service. */
export async function stationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];

  r.get(
    '/api/training/stations',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '党员远程教育站点（数据范围内）', response: { 200: StationListSchema } },
    },
    async (req) => service.listStations(req.ctx),
  );

  r.post(
    '/api/training/stations',
    {
      config: { permission: 'station.manage' },
      schema: { tags, summary: '新建站点', body: StationCreateInputSchema, response: { 200: StationSchema } },
    },
    async (req) => service.createStation(req.ctx, req.body),
  );

  r.patch(
    '/api/training/stations/:id',
    {
      config: { permission: 'station.manage' },
      schema: {
        tags,
        summary: '登记站点管理员与站点情况',
        params: IdParamSchema,
        body: StationUpdateInputSchema,
        response: { 200: StationSchema },
      },
    },
    async (req) => service.updateStation(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/training/stations/:id/activities',
    {
      config: { permission: 'training.read' },
      schema: {
        tags,
        summary: '站点活动',
        params: IdParamSchema,
        response: { 200: StationActivityListSchema },
      },
    },
    async (req) => ({ items: await service.listActivities(req.ctx, req.params.id) }),
  );

  r.post(
    '/api/training/stations/:id/activities',
    {
      config: { permission: 'station.manage' },
      schema: {
        tags,
        summary: '登记站点活动',
        params: IdParamSchema,
        body: StationActivityInputSchema,
        response: { 200: StationActivityListSchema },
      },
    },
    async (req) => ({ items: await service.addActivity(req.ctx, req.params.id, req.body) }),
  );

  r.post(
    '/api/training/stations/rounds',
    {
      config: { permission: 'station.manage' },
      schema: {
        tags,
        summary: '开始站点目标管理考评',
        body: StationRoundInputSchema,
        response: { 200: StationRoundSchema },
      },
    },
    async (req) => service.startRound(req.ctx, req.body),
  );
}
