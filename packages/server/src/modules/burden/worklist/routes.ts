import {
  IdParamSchema,
  WorkListExportQuerySchema,
  WorkListFileResponse,
  WorkListItemInputSchema,
  WorkListItemSchema,
  WorkListQuerySchema,
  WorkListSchema,
  type WorkListItem,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../../platform/spool.ts';
import { safeCell } from '../../../platform/xlsx-cell.ts';
import * as service from './service.ts';

const COLUMNS: { header: string; width: number; value: (i: WorkListItem) => string | number }[] = [
  { header: '年度', width: 8, value: (i) => i.year },
  { header: '承接单位', width: 20, value: (i) => i.orgName },
  { header: '部署部门', width: 20, value: (i) => i.organiserName },
  { header: '事项名称', width: 30, value: (i) => i.name },
  { header: '依据', width: 30, value: (i) => i.basis },
  { header: '承接方式', width: 18, value: (i) => i.modeName ?? '' },
  { header: '经费（元）', width: 14, value: (i) => (i.amountFen === null ? '' : i.amountFen / 100) },
  { header: '合同', width: 18, value: (i) => i.contract },
  { header: '经费保障', width: 10, value: (i) => (i.unfunded ? '未保障' : '已保障') },
  { header: '说明', width: 60, value: (i) => i.explanation },
];

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
      const body = await spoolToTempFile(async (out) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
        const ws = wb.addWorksheet('工作事务清单', { views: [{ state: 'frozen', ySplit: 1 }] });
        ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
        ws.getRow(1).font = { bold: true };
        ws.getRow(1).commit();
        for (let page = 1; ; page++) {
          const { items } = await service.listItems(req.ctx, { ...query, page, pageSize: 200 });
          for (const i of items)
            ws.addRow(
              COLUMNS.map((c) => {
                const v = c.value(i);
                return typeof v === 'number' ? v : safeCell(v);
              }),
            ).commit();
          if (items.length < 200) break;
        }
        ws.commit();
        await wb.commit();
      });
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
}
