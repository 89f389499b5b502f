import {
  IdParamSchema,
  OkSchema,
  LeaveCadreYearSchema,
  LeaveListQuerySchema,
  LeaveListSchema,
  LeaveRecordCreateSchema,
  LeaveRecordSchema,
  LeaveYearQuerySchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 休假与疗休养 (R-CARE-2): each handler is one call into the service. */
export async function leaveRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  r.get(
    '/api/care/leave',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '年休假：数据范围内干部的应休天数（按参加工作年限）、已休天数与剩余天数',
        querystring: LeaveListQuerySchema,
        response: { 200: LeaveListSchema },
      },
    },
    async (req) => service.listLeave(req.ctx, req.query),
  );

  r.get(
    '/api/care/leave/cadres/:id',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '一名干部本年度的休假记录与年休假余额',
        params: IdParamSchema,
        querystring: LeaveYearQuerySchema,
        response: { 200: LeaveCadreYearSchema },
      },
    },
    async (req) => service.cadreYear(req.ctx, req.params.id, req.query.year),
  );

  r.get(
    '/api/care/leave/mine',
    {
      config: { permission: 'care.mine' },
      schema: {
        tags,
        summary: '我的休假：本人本年度的年休假余额与休假记录',
        querystring: LeaveYearQuerySchema,
        response: { 200: LeaveCadreYearSchema },
      },
    },
    async (req) => service.myYear(req.ctx, req.query.year),
  );

  r.post(
    '/api/care/leave/records',
    {
      config: { permission: 'care.manage' },
      schema: {
        tags,
        summary: '登记休假（年休假按工作日计；疗休养须在政策包规定的天数内）',
        body: LeaveRecordCreateSchema,
        response: { 200: LeaveRecordSchema },
      },
    },
    async (req) => service.recordLeave(req.ctx, req.body),
  );

  r.delete(
    '/api/care/leave/records/:id',
    {
      config: { permission: 'care.manage' },
      schema: {
        tags,
        summary: '删除误登记的休假记录',
        params: IdParamSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => service.deleteLeave(req.ctx, req.params.id),
  );
}
