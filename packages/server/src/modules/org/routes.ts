import {
  IdParamSchema,
  OrgCreateInputSchema,
  OrgListSchema,
  OrgMoveInputSchema,
  OrgSchema,
  OrgUpdateInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';

export async function orgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get(
    '/api/orgs',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: '组织机构树（数据范围内）', response: { 200: OrgListSchema } },
    },
    async (req) => ({ items: await repo.listOrgs(req.ctx.client) }),
  );

  r.get(
    '/api/orgs/:id',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: '单位详情', params: IdParamSchema, response: { 200: OrgSchema } },
    },
    async (req) => {
      const org = await repo.findOrg(req.ctx.client, req.params.id);
      if (!org) throw notFound('单位');
      return org;
    },
  );

  r.post(
    '/api/orgs',
    {
      config: { permission: 'org.write' },
      schema: { tags, summary: '新增单位', body: OrgCreateInputSchema, response: { 200: OrgSchema } },
    },
    async (req) => service.createOrg(req.ctx, req.body),
  );

  r.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '修改单位（名称、编制、难度系数、单位标签）',
        params: IdParamSchema,
        body: OrgUpdateInputSchema,
        response: { 200: OrgSchema },
      },
    },
    async (req) => service.updateOrg(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/orgs/:id/move',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '移动单位（含下级）',
        params: IdParamSchema,
        body: OrgMoveInputSchema,
        response: { 200: OrgSchema },
      },
    },
    async (req) => service.moveOrg(req.ctx, req.params.id, req.body.parentId),
  );

  r.post(
    '/api/orgs/:id/deactivate',
    {
      config: { permission: 'org.write' },
      schema: { tags, summary: '停用单位', params: IdParamSchema, response: { 200: OrgSchema } },
    },
    async (req) => service.setOrgActive(req.ctx, req.params.id, false),
  );

  r.post(
    '/api/orgs/:id/activate',
    {
      config: { permission: 'org.write' },
      schema: { tags, summary: '启用单位', params: IdParamSchema, response: { 200: OrgSchema } },
    },
    async (req) => service.setOrgActive(req.ctx, req.params.id, true),
  );
}
