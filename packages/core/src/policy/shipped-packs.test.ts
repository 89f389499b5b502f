import { describe, expect, it } from 'vitest';
import { numbersWithoutSource, packInForce, PackSchema } from './pack.ts';
import { SHIPPED_PACK_IDS, shippedPacks } from './shipped-packs.ts';

describe('[policy] shipped packs', () => {
  const packs = shippedPacks();

  it('ships the five localities, each valid, every number with a source', () => {
    expect([...new Set(packs.map((p) => p.id))].sort()).toEqual([...SHIPPED_PACK_IDS].sort());
    for (const p of packs) expect(numbersWithoutSource(p, p.sources)).toEqual([]);
  });

  it('carries the seed figures: Jinwan 40/30/30 with 15–20 representatives, Fengze streets 20 %', () => {
    const jinwan = packs.find((p) => p.id === 'jinwan')!;
    const leader = jinwan.assessment.schemes.find((s) => s.id === 'group-leader')!;
    expect(leader.raterGroups.map((g) => [g.id, g.weight])).toEqual([
      ['members-representatives', 40],
      ['village-committee', 30],
      ['town-committee', 30],
    ]);
    expect(leader.raterGroups[0]).toMatchObject({ minRaters: 15, maxRaters: 20 });
    expect(jinwan.sources['/assessment/schemes/0/raterGroups/0/weight']).toEqual({
      seed: '004',
      figure: '本村（社区）组党员和村（社区）民代表考评占40%',
    });
    const fengze = packs.find((p) => p.id === 'fengze')!;
    expect(fengze.assessment.quotaRules.find((q) => q.id === 'street-excellent')?.share).toBe(20);
    expect(fengze.sources['/assessment/quotaRules/0/share']).toMatchObject({ seed: '000' });
  });

  it('picks the version in force on a date (Hongdong raises 两代表一委员 mid-2019)', () => {
    const versions = packs.filter((p) => p.id === 'hongdong');
    const weightOn = (date: string) =>
      packInForce(versions, date)?.assessment.schemes[0]?.raterGroups.find(
        (g) => g.id === 'two-reps-one-member',
      )?.weight;
    expect(weightOn('2017-12-31')).toBeUndefined();
    expect(weightOn('2018-01-01')).toBe(20);
    expect(weightOn('2019-06-30')).toBe(20);
    expect(weightOn('2019-07-01')).toBe(30);
    expect(weightOn('2026-11-29')).toBe(30);
  });

  it('refuses weights that do not sum to 100, min > max raters, and a number without a source', () => {
    const jinwan = structuredClone(packs.find((p) => p.id === 'jinwan')!);
    jinwan.assessment.schemes[0]!.raterGroups[0]!.weight = 45;
    jinwan.assessment.schemes[0]!.raterGroups[1]!.minRaters = 20;
    jinwan.assessment.schemes[0]!.raterGroups[1]!.maxRaters = 15;
    delete jinwan.sources['/assessment/schemes/0/raterGroups/0/weight'];
    const r = PackSchema.safeParse(jinwan);
    expect(r.success).toBe(false);
    const messages = (r.error?.issues ?? []).map((i) => `${i.path.join('/')}: ${i.message}`);
    expect(messages).toContain('assessment/schemes/0/raterGroups: weights sum to 105, not 100');
    expect(messages).toContain(
      'assessment/schemes/0/raterGroups/1/maxRaters: minRaters must not exceed maxRaters',
    );
    expect(messages).toContain('assessment/schemes/0/raterGroups/0/weight: number without a source');
  });
});
