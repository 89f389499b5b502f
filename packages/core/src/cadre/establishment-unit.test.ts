import { describe, expect, it } from 'vitest';
import { establishmentUnitProblem } from './establishment-unit.ts';
import { PERSON_COLUMNS, readPersonRow } from './import-columns.ts';
import { CadreRecordInputSchema } from './record.ts';
import { templateRowsOf } from './template-rows.ts';

const DEPT = '00000000-0000-4000-8000-000000000001';
const STREET = '00000000-0000-4000-8000-000000000002';
const GONE = '00000000-0000-4000-8000-000000000009';
const UNITS = new Map([
  [DEPT, '区民政局'],
  [STREET, '城南街道'],
]);
const base = { orgId: DEPT, name: '李二', gender: 'male', birthDate: '1986-04' } as const;

// 编制所在单位 (R-BUR-2): a department cadre on a street's establishment; empty = the working unit's.
describe('编制所在单位 on the record', () => {
  it('defaults to null (the working unit) and takes any unit id', () => {
    expect(CadreRecordInputSchema.parse(base).establishmentOrgId).toBeNull();
    expect(CadreRecordInputSchema.parse({ ...base, establishmentOrgId: STREET }).establishmentOrgId).toBe(
      STREET,
    );
  });

  it('is refused when not an id', () => {
    const r = CadreRecordInputSchema.safeParse({ ...base, establishmentOrgId: '城南街道' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['establishmentOrgId']);
  });

  it('must be a unit of the district: a street outside the writer’s scope is fine, an unknown id is not', () => {
    const rec = (id: string | null) => CadreRecordInputSchema.parse({ ...base, establishmentOrgId: id });
    expect(establishmentUnitProblem(rec(null), UNITS)).toBeNull();
    expect(establishmentUnitProblem(rec(STREET), UNITS)).toBeNull();
    expect(establishmentUnitProblem(rec(GONE), UNITS)).toEqual({
      field: 'establishmentOrgId',
      message: '编制所在单位不是本区的现有单位，请从单位列表中选择',
    });
  });
});

describe('编制所在单位 in the import template', () => {
  const col = PERSON_COLUMNS.findIndex((c) => c.key === 'establishment');

  it('is the last column (after 所在单位 and 标签), not required', () => {
    expect(col).toBe(PERSON_COLUMNS.length - 1);
    expect(PERSON_COLUMNS[col - 1]?.header).toBe('标签');
    expect(PERSON_COLUMNS[col]).toEqual({ key: 'establishment', header: '编制所在单位', width: 20 });
  });

  it('is read as written (the server resolves it like 所在单位), empty when blank', () => {
    const at = { sheet: '人员信息', row: 2 };
    const cells = { name: '李二', gender: '男', birthDate: '1986.04', unit: '区民政局' };
    expect(readPersonRow({ ...cells, establishment: ' 城南街道 ' }, at).establishment).toBe('城南街道');
    expect(readPersonRow(cells, at).establishment).toBe('');
  });

  it('is exported under its label, empty when the record has none', () => {
    const r = CadreRecordInputSchema.parse({ ...base, establishmentOrgId: STREET });
    expect(templateRowsOf(r, 'd.dept', 'd.street').person[col]).toBe('d.street');
    expect(templateRowsOf(r, 'd.dept').person[col]).toBe('');
  });
});
