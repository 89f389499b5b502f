import {
  DISCIPLINE_ATTACHMENT_MAX_BYTES,
  DisciplineAttachmentFileResponse,
  DisciplineAttachmentListSchema,
  DisciplineAttachmentParamsSchema,
  DisciplineAttachmentUploadQuerySchema,
  DisciplineKindListSchema,
  DisciplineKindsQuerySchema,
  DisciplineRecordCreateInputSchema,
  DisciplineRecordListQuerySchema,
  DisciplineRecordListSchema,
  DisciplineRecordRevokeInputSchema,
  DisciplineRecordSchema,
  FileBytesSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment } from '../../platform/spool.ts';
import * as service from './service/records.ts';

/** 从严管理记录 and their attachments: each handler is one call into the service. */
export async function disciplineRecordRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discipline'];
  const read = { permission: 'discipline.read' as const };
  const write = { permission: 'discipline.write' as const };

  // an attachment arrives as the raw body; its type is decided by content, not by the header
  app.addContentTypeParser(
    ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: DISCIPLINE_ATTACHMENT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.get(
    '/api/discipline-kinds',
    {
      config: read,
      schema: {
        tags,
        summary: '记录类别与档次（所选日期现行政策包）',
        querystring: DisciplineKindsQuerySchema,
        response: { 200: DisciplineKindListSchema },
      },
    },
    async (req) => service.listKinds(req.ctx, req.query.date),
  );

  r.get(
    '/api/discipline-records',
    {
      config: read,
      schema: {
        tags,
        summary: '从严管理记录（数据范围内，记审计）',
        querystring: DisciplineRecordListQuerySchema,
        response: { 200: DisciplineRecordListSchema },
      },
    },
    async (req) => service.listRecords(req.ctx, req.query),
  );

  r.post(
    '/api/discipline-records',
    {
      config: write,
      schema: {
        tags,
        summary: '新增从严管理记录',
        body: DisciplineRecordCreateInputSchema,
        response: { 200: DisciplineRecordSchema },
      },
    },
    async (req) => service.createRecord(req.ctx, req.body),
  );

  r.get(
    '/api/cadres/:id/discipline-records',
    {
      config: read,
      schema: {
        tags,
        summary: '某干部的从严管理记录（本人可看自己的，记审计）',
        params: IdParamSchema,
        querystring: DisciplineRecordListQuerySchema,
        response: { 200: DisciplineRecordListSchema },
      },
    },
    async (req) => service.listCadreRecords(req.ctx, req.params.id, req.query),
  );

  r.get(
    '/api/discipline-records/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '从严管理记录（记审计）',
        params: IdParamSchema,
        response: { 200: DisciplineRecordSchema },
      },
    },
    async (req) => service.getRecord(req.ctx, req.params.id),
  );

  r.post(
    '/api/discipline-records/:id/revoke',
    {
      config: write,
      schema: {
        tags,
        summary: '撤销从严管理记录',
        params: IdParamSchema,
        body: DisciplineRecordRevokeInputSchema,
        response: { 200: DisciplineRecordSchema },
      },
    },
    async (req) => service.revokeRecord(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/discipline-records/:id/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: '记录附件',
        params: IdParamSchema,
        response: { 200: DisciplineAttachmentListSchema },
      },
    },
    async (req) => ({ items: await service.listAttachments(req.ctx, req.params.id) }),
  );

  r.post(
    '/api/discipline-records/:id/attachments',
    {
      config: write,
      schema: {
        tags,
        summary: '上传记录附件（PDF、JPG 或 PNG，≤ 10 MB，按内容判断类型）',
        params: IdParamSchema,
        querystring: DisciplineAttachmentUploadQuerySchema,
        consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
        body: FileBytesSchema,
        response: { 200: DisciplineAttachmentListSchema },
      },
    },
    async (req) => ({
      items: await service.uploadAttachment(req.ctx, req.params.id, req.body, req.query.name),
    }),
  );

  r.get(
    '/api/discipline-records/:id/attachments/:attachmentId',
    {
      config: read,
      schema: {
        tags,
        summary: '下载记录附件（记审计）',
        params: DisciplineAttachmentParamsSchema,
        response: { 200: DisciplineAttachmentFileResponse },
      },
    },
    async (req, reply) => {
      const file = await service.downloadAttachment(req.ctx, req.params.id, req.params.attachmentId);
      void reply
        .header('content-type', file.mime)
        .header('content-disposition', attachment(file.name))
        .header('cache-control', 'private, no-store');
      return file.bytes;
    },
  );
}
