import {
  AidCaseCreateSchema,
  AidCaseDetailSchema,
  AidCloseSchema,
  AidDetailQuerySchema,
  AidItemDoneSchema,
  AidItemParamSchema,
  AidListQuerySchema,
  AidListSchema,
  AidVisitCreateSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 困难帮扶与因公殉职家属关爱 (R-CARE-3): each handler is one call into the service. */
export async function aidRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  const read = { permission: 'care.read' } as const;
  const manage = { permission: 'care.manage' } as const;

  r.get(
    '/api/care/aid/cases',
    {
      config: read,
      schema: {
        tags,
        summary: '困难帮扶与因公殉职家属关爱事项（家属信息脱敏）与政策包中的帮扶类别',
        querystring: AidListQuerySchema,
        response: { 200: AidListSchema },
      },
    },
    async (req) => service.listCases(req.ctx, app.cipher, req.query),
  );

  r.get(
    '/api/care/aid/cases/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '帮扶事项详情：事项清单与走访回访（reveal=1 明文查看家属信息，限有权角色，记入审计）',
        params: IdParamSchema,
        querystring: AidDetailQuerySchema,
        response: { 200: AidCaseDetailSchema },
      },
    },
    async (req) =>
      service.getCase(
        req.ctx,
        app.cipher,
        req.params.id,
        req.query.reveal === '1' || req.query.reveal === 'true',
      ),
  );

  r.post(
    '/api/care/aid/cases',
    {
      config: manage,
      schema: {
        tags,
        summary: '帮扶立案（按政策包的帮扶类别建立事项清单与回访周期）',
        body: AidCaseCreateSchema,
        response: { 200: AidCaseDetailSchema },
      },
    },
    async (req) => service.openCase(req.ctx, app.cipher, req.body),
  );

  r.post(
    '/api/care/aid/cases/:id/items/:itemId',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记事项清单中的一项已落实（日期与说明）',
        params: AidItemParamSchema,
        body: AidItemDoneSchema,
        response: { 200: AidCaseDetailSchema },
      },
    },
    async (req) => service.markItem(req.ctx, app.cipher, req.params.id, req.params.itemId, req.body),
  );

  r.post(
    '/api/care/aid/cases/:id/visits',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记走访回访（下次回访按政策包的周期顺延）',
        params: IdParamSchema,
        body: AidVisitCreateSchema,
        response: { 200: AidCaseDetailSchema },
      },
    },
    async (req) => service.addVisit(req.ctx, app.cipher, req.params.id, req.body),
  );

  r.post(
    '/api/care/aid/cases/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '帮扶结案',
        params: IdParamSchema,
        body: AidCloseSchema,
        response: { 200: AidCaseDetailSchema },
      },
    },
    async (req) => service.closeCase(req.ctx, app.cipher, req.params.id, req.body),
  );
}
