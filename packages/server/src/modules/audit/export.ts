import type { Writable } from 'node:stream';
import type { AuditEntry } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/xlsx-cell.ts';

const COLUMNS: { header: string; key: keyof AuditEntry; width: number }[] = [
  { header: '序号', key: 'id', width: 10 },
  { header: '时间(UTC)', key: 'at', width: 26 },
  { header: '操作人', key: 'actorUsername', width: 14 },
  { header: '角色', key: 'actorRoles', width: 16 },
  { header: '操作', key: 'action', width: 28 },
  { header: '对象类型', key: 'objectType', width: 12 },
  { header: '对象', key: 'objectId', width: 38 },
  { header: '结果', key: 'result', width: 10 },
  { header: '客户端地址', key: 'clientAddress', width: 16 },
  { header: '变更前', key: 'before', width: 40 },
  { header: '变更后', key: 'after', width: 40 },
  { header: '哈希', key: 'hash', width: 66 },
];

/**
 * Write an xlsx of audit rows to `out`, batch by batch, committing each row as it goes,
 * so memory stays flat however long the log is.
 */
export async function writeAuditWorkbook(batches: AsyncIterable<AuditEntry[]>, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('审计日志');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of batches) {
    for (const e of batch) {
      ws.addRow(
        Object.fromEntries(
          COLUMNS.map((c) => [c.key, c.key === 'actorRoles' ? e.actorRoles.join(',') : safeCell(e[c.key])]),
        ),
      ).commit();
    }
  }
  ws.commit();
  await wb.commit();
}
