import {
  AuditExportFileResponse,
  AuditExportQuerySchema,
  AuditListSchema,
  AuditQuerySchema,
  AuditVerifySchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../platform/spool.ts';
import { verifyChain } from './chain.ts';
import { writeAuditWorkbook } from './export.ts';
import * as repo from './repository.ts';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: '审计日志查询',
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema },
      },
    },
    async (req) => repo.listAudit(req.ctx.client, req.query),
  );

  r.get(
    '/api/audit/export.xlsx',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: '导出审计日志（Excel）',
        querystring: AuditExportQuerySchema,
        response: { 200: AuditExportFileResponse },
      },
    },
    async (req, reply) => {
      const body = await spoolToTempFile((out) =>
        writeAuditWorkbook(repo.auditBatches(req.ctx.client, req.query), out),
      );
      await req.ctx.audit({ action: 'audit.export', objectType: 'audit_log', after: req.query });
      void reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('审计日志.xlsx'));
      return body;
    },
  );

  r.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: '校验审计日志哈希链',
        response: { 200: AuditVerifySchema },
      },
    },
    async (req) => {
      const v = await verifyChain(req.ctx.client, req.server.cipher);
      return { ok: v.ok, checked: v.checked, firstBrokenId: v.firstBrokenId };
    },
  );
}
