import type { TFunction } from 'i18next';

/**
 * An import problem's field as officers name it: the record field path the server reports (`idNumber`,
 * `appointments.2.start`, `fullTimeEducation.school`) in the record page's own words — `身份证号`,
 * `任职经历第 3 条·开始时间`, `全日制教育·毕业院校系`. A path it does not know is shown as it came.
 */
const TOP: Record<string, string> = {
  name: 'cadre.name',
  gender: 'cadre.gender',
  birthDate: 'cadre.birthDate',
  ethnicity: 'cadre.ethnicity',
  nativePlace: 'cadre.nativePlace',
  birthPlace: 'cadre.birthPlace',
  politicalStatus: 'cadre.politicalStatus',
  partyJoinDate: 'cadre.partyJoinDate',
  workStartDate: 'cadre.workStartDate',
  health: 'cadre.health',
  idNumber: 'cadre.idNumber',
  phone: 'cadre.phone',
  orgId: 'cadre.org',
  postTitle: 'cadre.postTitle',
  rank: 'cadre.rank',
  category: 'cadre.category',
  professionalType: 'cadre.professionalType',
  professionalTitle: 'cadre.professionalTitle',
  specialty: 'cadre.specialty',
  fullTimeEducation: 'cadre.fullTimeEducation',
  inServiceEducation: 'cadre.inServiceEducation',
  tags: 'cadre.tags',
  rewardsAndPunishments: 'cadre.rewardsAndPunishments',
  annualAssessment: 'cadre.annualAssessment',
  appointments: 'cadre.tabs.appointments',
  family: 'cadre.tabs.family',
};
const SUB: Record<string, string> = {
  start: 'cadre.start',
  end: 'cadre.end',
  unitName: 'cadre.unitName',
  title: 'cadre.appointmentTitle',
  unitKind: 'cadre.unitKind',
  roleKind: 'cadre.roleKind',
  isLeadership: 'cadre.isLeadership',
  rank: 'cadre.rank',
  relation: 'cadre.relation',
  name: 'cadre.familyName',
  birthDate: 'cadre.birthDate',
  politicalStatus: 'cadre.politicalStatus',
  workUnitAndPost: 'cadre.workUnitAndPost',
  education: 'cadre.education',
  degree: 'cadre.degree',
  school: 'cadre.school',
  major: 'cadre.major',
};

export function importFieldText(t: TFunction, field: string): string {
  if (!field) return '';
  const [head = '', ...rest] = field.split('.');
  const top = TOP[head];
  if (!top) return field;
  // the keys are chosen at run time from the tables above (each is a key of the cadre bundle)
  const label = t as unknown as (key: string) => string;
  const parts = [label(top)];
  for (const part of rest) {
    if (/^\d+$/.test(part)) parts[parts.length - 1] += t('cadreImport.itemNo', { n: Number(part) + 1 });
    else parts.push(SUB[part] ? label(SUB[part]) : part);
  }
  return parts.join('·');
}
