import { describe, expect, it } from 'vitest';
import { ageAt } from './dates.ts';
import { generateDemoDistrict } from './district.ts';
import { generateDemoRecords } from './records.ts';

/**
 * Demo records an officer would not find odd (issue 10 §7): leaders are party members, 共青团员 are young.
 * Checked over the whole demo district of two seeds.
 */
describe('generateDemoRecords', () => {
  for (const seed of [1, 7]) {
    const asOf = '2026-01-01';
    const records = generateDemoRecords(generateDemoDistrict({ seed, asOf }), { seed, asOf });

    it(`seed ${seed}: a leadership post outside villages, and a village party secretary, is a party member`, () => {
      const current = (r: (typeof records)[number]) => r.appointments.find((a) => a.end === null);
      const leaders = records.filter((r) => {
        const a = current(r);
        if (!a) return false;
        const village = a.unitKind === 'village' || a.unitKind === 'community';
        return village ? a.roleKind === 'party_secretary' : a.isLeadership;
      });
      expect(leaders.length).toBeGreaterThan(50);
      expect(leaders.filter((r) => r.politicalStatus !== '中共党员').map((r) => r.postTitle)).toEqual([]);
    });

    it(`seed ${seed}: only cadres of 28 or younger are 共青团员`, () => {
      const league = records.filter((r) => r.politicalStatus === '共青团员');
      expect(league.filter((r) => ageAt(r.birthDate, asOf) > 28).map((r) => r.name)).toEqual([]);
    });

    it(`seed ${seed}: a party member has a joining date and no one else has`, () => {
      expect(
        records.filter((r) => (r.politicalStatus === '中共党员') !== (r.partyJoinDate !== null)),
      ).toEqual([]);
    });
  }
});
