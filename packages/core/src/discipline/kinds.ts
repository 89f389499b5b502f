import type { DisciplineKind } from '../contracts/discipline.ts';
import type { Pack } from '../policy/pack.ts';

/**
 * The record kinds and grades a pack version states: the one place that reads them, so the pack's
 * `discipline` section (issue 12 §1, with what each kind does to eligibility) is switched to here.
 *
 * Until a pack carries that section, the kinds named by the national regulations are used: 提醒, 函询, 诫勉
 * (《领导干部报告个人有关事项规定》, 《党政领导干部选拔任用工作条例》), 组织处理 (《中国共产党组织处理规定（试行）》
 * 第七条), 党纪处分 (《中国共产党纪律处分条例》第八条) and 政务处分 (《公职人员政务处分法》第七条). Names only:
 * no number a policy sets is here.
 */
export function recordKinds(pack: Pack): DisciplineKind[] {
  const section = (pack as { discipline?: { recordKinds?: unknown } }).discipline;
  if (section && Array.isArray(section.recordKinds)) return section.recordKinds as DisciplineKind[];
  return NATIONAL_KINDS;
}

const g = (id: string, name: string, nameEn: string) => ({ id, name, nameEn });

const NATIONAL_KINDS: DisciplineKind[] = [
  { id: 'reminder', name: '提醒', nameEn: 'Reminder', grades: [] },
  { id: 'inquiry', name: '函询', nameEn: 'Written inquiry', grades: [] },
  { id: 'admonishment', name: '诫勉', nameEn: 'Admonishment', grades: [] },
  {
    id: 'org_handling',
    name: '组织处理',
    nameEn: 'Organisational handling',
    grades: [
      g('suspension_check', '停职检查', 'Suspension for review'),
      g('post_adjustment', '调整职务', 'Post adjusted'),
      g('resign_ordered', '责令辞职', 'Ordered to resign'),
      g('dismissal', '免职', 'Removed from post'),
      g('demotion', '降职', 'Demoted'),
    ],
  },
  {
    id: 'party_discipline',
    name: '党纪处分',
    nameEn: 'Party discipline',
    grades: [
      g('warning', '警告', 'Warning'),
      g('serious_warning', '严重警告', 'Serious warning'),
      g('removal_from_party_post', '撤销党内职务', 'Removal from Party posts'),
      g('probation', '留党察看', 'Probation within the Party'),
      g('expulsion', '开除党籍', 'Expulsion from the Party'),
    ],
  },
  {
    id: 'government_sanction',
    name: '政务处分',
    nameEn: 'Government sanction',
    grades: [
      g('warning', '警告', 'Warning'),
      g('demerit', '记过', 'Demerit'),
      g('major_demerit', '记大过', 'Major demerit'),
      g('demotion', '降级', 'Demotion in grade'),
      g('dismissal', '撤职', 'Dismissal from post'),
      g('expulsion', '开除', 'Expulsion'),
    ],
  },
];

/** The display name of a kind and grade ("党纪处分（警告）"), or the codes when the pack lacks them. */
export function recordKindName(kinds: readonly DisciplineKind[], kind: string, grade: string | null): string {
  const k = kinds.find((x) => x.id === kind);
  const name = k?.name ?? kind;
  if (grade === null) return name;
  return `${name}（${k?.grades.find((x) => x.id === grade)?.name ?? grade}）`;
}
