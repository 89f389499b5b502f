import {
  CaseActionInputSchema,
  CaseDetailSchema,
  IdParamSchema,
  InboxCountSchema,
  InboxSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 待办 and cases: each handler is one call into the service. */
export async function workflowRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workflow'];

  r.get(
    '/api/inbox',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: '待办：待我处理、提醒与我发起的事项', response: { 200: InboxSchema } },
    },
    async (req) => service.inbox(req.ctx),
  );

  r.get(
    '/api/inbox/count',
    {
      config: { permission: 'inbox.read' },
      schema: { tags, summary: '待办数量（含逾期）', response: { 200: InboxCountSchema } },
    },
    async (req) => service.inboxCount(req.ctx),
  );

  r.get(
    '/api/cases/:id',
    {
      config: { permission: 'inbox.read' },
      schema: {
        tags,
        summary: '事项详情：办理过程与当前可办理的操作',
        params: IdParamSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (req) => service.getCase(req.ctx, req.params.id),
  );

  r.post(
    '/api/cases/:id/actions',
    {
      config: { permission: 'case.act' },
      schema: {
        tags,
        summary: '办理事项当前环节（同意、退回、不予受理、决定、撤回、提出意见等）',
        params: IdParamSchema,
        body: CaseActionInputSchema,
        response: { 200: CaseDetailSchema },
      },
    },
    async (req) => service.actAndShow(req.ctx, req.params.id, req.body),
  );
}
