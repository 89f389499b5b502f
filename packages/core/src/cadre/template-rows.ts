import {
  APPOINTMENT_COLUMNS,
  CATEGORY_LABELS,
  PERSON_COLUMNS,
  ROLE_KIND_LABELS,
  UNIT_KIND_LABELS,
  type CellValue,
} from './import-columns.ts';
import type { CadreRecord } from './record.ts';

/**
 * A record as rows of the import template (导出为导入模板): the people sheet's row and the appointments
 * sheet's rows, in template column order, so an exported workbook imports back (update by ID number)
 * to the same values. `unitLabel` is what the import resolves the unit by (its code path);
 * `establishmentLabel` likewise for 编制所在单位 (empty: the same as the working unit).
 */
export function templateRowsOf(
  record: CadreRecord,
  unitLabel: string,
  establishmentLabel = '',
): { person: CellValue[]; appointments: CellValue[][] } {
  const person: Record<(typeof PERSON_COLUMNS)[number]['key'], CellValue> = {
    name: record.name,
    gender: record.gender === 'male' ? '男' : '女',
    birthDate: record.birthDate,
    ethnicity: record.ethnicity,
    nativePlace: record.nativePlace,
    birthPlace: record.birthPlace,
    politicalStatus: record.politicalStatus,
    partyJoinDate: record.partyJoinDate,
    workStartDate: record.workStartDate,
    health: record.health,
    fte: record.fullTimeEducation.education,
    ftd: record.fullTimeEducation.degree,
    fts: record.fullTimeEducation.school,
    ftm: record.fullTimeEducation.major,
    ise: record.inServiceEducation.education,
    isd: record.inServiceEducation.degree,
    idNumber: record.idNumber,
    phone: record.phone,
    category: record.category ? CATEGORY_LABELS[record.category] : '',
    rank: record.rank,
    postTitle: record.postTitle,
    unit: unitLabel,
    establishment: establishmentLabel,
    tags: record.tags.join('、'),
  };
  const appointments = record.appointments.map((a) => {
    const row: Record<(typeof APPOINTMENT_COLUMNS)[number]['key'], CellValue> = {
      idNumber: record.idNumber,
      unitName: a.unitName,
      unitKind: a.unitKind ? (UNIT_KIND_LABELS[a.unitKind] ?? '') : '',
      title: a.title,
      isLeadership: a.isLeadership ? '是' : '否',
      roleKind: ROLE_KIND_LABELS[a.roleKind],
      rank: a.rank,
      start: a.start,
      end: a.end,
    };
    return APPOINTMENT_COLUMNS.map((c) => row[c.key] ?? null);
  });
  return { person: PERSON_COLUMNS.map((c) => person[c.key] ?? null), appointments };
}
