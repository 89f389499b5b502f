import {
  OkSchema,
  CareOfficerCreateSchema,
  CareOfficerListSchema,
  CareOfficerSchema,
  HealthCheckListQuerySchema,
  HealthCheckListSchema,
  HealthCheckMarkResultSchema,
  HealthCheckMarkSchema,
  HealthCheckSchema,
  HealthCheckUpdateSchema,
  IdParamSchema,
  MyHealthSchema,
  SupportAnswerSchema,
  SupportRequestCreateSchema,
  SupportRequestListSchema,
  SupportRequestSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 体检 and 心理支持 (R-CARE-1): each handler is one call into the service. */
export async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  const read = { permission: 'care.read' } as const;
  const manage = { permission: 'care.manage' } as const;
  const mine = { permission: 'care.mine' } as const;

  r.get(
    '/api/care/health/checks',
    {
      config: read,
      schema: {
        tags,
        summary: '体检名单：按政策包体检计划当年应体检的干部及登记情况（不保存体检结果）',
        querystring: HealthCheckListQuerySchema,
        response: { 200: HealthCheckListSchema },
      },
    },
    async (req) => service.listChecks(req.ctx, req.query),
  );

  r.post(
    '/api/care/health/checks',
    {
      config: manage,
      schema: {
        tags,
        summary: '批量登记已体检（某日体检的本单位干部）',
        body: HealthCheckMarkSchema,
        response: { 200: HealthCheckMarkResultSchema },
      },
    },
    async (req) => service.markChecks(req.ctx, req.body),
  );

  r.put(
    '/api/care/health/checks/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '更正体检登记（日期、是否需要复查及复查事项）',
        params: IdParamSchema,
        body: HealthCheckUpdateSchema,
        response: { 200: HealthCheckSchema },
      },
    },
    async (req) => service.updateCheck(req.ctx, req.params.id, req.body),
  );

  r.delete(
    '/api/care/health/checks/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '撤销体检登记',
        params: IdParamSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await service.deleteCheck(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/care/health/mine',
    {
      config: mine,
      schema: { tags, summary: '我的体检：本年应体检计划与体检登记', response: { 200: MyHealthSchema } },
    },
    async (req) => service.myHealth(req.ctx),
  );

  r.get(
    '/api/care/officers',
    {
      config: read,
      schema: { tags, summary: '关爱专员名单（组织部指定）', response: { 200: CareOfficerListSchema } },
    },
    async (req) => service.listOfficers(req.ctx, false),
  );

  r.post(
    '/api/care/officers',
    {
      config: manage,
      schema: {
        tags,
        summary: '指定关爱专员（组织部）',
        body: CareOfficerCreateSchema,
        response: { 200: CareOfficerSchema },
      },
    },
    async (req) => service.designateOfficer(req.ctx, req.body),
  );

  r.post(
    '/api/care/officers/:id/deactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: '取消关爱专员指定（组织部）',
        params: IdParamSchema,
        response: { 200: CareOfficerSchema },
      },
    },
    async (req) => service.deactivateOfficer(req.ctx, req.params.id),
  );

  r.get(
    '/api/care/support/officers',
    {
      config: mine,
      schema: { tags, summary: '可选择的关爱专员', response: { 200: CareOfficerListSchema } },
    },
    async (req) => service.listOfficers(req.ctx, true),
  );

  r.get(
    '/api/care/support/mine',
    {
      config: mine,
      schema: {
        tags,
        summary: '我的心理支持请求（仅本人与所选关爱专员可见）',
        response: { 200: SupportRequestListSchema },
      },
    },
    async (req) => service.mySupport(req.ctx),
  );

  r.post(
    '/api/care/support',
    {
      config: mine,
      schema: {
        tags,
        summary: '提出心理支持请求（指定一位关爱专员，仅其本人与申请人可见）',
        body: SupportRequestCreateSchema,
        response: { 200: SupportRequestSchema },
      },
    },
    async (req) => service.fileSupport(req.ctx, req.body),
  );

  r.get(
    '/api/care/support/assigned',
    {
      config: read,
      schema: {
        tags,
        summary: '指定给我的心理支持请求（关爱专员）',
        response: { 200: SupportRequestListSchema },
      },
    },
    async (req) => service.officerSupport(req.ctx),
  );

  r.post(
    '/api/care/support/:id/answer',
    {
      config: manage,
      schema: {
        tags,
        summary: '关爱专员答复心理支持请求',
        params: IdParamSchema,
        body: SupportAnswerSchema,
        response: { 200: SupportRequestSchema },
      },
    },
    async (req) => service.answerSupport(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/care/support/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '关爱专员关闭心理支持请求',
        params: IdParamSchema,
        response: { 200: SupportRequestSchema },
      },
    },
    async (req) => service.closeSupport(req.ctx, req.params.id),
  );
}
