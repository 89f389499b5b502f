import { REPORT_FILE_MAX_BYTES } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { findRound, mayManage, type RoundRow } from './rounds.ts';
import {
  DOCX,
  PDF,
  reportFileBytes,
  reportFileName,
  reportFileType,
  sendReportFile,
} from './report-files.ts';

const TargetParamsSchema = z.strictObject({ id: z.string().uuid(), targetId: z.string().uuid() });
const UploadQuerySchema = z.strictObject({ name: z.string().max(300).optional() });

/**
 * The target whose 述职报告 the user may write: the cadre themself, an officer of the unit (orgdept,
 * unit_admin — row-level security keeps it to their scope) or the round's organiser; only before voting ends.
 */
export async function reportTarget(
  ctx: RequestContext,
  roundId: string,
  targetId: string,
): Promise<{ round: RoundRow; target: { name: string } }> {
  const round = await findRound(ctx.client, roundId);
  if (round.state !== 'draft' && round.state !== 'open')
    throw new AppError(409, 'ROUND_STATE', '评议开始后不能再修改述职报告');
  const { rows } = await ctx.client.query<{ cadre_id: string | null; name: string }>(
    `SELECT cadre_id, name FROM assessment_targets WHERE id = $1 AND round_id = $2`,
    [targetId, roundId],
  );
  const target = rows[0];
  if (!target) throw notFound('考核对象');
  const actor = ctx.actor;
  const own = target.cadre_id !== null && target.cadre_id === actor?.cadreId;
  const officer = actor?.roles.some((role) => role === 'orgdept' || role === 'unit_admin') ?? false;
  if (!own && !officer && !mayManage(ctx, round)) throw forbidden('只能提交本人或本单位的述职报告');
  return { round, target };
}

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
        params: TargetParamsSchema,
        querystring: UploadQuerySchema,
        response: { 200: z.object({ name: z.string(), size: z.number().int() }) },
      },
    },
    async (req) => {
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 PDF 或 Word（.docx）文件');
      const mime = await reportFileType(body);
      if (!mime)
        throw new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          '文件内容不是 PDF 或 Word（.docx），旧版 .doc 请另存为 .docx',
        );
      const { target } = await reportTarget(req.ctx, req.params.id, req.params.targetId);
      const name = reportFileName(req.query.name, mime, `${target.name}-述职报告`);
      await req.ctx.client.query(
        `INSERT INTO assessment_report_files (target_id, round_id, file_name, mime, size, bytes, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (target_id) DO UPDATE SET file_name = EXCLUDED.file_name, mime = EXCLUDED.mime,
           size = EXCLUDED.size, bytes = EXCLUDED.bytes, uploaded_at = EXCLUDED.uploaded_at`,
        [req.params.targetId, req.params.id, name, mime, body.length, body, req.ctx.now],
      );
      await req.ctx.audit({
        action: 'assessment.report.file',
        objectType: 'assessment_round',
        objectId: req.params.id,
        after: { targetId: req.params.targetId, name, mime, bytes: body.length },
      });
      return { name, size: body.length };
    },
  );

  r.delete(
    '/api/assessment/rounds/:id/targets/:targetId/report-file',
    {
      config: read,
      schema: {
        tags,
        summary: '删除述职报告文件',
        params: TargetParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await reportTarget(req.ctx, req.params.id, req.params.targetId);
      const res = await req.ctx.client.query(
        `DELETE FROM assessment_report_files WHERE target_id = $1 AND round_id = $2`,
        [req.params.targetId, req.params.id],
      );
      if (!res.rowCount) throw notFound('述职报告文件');
      await req.ctx.audit({
        action: 'assessment.report.file.delete',
        objectType: 'assessment_round',
        objectId: req.params.id,
        after: { targetId: req.params.targetId },
      });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/assessment/rounds/:id/targets/:targetId/report-file',
    {
      config: read,
      schema: { tags, summary: '下载述职报告文件', params: TargetParamsSchema },
    },
    async (req, reply) => {
      const file = await reportFileBytes(req.ctx.client, req.params.id, req.params.targetId);
      if (!file) throw notFound('述职报告文件');
      return sendReportFile(reply, file);
    },
  );
}
