import type { Writable } from 'node:stream';
import {
  auditActionLabel,
  auditObjectTypeLabel,
  ROLE_NAMES_ZH,
  ROLES,
  type AuditEntry,
  type Role,
} from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/xlsx-cell.ts';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The columns of the export: what the auditor reads (Chinese names), then the stored codes. */
const COLUMNS: { header: string; width: number; value: (e: AuditEntry) => unknown }[] = [
  { header: '序号', width: 10, value: (e) => e.id },
  { header: '时间(UTC)', width: 26, value: (e) => e.at },
  { header: '操作人', width: 14, value: (e) => e.actorUsername ?? '系统' },
  {
    header: '角色',
    width: 16,
    value: (e) => e.actorRoles.map((r) => (isRole(r) ? ROLE_NAMES_ZH[r] : r)).join('、'),
  },
  { header: '操作', width: 28, value: (e) => auditActionLabel(e.action, 'zh') },
  { header: '对象类型', width: 12, value: (e) => auditObjectTypeLabel(e.objectType, e.action, 'zh') },
  { header: '对象', width: 38, value: (e) => e.objectId },
  { header: '结果', width: 10, value: (e) => (e.result === 'success' ? '成功' : '失败') },
  { header: '客户端地址', width: 16, value: (e) => e.clientAddress },
  { header: '变更前', width: 40, value: (e) => e.before },
  { header: '变更后', width: 40, value: (e) => e.after },
  { header: '操作代码', width: 28, value: (e) => e.action },
  { header: '哈希', width: 66, value: (e) => e.hash },
];

/**
 * Write an xlsx of audit rows to `out`, batch by batch, committing each row as it goes,
 * so memory stays flat however long the log is.
 */
export async function writeAuditWorkbook(batches: AsyncIterable<AuditEntry[]>, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('审计日志');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of batches) {
    for (const e of batch) {
      ws.addRow(COLUMNS.map((c) => safeCell(c.value(e)))).commit();
    }
  }
  ws.commit();
  await wb.commit();
}
