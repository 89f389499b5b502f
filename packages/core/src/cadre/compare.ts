import type { CadreRecord } from './record.ts';

/** 字段名称 as officers read them on the 任免审批表. */
export const CADRE_FIELD_LABELS: Partial<Record<keyof CadreRecord, string>> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生年月',
  ethnicity: '民族',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  politicalStatus: '政治面貌',
  partyJoinDate: '入党时间',
  workStartDate: '参加工作时间',
  health: '健康状况',
  professionalTitle: '专业技术职务',
  specialty: '熟悉专业有何专长',
  fullTimeEducation: '全日制教育',
  inServiceEducation: '在职教育',
  postTitle: '现任职务',
  rewardsAndPunishments: '奖惩情况',
  annualAssessment: '年度考核结果',
  idNumber: '身份证号',
  family: '家庭成员',
  appointments: '简历（任职经历）',
};

export interface FieldDifference {
  field: keyof CadreRecord;
  label: string;
  registry: unknown;
  incoming: unknown;
}

/** Canonical JSON (sorted keys) so objects compare by content, not key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const empty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Field-by-field differences between the registry's record and an incoming one (an approval form),
 * for the fields an approval form carries. Appointments compare by period and text only, since a form's
 * resume has no unit kinds; education by 学历, 学位 and 毕业院校系及专业 as one text, since a form (an LRMX) keeps
 * school and major in one field (a record exported and imported again shows no false difference).
 */
export function compareRecords(
  registry: Partial<CadreRecord>,
  incoming: Partial<CadreRecord>,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const field of Object.keys(CADRE_FIELD_LABELS) as (keyof CadreRecord)[]) {
    let a: unknown = registry[field];
    let b: unknown = incoming[field];
    if (field === 'appointments') {
      const line = (x: { unitName: string; title: string; start: string; end: string | null }) =>
        `${x.start}|${x.end ?? ''}|${x.unitName}${x.title}`;
      a = (registry.appointments ?? []).map(line);
      b = (incoming.appointments ?? []).map(line);
    }
    if (field === 'fullTimeEducation' || field === 'inServiceEducation') {
      // a form writes 毕业院校系及专业 as one run of text: school and major compare as that run
      const asForm = (e: CadreRecord['fullTimeEducation'] | undefined) =>
        e && { education: e.education, degree: e.degree, schoolAndMajor: e.school + e.major };
      a = asForm(registry[field]);
      b = asForm(incoming[field]);
    }
    if (empty(a) && empty(b)) continue;
    if (canonical(a) !== canonical(b)) {
      out.push({
        field,
        label: CADRE_FIELD_LABELS[field] ?? field,
        registry: registry[field] ?? null,
        incoming: incoming[field] ?? null,
      });
    }
  }
  return out;
}
