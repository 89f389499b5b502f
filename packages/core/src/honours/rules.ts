import { formatSource } from '../eligibility/explain.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import type { Source } from '../policy/source.ts';
import type { HonourProposalRule, HonourQuota, HonoursSection } from './policy.ts';

/**
 * The rules of a commendation batch (R-HON-1), pure: a unit's quota of the batch's kind from the pack's share
 * of its active cadres, and the proposals (提名建议) the pack's rules draw from published annual grades.
 */

/** What a batch copies from the pack in force when it is created (it finishes under these rules). */
export interface HonourBatchRules {
  kind: { id: string; name: string; rank: number };
  /** the pack's quota rows of the batch's kind */
  quotas: HonourQuota[];
  noticeWorkingDays: number;
  /** the pack's proposal rules of the batch's kind */
  proposalRules: HonourProposalRule[];
  /** the sources of /honours/quotas, /honours/noticeWorkingDays, /honours/proposalRules (when the pack names them) */
  sources: Record<string, Source>;
  packName: string;
}

/** The rules of kind `kindId` of a pack's honours section; null when the pack has no such kind. */
export function batchRulesOf(
  section: HonoursSection,
  kindId: string,
  packName: string,
  sources: Record<string, Source>,
): HonourBatchRules | null {
  const kind = section.kinds.find((k) => k.id === kindId);
  if (!kind) return null;
  const wanted = ['/honours/quotas', '/honours/noticeWorkingDays', '/honours/proposalRules', '/honours'];
  return {
    kind: { id: kind.id, name: kind.name, rank: kind.rank },
    quotas: section.quotas.filter((q) => q.kindId === kindId),
    noticeWorkingDays: section.noticeWorkingDays,
    proposalRules: section.proposalRules.filter((r) => r.kindId === kindId),
    sources: Object.fromEntries(wanted.filter((p) => sources[p]).map((p) => [p, sources[p]!])),
    packName,
  };
}

const ROUNDING_NAMES = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' } as const;

const ORG_KIND_NAMES: Record<OrgKind, string> = {
  district: '区',
  department: '区直单位',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  station: '站点',
  enterprise: '企业',
};

/** A number as the explanation writes it: up to two decimals, no trailing zeros. */
function figure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function sourceNote(rules: HonourBatchRules): string {
  const s = rules.sources['/honours/quotas'] ?? rules.sources['/honours'];
  return s ? `${rules.packName}：${formatSource(s)}` : rules.packName;
}

export interface HonourUnitQuota {
  /** null: no quota row of the batch's kind covers the unit's kind (名额不限) */
  sharePercent: number | null;
  quota: number | null;
  explanation: string;
}

/**
 * A unit's quota: rounding(sharePercent% × active cadres), at least minPerUnit (but not more than the unit's
 * cadres), from the quota row whose
 * unitKinds holds the unit's kind, e.g. "甲街道：在册干部 23 人 × 15% = 3.45，向下取整 3 名（…）".
 */
export function unitQuota(
  rules: HonourBatchRules,
  unit: { name: string; kind: OrgKind },
  activeCadres: number,
): HonourUnitQuota {
  const row = rules.quotas.find((q) => q.unitKinds.includes(unit.kind));
  if (!row)
    return {
      sharePercent: null,
      quota: null,
      explanation: `${unit.name}：政策包对${ORG_KIND_NAMES[unit.kind]}的“${rules.kind.name}”未设名额比例，名额不限（${rules.packName}）`,
    };
  const raw = (activeCadres * row.sharePercent) / 100;
  // one rounding of the product: 23 × 15 / 100 = 3.45 exactly, not 3.4499…
  const exact = Math.round(raw * 1e6) / 1e6;
  const rounded =
    row.rounding === 'floor'
      ? Math.floor(exact)
      : row.rounding === 'ceil'
        ? Math.ceil(exact)
        : Math.round(exact);
  // the floor never gives a unit more places than it has cadres (a unit with nobody gets none)
  const floor = Math.min(row.minPerUnit, activeCadres);
  const quota = Math.max(rounded, floor);
  const floorNote = quota > rounded ? `，不足 ${row.minPerUnit} 名按每单位至少 ${floor} 名计` : '';
  return {
    sharePercent: row.sharePercent,
    quota,
    explanation:
      `${unit.name}：在册干部 ${activeCadres} 人 × ${figure(row.sharePercent)}% = ${figure(exact)}，` +
      `${ROUNDING_NAMES[row.rounding]} ${rounded} 名${floorNote}，“${rules.kind.name}”名额 ${quota} 名（${sourceNote(rules)}）`,
  };
}

/** The pack's quota row in words, for the policy view: "街道：在册干部的 15%，向下取整，至少 1 名". */
export function quotaRuleText(q: HonourQuota): string {
  const kinds = q.unitKinds.map((k) => ORG_KIND_NAMES[k]).join('、');
  return `${kinds}：在册干部的 ${figure(q.sharePercent)}%，${ROUNDING_NAMES[q.rounding]}，每单位至少 ${q.minPerUnit} 名`;
}

/** The proposal rule in words: "年度考核连续 3 年为优秀的，提名记三等功". */
export function proposalRuleText(r: HonourProposalRule, kindName: string): string {
  const grades = r.grades.join('或');
  return r.consecutiveYears === 1
    ? `年度考核为${grades}的，提名${kindName}`
    : `年度考核连续 ${r.consecutiveYears} 年为${grades}的，提名${kindName}`;
}

/** One published annual grade of a cadre (the record page's 年度考核结果). */
export interface AnnualGrade {
  year: number;
  /** the grade's name (优秀 …) */
  gradeName: string;
}

/**
 * The years a rule finds: the grade held in each of `consecutiveYears` consecutive years ending with the
 * batch's year or the year before (the batch's own year is often not assessed yet). Null when not met.
 */
export function proposalYears(
  rule: HonourProposalRule,
  grades: AnnualGrade[],
  batchYear: number,
): number[] | null {
  const byYear = new Map<number, string[]>();
  for (const g of grades) byYear.set(g.year, [...(byYear.get(g.year) ?? []), g.gradeName]);
  const holds = (y: number) => (byYear.get(y) ?? []).some((n) => rule.grades.includes(n));
  for (const last of [batchYear, batchYear - 1]) {
    const years = Array.from(
      { length: rule.consecutiveYears },
      (_, i) => last - rule.consecutiveYears + 1 + i,
    );
    if (years.every(holds)) return years;
  }
  return null;
}

/** "2023、2024、2025 年度考核均为优秀，按“年度考核连续 3 年为优秀的，提名记三等功”（…）提名" */
export function proposalExplanation(
  rule: HonourProposalRule,
  rules: HonourBatchRules,
  years: number[],
): string {
  const s = rules.sources['/honours/proposalRules'] ?? rules.sources['/honours'];
  const cite = s ? `${rules.packName}：${formatSource(s)}` : rules.packName;
  const grades = rule.grades.join('或');
  return `${years.join('、')} 年度考核${years.length > 1 ? '均' : ''}为${grades}，按“${proposalRuleText(rule, rules.kind.name)}”提名（${cite}）`;
}
