import { describe, expect, it } from 'vitest';
import { generateDemoDistrict, isPrincipalPost } from '../demo/district.ts';
import { demoPairings } from './demo-pairings.ts';

describe('demo pairings', () => {
  const district = generateDemoDistrict();
  const pairs = demoPairings(district, 2026);
  const byKey = new Map(district.cadres.map((c) => [c.key, c]));

  it('one per street and township, the leader mentoring the youngest other cadre of the unit', () => {
    const units = district.orgs.filter((o) => o.kind === 'street' || o.kind === 'township');
    expect(pairs).toHaveLength(units.length);
    for (const p of pairs) {
      const cadre = byKey.get(p.cadreKey);
      const mentor = byKey.get(p.mentorKey);
      expect(mentor && isPrincipalPost(mentor.postTitle)).toBe(true);
      expect(cadre?.orgKey).toBe(mentor?.orgKey);
      const others = district.cadres.filter((c) => c.orgKey === cadre?.orgKey && c.key !== p.mentorKey);
      expect(others.every((c) => c.birthDate <= (cadre?.birthDate ?? ''))).toBe(true);
    }
  });

  it('dates: started 1 March, April or May; notes within the year, in order', () => {
    expect(pairs.slice(0, 3).map((p) => p.startedOn)).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
    expect(pairs[0]?.notes.map((n) => n.notedOn)).toEqual(['2026-03-15', '2026-06-20']);
    expect(pairs[2]?.notes.map((n) => n.notedOn)).toEqual(['2026-05-15', '2026-08-20']);
  });
});
