import {
  BurdenEntryInputSchema,
  BurdenEntryListQuerySchema,
  BurdenEntryListSchema,
  BurdenEntryParamSchema,
  BurdenEntrySchema,
  BurdenImportResultSchema,
  BurdenRegisterExportFileResponse,
  BurdenRegisterImportReportFileResponse,
  BurdenRegisterParamSchema,
  BurdenRegisterTemplateFileResponse,
  BurdenSummaryQuerySchema,
  BurdenSummarySchema,
  BurdenTrendQuerySchema,
  BurdenTrendSchema,
  chinaToday,
  OkSchema,
  OvertimeDistributionQuerySchema,
  OvertimeDistributionSchema,
  UPLOAD_MEDIA_TYPES,
  UploadFilesSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../../platform/spool.ts';
import { writeAnnotated } from '../../cadre/import-xlsx.ts';
import { uploadedFile } from '../../cadre/upload-files.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';
import { runImport, writeRegisterWorkbook } from './workbook.ts';

/**
 * 减负松绑 registers (R-BUR-3, R-BUR-4, R-BUR-6): meetings, documents, inspections and overtime (one set of
 * routes, the register named in the path), their Excel template, export and import, the yearly summary
 * with the change against last year, and the overtime distribution. Each handler is one service call.
 */
export async function registerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['burden'];
  const read = { permission: 'burden.read' } as const;
  const manage = { permission: 'burden.manage' } as const;

  r.get(
    '/api/burden/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '减负年度汇总：会议次数与时长、文件、督查检查考核的本年数与较上年增减（%，一位小数）及说明',
        querystring: BurdenSummaryQuerySchema,
        response: { 200: BurdenSummarySchema },
      },
    },
    async (req) => service.summary(req.ctx, req.query),
  );

  r.get(
    '/api/burden/summary/trend',
    {
      config: read,
      schema: {
        tags,
        summary: '减负汇总的逐年趋势（自指定年度起往前若干年）',
        querystring: BurdenTrendQuerySchema,
        response: { 200: BurdenTrendSchema },
      },
    },
    async (req) => service.trend(req.ctx, req.query),
  );

  r.get(
    '/api/burden/overtime/distribution',
    {
      config: read,
      schema: {
        tags,
        summary: '加班分布：政策包规定统计期内每人加班次数的分段人数、平均数与最高数',
        querystring: OvertimeDistributionQuerySchema,
        response: { 200: OvertimeDistributionSchema },
      },
    },
    async (req) => service.overtimeDistribution(req.ctx, req.query),
  );

  r.get(
    '/api/burden/registers/:register',
    {
      config: read,
      schema: {
        tags,
        summary: '登记簿（会议、文件、督查检查考核、加班）：按年度、类别、单位筛选，附政策包中的类别与规则',
        params: BurdenRegisterParamSchema,
        querystring: BurdenEntryListQuerySchema,
        response: { 200: BurdenEntryListSchema },
      },
    },
    async (req) => service.listEntries(req.ctx, req.params.register, req.query),
  );

  r.post(
    '/api/burden/registers/:register',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记一条（督查检查考核按年度计划、频次与一票否决规则检查，不符合的拒绝并说明）',
        params: BurdenRegisterParamSchema,
        body: BurdenEntryInputSchema,
        response: { 200: BurdenEntrySchema },
      },
    },
    async (req) => service.createEntry(req.ctx, req.params.register, req.body),
  );

  r.put(
    '/api/burden/registers/:register/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改一条登记（仅本单位及下级组织的登记；同样按规则检查）',
        params: BurdenEntryParamSchema,
        body: BurdenEntryInputSchema,
        response: { 200: BurdenEntrySchema },
      },
    },
    async (req) => service.updateEntry(req.ctx, req.params.register, req.params.id, req.body),
  );

  r.delete(
    '/api/burden/registers/:register/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '删除一条误登记（仅本单位及下级组织的登记）',
        params: BurdenEntryParamSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await service.deleteEntry(req.ctx, req.params.register, req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/burden/registers/:register/template.xlsx',
    {
      config: manage,
      schema: {
        tags,
        summary: '下载登记簿导入模板（含填写说明与政策包中的类别）',
        params: BurdenRegisterParamSchema,
        response: { 200: BurdenRegisterTemplateFileResponse },
      },
    },
    async (req, reply) => {
      const policy = await service.burdenPolicy(req.ctx.client, chinaToday(req.ctx.now));
      const body = await spoolToTempFile((out) => writeRegisterWorkbook(out, req.params.register, policy));
      void reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(`${service.REGISTER_NAMES[req.params.register]}登记簿导入模板.xlsx`),
        );
      return body;
    },
  );

  r.get(
    '/api/burden/registers/:register/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '导出登记簿（Excel，与导入模板同列；筛选同列表）',
        params: BurdenRegisterParamSchema,
        querystring: BurdenEntryListQuerySchema,
        response: { 200: BurdenRegisterExportFileResponse },
      },
    },
    async (req, reply) => {
      const { register } = req.params;
      const q = req.query;
      const policy = await service.burdenPolicy(req.ctx.client, chinaToday(req.ctx.now));
      const orgPath = q.orgId ? (await service.scopePath(req.ctx, q.orgId)).path : null;
      const rows = repo.allEntries(req.ctx.client, {
        register,
        year: q.year,
        kindId: q.kindId,
        orgPath: orgPath ?? undefined,
        q: q.q?.trim() || undefined,
      });
      const body = await spoolToTempFile((out) => writeRegisterWorkbook(out, register, policy, rows));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${service.REGISTER_NAMES[register]}登记簿.xlsx`));
      return body;
    },
  );

  r.post(
    '/api/burden/registers/:register/import',
    {
      config: manage,
      schema: {
        tags,
        summary: '导入登记簿（Excel；全部成功或全部不导入，逐行报告错误）',
        consumes: UPLOAD_MEDIA_TYPES,
        params: BurdenRegisterParamSchema,
        body: UploadFilesSchema,
        response: { 200: BurdenImportResultSchema },
      },
    },
    async (req) => {
      const plan = await runImport(req.ctx, req.params.register, await uploadedFile(req), true);
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
      return { register: req.params.register, imported: plan.count };
    },
  );

  r.post(
    '/api/burden/registers/:register/import/report',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记簿导入检查报告：原文件标出错误单元格（不导入）',
        consumes: UPLOAD_MEDIA_TYPES,
        params: BurdenRegisterParamSchema,
        body: UploadFilesSchema,
        response: { 200: BurdenRegisterImportReportFileResponse },
      },
    },
    async (req, reply) => {
      const bytes = await uploadedFile(req);
      const plan = await runImport(req.ctx, req.params.register, bytes, false);
      const body = await spoolToTempFile((out) => writeAnnotated(bytes, plan.errors, out));
      void reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(`${service.REGISTER_NAMES[req.params.register]}导入错误报告.xlsx`),
        );
      return body;
    },
  );
}
