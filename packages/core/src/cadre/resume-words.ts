import type { OrgKind } from '../org/org-kinds.ts';

/**
 * The words a 简历 is read by, as data: which lines are study rather than posts, the 挂职 / 兼任 markers,
 * and the unit names that say what kind of unit a post was in. `resume-parse.ts` only looks them up.
 */

/** A line ending with one of these is a study period (学历教育), not a post: "…大学…专业学习", "…在职研究生学习". */
export const STUDY_ENDINGS: readonly string[] = ['学习', '就读', '读书', '求学', '进修', '深造'];

/** A line starting with one of these is a study period too: "就读于…". */
export const STUDY_OPENINGS: readonly string[] = ['就读于', '就读'];

/** Periods that are neither post nor study (not appointments, counted nowhere). */
export const OTHER_TEXTS: readonly string[] = ['待业', '待分配', '待岗'];

/** 挂职: written before the post ("挂职任某县副县长", "在某县挂职任副县长") or after it ("…（挂职）"). */
export const SECONDMENT_MARKERS: readonly string[] = ['挂职锻炼任', '挂职任', '挂任', '挂职锻炼', '挂职'];
export const SECONDMENT_SUFFIXES: readonly string[] = ['（挂职锻炼）', '(挂职锻炼)', '（挂职）', '(挂职)'];

/** 兼任: written before a post held alongside the main one ("其间：兼任某村党支部第一书记"). */
export const CONCURRENT_MARKERS: readonly string[] = ['兼任', '兼'];

/** What the title of a post held on secondment carries, so the registry keeps the fact. */
export const SECONDMENT_TITLE_NOTE = '（挂职）';

/**
 * Unit kinds read from the unit name, first match wins (a 社区 or 村 inside a 街道 or 镇 is that 社区 or 村).
 * Only names that say it plainly: "城镇管理局" or "乡村振兴局" are no township.
 */
export const UNIT_KIND_MARKERS: readonly { kind: OrgKind; pattern: RegExp }[] = [
  { kind: 'community', pattern: /社区/ },
  { kind: 'village', pattern: /村(?:党支部|党总支|党委|民委员会|委会|$)/ },
  { kind: 'street', pattern: /街道/ },
  { kind: 'township', pattern: /[镇乡](?:党委|人民政府|政府|人大|纪委|武装部|$)/ },
];
