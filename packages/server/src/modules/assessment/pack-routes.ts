import { IdParamSchema, PackDetailSchema, PackListSchema } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPack, listPacks, packDiff, savePack, selectPack } from './packs.ts';

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
        body: z.object({ body: z.unknown() }),
        response: { 200: PackDetailSchema },
      },
    },
    async (req) => {
      const id = await savePack(req.ctx.client, req.body.body, req.ctx.actor?.userId ?? null);
      const saved = await getPack(req.ctx.client, id);
      await req.ctx.audit({
        action: 'pack.save',
        objectType: 'policy_pack',
        objectId: id,
        after: { packId: saved.packId, effectiveFrom: saved.effectiveFrom },
      });
      return saved;
    },
  );
  r.put(
    '/api/packs/selected',
    {
      config: { permission: 'pack.write' },
      schema: {
        tags,
        summary: '选用政策包',
        body: z.strictObject({ packId: z.string().max(41) }),
        response: { 200: PackListSchema },
      },
    },
    async (req) => {
      await selectPack(req.ctx.client, req.body.packId);
      await req.ctx.audit({
        action: 'pack.select',
        objectType: 'settings',
        objectId: 'policy.pack',
        after: req.body,
      });
      return { items: await listPacks(req.ctx.client) };
    },
  );
  r.get(
    '/api/packs/:id/diff/:otherId',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags,
        summary: '两个政策包版本的差异',
        params: z.strictObject({ id: z.string().uuid(), otherId: z.string().uuid() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
          }),
        },
      },
    },
    async (req) => packDiff(req.ctx.client, req.params.id, req.params.otherId),
  );
}
