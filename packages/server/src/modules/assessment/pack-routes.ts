import {
  IdParamSchema,
  PackDetailSchema,
  PackDiffParamsSchema,
  PackDiffSchema,
  PackListSchema,
  PackSaveInputSchema,
  PackSelectInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { choosePack, getPack, listPacks, packDiff, savePackVersion } from './service/packs.ts';

/** 政策包: the district's packs (every version), its choice, its own versions, and version diffs. */
export async function packRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['packs'];
  r.get(
    '/api/packs',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '政策包列表（各版本）', response: { 200: PackListSchema } },
    },
    async (req) => ({ items: await listPacks(req.ctx.client) }),
  );
  r.get(
    '/api/packs/:id',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '政策包内容', params: IdParamSchema, response: { 200: PackDetailSchema } },
    },
    async (req) => getPack(req.ctx.client, req.params.id),
  );

  r.post(
    '/api/packs',
    {
      config: { permission: 'pack.write' },
      schema: {
        tags,
        summary: '保存本地政策包版本（克隆或修改；随系统提供的版本不可改）',
        body: PackSaveInputSchema,
        response: { 200: PackDetailSchema },
      },
    },
    async (req) => savePackVersion(req.ctx, req.body.body),
  );
  r.put(
    '/api/packs/selected',
    {
      config: { permission: 'pack.write' },
      schema: {
        tags,
        summary: '选用政策包',
        body: PackSelectInputSchema,
        response: { 200: PackListSchema },
      },
    },
    async (req) => choosePack(req.ctx, req.body.packId),
  );
  r.get(
    '/api/packs/:id/diff/:otherId',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '两个政策包版本的差异',
        params: PackDiffParamsSchema,
        response: { 200: PackDiffSchema },
      },
    },
    async (req) => packDiff(req.ctx.client, req.params.id, req.params.otherId),
  );
}
