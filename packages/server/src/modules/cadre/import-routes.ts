import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../platform/spool.ts';
import { importLrmx } from './import-lrmx.ts';
import { applyImport, planImport, writeAnnotated, writeTemplate } from './import-xlsx.ts';
import { uploadedFiles } from './upload-files.ts';

const ImportQuerySchema = z.strictObject({ mode: z.enum(['create', 'update']).default('create') });
const LrmxImportQuerySchema = z.strictObject({ orgId: z.string().uuid() });

const ImportResultSchema = z.object({
  imported: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});

/** The uploaded workbook: the first file of a multipart body. */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
  const file = await req.file();
  if (!file) throw new AppError(400, 'VALIDATION', '没有收到文件');
  return file.toBuffer();
}

export async function cadreImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];

  r.get(
    '/api/cadres/import/template.xlsx',
    { config: { permission: 'cadre.write' }, schema: { tags, summary: '下载干部信息导入模板' } },
    async (req, reply) => {
      const { rows } = await req.ctx.client.query<{ name: string }>(
        'SELECT name FROM orgs WHERE active ORDER BY path',
      );
      const body = await spoolToTempFile((out) =>
        writeTemplate(
          out,
          rows.map((o) => o.name),
        ),
      );
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('干部信息导入模板.xlsx'));
      return body;
    },
  );

  r.post(
    '/api/cadres/import/xlsx',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '导入干部信息（Excel，全部成功或全部不导入；mode=update 按身份证号更新）',
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (req) => {
      const bytes = await uploadedFile(req);
      const plan = await planImport(req.ctx, app.cipher, bytes, req.query.mode);
      if (plan.errors.length) {
        throw new AppError(
          400,
          'VALIDATION',
          `共有 ${plan.errors.length} 处错误，未导入任何数据`,
          undefined,
          {
            errors: plan.errors,
          },
        );
      }
      const imported = await applyImport(req.ctx, app.cipher, plan);
      await req.ctx.audit({
        action: 'cadre.import.xlsx',
        objectType: 'cadre',
        after: { mode: req.query.mode, count: imported.length },
      });
      return { imported };
    },
  );

  r.post(
    '/api/cadres/import/lrmx',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '导入干部任免审批表（.lrmx、.lrm+.pic 或其 .zip；全部成功或全部不导入）',
        querystring: LrmxImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (req) => {
      const files = await uploadedFiles(req);
      const imported = await importLrmx(req.ctx, app.cipher, files, req.query.orgId);
      await req.ctx.audit({
        action: 'cadre.import.lrmx',
        objectType: 'cadre',
        after: { files: files.length, count: imported.length },
      });
      return { imported };
    },
  );

  r.post(
    '/api/cadres/import/xlsx/report',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '导入检查报告：原文件标出错误单元格（不导入）',
        querystring: ImportQuerySchema,
      },
    },
    async (req, reply) => {
      const bytes = await uploadedFile(req);
      const plan = await planImport(req.ctx, app.cipher, bytes, req.query.mode);
      const body = await spoolToTempFile((out) => writeAnnotated(bytes, plan.errors, out));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('导入错误报告.xlsx'));
      return body;
    },
  );
}
