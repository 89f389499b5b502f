import {
  CadreExportQuerySchema,
  CadreImportReportFileResponse,
  CadreImportResultSchema,
  CadreImportTemplateFileResponse,
  CadreLrmxImportQuerySchema,
  CadreTemplateExportFileResponse,
  CadreXlsxImportQuerySchema,
  templateRowsOf,
  UPLOAD_MEDIA_TYPES,
  UploadFilesSchema,
  type CellValue,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../platform/spool.ts';
import { importLrmx } from './import-lrmx.ts';
import { unitsById } from './establishment-units.ts';
import {
  applyImport,
  planImport,
  readImportSheets,
  writeAnnotated,
  writeTemplate,
  type ImportSheets,
} from './import-xlsx.ts';
import { listCadreItems, readRecord } from './service.ts';
import { uploadedFile, uploadedFiles } from './upload-files.ts';

export async function cadreImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];

  r.get(
    '/api/cadres/import/template.xlsx',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '下载干部信息导入模板',
        response: { 200: CadreImportTemplateFileResponse },
      },
    },
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

  r.get(
    '/api/cadres/export/template.xlsx',
    {
      config: { permission: 'cadre.sensitive' },
      schema: {
        tags,
        summary: '按导入模板导出（含身份证号、电话，可修改后按身份证号更新导入；每次导出均审计）',
        querystring: CadreExportQuerySchema,
        response: { 200: CadreTemplateExportFileResponse },
      },
    },
    async (req, reply) => {
      const { rows: units } = await req.ctx.client.query<{ name: string }>(
        'SELECT name FROM orgs WHERE active ORDER BY path',
      );
      const people: CellValue[][] = [];
      const appointments: CellValue[][] = [];
      for (let page = 1; ; page++) {
        const items = await listCadreItems(req.ctx, app.cipher, { ...req.query, page, pageSize: 200 });
        for (const item of items) {
          const { record } = await readRecord(req.ctx, app.cipher, item.id);
          const { rows } = await req.ctx.client.query<{ path: string }>(
            'SELECT path::text FROM orgs WHERE id = $1',
            [record.orgId],
          );
          const est = record.establishmentOrgId;
          const estLabel = est ? ((await unitsById(req.ctx, [est])).get(est)?.path ?? '') : '';
          const out = templateRowsOf(record, rows[0]?.path ?? item.orgName, estLabel);
          people.push(out.person);
          appointments.push(...out.appointments);
        }
        if (items.length < 200) break;
      }
      const body = await spoolToTempFile((out) =>
        writeTemplate(
          out,
          units.map((o) => o.name),
          { people, appointments },
        ),
      );
      // every ID number and phone in the file is read in clear: audited like a reveal
      await req.ctx.audit({
        action: 'cadre.export.template',
        objectType: 'cadre',
        after: { filters: req.query, people: people.length },
      });
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('干部信息（导入模板格式）.xlsx'));
      return body;
    },
  );

  r.post(
    '/api/cadres/import/xlsx',
    {
      config: {
        permission: 'cadre.write',
        // the upload read and its two sheets parsed before the request's transaction takes a connection
        prepare: async (req) => readImportSheets(await uploadedFile(req)),
      },
      schema: {
        tags,
        summary: '导入干部信息（Excel，全部成功或全部不导入；mode=update 按身份证号更新）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        querystring: CadreXlsxImportQuerySchema,
        response: { 200: CadreImportResultSchema },
      },
    },
    async (req) => {
      const plan = await planImport(req.ctx, app.cipher, req.prepared as ImportSheets, req.query.mode);
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
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        querystring: CadreLrmxImportQuerySchema,
        response: { 200: CadreImportResultSchema },
      },
    },
    async (req) => {
      const files = await uploadedFiles(req);
      const { imported, warnings } = await importLrmx(req.ctx, app.cipher, files, req.query.orgId);
      await req.ctx.audit({
        action: 'cadre.import.lrmx',
        objectType: 'cadre',
        after: { files: files.length, count: imported.length },
      });
      return { imported, warnings };
    },
  );

  r.post(
    '/api/cadres/import/xlsx/report',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '导入检查报告：原文件标出错误单元格（不导入）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        querystring: CadreXlsxImportQuerySchema,
        response: { 200: CadreImportReportFileResponse },
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
