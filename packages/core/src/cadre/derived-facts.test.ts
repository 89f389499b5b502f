import { describe, expect, it } from 'vitest';
import {
  ageAt,
  currentPost,
  currentRank,
  deriveFacts,
  grassrootsMonths,
  grassrootsYears,
  hasStreetLeadershipExperience,
  hasStreetOrTownshipExperience,
  hasTownshipPartySecretaryExperience,
  monthsToYears,
  yearsOfWork,
  type Post,
} from './derived-facts.ts';

const post = (p: Partial<Post> & Pick<Post, 'unitName' | 'start' | 'end'>): Post => ({
  unitKind: null,
  title: '',
  isLeadership: false,
  roleKind: 'staff',
  rank: '',
  ...p,
});

/** The worked example: born 1986-05, at work since 2008-07. */
const HISTORY: Post[] = [
  post({ unitName: '某镇', unitKind: 'township', start: '2008-07', end: '2012-12' }),
  post({
    unitName: '某街道',
    unitKind: 'street',
    title: '副主任',
    isLeadership: true,
    roleKind: 'team_member',
    rank: '副科级',
    start: '2013-01',
    end: '2016-08',
  }),
  post({
    unitName: '某镇',
    unitKind: 'township',
    title: '党委书记',
    isLeadership: true,
    roleKind: 'party_secretary',
    rank: '正科级',
    start: '2016-09',
    end: '2021-03',
  }),
  post({
    unitName: '区农业农村局',
    unitKind: 'department',
    title: '局长',
    isLeadership: true,
    roleKind: 'government_head',
    rank: '正科级',
    start: '2021-04',
    end: null,
  }),
];

describe('worked example at 2026-11-22', () => {
  const facts = deriveFacts(
    { birthDate: '1986-05', workStartDate: '2008-07', appointments: HISTORY },
    '2026-11-22',
  );

  it('computes every value', () => {
    // age: 2026 − 1986 = 40, birthday (05-01) already passed on 11-22
    expect(facts.age.value).toBe(40);
    // work: 2026 − 2008 = 18, anniversary (07-01) passed
    expect(facts.yearsOfWork.value).toBe(18);
    // 2008.07–2021.03 contiguous: (2021 − 2008)·12 + (3 − 7) + 1 = 153 months = 12 y 9 m;
    // 153 / 12 = 12.75 → half up → 12.8
    expect(facts.grassrootsYears.value).toBe(12.8);
    expect(grassrootsMonths(HISTORY, '2026-11-22')).toBe(153);
    expect(facts.streetOrTownship.value).toBe(true);
    expect(facts.streetLeadership.value).toBe(true);
    expect(facts.townshipSecretary.value).toBe(true);
    expect(facts.currentRank.value).toBe('正科级');
    expect(facts.currentRankSince.value).toBe('2016-09');
    // 2016-09 → 2026-11: (2026 − 2016)·12 + (11 − 9) = 122 months = 10 y 2 m; 122 / 12 = 10.17 → 10.2
    expect(facts.currentRankYears.value).toBe(10.2);
    expect(currentRank(HISTORY, '2026-11-22')).toEqual({ rank: '正科级', since: '2016-09', years: 10.2 });
  });

  it('explains every value by the posts behind it', () => {
    expect(facts.age.explanation).toBe('1986.05 出生（按当月 1 日计），截至 2026-11-22 年满 40 周岁');
    expect(facts.yearsOfWork.explanation).toBe('2008.07 参加工作，截至 2026-11-22 满 18 年');
    expect(facts.grassrootsYears.explanation).toBe(
      '在街道、乡镇、村（社区）任职：2008.07—2012.12 某镇；2013.01—2016.08 某街道副主任；' +
        '2016.09—2021.03 某镇党委书记；重叠期间只计一次，截至 2026-11-22 共 12 年 9 个月，折合 12.8 年',
    );
    expect(facts.streetOrTownship.explanation).toBe(
      '有街道或乡镇工作经历：2008.07—2012.12 某镇；2013.01—2016.08 某街道副主任；2016.09—2021.03 某镇党委书记',
    );
    expect(facts.streetLeadership.explanation).toBe('有街道领导职务经历：2013.01—2016.08 某街道副主任');
    expect(facts.townshipSecretary.explanation).toBe(
      '有乡镇党委书记或街道党工委书记经历：2016.09—2021.03 某镇党委书记',
    );
    expect(facts.currentRank.explanation).toBe('现任区农业农村局局长（2021.04 起），职级为正科级');
    expect(facts.currentRankSince.explanation).toBe(
      '2016.09 起任某镇党委书记（正科级），此后连续任正科级至今',
    );
    expect(facts.currentRankYears.explanation).toBe(
      '2016.09 起任某镇党委书记（正科级），此后连续任正科级至今；截至 2026-11-22 共 10 年 2 个月，折合 10.2 年',
    );
  });

  it('looks only at what had happened by an earlier date (2016-08-31)', () => {
    const then = deriveFacts(
      { birthDate: '1986-05', workStartDate: '2008-07', appointments: HISTORY },
      '2016-08-31',
    );
    // 2016 − 1986 = 30; 2016 − 2008 = 8
    expect(then.age.value).toBe(30);
    expect(then.yearsOfWork.value).toBe(8);
    // months completed by 2016-08-31: 2008-07 … 2016-07 = 8·12 + 1 = 97 = 8 y 1 m; 97 / 12 = 8.08 → 8.1
    expect(then.grassrootsYears.value).toBe(8.1);
    expect(then.townshipSecretary).toEqual({
      value: false,
      explanation: '无乡镇党委书记或街道党工委书记经历',
    });
    // 副科级 from 2013-01, the street post ends in August 2016 (still open on the 31st):
    // 2016-08 − 2013-01 = 3·12 + 7 = 43 months = 3 y 7 m; 43 / 12 = 3.58 → 3.6
    expect(then.currentRank.value).toBe('副科级');
    expect(then.currentRankSince.value).toBe('2013-01');
    expect(then.currentRankYears).toEqual({
      value: 3.6,
      explanation: '2013.01 起任某街道副主任，职级为副科级；截至 2016-08-31 共 3 年 7 个月，折合 3.6 年',
    });
  });
});

describe('ageAt and yearsOfWork', () => {
  it('counts whole years, a month from its first day', () => {
    expect(ageAt('1986-05', '2026-04-30')).toBe(39);
    expect(ageAt('1986-05', '2026-05-01')).toBe(40);
    expect(ageAt('1986-05-12', '2026-05-11')).toBe(39);
    expect(ageAt('1986-05-12', '2026-05-12')).toBe(40);
    // born 29 Feb: 2025 has no 29 Feb, the birthday counts from 1 March (2025 − 1988 = 37)
    expect(ageAt('1988-02-29', '2025-02-28')).toBe(36);
    expect(ageAt('1988-02-29', '2025-03-01')).toBe(37);
    expect(yearsOfWork('2008-07', '2026-06-30')).toBe(17);
    expect(yearsOfWork('2008-07', '2026-07-01')).toBe(18);
    expect(yearsOfWork('2027-01', '2026-07-01')).toBe(0);
  });

  it('explains a missing work start date', () => {
    const f = deriveFacts({ birthDate: '1990-01-15', workStartDate: null, appointments: [] }, '2026-01-14');
    // 2026 − 1990 − 1 = 35 (birthday on the 15th not reached)
    expect(f.age).toEqual({ value: 35, explanation: '1990.01.15 出生，截至 2026-01-14 年满 35 周岁' });
    expect(f.yearsOfWork).toEqual({ value: null, explanation: '未填写参加工作时间' });
    expect(f.grassrootsYears).toEqual({ value: 0, explanation: '无街道、乡镇、村（社区）任职经历' });
    expect(f.streetOrTownship).toEqual({ value: false, explanation: '无街道或乡镇工作经历' });
    expect(f.streetLeadership).toEqual({ value: false, explanation: '无街道领导职务经历' });
    const none = { value: null, explanation: '截至 2026-01-14 无在任且登记了职级的职务' };
    expect(f.currentRank).toEqual(none);
    expect(f.currentRankSince).toEqual(none);
    expect(f.currentRankYears).toEqual(none);
  });
});

describe('grassrootsYears', () => {
  it('rounds months / 12 half up to one decimal', () => {
    expect(monthsToYears(0)).toBe(0);
    expect(monthsToYears(1)).toBe(0.1); // 0.083 → 0.1
    expect(monthsToYears(3)).toBe(0.3); // 0.25 → 0.3 (half up)
    expect(monthsToYears(5)).toBe(0.4); // 0.417 → 0.4
    expect(monthsToYears(9)).toBe(0.8); // 0.75 → 0.8
    expect(monthsToYears(153)).toBe(12.8); // 12.75 → 12.8
  });

  it('counts overlaps once, runs open posts to asOf and ignores other unit kinds', () => {
    const posts = [
      post({ unitName: '某镇', unitKind: 'township', start: '2010-01', end: '2012-12' }),
      post({ unitName: '某村', unitKind: 'village', title: '第一书记', start: '2012-07', end: '2014-06' }),
      post({ unitName: '区委办', unitKind: 'department', start: '2014-07', end: '2019-12' }),
      post({ unitName: '某社区', unitKind: 'community', start: '2020-01-06', end: null }),
      post({ unitName: '某站点', unitKind: 'station', start: '2015-01', end: '2016-12' }),
    ];
    // 2010-01 … 2014-06 (overlap 2012-07 … 2012-12 once) = 4·12 + 6 = 54 months;
    // community 2020-01 → 2021-01-15: 12 completed months; total 66 = 5 y 6 m → 5.5
    expect(grassrootsMonths(posts, '2021-01-15')).toBe(66);
    expect(grassrootsYears(posts, '2021-01-15')).toBe(5.5);
    const f = deriveFacts(
      { birthDate: '1985-03', workStartDate: '2010-01', appointments: posts },
      '2021-01-15',
    );
    expect(f.grassrootsYears.explanation).toBe(
      '在街道、乡镇、村（社区）任职：2010.01—2012.12 某镇；2012.07—2014.06 某村第一书记；2020.01.06 起 某社区；' +
        '重叠期间只计一次，截至 2021-01-15 共 5 年 6 个月，折合 5.5 年',
    );
  });

  it('stops a post at asOf and leaves out posts not yet started', () => {
    const posts = [
      post({ unitName: '某镇', unitKind: 'township', start: '2020-01', end: '2030-12' }),
      post({ unitName: '某街道', unitKind: 'street', start: '2022-01', end: null }),
    ];
    // 2020-01 → 2021-01-15 = 12 months → 1.0; the street post starts later
    expect(grassrootsYears(posts, '2021-01-15')).toBe(1);
    const f = deriveFacts(
      { birthDate: '1985-03', workStartDate: '2010-01', appointments: posts },
      '2021-01-15',
    );
    expect(f.streetOrTownship.explanation).toBe('有街道或乡镇工作经历：2020.01—2030.12 某镇');
  });
});

describe('experience flags', () => {
  it('tells street or township posts, street leadership and township party secretaries', () => {
    const villageOnly = [post({ unitName: '某村', unitKind: 'village', start: '2010-01', end: null })];
    expect(hasStreetOrTownshipExperience(villageOnly)).toBe(false);
    expect(hasStreetOrTownshipExperience(HISTORY)).toBe(true);

    const streetStaff = [post({ unitName: '某街道', unitKind: 'street', start: '2010-01', end: null })];
    expect(hasStreetLeadershipExperience(streetStaff)).toBe(false);
    // a township leader is not a street leader
    const townshipLeader = [
      post({ unitName: '某镇', unitKind: 'township', isLeadership: true, start: '2010-01', end: null }),
    ];
    expect(hasStreetLeadershipExperience(townshipLeader)).toBe(false);
    expect(hasStreetLeadershipExperience(HISTORY)).toBe(true);

    const streetSecretary = [
      post({
        unitName: '某街道',
        unitKind: 'street',
        roleKind: 'party_secretary',
        start: '2010-01',
        end: null,
      }),
    ];
    const villageSecretary = [
      post({
        unitName: '某村',
        unitKind: 'village',
        roleKind: 'party_secretary',
        start: '2010-01',
        end: null,
      }),
    ];
    expect(hasTownshipPartySecretaryExperience(streetSecretary)).toBe(true); // 街道党工委书记
    expect(hasTownshipPartySecretaryExperience(villageSecretary)).toBe(false); // 村党组织书记
    expect(hasTownshipPartySecretaryExperience(HISTORY)).toBe(true);
  });
});

describe('currentRank', () => {
  it('starts again after a gap in the rank', () => {
    const posts = [
      post({ unitName: '甲镇', rank: '正科级', start: '2010-01', end: '2012-12' }),
      post({ unitName: '区委党校', start: '2013-01', end: '2015-12' }), // no rank recorded
      post({ unitName: '乙镇', rank: '正科级', start: '2016-01', end: null }),
    ];
    // 2016-01 → 2021-01: 60 months → 5.0
    expect(currentRank(posts, '2021-01-15')).toEqual({ rank: '正科级', since: '2016-01', years: 5 });
  });

  it('chains overlapping posts of the same rank and takes the latest open post', () => {
    const posts = [
      post({ unitName: '甲镇', rank: '正科级', start: '2016-01', end: '2019-06' }),
      post({ unitName: '乙镇', rank: '正科级', start: '2019-06', end: null }),
      post({ unitName: '某协会', rank: '副科级', start: '2020-03', end: null }), // concurrent, latest
    ];
    expect(currentRank(posts, '2021-01-15')).toEqual({ rank: '副科级', since: '2020-03', years: 0.8 }); // 10/12 = 0.83
    const main = posts.slice(0, 2);
    // 2016-01 → 2021-01 = 60 months → 5.0
    expect(currentRank(main, '2021-01-15')).toEqual({ rank: '正科级', since: '2016-01', years: 5 });
  });

  it('is null when no post with a rank is open', () => {
    expect(
      currentRank(
        [post({ unitName: '甲镇', rank: '正科级', start: '2010-01', end: '2012-12' })],
        '2021-01-15',
      ),
    ).toBe(null);
    expect(currentRank([post({ unitName: '甲镇', start: '2010-01', end: null })], '2021-01-15')).toBe(null);
    expect(
      currentRank([post({ unitName: '甲镇', rank: '正科级', start: '2022-01', end: null })], '2021-01-15'),
    ).toBe(null);
  });
});

describe('currentPost', () => {
  it('is the open post latest started; the later in the list on the same start; null with none open', () => {
    const posts = [
      post({
        unitName: '某镇',
        unitKind: 'township',
        roleKind: 'party_secretary',
        isLeadership: true,
        start: '2018-03',
        end: null,
      }),
      post({
        unitName: '区委办',
        unitKind: 'department',
        roleKind: 'government_head',
        isLeadership: true,
        start: '2021-01',
        end: '2023-12',
      }),
      post({
        unitName: '某镇',
        unitKind: 'township',
        roleKind: 'team_member',
        isLeadership: false,
        start: '2016-05-10',
        end: null,
      }),
    ];
    expect(currentPost(posts)).toEqual({ roleKind: 'party_secretary', isLeadership: true });
    const sameDay = [
      post({ unitName: '甲', roleKind: 'staff', start: '2020-01', end: null }),
      post({
        unitName: '乙',
        roleKind: 'government_head',
        isLeadership: true,
        start: '2020-01-01',
        end: null,
      }),
    ];
    expect(currentPost(sameDay)).toEqual({ roleKind: 'government_head', isLeadership: true });
    expect(currentPost([posts[1] as Post])).toBeNull();
    expect(currentPost([])).toBeNull();
  });
});
