import {
  CadreCreatedSchema,
  CadreDetailQuerySchema,
  CadreDetailSchema,
  CadreExportQuerySchema,
  CadreListQuerySchema,
  CadreListSchema,
  CadrePhotoFileResponse,
  CadreRecordInputSchema,
  CadreRosterFileResponse,
  FileBytesSchema,
  IdParamSchema,
  OkSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../platform/spool.ts';
import { unitsById } from './establishment-units.ts';
import { writeRosterWorkbook } from './export.ts';
import { photoType, PHOTO_MAX_BYTES } from './photo.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';

export async function cadreRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];

  // photos arrive as the raw image body; the type is decided by content, not by the header
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.get(
    '/api/cadres',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '干部名册（筛选、排序、分页）',
        querystring: CadreListQuerySchema,
        response: { 200: CadreListSchema },
      },
    },
    async (req) => service.listCadres(req.ctx, app.cipher, req.query),
  );

  r.get(
    '/api/cadres/export.xlsx',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '导出干部名册（Excel，与名册筛选相同）',
        querystring: CadreExportQuerySchema,
        response: { 200: CadreRosterFileResponse },
      },
    },
    async (req, reply) => {
      const query = req.query;
      async function* pages() {
        for (let page = 1; ; page++) {
          const items = await service.listCadreItems(req.ctx, app.cipher, { ...query, page, pageSize: 200 });
          if (items.length === 0) return;
          // 编制所在单位 by name (any unit of the district; the same as the working unit is left empty)
          const other = items.flatMap((c) =>
            c.establishmentOrgId && c.establishmentOrgId !== c.orgId ? [c.establishmentOrgId] : [],
          );
          const units = await unitsById(req.ctx, other);
          yield items.map((c) => ({
            ...c,
            establishmentOrgName:
              c.establishmentOrgId && c.establishmentOrgId !== c.orgId
                ? (units.get(c.establishmentOrgId)?.name ?? null)
                : null,
          }));
          if (items.length < 200) return;
        }
      }
      const body = await spoolToTempFile((out) => writeRosterWorkbook(pages(), out));
      await req.ctx.audit({ action: 'cadre.export', objectType: 'cadre', after: query });
      void reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('干部名册.xlsx'));
      return body;
    },
  );

  r.get(
    '/api/cadres/:id',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '干部信息（敏感字段默认脱敏；reveal=true 查看明文并记审计）',
        params: IdParamSchema,
        querystring: CadreDetailQuerySchema,
        response: { 200: CadreDetailSchema },
      },
    },
    async (req) => service.getCadre(req.ctx, app.cipher, req.params.id, req.query.reveal === true),
  );

  r.post(
    '/api/cadres',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '新增干部',
        body: CadreRecordInputSchema,
        response: { 200: CadreCreatedSchema },
      },
    },
    async (req) => ({ id: await service.createCadre(req.ctx, app.cipher, req.body) }),
  );

  r.put(
    '/api/cadres/:id',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '修改干部信息',
        params: IdParamSchema,
        body: CadreRecordInputSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await service.updateCadre(req.ctx, app.cipher, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/cadres/:id/photo',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '干部照片',
        params: IdParamSchema,
        response: { 200: CadrePhotoFileResponse },
      },
    },
    async (req, reply) => {
      const photo = await repo.findPhoto(req.ctx.client, req.params.id);
      if (!photo) throw notFound('照片');
      void reply.header('content-type', photo.mime).header('cache-control', 'private, no-store');
      return photo.bytes;
    },
  );

  r.put(
    '/api/cadres/:id/photo',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '上传干部照片（JPEG/PNG，≤ 2 MB）',
        params: IdParamSchema,
        consumes: ['image/jpeg', 'image/png'],
        body: FileBytesSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      const body = req.body;
      if (!Buffer.isBuffer(body))
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 JPEG 或 PNG 图片');
      const mime = photoType(body);
      if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件内容不是 JPEG 或 PNG 图片');
      if (!(await repo.savePhoto(req.ctx.client, req.params.id, mime, body))) throw notFound('干部');
      await req.ctx.audit({
        action: 'cadre.photo',
        objectType: 'cadre',
        objectId: req.params.id,
        after: { mime, bytes: body.length },
      });
      return { ok: true as const };
    },
  );
}
