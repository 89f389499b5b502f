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

  it('carries the discipline section in every version: national rules with their articles, locality silent', () => {
    for (const p of packs) {
      const d = p.discipline!;
      const effect = (id: string) => d.effects.find((e) => e.id === id)!;
      expect(effect('party_warning_promotion')).toMatchObject({
        kind: 'party_discipline',
        grade: 'warning',
        duration: { type: 'months', months: 12 },
        source: { regulation: '《中国共产党纪律处分条例》（2023）', article: '第十条' },
      });
      expect(effect('party_serious_warning_promotion').duration).toEqual({ type: 'months', months: 18 });
      expect(
        ['gov_warning', 'gov_demerit', 'gov_major_demerit', 'gov_downgrade', 'gov_removal'].map((id) => {
          const e = effect(id);
          return e.duration.type === 'months' ? e.duration.months : null;
        }),
      ).toEqual([6, 12, 18, 24, 24]);
      expect(effect('admonishment_promotion').duration).toEqual({ type: 'months', months: 6 });
      expect(effect('admonishment_year').duration).toEqual({ type: 'endOfYear' });
      expect(effect('org_adjustment_promotion').duration).toEqual({ type: 'months', months: 12 });
      expect(effect('org_demotion_promotion').duration).toEqual({ type: 'months', months: 24 });
      // an article not confirmed against the text says so
      expect(effect('admonishment_promotion').source).toMatchObject({ article: '条款待核' });
      for (const e of d.effects)
        if ('regulation' in e.source)
          expect(e.source.note).toContain(`${p.locality}未另作规定，适用全国性规定`);
    }
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
    expect(messages).toContain('assessment/schemes/0/raterGroups: 各评议组权重合计为 105%，应为 100%');
    expect(messages).toContain(
      'assessment/schemes/0/raterGroups/1/maxRaters: 最少评议人数不能大于最多评议人数',
    );
    expect(messages).toContain(
      'assessment/schemes/0/raterGroups/0/weight: 该数值没有注明依据（种子文件或假设）',
    );
  });
});

describe('[policy] pack diff', () => {
  it('lists what the Hongdong mid-2019 version changes, leaf by leaf', async () => {
    const { diffPacks } = await import('./pack-diff.ts');
    const [v1, v2] = shippedPacks().filter((p) => p.id === 'hongdong');
    const changes = diffPacks(v1, v2).filter((c) => !c.path.startsWith('/sources'));
    expect(changes).toEqual([
      { path: '/version/effectiveFrom', before: '2018-01-01', after: '2019-07-01' },
      { path: '/version/note', before: v1!.version.note, after: '加大“两代表一委员”考核测评权重' },
      { path: '/assessment/schemes/0/raterGroups/1/weight', before: 20, after: 30 },
      { path: '/assessment/schemes/0/raterGroups/2/weight', before: 20, after: 15 },
      { path: '/assessment/schemes/0/raterGroups/3/weight', before: 20, after: 15 },
    ]);
  });
});
