import {
  PayStatisticListSchema,
  PayTableImportReportFileResponse,
  PayTableImportResultSchema,
  PayTableQuerySchema,
  PayTableTemplateFileResponse,
  PayTableTemplateQuerySchema,
  PayTableViewSchema,
  PutPayStatisticSchema,
  PutPayTableSchema,
  UPLOAD_MEDIA_TYPES,
  UploadFilesSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../../platform/spool.ts';
import { writeAnnotated } from '../../cadre/import-xlsx.ts';
import { uploadedFile } from '../../cadre/upload-files.ts';
import * as service from './service.ts';

/**
 * The district's pay tables (区直机关同职级基数, 同等次绩效奖, 村干部岗位补贴基数) per year, their Excel
 * template and import (all or nothing, with a row-by-row report), and the statistics a policy refers to.
 * Salary standards, not personal data: every signed-in reader of pay may read them; 组织部 keeps them.
 */
export async function payTableRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pay'];

  r.get(
    '/api/pay/tables',
    {
      config: { permission: 'pay.read' },
      schema: {
        tags,
        summary: '薪酬基数表（一年的职级基数、绩效奖基数、村干部岗位补贴基数，以及应填的职级、等次与岗位）',
        querystring: PayTableQuerySchema,
        response: { 200: PayTableViewSchema },
      },
    },
    async (req) => service.getTable(req.ctx, req.query.year),
  );

  r.put(
    '/api/pay/tables',
    {
      config: { permission: 'pay.tables' },
      schema: {
        tags,
        summary: '保存一年某一种基数表（整表替换；审计修改前后）',
        body: PutPayTableSchema,
        response: { 200: PayTableViewSchema },
      },
    },
    async (req) => service.putTable(req.ctx, req.body),
  );

  r.get(
    '/api/pay/tables/template.xlsx',
    {
      config: { permission: 'pay.tables' },
      schema: {
        tags,
        summary: '下载薪酬基数表导入模板（每种基数一张表；给出年度时填入该年已有金额）',
        querystring: PayTableTemplateQuerySchema,
        response: { 200: PayTableTemplateFileResponse },
      },
    },
    async (req, reply) => {
      const body = await spoolToTempFile((out) => service.template(req.ctx, req.query.year, out));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('薪酬基数表导入模板.xlsx'));
      return body;
    },
  );

  r.post(
    '/api/pay/tables/import',
    {
      config: { permission: 'pay.tables' },
      schema: {
        tags,
        summary: '导入薪酬基数表（Excel；全部成功或全部不导入，逐行报告错误；填有金额的表整表替换）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        querystring: PayTableQuerySchema,
        response: { 200: PayTableImportResultSchema },
      },
    },
    async (req) => service.importTables(req.ctx, req.query.year, await uploadedFile(req)),
  );

  r.post(
    '/api/pay/tables/import/report',
    {
      config: { permission: 'pay.tables' },
      schema: {
        tags,
        summary: '薪酬基数表导入检查报告：原文件标出错误单元格（不导入）',
        consumes: UPLOAD_MEDIA_TYPES,
        body: UploadFilesSchema,
        response: { 200: PayTableImportReportFileResponse },
      },
    },
    async (req, reply) => {
      const bytes = await uploadedFile(req);
      const plan = await service.planImport(req.ctx, bytes);
      const body = await spoolToTempFile((out) => writeAnnotated(bytes, plan.errors, out));
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('薪酬基数表导入错误报告.xlsx'));
      return body;
    },
  );

  r.get(
    '/api/pay/statistics',
    {
      config: { permission: 'pay.read' },
      schema: {
        tags,
        summary: '政策引用的统计数据（如上年度农村居民人均可支配收入），每年一条，注明来源',
        response: { 200: PayStatisticListSchema },
      },
    },
    async (req) => service.listStatistics(req.ctx),
  );

  r.put(
    '/api/pay/statistics',
    {
      config: { permission: 'pay.tables' },
      schema: {
        tags,
        summary: '保存一年的统计数据（新增或替换；审计修改前后）',
        body: PutPayStatisticSchema,
        response: { 200: PayStatisticListSchema },
      },
    },
    async (req) => service.putStatistic(req.ctx, req.body),
  );
}
