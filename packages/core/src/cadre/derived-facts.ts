import type { Appointment, PartialDate } from './model.ts';
import { firstDay, formatDot } from './officer-date.ts';

/**
 * Facts derived from a record at a date `asOf` (`YYYY-MM-DD`): age, years of work, years at the grassroots,
 * street / township experience and the current rank. Each comes with a Chinese sentence naming the posts
 * it rests on, so every number on screen can explain itself.
 *
 * Durations are counted in whole months: a post covers its start month through its end month (both
 * included); an open post runs to `asOf` and counts the months completed by then. Years with one
 * decimal are months / 12 rounded half up to 0.1.
 */

/** The parts of an appointment the facts read. */
export type Post = Pick<
  Appointment,
  'unitName' | 'unitKind' | 'title' | 'isLeadership' | 'roleKind' | 'rank' | 'start' | 'end'
>;

export interface Fact<T> {
  value: T;
  explanation: string;
}

export interface CurrentRank {
  rank: string;
  since: PartialDate;
  years: number;
}

export interface DerivedFactsInput {
  birthDate: PartialDate;
  workStartDate: PartialDate | null;
  appointments: readonly Post[];
}

export interface DerivedFacts {
  age: Fact<number>;
  yearsOfWork: Fact<number | null>;
  grassrootsYears: Fact<number>;
  streetOrTownship: Fact<boolean>;
  streetLeadership: Fact<boolean>;
  townshipSecretary: Fact<boolean>;
  currentRank: Fact<string | null>;
  currentRankSince: Fact<PartialDate | null>;
  currentRankYears: Fact<number | null>;
}

const GRASSROOTS_KINDS: readonly (Post['unitKind'] & string)[] = [
  'street',
  'township',
  'village',
  'community',
];

/** Months since year 0 of the month a date falls in. */
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Whole years from `from` (a month as its 1st) to `asOf`: the anniversary counts on its day. */
function wholeYears(from: PartialDate, asOf: string): number {
  const start = firstDay(from);
  const years = Number(asOf.slice(0, 4)) - Number(start.slice(0, 4));
  return asOf.slice(5, 10) < start.slice(5, 10) ? years - 1 : years;
}

/** months / 12 rounded half up to one decimal, in integers: tenths = floor((20·months + 12) / 24). */
export function monthsToYears(months: number): number {
  return Math.floor((20 * months + 12) / 24) / 10;
}

/** `153` → `12 年 9 个月` */
function monthsText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y === 0) return `${m} 个月`;
  return m === 0 ? `${y} 年` : `${y} 年 ${m} 个月`;
}

/** Half-open month interval [from, to) a post covers up to `asOf`, or null if none of it lies before. */
function span(p: Post, asOf: string): [number, number] | null {
  const from = monthIndex(p.start);
  const to = Math.min(p.end === null ? Infinity : monthIndex(p.end) + 1, monthIndex(asOf));
  return to > from ? [from, to] : null;
}

const byStart = (a: Post, b: Post) => firstDay(a.start).localeCompare(firstDay(b.start));

/** `2013.01—2016.08 某街道副主任`; an open post as `2021.04 起`. */
export function describePost(p: Post): string {
  const period = p.end === null ? `${formatDot(p.start)} 起` : `${formatDot(p.start)}—${formatDot(p.end)}`;
  return `${period} ${p.unitName}${p.title}`;
}

const listPosts = (posts: readonly Post[]) => [...posts].sort(byStart).map(describePost).join('；');

/** Age in whole years; a month-precision birth date counts from the 1st of that month. */
export function ageAt(birthDate: PartialDate, asOf: string): number {
  return wholeYears(birthDate, asOf);
}

/** Years of work in whole years (a month-precision start counts from the 1st). */
export function yearsOfWork(workStartDate: PartialDate, asOf: string): number {
  return Math.max(0, wholeYears(workStartDate, asOf));
}

const isGrassroots = (p: Post) => p.unitKind !== null && GRASSROOTS_KINDS.includes(p.unitKind);

/** Months (whole) in street, township, village and community posts, overlaps counted once. */
export function grassrootsMonths(appointments: readonly Post[], asOf: string): number {
  const spans = appointments
    .filter(isGrassroots)
    .map((p) => span(p, asOf))
    .filter((s): s is [number, number] => s !== null)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, reached);
    if (to > start) total += to - start;
    reached = Math.max(reached, to);
  }
  return total;
}

/** Years (one decimal) in street, township, village and community posts, overlaps counted once. */
export function grassrootsYears(appointments: readonly Post[], asOf: string): number {
  return monthsToYears(grassrootsMonths(appointments, asOf));
}

const streetOrTownshipPosts = (a: readonly Post[]) =>
  a.filter((p) => p.unitKind === 'street' || p.unitKind === 'township');
const streetLeadershipPosts = (a: readonly Post[]) =>
  a.filter((p) => p.unitKind === 'street' && p.isLeadership);
const townshipSecretaryPosts = (a: readonly Post[]) =>
  a.filter((p) => p.roleKind === 'party_secretary' && (p.unitKind === 'township' || p.unitKind === 'street'));

/** Has held any post in a street (街道) or township (乡镇). */
export function hasStreetOrTownshipExperience(appointments: readonly Post[]): boolean {
  return streetOrTownshipPosts(appointments).length > 0;
}

/** Has held a leadership post in a street (街道领导职务). */
export function hasStreetLeadershipExperience(appointments: readonly Post[]): boolean {
  return streetLeadershipPosts(appointments).length > 0;
}

/** Has been 乡镇党委书记 or 街道党工委书记. */
export function hasTownshipPartySecretaryExperience(appointments: readonly Post[]): boolean {
  return townshipSecretaryPosts(appointments).length > 0;
}

/** A post is open at `asOf` when it has started and its end month (included) is not before `asOf`'s month. */
const openAt = (p: Post, asOf: string) =>
  firstDay(p.start) <= asOf && (p.end === null || p.end.slice(0, 7) >= asOf.slice(0, 7));

interface RankChain {
  current: Post;
  first: Post;
}

function rankChain(appointments: readonly Post[], asOf: string): RankChain | null {
  const ranked = appointments.filter((p) => p.rank.trim() !== '' && firstDay(p.start) <= asOf);
  const open = ranked.filter((p) => openAt(p, asOf)).sort(byStart);
  const current = open[open.length - 1];
  if (!current) return null;
  const sameRank = ranked.filter((p) => p.rank.trim() === current.rank.trim());
  // extend back while a post of the same rank starts earlier and reaches the month before the chain
  let first = current;
  for (;;) {
    const sinceIdx = monthIndex(first.start);
    const earlier = sameRank
      .filter((p) => monthIndex(p.start) < sinceIdx && (p.end === null || monthIndex(p.end) + 1 >= sinceIdx))
      .sort(byStart)[0];
    if (!earlier) return { current, first };
    first = earlier;
  }
}

/**
 * The rank of the latest-starting post (with a rank) open at `asOf`, since the start of the earliest post
 * of the same rank reached from it without a gap, and the years (one decimal) held since then.
 */
export function currentRank(appointments: readonly Post[], asOf: string): CurrentRank | null {
  const chain = rankChain(appointments, asOf);
  if (!chain) return null;
  const months = Math.max(0, monthIndex(asOf) - monthIndex(chain.first.start));
  return { rank: chain.current.rank.trim(), since: chain.first.start, years: monthsToYears(months) };
}

/** All derived facts at `asOf`, each with its explanation. Posts starting after `asOf` are left out. */
export function deriveFacts(input: DerivedFactsInput, asOf: string): DerivedFacts {
  const posts = input.appointments.filter((p) => firstDay(p.start) <= asOf);
  const asOfText = `截至 ${asOf} `;

  const age = ageAt(input.birthDate, asOf);
  const birthNote = input.birthDate.length === 7 ? '（按当月 1 日计）' : '';
  const ageFact: Fact<number> = {
    value: age,
    explanation: `${formatDot(input.birthDate)} 出生${birthNote}，${asOfText}年满 ${age} 周岁`,
  };

  let workFact: Fact<number | null> = { value: null, explanation: '未填写参加工作时间' };
  if (input.workStartDate !== null) {
    const years = yearsOfWork(input.workStartDate, asOf);
    workFact = {
      value: years,
      explanation: `${formatDot(input.workStartDate)} 参加工作，${asOfText}满 ${years} 年`,
    };
  }

  const grassroots = posts.filter((p) => isGrassroots(p) && span(p, asOf) !== null);
  const gMonths = grassrootsMonths(posts, asOf);
  const gYears = monthsToYears(gMonths);
  const grassrootsFact: Fact<number> = {
    value: gYears,
    explanation:
      grassroots.length === 0
        ? '无街道、乡镇、村（社区）任职经历'
        : `在街道、乡镇、村（社区）任职：${listPosts(grassroots)}；重叠期间只计一次，${asOfText}共 ${monthsText(gMonths)}，折合 ${gYears} 年`,
  };

  const st = streetOrTownshipPosts(posts);
  const sl = streetLeadershipPosts(posts);
  const ts = townshipSecretaryPosts(posts);

  const rank = currentRank(posts, asOf);
  const chain = rankChain(posts, asOf);
  let rankFact: Fact<string | null> = { value: null, explanation: `截至 ${asOf} 无在任且登记了职级的职务` };
  let sinceFact: Fact<PartialDate | null> = { value: null, explanation: rankFact.explanation };
  let yearsFact: Fact<number | null> = { value: null, explanation: rankFact.explanation };
  if (rank && chain) {
    const months = Math.max(0, monthIndex(asOf) - monthIndex(rank.since));
    const { current, first } = chain;
    const sinceText =
      first === current
        ? `${formatDot(rank.since)} 起任${current.unitName}${current.title}，职级为${rank.rank}`
        : `${formatDot(rank.since)} 起任${first.unitName}${first.title}（${rank.rank}），此后连续任${rank.rank}至今`;
    rankFact = {
      value: rank.rank,
      explanation: `现任${current.unitName}${current.title}（${formatDot(current.start)} 起），职级为${rank.rank}`,
    };
    sinceFact = { value: rank.since, explanation: sinceText };
    yearsFact = {
      value: rank.years,
      explanation: `${sinceText}；${asOfText}共 ${monthsText(months)}，折合 ${rank.years} 年`,
    };
  }

  return {
    age: ageFact,
    yearsOfWork: workFact,
    grassrootsYears: grassrootsFact,
    streetOrTownship: {
      value: st.length > 0,
      explanation: st.length > 0 ? `有街道或乡镇工作经历：${listPosts(st)}` : '无街道或乡镇工作经历',
    },
    streetLeadership: {
      value: sl.length > 0,
      explanation: sl.length > 0 ? `有街道领导职务经历：${listPosts(sl)}` : '无街道领导职务经历',
    },
    townshipSecretary: {
      value: ts.length > 0,
      explanation:
        ts.length > 0
          ? `有乡镇党委书记或街道党工委书记经历：${listPosts(ts)}`
          : '无乡镇党委书记或街道党工委书记经历',
    },
    currentRank: rankFact,
    currentRankSince: sinceFact,
    currentRankYears: yearsFact,
  };
}

/**
 * The current post as the structure indicators read it (fact_current_role_kind / fact_current_leadership):
 * the open appointment (no end date) latest started; of two starting the same day, the later in the list.
 * null: no open appointment.
 */
export function currentPost(
  appointments: readonly Pick<Post, 'roleKind' | 'isLeadership' | 'start' | 'end'>[],
): { roleKind: Post['roleKind']; isLeadership: boolean } | null {
  let best: (typeof appointments)[number] | null = null;
  for (const p of appointments)
    if (p.end === null && (best === null || firstDay(p.start) >= firstDay(best.start))) best = p;
  return best ? { roleKind: best.roleKind, isLeadership: best.isLeadership } : null;
}
