/**
 * The Excel template of the registry (干部信息导入模板) and the pure mapping of one row to a record.
 * Cell values arrive as ExcelJS gives them (string, number, Date, rich text flattened to string).
 */
import { ROLE_KINDS, CADRE_CATEGORIES, type RoleKind } from './model.ts';
import { parseIdNumber } from './id-number.ts';
import { parseOfficerDate } from './officer-date.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import type { CadrePersonalField } from './record.ts';

export type CellValue = string | number | boolean | Date | null;

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export const CATEGORY_LABELS: Record<(typeof CADRE_CATEGORIES)[number], string> = {
  comprehensive: '综合管理类',
  law_enforcement: '行政执法类',
  professional_technical: '专业技术类',
  public_institution: '事业',
  village_community: '村(社区)干部',
};

export const ROLE_KIND_LABELS: Record<RoleKind, string> = {
  party_secretary: '党(工)委书记',
  government_head: '行政主要负责人',
  team_member: '班子成员',
  village_principal: '两委主干',
  staff: '一般工作人员',
  other: '其他',
};

export const UNIT_KIND_LABELS: Partial<Record<OrgKind, string>> = {
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  enterprise: '企业',
};

type PersonField =
  | CadrePersonalField
  | 'fte'
  | 'ftd'
  | 'fts'
  | 'ftm'
  | 'ise'
  | 'isd'
  | 'idNumber'
  | 'phone'
  | 'category'
  | 'rank'
  | 'postTitle'
  | 'unit'
  | 'establishment'
  | 'tags';

/** Columns of the people sheet, in template order. `required` columns are marked * in the header. */
export const PERSON_COLUMNS: {
  key: PersonField;
  header: string;
  required?: boolean;
  width: number;
  list?: string[];
}[] = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'gender', header: '性别', required: true, width: 6, list: ['男', '女'] },
  { key: 'birthDate', header: '出生年月', required: true, width: 12 },
  { key: 'ethnicity', header: '民族', width: 8 },
  { key: 'nativePlace', header: '籍贯', width: 12 },
  { key: 'birthPlace', header: '出生地', width: 12 },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    width: 12,
    list: ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'],
  },
  { key: 'partyJoinDate', header: '入党时间', width: 12 },
  { key: 'workStartDate', header: '参加工作时间', width: 12 },
  { key: 'health', header: '健康状况', width: 10 },
  {
    key: 'fte',
    header: '全日制学历',
    width: 10,
    list: ['研究生', '大学', '大专', '中专', '高中', '初中及以下'],
  },
  { key: 'ftd', header: '全日制学位', width: 10, list: ['博士', '硕士', '学士'] },
  { key: 'fts', header: '毕业院校', width: 18 },
  { key: 'ftm', header: '所学专业', width: 14 },
  { key: 'ise', header: '在职学历', width: 10, list: ['研究生', '大学', '大专'] },
  { key: 'isd', header: '在职学位', width: 10, list: ['博士', '硕士', '学士'] },
  { key: 'idNumber', header: '身份证号', width: 20 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'category', header: '人员类别', width: 14, list: Object.values(CATEGORY_LABELS) },
  { key: 'rank', header: '职级', width: 12 },
  { key: 'postTitle', header: '现任职务', width: 24 },
  { key: 'unit', header: '所在单位', required: true, width: 20 },
  { key: 'tags', header: '标签', width: 16 },
  // 编制所在单位: named like 所在单位 (code path or unique name); empty: the same as 所在单位. Last, so
  // workbooks filled by column position before it existed still read the same
  { key: 'establishment', header: '编制所在单位', width: 20 },
];

type AppointmentField =
  'idNumber' | 'unitName' | 'unitKind' | 'title' | 'isLeadership' | 'roleKind' | 'rank' | 'start' | 'end';

export const APPOINTMENT_COLUMNS: {
  key: AppointmentField;
  header: string;
  required?: boolean;
  width: number;
  list?: string[];
}[] = [
  { key: 'idNumber', header: '身份证号', required: true, width: 20 },
  { key: 'unitName', header: '任职单位', required: true, width: 20 },
  { key: 'unitKind', header: '单位类型', width: 10, list: Object.values(UNIT_KIND_LABELS) },
  { key: 'title', header: '职务', width: 18 },
  { key: 'isLeadership', header: '是否领导职务', width: 12, list: ['是', '否'] },
  { key: 'roleKind', header: '职务类别', width: 14, list: ROLE_KINDS.map((k) => ROLE_KIND_LABELS[k]) },
  { key: 'rank', header: '职级', width: 10 },
  { key: 'start', header: '起始时间', required: true, width: 12 },
  { key: 'end', header: '终止时间', width: 12 },
];

export const PEOPLE_SHEET = '人员信息';
export const APPOINTMENTS_SHEET = '任职经历';

export const headerLabel = (c: { header: string; required?: boolean }) =>
  c.required ? `${c.header}*` : c.header;

const text = (v: CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

function reverse<K extends string>(labels: Partial<Record<K, string>>): Map<string, K> {
  return new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
}
const CATEGORY_BY_LABEL = reverse(CATEGORY_LABELS);
const ROLE_BY_LABEL = reverse(ROLE_KIND_LABELS);
const UNIT_KIND_BY_LABEL = reverse(UNIT_KIND_LABELS);

/** Read a row (cells keyed by column key) into record fields; problems are reported per column. */
export function readPersonRow(
  cells: Partial<Record<PersonField, CellValue>>,
  at: { sheet: string; row: number },
): { fields: Record<string, unknown>; unit: string; establishment: string; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const err = (key: PersonField, message: string) =>
    errors.push({ ...at, column: PERSON_COLUMNS.find((c) => c.key === key)?.header ?? key, message });
  const date = (key: PersonField, required = false): string | null => {
    const v = cells[key];
    if (v === null || v === undefined || text(v) === '') {
      if (required) err(key, '必填');
      return null;
    }
    const parsed = parseOfficerDate(v instanceof Date ? v : typeof v === 'number' ? v : text(v));
    if (!parsed.ok) {
      err(key, parsed.message);
      return null;
    }
    return parsed.value;
  };
  for (const c of PERSON_COLUMNS)
    if (c.required && c.key !== 'birthDate' && text(cells[c.key] ?? null) === '') err(c.key, '必填');
  const genderText = text(cells.gender ?? null);
  const gender = genderText === '男' ? 'male' : genderText === '女' ? 'female' : null;
  if (genderText && !gender) err('gender', '性别应为“男”或“女”');
  const categoryText = text(cells.category ?? null);
  const category = categoryText ? (CATEGORY_BY_LABEL.get(categoryText) ?? null) : null;
  if (categoryText && !category)
    err('category', `人员类别应为：${Object.values(CATEGORY_LABELS).join('、')}`);
  let idNumber: string | null = text(cells.idNumber ?? null) || null;
  if (idNumber) {
    const parsed = parseIdNumber(idNumber);
    if (!parsed.ok) err('idNumber', parsed.message);
    else idNumber = parsed.normalized;
  }
  const fields = {
    name: text(cells.name ?? null),
    gender,
    birthDate: date('birthDate', true),
    ethnicity: text(cells.ethnicity ?? null),
    nativePlace: text(cells.nativePlace ?? null),
    birthPlace: text(cells.birthPlace ?? null),
    politicalStatus: text(cells.politicalStatus ?? null),
    partyJoinDate: date('partyJoinDate'),
    workStartDate: date('workStartDate'),
    health: text(cells.health ?? null),
    fullTimeEducation: {
      education: text(cells.fte ?? null),
      degree: text(cells.ftd ?? null),
      school: text(cells.fts ?? null),
      major: text(cells.ftm ?? null),
    },
    inServiceEducation: {
      education: text(cells.ise ?? null),
      degree: text(cells.isd ?? null),
      school: '',
      major: '',
    },
    idNumber,
    phone: text(cells.phone ?? null).replace(/\s/g, '') || null,
    category,
    rank: text(cells.rank ?? null),
    postTitle: text(cells.postTitle ?? null),
    tags: text(cells.tags ?? null)
      .split(/[,，、\s]+/)
      .filter(Boolean),
  };
  return {
    fields,
    unit: text(cells.unit ?? null),
    establishment: text(cells.establishment ?? null),
    errors,
  };
}

export function readAppointmentRow(
  cells: Partial<Record<AppointmentField, CellValue>>,
  at: { sheet: string; row: number },
): { idNumber: string; appointment: Record<string, unknown>; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const err = (key: AppointmentField, message: string) =>
    errors.push({ ...at, column: APPOINTMENT_COLUMNS.find((c) => c.key === key)?.header ?? key, message });
  for (const c of APPOINTMENT_COLUMNS)
    if (c.required && text(cells[c.key] ?? null) === '') err(c.key, '必填');
  const date = (key: 'start' | 'end'): string | null => {
    const v = cells[key];
    if (v === null || v === undefined || text(v) === '') return null;
    const parsed = parseOfficerDate(v instanceof Date ? v : typeof v === 'number' ? v : text(v));
    if (!parsed.ok) err(key, parsed.message);
    return parsed.ok ? parsed.value : null;
  };
  const kindText = text(cells.unitKind ?? null);
  const unitKind = kindText ? (UNIT_KIND_BY_LABEL.get(kindText) ?? null) : null;
  if (kindText && !unitKind) err('unitKind', `单位类型应为：${Object.values(UNIT_KIND_LABELS).join('、')}`);
  const roleText = text(cells.roleKind ?? null);
  const roleKind = roleText ? (ROLE_BY_LABEL.get(roleText) ?? null) : 'staff';
  if (roleText && !roleKind) err('roleKind', `职务类别应为：${Object.values(ROLE_KIND_LABELS).join('、')}`);
  const leaderText = text(cells.isLeadership ?? null);
  if (leaderText && leaderText !== '是' && leaderText !== '否') err('isLeadership', '应为“是”或“否”');
  const rawId = text(cells.idNumber ?? null);
  const parsedId = rawId ? parseIdNumber(rawId) : null;
  return {
    idNumber: parsedId?.ok ? parsedId.normalized : rawId,
    appointment: {
      unitName: text(cells.unitName ?? null),
      unitKind,
      title: text(cells.title ?? null),
      isLeadership: leaderText === '是',
      roleKind: roleKind ?? 'staff',
      rank: text(cells.rank ?? null),
      start: date('start'),
      end: date('end'),
    },
    errors,
  };
}
