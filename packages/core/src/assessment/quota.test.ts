import { describe, expect, it } from 'vitest';
import { rational } from './exact.ts';
import { planQuota, quotaPlaces } from './quota.ts';
import { quotaRule } from './test-fixtures.ts';

const members = (unitId: string, n: number, parentId = 'town') =>
  Array.from({ length: n }, (_, i) => ({ targetId: `${unitId}-${i + 1}`, unitId, parentId }));

describe('quotaPlaces', () => {
  it('23 × 20 % = 4.6 → floor 4', () => {
    expect(quotaPlaces(23, 20, 'floor')).toEqual({
      n: 23,
      share: rational(20),
      product: rational(23, 5),
      rounding: 'floor',
      places: 4,
    });
  });
  it('23 × 15 % = 3.45 → floor 3, halfUp 3, ceil 4', () => {
    expect(quotaPlaces(23, 15, 'floor').product).toEqual(rational(69, 20));
    expect(quotaPlaces(23, 15, 'floor').places).toBe(3);
    expect(quotaPlaces(23, 15, 'halfUp').places).toBe(3);
    expect(quotaPlaces(23, 15, 'ceil').places).toBe(4);
  });
  it('10 × 25 % = 2.5 → halfUp 3, floor 2, ceil 3; exact products only', () => {
    expect(quotaPlaces(10, 25, 'halfUp').places).toBe(3);
    expect(quotaPlaces(10, 25, 'floor').places).toBe(2);
    expect(quotaPlaces(10, 25, 'ceil').places).toBe(3);
    // 100 × 7 % = 7 exactly (as doubles 100 × 0.07 = 7.000000000000001, which would ceil to 8)
    expect(quotaPlaces(100, 7, 'ceil').places).toBe(7);
    // 9 × 15 % = 1.35 (as doubles 9 × 0.15 = 1.3499999999999999)
    expect(quotaPlaces(9, 15, 'floor').product).toEqual(rational(27, 20));
    // 12.5 % of 8 = 1 exactly
    expect(quotaPlaces(8, 12.5, 'ceil').places).toBe(1);
    expect(quotaPlaces(0, 20, 'ceil').places).toBe(0);
    expect(() => quotaPlaces(-1, 20, 'floor')).toThrow(RangeError);
  });
});

describe('planQuota', () => {
  it('groupBy population: one group', () => {
    const plan = planQuota(quotaRule({ groupBy: 'population', poolRemainders: true }), [
      ...members('a', 10),
      ...members('b', 13),
    ]);
    expect(plan.groups.map((g) => [g.key, g.count.n, g.count.places])).toEqual([['population', 23, 4]]);
    expect(plan.pools).toEqual([]); // nothing above the population
  });

  it('3 villages of 7, 8, 9 at 15 % floor: 1 + 1 + 1 = 3, pool floor(3.6) − 3 = 0', () => {
    const plan = planQuota(quotaRule({ share: 15, poolRemainders: true }), [
      ...members('v1', 7),
      ...members('v2', 8),
      ...members('v3', 9),
    ]);
    // 7 × 15 % = 1.05 → 1; 8 × 15 % = 1.2 → 1; 9 × 15 % = 1.35 → 1
    expect(plan.groups.map((g) => [g.key, g.count.product, g.count.places])).toEqual([
      ['unit:v1', rational(21, 20), 1],
      ['unit:v2', rational(6, 5), 1],
      ['unit:v3', rational(27, 20), 1],
    ]);
    // 24 × 15 % = 3.6 → 3; 3 − 3 = 0
    expect(plan.pools).toEqual([
      {
        key: 'parent:town',
        level: 'parent',
        groupKeys: ['unit:v1', 'unit:v2', 'unit:v3'],
        count: { n: 24, share: rational(15), product: rational(18, 5), rounding: 'floor', places: 3 },
        groupPlaces: 3,
        pooledPlaces: 0,
      },
    ]);
  });

  it('5 groups of 6 at 15 % floor: 0 each, pool floor(4.5) = 4', () => {
    const plan = planQuota(
      quotaRule({ share: 15, poolRemainders: true }),
      ['v1', 'v2', 'v3', 'v4', 'v5'].flatMap((v) => members(v, 6)),
    );
    // 6 × 15 % = 0.9 → 0 (× 5); 30 × 15 % = 4.5 → 4; 4 − 0 = 4
    expect(plan.groups.map((g) => g.count.places)).toEqual([0, 0, 0, 0, 0]);
    expect(plan.pools[0]).toMatchObject({ groupPlaces: 0, pooledPlaces: 4 });
    expect(plan.pools[0]!.count.product).toEqual(rational(9, 2));
  });

  it('never a negative pool: ceil per group can exceed the pooled rounding', () => {
    // 3 units of 2 at 20 % ceil: 0.4 → 1 each = 3; pool 6 × 20 % = 1.2 → 2; max(0, 2 − 3) = 0
    const plan = planQuota(quotaRule({ rounding: 'ceil', poolRemainders: true }), [
      ...members('a', 2),
      ...members('b', 2),
      ...members('c', 2),
    ]);
    expect(plan.pools[0]).toMatchObject({ groupPlaces: 3, pooledPlaces: 0 });
    expect(plan.pools[0]!.count.places).toBe(2);
  });

  it('groupBy parent pools to the population; unit pools per parent', () => {
    const byParent = planQuota(quotaRule({ groupBy: 'parent', poolRemainders: true }), [
      ...members('a', 4, 't1'),
      ...members('b', 3, 't2'),
    ]);
    expect(byParent.groups.map((g) => g.key)).toEqual(['parent:t1', 'parent:t2']);
    expect(byParent.pools.map((p) => [p.key, p.level, p.count.n])).toEqual([['population', 'population', 7]]);

    const byUnit = planQuota(quotaRule({ poolRemainders: true }), [
      ...members('a', 4, 't1'),
      ...members('b', 3, 't2'),
      ...members('c', 3, 't1'),
    ]);
    expect(byUnit.pools.map((p) => [p.key, p.groupKeys])).toEqual([
      ['parent:t1', ['unit:a', 'unit:c']],
      ['parent:t2', ['unit:b']],
    ]);
    expect(() =>
      planQuota(quotaRule({ poolRemainders: true }), [
        { targetId: 'x', unitId: 'a', parentId: 't1' },
        { targetId: 'y', unitId: 'a', parentId: 't2' },
      ]),
    ).toThrow(/different parents/);
  });

  it('without pooling: no pools', () => {
    expect(planQuota(quotaRule(), members('a', 23)).pools).toEqual([]);
  });
});
