import {
  BorrowingCandidateListSchema,
  BorrowingCandidateQuerySchema,
  BorrowingExportQuerySchema,
  BorrowingInputSchema,
  BorrowingListQuerySchema,
  BorrowingListSchema,
  BorrowingRegisterFileResponse,
  BorrowingReturnSchema,
  BorrowingSchema,
  EstablishmentFileResponse,
  EstablishmentQuerySchema,
  EstablishmentReportSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../../platform/spool.ts';
import * as borrowings from './borrowings.ts';
import { registerBorrowingCaseHandlers } from './cases.ts';
import { establishmentReport } from './establishment.ts';
import { writeBorrowingWorkbook, writeEstablishmentWorkbook } from './workbook.ts';

/** The burden module's `staffing/` routes (issue 16): 借调 (borrowing) and 专编专用 (establishment). */
export async function staffingRoutes(app: FastifyInstance) {
  registerBorrowingCaseHandlers();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['burden'];

  r.get(
    '/api/burden/borrowings',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary: '借调登记（派出街道或借用单位；逾期未归还的提醒随之发出）与政策包的借调规定',
        querystring: BorrowingListQuerySchema,
        response: { 200: BorrowingListSchema },
      },
    },
    async (req) => borrowings.listBorrowings(req.ctx, req.query),
  );

  r.get(
    '/api/burden/borrowings/candidates',
    {
      config: { permission: 'borrowing.request' },
      schema: {
        tags,
        summary: '可申请借调的街道（乡镇）干部（按姓名查找）',
        querystring: BorrowingCandidateQuerySchema,
        response: { 200: BorrowingCandidateListSchema },
      },
    },
    async (req) => borrowings.candidates(req.ctx, req.query.q),
  );

  r.get(
    '/api/burden/borrowings/export.xlsx',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary: '导出借调登记表（Excel，与登记表筛选相同）',
        querystring: BorrowingExportQuerySchema,
        response: { 200: BorrowingRegisterFileResponse },
      },
    },
    async (req, reply) => {
      const query = req.query;
      async function* pages() {
        for (let page = 1; ; page++) {
          const { items } = await borrowings.listBorrowings(req.ctx, { ...query, page, pageSize: 200 });
          if (items.length === 0) return;
          yield items;
          if (items.length < 200) return;
        }
      }
      const body = await spoolToTempFile((out) => writeBorrowingWorkbook(pages(), out));
      await req.ctx.audit({
        action: 'burden.borrowing.export',
        objectType: 'burden_borrowing',
        after: query,
      });
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('借调登记表.xlsx'));
      return body;
    },
  );

  r.get(
    '/api/burden/borrowings/:id',
    {
      config: { permission: 'burden.read' },
      schema: { tags, summary: '一项借调', params: IdParamSchema, response: { 200: BorrowingSchema } },
    },
    async (req) => borrowings.getBorrowing(req.ctx, req.params.id),
  );

  r.post(
    '/api/burden/borrowings',
    {
      config: { permission: 'borrowing.request' },
      schema: {
        tags,
        summary:
          '申请借调街道干部（按政策包规则审查：不符合的以原因代码拒绝；符合的进入街道意见、组织部审核流程）',
        body: BorrowingInputSchema,
        response: { 200: BorrowingSchema },
      },
    },
    async (req) => borrowings.requestBorrowing(req.ctx, req.body),
  );

  r.post(
    '/api/burden/borrowings/:id/return',
    {
      config: { permission: 'burden.manage' },
      schema: {
        tags,
        summary: '登记借调干部归还日期',
        params: IdParamSchema,
        body: BorrowingReturnSchema,
        response: { 200: BorrowingSchema },
      },
    },
    async (req) => borrowings.returnBorrowing(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/burden/establishment',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary:
          '专编专用：受保护单位的编制、编制在本单位而在外单位工作的人员、在本单位工作而编制在外单位的人员',
        querystring: EstablishmentQuerySchema,
        response: { 200: EstablishmentReportSchema },
      },
    },
    async (req) => establishmentReport(req.ctx, req.query),
  );

  r.get(
    '/api/burden/establishment/export.xlsx',
    {
      config: { permission: 'burden.read' },
      schema: {
        tags,
        summary: '导出专编专用情况表（Excel）',
        querystring: EstablishmentQuerySchema,
        response: { 200: EstablishmentFileResponse },
      },
    },
    async (req, reply) => {
      const report = await establishmentReport(req.ctx, req.query);
      const body = await spoolToTempFile((out) => writeEstablishmentWorkbook(report, out));
      await req.ctx.audit({ action: 'burden.establishment.export', objectType: 'org', after: req.query });
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('专编专用情况表.xlsx'));
      return body;
    },
  );
}
