import {
  IdParamSchema,
  UPLOAD_MEDIA_TYPES,
  UploadFilesSchema,
  WorkListImportReportFileResponse,
  WorkListImportResultSchema,
  WorkListTemplateFileResponse,
  WorkListExportQuerySchema,
  WorkListFileResponse,
  WorkListItemInputSchema,
  WorkListItemSchema,
  WorkListQuerySchema,
  WorkListSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../../platform/spool.ts';
import { writeAnnotated } from '../../cadre/import-xlsx.ts';
import { uploadedFile } from '../../cadre/upload-files.ts';
import * as service from './service.ts';
import { runWorkListImport, writeWorkListWorkbook } from './workbook.ts';

/** The burden module's `worklist/` routes (issue 16): 村(社区)工作事务清单. */
export async function workListRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['burden'];

  r.get(
    '/api/burden/worklist',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary: '村(社区)工作事务清单（可只看未保障经费的事项）',
        querystring: WorkListQuerySchema,
        response: { 200: WorkListSchema },
      },
    },
    async (req) => service.listItems(req.ctx, req.query),
  );

  r.get(
    '/api/burden/worklist/export.xlsx',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary: '导出村(社区)工作事务清单（Excel，与清单筛选相同）',
        querystring: WorkListExportQuerySchema,
        response: { 200: WorkListFileResponse },
      },
    },
    async (req, reply) => {
      const query = req.query;
      const { pack, policy } = await service.modesOf(req.ctx);
      async function* pages() {
        for (let page = 1; ; page++) {
          const { items } = await service.listItems(req.ctx, { ...query, page, pageSize: 200 });
          yield items;
          if (items.length < 200) return;
        }
      }
      // the template's columns, then the judgement (经费保障, 说明): an export imports back as new items
      const body = await spoolToTempFile((out) => writeWorkListWorkbook(out, policy, pack.name, pages()));
      await req.ctx.audit({
        action: 'burden.worklist.export',
        objectType: 'burden_worklist_item',
        after: query,
      });
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('村(社区)工作事务清单.xlsx'));
      return body;
    },
  );

  r.post(
    '/api/burden/worklist',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '登记工作事务清单事项（以“属地管理”名义转嫁部门职责的不予列入；无经费的标为未保障）',
        body: WorkListItemInputSchema,
        response: { 200: WorkListItemSchema },
      },
    },
    async (req) => service.createItem(req.ctx, req.body),
  );

  r.put(
    '/api/burden/worklist/:id',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '修改工作事务清单事项（重新按规则审查）',
        params: IdParamSchema,
        body: WorkListItemInputSchema,
        response: { 200: WorkListItemSchema },
      },
    },
    async (req) => service.updateItem(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/burden/worklist/template.xlsx',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '下载工作事务清单导入模板（含填写说明与政策包中的承接方式）',
        response: { 200: WorkListTemplateFileResponse },
      },
    },
    async (req, reply) => {
      const { pack, policy } = await service.modesOf(req.ctx);
      const body = await spoolToTempFile((out) => writeWorkListWorkbook(out, policy, pack.name));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('村(社区)工作事务清单导入模板.xlsx'));
      return body;
    },
  );

  r.post(
    '/api/burden/worklist/import',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '导入工作事务清单（Excel；逐行按登记规则审查，全部成功或全部不导入，逐行报告错误）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        response: { 200: WorkListImportResultSchema },
      },
    },
    async (req) => {
      const { policy } = await service.modesOf(req.ctx);
      const plan = await runWorkListImport(req.ctx, await uploadedFile(req), true, policy);
      if (plan.errors.length)
        throw new AppError(
          400,
          'VALIDATION',
          `共有 ${plan.errors.length} 处错误，未导入任何数据`,
          undefined,
          {
            errors: plan.errors,
          },
        );
      return { imported: plan.count, unfunded: plan.unfunded };
    },
  );

  r.post(
    '/api/burden/worklist/import/report',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '工作事务清单导入检查报告：原文件标出错误单元格（不导入）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        response: { 200: WorkListImportReportFileResponse },
      },
    },
    async (req, reply) => {
      const bytes = await uploadedFile(req);
      const { policy } = await service.modesOf(req.ctx);
      const plan = await runWorkListImport(req.ctx, bytes, false, policy);
      const body = await spoolToTempFile((out) => writeAnnotated(bytes, plan.errors, out));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('工作事务清单导入错误报告.xlsx'));
      return body;
    },
  );
}
