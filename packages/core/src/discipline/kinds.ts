import type { DisciplineKind } from '../contracts/discipline.ts';
import type { Pack } from '../policy/pack.ts';

/**
 * The record kinds and grades a pack version states (its `discipline` section): the one place the
 * discipline module reads them. A pack without that section (a district's own pack from before issue 12)
 * falls back to the kinds the national regulations name — 提醒, 函询, 诫勉, 组织处理 (《中国共产党组织处理规定
 * （试行）》第七条), 党纪处分 (《中国共产党纪律处分条例》第八条) and 政务处分 (《公职人员政务处分法》第七条); names only, no
 * number a policy sets.
 */
export function recordKinds(pack: Pack): DisciplineKind[] {
  const kinds = pack.discipline?.kinds;
  if (!kinds) return NATIONAL_KINDS;
  return kinds.map((k) => ({
    id: k.code,
    name: k.name,
    nameEn: ENGLISH[k.code] ?? k.name,
    grades: k.grades.map((g) => ({
      id: g.code,
      name: g.name,
      nameEn: ENGLISH[`${k.code}.${g.code}`] ?? g.name,
    })),
  }));
}

/** English names of the kinds and grades the shipped packs use (UI labels, not policy). */
const ENGLISH: Record<string, string> = {
  reminder: 'Reminder',
  inquiry: 'Written inquiry',
  admonishment: 'Admonishment',
  org_handling: 'Organisational handling',
  'org_handling.suspension': 'Suspension for review',
  'org_handling.suspension_check': 'Suspension for review',
  'org_handling.post_adjustment': 'Post adjusted',
  'org_handling.ordered_resignation': 'Ordered to resign',
  'org_handling.resign_ordered': 'Ordered to resign',
  'org_handling.dismissal': 'Removed from post',
  'org_handling.demotion': 'Demoted',
  party_discipline: 'Party discipline',
  'party_discipline.warning': 'Warning',
  'party_discipline.serious_warning': 'Serious warning',
  'party_discipline.post_removal': 'Removal from Party posts',
  'party_discipline.removal_from_party_post': 'Removal from Party posts',
  'party_discipline.probation': 'Probation within the Party',
  'party_discipline.expulsion': 'Expulsion from the Party',
  government_sanction: 'Government sanction',
  'government_sanction.warning': 'Warning',
  'government_sanction.demerit': 'Demerit',
  'government_sanction.major_demerit': 'Major demerit',
  'government_sanction.downgrade': 'Demotion in grade',
  'government_sanction.demotion': 'Demotion in grade',
  'government_sanction.removal': 'Dismissal from post',
  'government_sanction.dismissal': 'Dismissal from post',
  'government_sanction.expulsion': 'Expulsion',
};

const kind = (id: string, name: string, grades: [string, string][] = []): DisciplineKind => ({
  id,
  name,
  nameEn: ENGLISH[id] ?? name,
  grades: grades.map(([g, n]) => ({ id: g, name: n, nameEn: ENGLISH[`${id}.${g}`] ?? n })),
});

const NATIONAL_KINDS: DisciplineKind[] = [
  kind('reminder', '提醒'),
  kind('inquiry', '函询'),
  kind('admonishment', '诫勉'),
  kind('org_handling', '组织处理', [
    ['suspension', '停职检查'],
    ['post_adjustment', '调整职务'],
    ['ordered_resignation', '责令辞职'],
    ['dismissal', '免职'],
    ['demotion', '降职'],
  ]),
  kind('party_discipline', '党纪处分', [
    ['warning', '警告'],
    ['serious_warning', '严重警告'],
    ['post_removal', '撤销党内职务'],
    ['probation', '留党察看'],
    ['expulsion', '开除党籍'],
  ]),
  kind('government_sanction', '政务处分', [
    ['warning', '警告'],
    ['demerit', '记过'],
    ['major_demerit', '记大过'],
    ['downgrade', '降级'],
    ['removal', '撤职'],
    ['expulsion', '开除'],
  ]),
];

/** The display name of a kind and grade ("党纪处分（警告）"), or the codes when the pack lacks them. */
export function recordKindName(
  kinds: readonly DisciplineKind[],
  kindId: string,
  grade: string | null,
): string {
  const k = kinds.find((x) => x.id === kindId);
  const name = k?.name ?? kindId;
  if (grade === null) return name;
  return `${name}（${k?.grades.find((x) => x.id === grade)?.name ?? grade}）`;
}
