import type { OrgKind } from '../org/org-kinds.ts';
import type { Source } from '../policy/source.ts';
import type { IndicatorValue } from '../contracts/selection/indicators.ts';
import { conditionText } from './condition-match.ts';
import type { Indicator, IndicatorTarget } from './indicator.ts';

/**
 * A structure indicator (`indicator.ts`) judged from counts (R-SEL-1): the server counts the population and
 * the numerator with SQL (over a unit's subtree, and per judged unit for a `judgedPer` indicator); this
 * turns the counts into the value, the judgment, the gap and the words.
 *
 * - Share: percent with one decimal, half up, in integer arithmetic: tenths = ⌊(2000·num + pop) / (2·pop)⌋.
 *   The judgment compares the exact fraction with the target (num·1000 ≥ percent·10·pop), not the rounded
 *   value; a share of an empty population is not judged (value and met null, gap 0).
 * - Gap (people still missing, 0 when met), with the population fixed: share ≥ p → ⌈p%·pop⌉ − num; share
 *   ≤ p → num − ⌊p%·pop⌋ (how many too many); count ≥ n → n − num; count ≤ n → num − n; floored at 0.
 * - Per unit (`judgedPer`): every judged unit is judged on its own subtree; met when every judged unit
 *   meets it (null when no unit is judged); the gap is summed over the units short of it. A unit whose
 *   share has an empty population is not judged. The value shown is the count (or share) over the whole
 *   scope.
 */

export interface IndicatorCounts {
  population: number;
  numerator: number;
}

export interface JudgedFigures {
  value: number | null;
  valueText: string;
  met: boolean | null;
  gap: number;
  units: { judged: number; meeting: number } | null;
}

/** percent (up to one decimal) as integer tenths: 30 → 300, 12.5 → 125 */
const tenthsOf = (percent: number) => Math.round(percent * 10);

/** the share in tenths of a percent, half up: 3/8 → 375 (37.5%), 1/3 → 333, 2/3 → 667 */
export function shareTenths(numerator: number, population: number): number {
  return Math.floor((2000 * numerator + population) / (2 * population));
}

/** 375 → `37.5%`, 300 → `30.0%` */
const tenthsText = (t: number) => `${Math.floor(t / 10)}.${t % 10}%`;

/** the judgment of one set of counts against the target (no units) */
export function judgeCounts(
  target: IndicatorTarget,
  c: IndicatorCounts,
): Pick<JudgedFigures, 'value' | 'valueText' | 'met' | 'gap'> {
  if (target.measure === 'count') {
    const met = target.op === 'gte' ? c.numerator >= target.count : c.numerator <= target.count;
    const gap = Math.max(0, target.op === 'gte' ? target.count - c.numerator : c.numerator - target.count);
    return { value: c.numerator, valueText: `${c.numerator} 人`, met, gap };
  }
  if (c.population === 0) return { value: null, valueText: '无统计对象（0/0）', met: null, gap: 0 };
  const t = shareTenths(c.numerator, c.population);
  const p = tenthsOf(target.percent);
  // exact: num / pop ≥ p / 1000  ⇔  1000·num ≥ p·pop
  const met =
    target.op === 'gte' ? 1000 * c.numerator >= p * c.population : 1000 * c.numerator <= p * c.population;
  const needed = Math.floor((p * c.population + 999) / 1000); // ⌈p%·pop⌉
  const allowed = Math.floor((p * c.population) / 1000); // ⌊p%·pop⌋
  const gap = Math.max(0, target.op === 'gte' ? needed - c.numerator : c.numerator - allowed);
  return { value: t / 10, valueText: `${tenthsText(t)}（${c.numerator}/${c.population}）`, met, gap };
}

/** the figures over a scope: judged as a whole, or unit by unit when `units` are given (judgedPer) */
export function judgeIndicator(
  target: IndicatorTarget,
  total: IndicatorCounts,
  units: readonly IndicatorCounts[] | null,
): JudgedFigures {
  const whole = judgeCounts(target, total);
  if (!units) return { ...whole, units: null };
  let judged = 0;
  let meeting = 0;
  let gap = 0;
  for (const u of units) {
    const j = judgeCounts(target, u);
    if (j.met === null) continue;
    judged++;
    if (j.met) meeting++;
    gap += j.gap;
  }
  return { ...whole, met: judged === 0 ? null : meeting === judged, gap, units: { judged, meeting } };
}

const KIND_SHORT: Record<OrgKind, string> = {
  district: '区(县)',
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  station: '站点',
  enterprise: '企业',
};

const opText = (op: 'gte' | 'lte') => (op === 'gte' ? '≥' : '≤');

/** `≥ 50%`, `≥ 5 人`, `每个村、社区 ≥ 2 人` */
export function targetText(ind: Pick<Indicator, 'target' | 'judgedPer'>): string {
  const t = ind.target;
  const base = t.measure === 'share' ? `${opText(t.op)} ${t.percent}%` : `${opText(t.op)} ${t.count} 人`;
  return ind.judgedPer ? `每个${ind.judgedPer.map((k) => KIND_SHORT[k]).join('、')} ${base}` : base;
}

/** A source in one line (as the eligibility answers print it): 《条例》第十条 / 种子 004：“…” / 假设：… */
function sourceLine(s: Source): string {
  if ('regulation' in s) return `${s.regulation}${s.article}`;
  if ('seed' in s) return `种子 ${s.seed}：“${s.figure}”`;
  return `假设：${s.assumed}`;
}

/**
 * The source of the indicator's target: the pack's entry nearest at or above
 * `/selection/indicators/<index>/target/<percent|count>`; an indicator the pack does not source says so.
 */
export function indicatorSourceText(
  sources: Readonly<Record<string, Source>>,
  index: number,
  target: IndicatorTarget,
): string {
  const leaf = target.measure === 'share' ? 'percent' : 'count';
  for (
    let p = `/selection/indicators/${index}/target/${leaf}`;
    p.length > 0;
    p = p.slice(0, p.lastIndexOf('/'))
  ) {
    const s = sources[p];
    if (s) return sourceLine(s);
  }
  return '政策包未注明出处';
}

function judgmentText(ind: Indicator, f: JudgedFigures): string {
  const tt = targetText(ind);
  if (f.met === null) return `无统计对象，不作判断（目标 ${tt}）`;
  if (f.met) return `达到目标 ${tt}`;
  const t = ind.target;
  const why = t.op === 'lte' ? `超出 ${f.gap} 人` : `还差 ${f.gap} 人`;
  return `未达到目标 ${tt}，${why}`;
}

/**
 * The Chinese sentence of how the value and the judgment were reached, e.g. `在丰泽区，统计对象为“在后备干部
 * （副处级）中”的在职干部 8 人，其中“有街道领导工作经历”的 3 人，占 37.5%（3 ÷ 8，保留一位小数，四舍五入）；
 * 目标 ≥ 30%，按统计对象人数不变计至少需 3 人（⌈30% × 8⌉），达到目标 ≥ 30%。`
 */
export function indicatorExplanation(
  ind: Indicator,
  scopeName: string,
  asOf: string,
  total: IndicatorCounts,
  f: JudgedFigures,
): string {
  const pop = `统计对象为“${conditionText(ind.population)}”的在职干部`;
  const num = `“${conditionText(ind.numerator)}”`;
  const t = ind.target;
  const head = `截至 ${asOf}，在${scopeName}`;
  const numEmpty = conditionText(ind.numerator) === conditionText({});
  const counted = numEmpty
    ? `${pop}共 ${total.population} 人`
    : `${pop}共 ${total.population} 人，其中${num}的 ${total.numerator} 人`;
  if (ind.judgedPer) {
    const kinds = ind.judgedPer.map((k) => KIND_SHORT[k]).join('、');
    const u = f.units ?? { judged: 0, meeting: 0 };
    const what = numEmpty ? '统计对象' : num;
    const measure =
      t.measure === 'share'
        ? `${what}的占比（统计对象为空的单位不作判断）`
        : `${what}的人数（每个单位含其下属单位）`;
    const short = u.judged - u.meeting;
    const result =
      u.judged === 0
        ? `范围内没有可判断的${kinds}，不作判断`
        : short === 0
          ? `共 ${u.judged} 个${kinds}，全部达到`
          : `共 ${u.judged} 个${kinds}，达到 ${u.meeting} 个，未达到 ${short} 个，合计还差 ${f.gap} 人`;
    return `${head}，${counted}；按每个${kinds}分别判断${measure}是否 ${targetText({ target: t, judgedPer: null })}：${result}。`;
  }
  if (t.measure === 'count') return `${head}，${counted}；${judgmentText(ind, f)}。`;
  if (total.population === 0) return `${head}，没有${pop}，${judgmentText(ind, f)}。`;
  const p = tenthsOf(t.percent);
  const bound =
    t.op === 'gte'
      ? `按统计对象人数不变计至少需 ${Math.floor((p * total.population + 999) / 1000)} 人（${t.percent}% × ${total.population} 向上取整）`
      : `按统计对象人数不变计至多 ${Math.floor((p * total.population) / 1000)} 人（${t.percent}% × ${total.population} 向下取整）`;
  return `${head}，${pop}共 ${total.population} 人，其中${num}的 ${total.numerator} 人，占 ${f.valueText.split('（')[0]}（${total.numerator} ÷ ${total.population}，保留一位小数，四舍五入）；${bound}，${judgmentText(ind, f)}。`;
}

/** Everything `GET /api/indicators` answers for one indicator, from its counts. */
export function indicatorValue(
  ind: Indicator,
  input: {
    scopeName: string;
    asOf: string;
    sourceText: string;
    total: IndicatorCounts;
    /** per judged unit (judgedPer), each over its subtree; null for an indicator judged over the scope */
    units: readonly IndicatorCounts[] | null;
  },
): IndicatorValue {
  const f = judgeIndicator(ind.target, input.total, ind.judgedPer ? (input.units ?? []) : null);
  return {
    id: ind.id,
    name: ind.name,
    description: ind.description,
    target: ind.target,
    judgedPer: ind.judgedPer,
    targetText: targetText(ind),
    population: input.total.population,
    numerator: input.total.numerator,
    value: f.value,
    valueText: f.valueText,
    met: f.met,
    gap: f.gap,
    units: f.units,
    populationText: conditionText(ind.population),
    numeratorText: conditionText(ind.numerator),
    explanation: indicatorExplanation(ind, input.scopeName, input.asOf, input.total, f),
    sourceText: input.sourceText,
  };
}
