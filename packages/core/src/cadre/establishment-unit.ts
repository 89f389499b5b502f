import type { FieldProblem } from './validate.ts';

/** The message when 编制所在单位 names no unit of the district (stable code `ESTABLISHMENT_UNIT_UNKNOWN`). */
export const ESTABLISHMENT_UNIT_UNKNOWN = '编制所在单位不是本区的现有单位，请从单位列表中选择';

/**
 * 编制所在单位 (R-BUR-2) checked against the district's active units (`units`: id → name, whatever the
 * writer's scope: a department cadre on a street's establishment is the normal case). Empty is fine: the
 * working unit's establishment.
 */
export function establishmentUnitProblem(
  record: { establishmentOrgId: string | null },
  units: ReadonlyMap<string, string>,
): FieldProblem | null {
  if (record.establishmentOrgId === null || units.has(record.establishmentOrgId)) return null;
  return { field: 'establishmentOrgId', message: ESTABLISHMENT_UNIT_UNKNOWN };
}
