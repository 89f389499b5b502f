import chineseDays from 'chinese-days';
import { addDays, isoDate } from './dates.ts';

/**
 * The holidays every citizen has by law, for a year whose arrangement (放假安排, with its make-up workdays)
 * the State Council has not published yet. Source: 《全国年节及纪念日放假办法》 as amended by 国务院令第795号
 * (2024-11-10, in force 2025-01-01), 第二条:
 *   （一）元旦，放假1天（1月1日）；
 *   （二）春节，放假4天（农历除夕、正月初一至初三）；
 *   （三）清明节，放假1天（农历清明当日）；
 *   （四）劳动节，放假2天（5月1日、2日）；
 *   （五）端午节，放假1天（农历端午当日）；
 *   （六）中秋节，放假1天（农历中秋当日）；
 *   （七）国庆节，放假3天（10月1日至3日）。
 * These are facts of the regulation, not district policy, so they live here as one table rather than in a
 * policy pack. Not modelled (the published arrangement decides them, so a statutory-only year leaves them
 * out rather than guessing): the weekday given in lieu of a holiday that falls on a weekend (第六条, 补假),
 * and every make-up workday (调休上班).
 */
export interface StatutoryHoliday {
  name: string;
  nameEn: string;
  /** the days of the holiday in a Gregorian year */
  days: readonly StatutoryDay[];
}

/** A day given by the solar calendar, by the lunar calendar, or by the 清明 solar term. */
export type StatutoryDay =
  | { solar: { month: number; day: number } }
  | { lunar: { month: number; day: number } }
  /** 农历除夕: the last day of the lunar year, the eve of 正月初一 */
  | { lunarNewYearsEve: true }
  | { solarTerm: 'pure_brightness' };

export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { name: '元旦', nameEn: "New Year's Day", days: [{ solar: { month: 1, day: 1 } }] },
  {
    name: '春节',
    nameEn: 'Spring Festival',
    days: [
      { lunarNewYearsEve: true },
      { lunar: { month: 1, day: 1 } },
      { lunar: { month: 1, day: 2 } },
      { lunar: { month: 1, day: 3 } },
    ],
  },
  { name: '清明节', nameEn: 'Tomb-sweeping Day', days: [{ solarTerm: 'pure_brightness' }] },
  {
    name: '劳动节',
    nameEn: 'Labour Day',
    days: [{ solar: { month: 5, day: 1 } }, { solar: { month: 5, day: 2 } }],
  },
  { name: '端午节', nameEn: 'Dragon Boat Festival', days: [{ lunar: { month: 5, day: 5 } }] },
  { name: '中秋节', nameEn: 'Mid-autumn Festival', days: [{ lunar: { month: 8, day: 15 } }] },
  {
    name: '国庆节',
    nameEn: 'National Day',
    days: [1, 2, 3].map((day) => ({ solar: { month: 10, day } })),
  },
];

/** The Gregorian date of a lunar date of the lunar year that begins in `year` (its non-leap month). */
function lunarToSolar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(isoDate(year, month, day)).date;
}

function dateOf(year: number, d: StatutoryDay): string {
  if ('solar' in d) return isoDate(year, d.solar.month, d.solar.day);
  if ('lunar' in d) return lunarToSolar(year, d.lunar.month, d.lunar.day);
  if ('lunarNewYearsEve' in d) return addDays(lunarToSolar(year, 1, 1), -1);
  // 清明 is the day of the solar term in April
  return chineseDays.getSolarTermDate(year, 4, d.solarTerm);
}

/** The statutory holidays of a Gregorian year, by date (a day two holidays share names both). */
export function statutoryHolidaysOf(year: number): Map<string, { name: string; nameEn: string }> {
  const out = new Map<string, { name: string; nameEn: string }>();
  for (const h of STATUTORY_HOLIDAYS) {
    for (const d of h.days) {
      const date = dateOf(year, d);
      const seen = out.get(date);
      out.set(
        date,
        seen
          ? { name: `${seen.name}、${h.name}`, nameEn: `${seen.nameEn}, ${h.nameEn}` }
          : { name: h.name, nameEn: h.nameEn },
      );
    }
  }
  return out;
}
