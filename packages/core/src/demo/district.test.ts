import { describe, expect, it } from 'vitest';
import { canBeChildOf, ESTABLISHMENT_KINDS, isValidOrgCode, type OrgKind } from '../org/org-kinds.ts';
import { ageAt } from './dates.ts';
import { DEMO_AGE_RANGE, generateDemoDistrict, isPrincipalPost, type DemoDistrict } from './district.ts';
import { makeChineseName } from './names.ts';
import { Prng } from './prng.ts';

const AS_OF = '2026-01-01';
const SEEDS = [1, 2, 3, 42, 20260101, -7, 2 ** 40 + 3];

const cache = new Map<number, DemoDistrict>();
function district(seed: number): DemoDistrict {
  let d = cache.get(seed);
  if (!d) {
    d = generateDemoDistrict({ seed, asOf: AS_OF });
    cache.set(seed, d);
  }
  return d;
}

function countKinds(d: DemoDistrict): Record<OrgKind, number> {
  const counts: Record<OrgKind, number> = {
    district: 0,
    department: 0,
    street: 0,
    township: 0,
    village: 0,
    community: 0,
    station: 0,
    enterprise: 0,
  };
  for (const o of d.orgs) counts[o.kind]++;
  return counts;
}

describe('Prng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const seq = (seed: number) => {
      const r = new Prng(seed);
      return Array.from({ length: 20 }, () => r.nextUint32());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    expect(seq(0)).not.toEqual(seq(2 ** 32));
  });

  it('int stays within inclusive bounds and hits both ends', () => {
    const r = new Prng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 3);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect(seen.size).toBe(6);
  });

  it('next is in [0, 1)', () => {
    const r = new Prng(123);
    for (let i = 0; i < 5000; i++) {
      const v = r.next();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });

  it('weighted respects weights and never picks zero-weight items', () => {
    const r = new Prng(5);
    const hits = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) {
      hits[
        r.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    }
    expect(hits.c).toBe(0);
    expect(hits.b / hits.a).toBeGreaterThan(2.5);
    expect(hits.b / hits.a).toBeLessThan(3.5);
  });

  it('shuffle is a permutation and does not mutate its input', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const copy = input.slice();
    const out = new Prng(77).shuffle(input);
    expect(input).toEqual(copy);
    expect(out.slice().sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it('fork is independent of the parent state', () => {
    const a = new Prng(3);
    const b = new Prng(3);
    b.next();
    b.next();
    expect(a.fork('x').nextUint32()).toBe(b.fork('x').nextUint32());
    expect(a.fork('x').nextUint32()).not.toBe(a.fork('y').nextUint32());
  });

  it('rejects bad input', () => {
    expect(() => new Prng(1.5)).toThrow(RangeError);
    expect(() => new Prng(1).int(3, 2)).toThrow(RangeError);
    expect(() => new Prng(1).pick([])).toThrow(RangeError);
  });
});

describe('makeChineseName', () => {
  it('produces 2–3 Chinese characters', () => {
    const r = new Prng(11);
    for (let i = 0; i < 2000; i++) {
      const name = makeChineseName(r, i % 2 ? 'male' : 'female', 1960 + (i % 45));
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });
});

describe('generateDemoDistrict', () => {
  it('is deterministic: same seed gives deep-equal output', () => {
    expect(generateDemoDistrict({ seed: 7 })).toEqual(generateDemoDistrict({ seed: 7 }));
    expect(generateDemoDistrict()).toEqual(generateDemoDistrict({ seed: 1, asOf: '2026-01-01' }));
  });

  it('different seeds give different names', () => {
    const a = district(1);
    const b = district(2);
    expect(a.cadres.map((c) => c.name)).not.toEqual(b.cadres.map((c) => c.name));
    expect(a.orgs.map((o) => o.name)).not.toEqual(b.orgs.map((o) => o.name));
  });

  it('runs in well under 200 ms', () => {
    generateDemoDistrict({ seed: 99 }); // warm-up (JIT)
    const t0 = performance.now();
    generateDemoDistrict({ seed: 100 });
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('rejects a malformed asOf', () => {
    expect(() => generateDemoDistrict({ asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoDistrict({ asOf: '2026/01/01' })).toThrow(RangeError);
  });

  describe.each(SEEDS)('seed %i', (seed) => {
    it('has the stated shape and counts', () => {
      const d = district(seed);
      const k = countKinds(d);
      expect(k.district).toBe(1);
      expect(k.department).toBeGreaterThanOrEqual(18);
      expect(k.department).toBeLessThanOrEqual(22);
      expect(k.street).toBe(5);
      expect(k.township).toBe(3);
      expect(k.village + k.community).toBe(60);
      expect(k.community).toBeGreaterThan(20);
      expect(k.village).toBeGreaterThan(20);
      expect(k.station).toBeGreaterThanOrEqual(3);
      expect(k.enterprise).toBe(0);
      expect(d.cadres.length).toBeGreaterThanOrEqual(1300);
      expect(d.cadres.length).toBeLessThanOrEqual(1700);
    });

    it('has valid codes, unique among siblings, and a consistent tree', () => {
      const d = district(seed);
      const byKey = new Map(d.orgs.map((o) => [o.key, o]));
      expect(byKey.size).toBe(d.orgs.length);
      const siblingCodes = new Set<string>();
      for (const o of d.orgs) {
        expect(isValidOrgCode(o.code), o.code).toBe(true);
        const sib = `${o.parentKey ?? ''}/${o.code}`;
        expect(siblingCodes.has(sib), sib).toBe(false);
        siblingCodes.add(sib);
        const parent = o.parentKey === null ? null : byKey.get(o.parentKey);
        expect(parent, o.key).not.toBeUndefined();
        expect(canBeChildOf(o.kind, parent?.kind ?? null), `${o.kind} under ${parent?.kind}`).toBe(true);
        expect(o.key).toBe(parent ? `${parent.key}.${o.code}` : o.code);
      }
      // Parents are listed before their children.
      const seen = new Set<string>();
      for (const o of d.orgs) {
        if (o.parentKey !== null) expect(seen.has(o.parentKey)).toBe(true);
        seen.add(o.key);
      }
    });

    it('has unique org names and sensible name suffixes', () => {
      const d = district(seed);
      expect(new Set(d.orgs.map((o) => o.name)).size).toBe(d.orgs.length);
      for (const o of d.orgs) {
        if (o.kind === 'street') expect(o.name).toMatch(/街道$/);
        if (o.kind === 'township') expect(o.name).toMatch(/[镇乡]$/);
        if (o.kind === 'village') expect(o.name).toMatch(/村$/);
        if (o.kind === 'community') expect(o.name).toMatch(/社区$/);
        if (o.kind === 'department') expect(o.name).toMatch(/^区/);
      }
    });

    it('has establishment and difficulty within range', () => {
      const d = district(seed);
      for (const o of d.orgs) {
        expect(o.difficulty).toMatch(/^\d\.\d{2}$/);
        const v = Number(o.difficulty);
        expect(v).toBeGreaterThanOrEqual(0.9);
        expect(v).toBeLessThanOrEqual(1.5);
        for (const [kind, n] of Object.entries(o.establishment)) {
          expect(ESTABLISHMENT_KINDS).toContain(kind);
          expect(Number.isInteger(n) && n > 0).toBe(true);
        }
        const e = o.establishment;
        if (o.kind === 'department' || o.kind === 'street' || o.kind === 'township') {
          expect(e.administrative).toBeGreaterThan(0);
          expect(e.village_post).toBeUndefined();
        }
        if (o.kind === 'street' || o.kind === 'township') expect(e.institution).toBeGreaterThan(0);
        if (o.kind === 'village' || o.kind === 'community') {
          expect(e.village_post).toBeGreaterThanOrEqual(5);
          expect(e.village_post).toBeLessThanOrEqual(9);
          expect(e.administrative).toBeUndefined();
        }
      }
      // Townships are harder on average than streets.
      const avg = (kind: OrgKind) => {
        const xs = d.orgs.filter((o) => o.kind === kind).map((o) => Number(o.difficulty));
        return xs.reduce((a, b) => a + b, 0) / xs.length;
      };
      expect(avg('township')).toBeGreaterThan(avg('street'));
    });

    it('staffs every unit within range with exactly one principal leader', () => {
      const d = district(seed);
      const byOrg = new Map<string, DemoDistrict['cadres']>();
      for (const c of d.cadres) {
        const list = byOrg.get(c.orgKey) ?? [];
        list.push(c);
        byOrg.set(c.orgKey, list);
      }
      const orgKeys = new Set(d.orgs.map((o) => o.key));
      for (const key of byOrg.keys()) expect(orgKeys.has(key), key).toBe(true);
      const ranges: Partial<Record<OrgKind, [number, number]>> = {
        department: [15, 30],
        street: [40, 70],
        township: [40, 70],
        village: [5, 9],
        community: [5, 9],
      };
      for (const o of d.orgs) {
        const staff = byOrg.get(o.key) ?? [];
        const range = ranges[o.kind];
        if (!range) {
          expect(staff, o.key).toHaveLength(0);
          continue;
        }
        expect(staff.length, o.name).toBeGreaterThanOrEqual(range[0]);
        expect(staff.length, o.name).toBeLessThanOrEqual(range[1]);
        expect(
          staff.filter((c) => isPrincipalPost(c.postTitle)).map((c) => c.postTitle),
          o.name,
        ).toHaveLength(1);
      }
      const titlesOf = (kind: OrgKind) =>
        new Set(
          d.cadres
            .filter((c) => d.orgs.find((o) => o.key === c.orgKey)?.kind === kind)
            .map((c) => c.postTitle),
        );
      expect(titlesOf('township').has('党委书记')).toBe(true);
      expect(titlesOf('street').has('党工委书记')).toBe(true);
      expect(titlesOf('street').has('街道办事处主任')).toBe(true);
    });

    it('has unique cadre keys of the form orgKey#n and plausible people', () => {
      const d = district(seed);
      expect(new Set(d.cadres.map((c) => c.key)).size).toBe(d.cadres.length);
      const kindOf = new Map(d.orgs.map((o) => [o.key, o.kind]));
      let female = 0;
      for (const c of d.cadres) {
        expect(c.key.startsWith(`${c.orgKey}#`)).toBe(true);
        expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
        expect(c.postTitle.length).toBeGreaterThan(0);
        expect(c.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const age = ageAt(c.birthDate, AS_OF);
        const kind = kindOf.get(c.orgKey);
        const max =
          kind === 'village' || kind === 'community' ? DEMO_AGE_RANGE.villageMax : DEMO_AGE_RANGE.max;
        expect(age, `${c.name} ${c.birthDate}`).toBeGreaterThanOrEqual(DEMO_AGE_RANGE.min);
        expect(age, `${c.name} ${c.birthDate}`).toBeLessThanOrEqual(max);
        if (c.gender === 'female') female++;
        if (c.postTitle === '村妇联主席') expect(c.gender).toBe('female');
      }
      const share = female / d.cadres.length;
      expect(share).toBeGreaterThan(0.32);
      expect(share).toBeLessThan(0.48);
    });
  });

  it('respects asOf for ages, including a leap-day reference date', () => {
    for (const asOf of ['2024-02-29', '2030-06-15']) {
      const d = generateDemoDistrict({ seed: 5, asOf });
      for (const c of d.cadres) {
        const age = ageAt(c.birthDate, asOf);
        expect(age).toBeGreaterThanOrEqual(DEMO_AGE_RANGE.min);
        expect(age).toBeLessThanOrEqual(DEMO_AGE_RANGE.villageMax);
      }
    }
  });

  it('produces stable keys for the root and departments', () => {
    const d = district(1);
    expect(d.orgs[0]).toMatchObject({
      key: 'QY',
      code: 'QY',
      name: '清源区',
      kind: 'district',
      parentKey: null,
    });
    const org = d.orgs.find((o) => o.name === '区委组织部');
    expect(org?.key).toMatch(/^QY\.D\d{2}$/);
  });
});
