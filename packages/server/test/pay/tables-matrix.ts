import ExcelJS from 'exceljs';
import { multipartFile } from '../helpers.ts';
import type { ModuleMatrix } from '../scope-matrix.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** a filled pay-table workbook: one 绩效奖 amount */
async function bonusWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效奖基数');
  ws.addRow(['等次编码*', '等次名称', '区直机关同等次绩效奖（元）*']);
  ws.addRow(['excellent', '优秀', 31000.5]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const workbook = await bonusWorkbook();

/**
 * The district's pay tables and statistics: district-wide salary standards (no unit's rows), so no request
 * targets the foreign street; each answer must still hold nothing of it (the template lists the ranks of
 * the caller's registry scope, never a unit), and an upload of the cadre import's workbook that names the
 * foreign street is refused as a sheet that is none of the tables.
 */
export const tablesMatrix: ModuleMatrix = {
  'GET /api/pay/tables': { requests: () => [{ query: { year: '2026' } }], targetsForeign: false },
  'PUT /api/pay/tables': {
    requests: () => [
      {
        payload: {
          year: 2026,
          kind: 'bonus-base',
          rows: [{ key: 'excellent', label: '优秀', amountFen: 3100050 }],
        },
      },
    ],
    targetsForeign: false,
  },
  'GET /api/pay/tables/template.xlsx': {
    requests: () => [{}, { query: { year: '2026' } }],
    targetsForeign: false,
  },
  'POST /api/pay/tables/import': {
    requests: (fx) => [
      { query: { year: '2026' }, ...multipartFile('x.xlsx', workbook, XLSX) },
      { query: { year: '2026' }, ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) },
    ],
    targetsForeign: false,
  },
  'POST /api/pay/tables/import/report': {
    requests: (fx) => [{ ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) }],
    targetsForeign: false, // a check report of the uploaded file itself; it writes nothing
  },
  'GET /api/pay/statistics': { requests: () => [{}], targetsForeign: false },
  'PUT /api/pay/statistics': {
    requests: () => [
      { payload: { key: 'rural-income-per-capita', year: 2026, valueFen: 2500000, source: '越权测试' } },
    ],
    targetsForeign: false,
  },
};
