import { appendTo } from './group-by.ts';
import type { QuotaRounding, QuotaRule } from '../policy/assessment-section.ts';
import {
  type Rational,
  RAT_HUNDRED,
  fromDecimal,
  ratCeil,
  ratDiv,
  ratFloor,
  ratMul,
  ratRoundHalfUp,
  rational,
} from './exact.ts';

/** How one count of places was reached: places = rounding(share% × n). */
export interface QuotaCount {
  n: number;
  /** percent */
  share: Rational;
  /** share × n / 100, exact (23 × 20 % = 23/5 = 4.6) */
  product: Rational;
  rounding: QuotaRounding;
  places: number;
}

/** Places for the quota grade (优秀名额) in a group of `n` targets, exactly: 23 × 15 % = 3.45 → floor 3. */
export function quotaPlaces(n: number, share: number | Rational, rounding: QuotaRounding): QuotaCount {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const s = typeof share === 'number' ? fromDecimal(share) : share;
  const product = ratDiv(ratMul(s, rational(n)), RAT_HUNDRED);
  let places: bigint;
  switch (rounding) {
    case 'floor':
      places = ratFloor(product);
      break;
    case 'ceil':
      places = ratCeil(product);
      break;
    case 'halfUp':
      places = ratRoundHalfUp(product);
      break;
  }
  return { n, share: s, product, rounding, places: Number(places) };
}

/** Where a target sits for the quota: the caller's unit and the unit's parent. */
export interface QuotaMember {
  targetId: string;
  unitId: string;
  parentId: string;
}

export interface QuotaGroup {
  /** 'population', 'unit:<unitId>' or 'parent:<parentId>' */
  key: string;
  targetIds: string[];
  count: QuotaCount;
  /** the pool this group's remainders go to, when pooling */
  poolKey: string | null;
}

/** Remainders pooled one level up (名额余数统筹): pooledPlaces = max(0, rounding(share × Σn) − Σ group places). */
export interface QuotaPool {
  key: string;
  level: 'parent' | 'population';
  groupKeys: string[];
  /** rounding(share × Σn) */
  count: QuotaCount;
  /** Σ of the groups' own places */
  groupPlaces: number;
  pooledPlaces: number;
}

export interface QuotaPlan {
  ruleId: string;
  groupBy: QuotaRule['groupBy'];
  groups: QuotaGroup[];
  /** empty unless the rule pools remainders and there is a level above (groupBy 'unit' or 'parent') */
  pools: QuotaPool[];
}

export function quotaGroupKey(groupBy: QuotaRule['groupBy'], m: QuotaMember): string {
  switch (groupBy) {
    case 'population':
      return 'population';
    case 'unit':
      return `unit:${m.unitId}`;
    case 'parent':
      return `parent:${m.parentId}`;
  }
}

/**
 * The quota plan of a round: quota groups per `groupBy` with their places, and — when `poolRemainders` —
 * one pool per parent (groupBy 'unit') or one for the population (groupBy 'parent'). `n` is every target
 * the caller lists (参加考核人数), insufficient and vetoed ones included: they are assessed, they merely
 * cannot take a place. Groups and pools keep the order of first appearance.
 */
export function planQuota(rule: QuotaRule, members: readonly QuotaMember[]): QuotaPlan {
  const groups = new Map<string, QuotaMember[]>();
  for (const m of members) {
    const key = quotaGroupKey(rule.groupBy, m);
    appendTo(groups, key, m);
  }
  const poolLevel = !rule.poolRemainders
    ? null
    : rule.groupBy === 'unit'
      ? 'parent'
      : rule.groupBy === 'parent'
        ? 'population'
        : null;

  const poolKeyOf = (list: QuotaMember[]): string | null => {
    if (poolLevel === null) return null;
    if (poolLevel === 'population') return 'population';
    const parents = new Set(list.map((m) => m.parentId));
    if (parents.size !== 1)
      throw new RangeError(
        `unit ${list[0]!.unitId} has targets under different parents: ${[...parents].join(', ')}`,
      );
    return `parent:${list[0]!.parentId}`;
  };

  const planGroups: QuotaGroup[] = [...groups].map(([key, list]) => ({
    key,
    targetIds: list.map((m) => m.targetId),
    count: quotaPlaces(list.length, rule.share, rule.rounding),
    poolKey: poolKeyOf(list),
  }));

  const pools: QuotaPool[] = [];
  if (poolLevel !== null) {
    const byPool = new Map<string, QuotaGroup[]>();
    for (const g of planGroups) appendTo(byPool, g.poolKey!, g);
    for (const [key, gs] of byPool) {
      const count = quotaPlaces(
        gs.reduce((s, g) => s + g.count.n, 0),
        rule.share,
        rule.rounding,
      );
      const groupPlaces = gs.reduce((s, g) => s + g.count.places, 0);
      pools.push({
        key,
        level: poolLevel,
        groupKeys: gs.map((g) => g.key),
        count,
        groupPlaces,
        pooledPlaces: Math.max(0, count.places - groupPlaces),
      });
    }
  }
  return { ruleId: rule.id, groupBy: rule.groupBy, groups: planGroups, pools };
}
