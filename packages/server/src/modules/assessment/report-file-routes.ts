import {
  FileBytesSchema,
  ReportFileResponse,
  AssessmentOkSchema,
  REPORT_FILE_MAX_BYTES,
  ReportFileUploadQuerySchema,
  ReportFileUploadResultSchema,
  RoundTargetParamsSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCX, PDF, sendReportFile } from './service/report-files.ts';
import { removeReportFile, reportFileOf, uploadReportFile } from './service/targets.ts';

/** 述职报告 as a file (PDF or Word) beside the text: upload, replace, remove, download. */
export async function reportFileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const read = { permission: 'assessment.read' as const };

  // the file arrives as the raw body; its type is decided by content, not by the header
  app.addContentTypeParser(
    [PDF, DOCX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: REPORT_FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.put(
    '/api/assessment/rounds/:id/targets/:targetId/report-file',
    {
      config: read,
      schema: {
        tags,
        summary: '上传述职报告文件（PDF 或 Word .docx，≤ 10 MB；本人、本单位或组织方）',
        params: RoundTargetParamsSchema,
        querystring: ReportFileUploadQuerySchema,
        body: FileBytesSchema,
        response: { 200: ReportFileUploadResultSchema },
      },
    },
    async (req) =>
      uploadReportFile(req.ctx, {
        roundId: req.params.id,
        targetId: req.params.targetId,
        body: req.body,
        name: req.query.name,
      }),
  );

  r.delete(
    '/api/assessment/rounds/:id/targets/:targetId/report-file',
    {
      config: read,
      schema: {
        tags,
        summary: '删除述职报告文件',
        params: RoundTargetParamsSchema,
        response: { 200: AssessmentOkSchema },
      },
    },
    async (req) => removeReportFile(req.ctx, req.params.id, req.params.targetId),
  );

  r.get(
    '/api/assessment/rounds/:id/targets/:targetId/report-file',
    {
      config: read,
      schema: {
        tags,
        summary: '下载述职报告文件',
        params: RoundTargetParamsSchema,
        response: { 200: ReportFileResponse },
      },
    },
    async (req, reply) =>
      sendReportFile(reply, await reportFileOf(req.ctx, req.params.id, req.params.targetId)),
  );
}
