import { addMonths } from '../eligibility/dates.ts';
import type { ConditionSubject } from './condition-match.ts';
import { conditionText, unmetClauses } from './condition-match.ts';
import type { PoolLevelPolicy } from './pools-policy.ts';

/**
 * The pure rules of the pools (R-SEL-4): whether a nominee meets the level's conditions on the day of entry
 * (each clause not met named), which reviews fall due after entry (一年一小考核，三年一大考核), and where a
 * unit stands against the level's quota (达标 / 还差 N 人). Every answer carries its sentence.
 */

const POOL_NAME = { reserve: '后备干部', young: '年轻干部库' } as const;

/** `后备干部（村(社区)后备干部）` */
export function poolLevelName(level: Pick<PoolLevelPolicy, 'kind' | 'level'>): string {
  return `${POOL_NAME[level.kind]}（${level.level}）`;
}

export interface PoolEntryCheck {
  /** every condition holds on `asOf` */
  met: boolean;
  /** the clauses not met, in Chinese (empty when met) */
  unmet: string[];
  /** the level's conditions in words */
  conditionsText: string;
  asOf: string;
  explanation: string;
}

/** The entry check of a nominee against the level's `conditions` on the day of entry. */
export function checkPoolEntry(
  level: PoolLevelPolicy,
  subject: ConditionSubject,
  asOf: string,
): PoolEntryCheck {
  const unmet = unmetClauses(subject, level.conditions, asOf);
  const conditionsText = conditionText(level.conditions);
  const name = poolLevelName(level);
  const explanation = unmet.length
    ? `按${asOf}的情况，不符合${name}的条件：${unmet.join('；')}` +
      (unmet.join('，') === conditionsText ? '' : `（全部条件：${conditionsText}）`)
    : `按${asOf}的情况，符合${name}的条件（${conditionsText}）`;
  return { met: unmet.length === 0, unmet, conditionsText, asOf, explanation };
}

export interface ScheduledPoolReview {
  name: string;
  /** months after entry */
  months: number;
  dueOn: string;
  /** why this review and not another at the same time */
  explanation: string;
}

/**
 * The reviews due after entry on `enteredOn`, from month `fromMonths` (exclusive) up to `toMonths`
 * (inclusive), in order. Each review of the level falls due every `everyMonths` months after entry; where two
 * fall due on the same day (小考核 every 12 months and 大考核 every 36: at 36, 72 …) only the one with the
 * longest period is held — the big review takes the place of the small one, it is not held twice. Reviews of
 * equal period on the same day are both held.
 */
export function scheduleReviews(
  reviews: PoolLevelPolicy['reviews'],
  enteredOn: string,
  fromMonths: number,
  toMonths: number,
): ScheduledPoolReview[] {
  const out: ScheduledPoolReview[] = [];
  for (let m = fromMonths + 1; m <= toMonths; m++) {
    const due = reviews.filter((r) => m % r.everyMonths === 0);
    if (!due.length) continue;
    const longest = Math.max(...due.map((r) => r.everyMonths));
    const replaced = due.filter((r) => r.everyMonths < longest).map((r) => r.name);
    const dueOn = addMonths(enteredOn, m);
    for (const r of due.filter((d) => d.everyMonths === longest))
      out.push({
        name: r.name,
        months: m,
        dueOn,
        explanation:
          `入库（${enteredOn}）后第 ${m} 个月到期，每 ${r.everyMonths} 个月一次` +
          (replaced.length ? `；同日到期的${replaced.join('、')}由本次${r.name}代替，不另行组织` : ''),
      });
  }
  return out;
}

/**
 * One cycle of reviews: from `fromMonths` to the next multiple of the level's longest period (entry: 12, 24
 * and 36 under 一年一小考核，三年一大考核; a single yearly review: one at a time). Empty without reviews.
 */
export function nextReviewCycle(
  reviews: PoolLevelPolicy['reviews'],
  enteredOn: string,
  fromMonths: number,
): ScheduledPoolReview[] {
  if (!reviews.length) return [];
  const cycle = Math.max(...reviews.map((r) => r.everyMonths));
  const to = (Math.floor(fromMonths / cycle) + 1) * cycle;
  return scheduleReviews(reviews, enteredOn, fromMonths, to);
}

/** Whole months from `enteredOn` to `dueOn` (the inverse of addMonths for a scheduled review). */
export function monthsAfter(enteredOn: string, dueOn: string): number {
  const months =
    (Number(dueOn.slice(0, 4)) - Number(enteredOn.slice(0, 4))) * 12 +
    (Number(dueOn.slice(5, 7)) - Number(enteredOn.slice(5, 7)));
  return addMonths(enteredOn, months) <= dueOn ? months : months - 1;
}

export type PoolQuotaState = 'none' | 'met' | 'short' | 'over';

export interface PoolQuotaStatus {
  state: PoolQuotaState;
  count: number;
  perUnitMin: number | null;
  perUnitMax: number | null;
  /** members still missing to reach perUnitMin (0 unless short) */
  short: number;
  /** members above perUnitMax (0 unless over) */
  over: number;
  /** no more may enter: perUnitMax reached */
  full: boolean;
  /** 达标 / 还差 1 人 / 超出 1 人 / 不设名额 */
  text: string;
  explanation: string;
}

/** Where a unit stands against the level's quota with `count` active members. */
export function poolQuotaStatus(
  count: number,
  quota: Pick<PoolLevelPolicy, 'perUnitMin' | 'perUnitMax'>,
): PoolQuotaStatus {
  const { perUnitMin, perUnitMax } = quota;
  const short = perUnitMin !== null ? Math.max(0, perUnitMin - count) : 0;
  const over = perUnitMax !== null ? Math.max(0, count - perUnitMax) : 0;
  const full = perUnitMax !== null && count >= perUnitMax;
  const state: PoolQuotaState =
    perUnitMin === null && perUnitMax === null ? 'none' : short > 0 ? 'short' : over > 0 ? 'over' : 'met';
  const rule = [
    perUnitMin !== null ? `不少于 ${perUnitMin} 人` : '',
    perUnitMax !== null ? `不多于 ${perUnitMax} 人` : '',
  ]
    .filter(Boolean)
    .join('、');
  const text =
    state === 'none'
      ? '不设名额'
      : state === 'short'
        ? `还差 ${short} 人`
        : state === 'over'
          ? `超出 ${over} 人`
          : '达标';
  const explanation =
    state === 'none'
      ? `现有 ${count} 人；政策包未规定每单位名额`
      : `现有 ${count} 人，每单位${rule}：${text}`;
  return { state, count, perUnitMin, perUnitMax, short, over, full, text, explanation };
}

/** The schedule in words: `入库后每 12 个月小考核、每 36 个月大考核；同时到期的只进行大考核`. */
export function reviewsText(reviews: PoolLevelPolicy['reviews']): string {
  if (!reviews.length) return '政策包未规定定期考核';
  const sorted = [...reviews].sort((a, b) => a.everyMonths - b.everyMonths);
  const each = sorted.map((r) => `每 ${r.everyMonths} 个月${r.name}`).join('、');
  const longest = sorted.at(-1)!;
  const coincide = sorted.some(
    (r) => r.everyMonths < longest.everyMonths && longest.everyMonths % r.everyMonths === 0,
  );
  return `入库后${each}${coincide ? `；同时到期的只进行${longest.name}` : ''}`;
}
