import { ageAt } from '../cadre/derived-facts.ts';
import { CATEGORY_LABELS, ROLE_KIND_LABELS } from '../cadre/import-columns.ts';
import type { CADRE_CATEGORIES, PartialDate, RoleKind } from '../cadre/model.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import { hasPracticeWithin } from '../training/practice-rules.ts';
import type { CadreCondition, PoolKind } from './condition.ts';

/**
 * A condition (`condition.ts`) judged on one person given as plain values, and put into words. The server
 * counts with SQL built from the same condition; this is the reference it is tested against, and what a pool
 * checks a nominee with (each clause not met named).
 */

export interface ConditionSubject {
  orgKind: OrgKind;
  orgTags: readonly string[];
  category: (typeof CADRE_CATEGORIES)[number] | null;
  rank: string;
  gender: 'male' | 'female';
  birthDate: PartialDate;
  education: string;
  politicalStatus: string;
  tags: readonly string[];
  professionalType: boolean;
  streetOrTownship: boolean;
  streetLeadership: boolean;
  townshipSecretary: boolean;
  grassrootsMonths: number;
  currentRoleKind: RoleKind | null;
  currentLeadership: boolean;
  /** pool memberships active on the day judged */
  pools: readonly { kind: PoolKind; level: string }[];
  /** practice postings (实战历练, issue 15): kind and start; absent: none */
  practices?: readonly { kind: string; startedOn: string }[];
}

const ORG_KIND_TEXT: Record<OrgKind, string> = {
  district: '区(县)本级',
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  station: '站点',
  enterprise: '企业',
};
export const ORG_TAG_TEXT: Record<string, string> = { professional: '专业部门' };
const POOL_TEXT: Record<PoolKind, string> = { reserve: '后备干部', young: '年轻干部库' };
/** the practice kinds every shipped pack names (实战历练); a kind of another pack reads as its id */
export const PRACTICE_KIND_TEXT: Record<string, string> = {
  frontline: '攻坚一线',
  key_project: '重点工程',
  inspection_tour: '巡察',
  stability: '涉稳涉访',
};
const yes = (b: boolean, y: string, n: string) => (b ? y : n);

/** One clause of a condition: its words and its test. */
interface Clause {
  text: string;
  holds: (s: ConditionSubject, asOf: string) => boolean;
}

function clausesOf(c: CadreCondition): Clause[] {
  const out: Clause[] = [];
  const add = (text: string, holds: Clause['holds']) => out.push({ text, holds });
  if (c.orgKinds) {
    const kinds = c.orgKinds;
    add(`所在单位为${kinds.map((k) => ORG_KIND_TEXT[k]).join('或')}`, (s) => kinds.includes(s.orgKind));
  }
  if (c.orgTags) {
    const tags = c.orgTags;
    add(`所在单位为${tags.map((t) => ORG_TAG_TEXT[t] ?? t).join('、')}`, (s) =>
      tags.every((t) => s.orgTags.includes(t)),
    );
  }
  if (c.categories) {
    const cats = c.categories;
    add(
      `人员类别为${cats.map((k) => CATEGORY_LABELS[k]).join('或')}`,
      (s) => s.category !== null && cats.includes(s.category),
    );
  }
  if (c.ranks) {
    const ranks = c.ranks;
    add(`职级为${ranks.join('或')}`, (s) => ranks.includes(s.rank));
  }
  if (c.gender) {
    const g = c.gender;
    add(g === 'female' ? '女性' : '男性', (s) => s.gender === g);
  }
  if (c.ageMin !== undefined && c.ageMax !== undefined) {
    const [lo, hi] = [c.ageMin, c.ageMax];
    add(`年龄 ${lo}–${hi} 岁`, (s, d) => ageAt(s.birthDate, d) >= lo && ageAt(s.birthDate, d) <= hi);
  } else if (c.ageMin !== undefined) {
    const lo = c.ageMin;
    add(`年龄 ${lo} 岁及以上`, (s, d) => ageAt(s.birthDate, d) >= lo);
  } else if (c.ageMax !== undefined) {
    const hi = c.ageMax;
    add(`年龄 ${hi} 岁及以下（${hi + 1} 岁以下）`, (s, d) => ageAt(s.birthDate, d) <= hi);
  }
  if (c.educations) {
    const eds = c.educations;
    add(`全日制学历为${eds.join('或')}`, (s) => eds.includes(s.education));
  }
  if (c.politicalStatuses) {
    const ps = c.politicalStatuses;
    add(`政治面貌为${ps.join('或')}`, (s) => ps.includes(s.politicalStatus));
  }
  if (c.tags) {
    const tags = c.tags;
    add(`带有标签“${tags.join('”“')}”`, (s) => tags.every((t) => s.tags.includes(t)));
  }
  if (c.professionalType !== undefined) {
    const v = c.professionalType;
    add(yes(v, '专业型干部', '非专业型干部'), (s) => s.professionalType === v);
  }
  if (c.streetOrTownship !== undefined) {
    const v = c.streetOrTownship;
    add(yes(v, '有街道或乡镇工作经历', '无街道或乡镇工作经历'), (s) => s.streetOrTownship === v);
  }
  if (c.streetLeadership !== undefined) {
    const v = c.streetLeadership;
    add(yes(v, '有街道领导工作经历', '无街道领导工作经历'), (s) => s.streetLeadership === v);
  }
  if (c.townshipSecretary !== undefined) {
    const v = c.townshipSecretary;
    add(
      yes(v, '有乡镇(街道)党(工)委书记经历', '无乡镇(街道)党(工)委书记经历'),
      (s) => s.townshipSecretary === v,
    );
  }
  if (c.grassrootsYearsMin !== undefined) {
    const months = Math.round(c.grassrootsYearsMin * 12);
    add(`基层工作满 ${c.grassrootsYearsMin} 年`, (s) => s.grassrootsMonths >= months);
  }
  if (c.currentRoleKinds) {
    const kinds = c.currentRoleKinds;
    add(
      `现任职务类别为${kinds.map((k) => ROLE_KIND_LABELS[k]).join('或')}`,
      (s) => s.currentRoleKind !== null && kinds.includes(s.currentRoleKind),
    );
  }
  if (c.currentLeadership !== undefined) {
    const v = c.currentLeadership;
    add(yes(v, '现任领导职务', '现任非领导职务'), (s) => s.currentLeadership === v);
  }
  if (c.pool) {
    const { kind, levels } = c.pool;
    add(`在${POOL_TEXT[kind]}${levels ? `（${levels.join('或')}）` : ''}中`, (s) =>
      s.pools.some((p) => p.kind === kind && (!levels || levels.includes(p.level))),
    );
  }
  if (c.practice) {
    const p = c.practice;
    const kinds = p.kinds ? `（${p.kinds.map((k) => PRACTICE_KIND_TEXT[k] ?? k).join('或')}）` : '';
    const within = p.withinYears !== undefined ? `近 ${p.withinYears} 年内` : '';
    add(`${within}有实战历练经历${kinds}`, (s, d) => hasPracticeWithin(s.practices ?? [], p, d));
  }
  return out;
}

/** Every clause holds (an empty condition holds for everyone). */
export function matchCondition(s: ConditionSubject, c: CadreCondition, asOf: string): boolean {
  return clausesOf(c).every((k) => k.holds(s, asOf));
}

/** The words of the clauses the person does not meet (empty: all met). */
export function unmetClauses(s: ConditionSubject, c: CadreCondition, asOf: string): string[] {
  return clausesOf(c)
    .filter((k) => !k.holds(s, asOf))
    .map((k) => k.text);
}

/** The condition in words: `所在单位为区直部门，现任领导职务`; an empty one: `全部在职干部`. */
export function conditionText(c: CadreCondition): string {
  const texts = clausesOf(c).map((k) => k.text);
  return texts.length ? texts.join('，') : '全部在职干部';
}
