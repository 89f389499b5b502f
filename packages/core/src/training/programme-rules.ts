import type { RequirementJudgement } from '../contracts/training.ts';
import type { CadreCondition } from '../selection/condition.ts';
import { conditionText } from '../selection/condition-match.ts';
import type { TrainingRequirement, TrainingSection } from './policy.ts';

/**
 * 教育培训 (R-TRN-1/2), the pure rules: a programme's credit in days (hours ÷ the pack's hoursPerDay), the
 * pack's requirements in words, and one cadre judged against the requirements that apply to them on a day
 * (`asOf`) with the warning the pack sets (from `warnFrom`, or `warnDaysBefore` a period's end). Every
 * number comes with its Chinese explanation.
 */

/** 9.5 → "9.5", 12 → "12", 1.25 → "1.25" (credit is kept to hundredths). */
export function daysText(n: number): string {
  return String(round2(n));
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** `YYYY-MM-DD` → "10月1日" */
export function monthDayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export type TrainingProblem =
  'TRAINING_CREDIT_REQUIRED' | 'TRAINING_BAD_DATES' | 'TRAINING_UNKNOWN_KIND' | 'TRAINING_SESSION_OUTSIDE';

export const TRAINING_PROBLEM_TEXT: Record<TrainingProblem, string> = {
  TRAINING_CREDIT_REQUIRED: '培训时间须填写天数或学时（二者只填其一）',
  TRAINING_BAD_DATES: '结束日期不能早于开始日期',
  TRAINING_UNKNOWN_KIND: '政策包中没有这一培训类别',
  TRAINING_SESSION_OUTSIDE: '课次日期须在培训班的起止日期之内',
};

/**
 * The credit of a programme or session in days: `days` as given, or `hours ÷ hoursPerDay` (rounded to
 * hundredths). Exactly one of the two; null when neither or both are given.
 */
export function creditOf(
  input: { days?: number | null; hours?: number | null },
  hoursPerDay: number,
  packName: string,
): { days: number; explanation: string } | null {
  const hasDays = input.days !== undefined && input.days !== null;
  const hasHours = input.hours !== undefined && input.hours !== null;
  if (hasDays === hasHours) return null;
  if (hasDays) {
    const d = round2(input.days as number);
    return { days: d, explanation: `按${daysText(d)}天计算培训时间` };
  }
  const h = input.hours as number;
  const d = round2(h / hoursPerDay);
  return {
    days: d,
    explanation: `${daysText(h)}学时 ÷ 政策包“${packName}”每天${daysText(hoursPerDay)}学时 = ${daysText(d)}天`,
  };
}

/** Check a programme's dates, kind and sessions (null: fine). */
export function checkProgramme(
  p: { kindId: string; startOn: string; endOn: string; sessions: readonly { on: string }[] },
  section: Pick<TrainingSection, 'programmeKinds'>,
): TrainingProblem | null {
  if (!section.programmeKinds.some((k) => k.id === p.kindId)) return 'TRAINING_UNKNOWN_KIND';
  if (p.endOn < p.startOn) return 'TRAINING_BAD_DATES';
  if (p.sessions.some((s) => s.on < p.startOn || s.on > p.endOn)) return 'TRAINING_SESSION_OUTSIDE';
  return null;
}

const POPULATION_KIND: Record<string, string> = {
  street: '街道',
  township: '乡镇',
  department: '区直部门',
  village: '村',
  community: '社区',
};

/** "街道干部" for a population that is just unit kinds; otherwise the condition's words. */
export function populationText(c: CadreCondition): string {
  const keys = Object.keys(c).filter((k) => (c as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 1 && c.orgKinds && c.orgKinds.every((k) => POPULATION_KIND[k]))
    return `${c.orgKinds.map((k) => POPULATION_KIND[k]).join('、')}干部`;
  return `${conditionText(c)}的干部`;
}

function kindsText(kinds: readonly string[], kindNames: Record<string, string>): string {
  return kinds.map((k) => kindNames[k] ?? k).join('或');
}

/** The requirement as a sentence ("街道干部每年参加培训不少于12天，10月1日起提醒"). */
export function requirementText(r: TrainingRequirement, kindNames: Record<string, string>): string {
  const who = populationText(r.population);
  const kinds = r.programmeKinds.length ? `（${kindsText(r.programmeKinds, kindNames)}）` : '';
  switch (r.measure) {
    case 'days':
      return `${who}每年参加培训${kinds}不少于${daysText(r.min)}天，${monthDayText(`2000-${r.warnFrom}`)}起提醒`;
    case 'programmes':
      return `${who}每年至少参加${r.min}个${r.programmeKinds.length ? kindsText(r.programmeKinds, kindNames) : '培训班'}，${monthDayText(`2000-${r.warnFrom}`)}起提醒`;
    case 'everyPeriod':
      return `${who}每${r.periodMonths}个月至少参加1次培训${kinds}，每期结束前${r.warnDaysBefore}天提醒`;
  }
}

/** What a cadre attended in the year up to `asOf`, per programme kind. */
export interface KindFacts {
  /** credit days */
  days: number;
  /** distinct programmes attended */
  programmes: number;
  /** months with attendance: bit m−1 for month m */
  months: number;
}
export type TrainingFacts = Record<string, KindFacts>;

function sumOver(facts: TrainingFacts, kinds: readonly string[], f: (k: KindFacts) => number): number {
  let total = 0;
  for (const [kind, v] of Object.entries(facts)) if (!kinds.length || kinds.includes(kind)) total += f(v);
  return total;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function minusDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - n);
  return t.toISOString().slice(0, 10);
}

export function periodName(months: number, index: number): string {
  if (months === 3) return `第${index}季度`;
  if (months === 6) return index === 1 ? '上半年' : '下半年';
  if (months === 1) return `${index}月`;
  return `第${index}期`;
}

export interface JudgeContext {
  year: number;
  /** the day judged, inside the year */
  asOf: string;
  packName: string;
  kindNames: Record<string, string>;
}

/** One requirement judged for one cadre of its population. */
export function judgeRequirement(
  r: TrainingRequirement,
  facts: TrainingFacts,
  ctx: JudgeContext,
): RequirementJudgement {
  const asOfText = monthDayText(ctx.asOf);
  const who = populationText(r.population);
  const pack = `政策包“${ctx.packName}”`;
  const base = { requirementId: r.id, requirementName: r.name, measure: r.measure } as const;
  if (r.measure === 'days' || r.measure === 'programmes') {
    const warnFrom = `${ctx.year}-${r.warnFrom}`;
    const isDays = r.measure === 'days';
    const actual = round2(sumOver(facts, r.programmeKinds, (f) => (isDays ? f.days : f.programmes)));
    const shortfall = round2(Math.max(0, r.min - actual));
    const met = shortfall === 0;
    const warning = !met && ctx.asOf >= warnFrom;
    const unit = isDays ? '天' : '个';
    const what = isDays
      ? `参训${daysText(actual)}天`
      : `参加${r.programmeKinds.length ? kindsText(r.programmeKinds, ctx.kindNames) : '培训班'}${actual}个`;
    const rule = isDays
      ? `${pack}要求${who}每年不少于${daysText(r.min)}天`
      : `${pack}要求${who}每年至少参加${r.min}个`;
    const explanation = met
      ? `截至${asOfText}${what}，达到${rule}的要求`
      : `截至${asOfText}${what}，${rule}，还差${daysText(shortfall)}${unit}` +
        (warning ? '' : `（${monthDayText(warnFrom)}起提醒）`);
    return {
      ...base,
      required: r.min,
      actual,
      shortfall,
      met,
      warning,
      periods: null,
      explanation,
    };
  }
  // everyPeriod: periods of periodMonths from 1 January
  const count = Math.ceil(12 / r.periodMonths);
  const months = monthsOf(facts, r.programmeKinds);
  const periods: NonNullable<RequirementJudgement['periods']> = [];
  const missed: string[] = [];
  let closing: string | null = null;
  for (let i = 0; i < count; i++) {
    const firstMonth = i * r.periodMonths + 1;
    const lastMonth = Math.min(12, firstMonth + r.periodMonths - 1);
    const from = `${ctx.year}-${String(firstMonth).padStart(2, '0')}-01`;
    const to = lastDayOfMonth(ctx.year, lastMonth);
    let mask = 0;
    for (let m = firstMonth; m <= lastMonth; m++) mask |= 1 << (m - 1);
    const trained = (months & mask) !== 0;
    const name = periodName(r.periodMonths, i + 1);
    let state: (typeof periods)[number]['state'];
    if (trained) state = 'met';
    else if (to < ctx.asOf) {
      state = 'missed';
      missed.push(`${name}（${monthDayText(from)}至${monthDayText(to)}）`);
    } else if (from <= ctx.asOf) {
      state = 'open';
      if (ctx.asOf >= minusDays(to, r.warnDaysBefore))
        closing = `${name}将于${monthDayText(to)}结束，尚未参训`;
    } else state = 'upcoming';
    periods.push({ index: i + 1, from, to, state });
  }
  const metCount = periods.filter((p) => p.state === 'met').length;
  const kinds = r.programmeKinds.length ? kindsText(r.programmeKinds, ctx.kindNames) : '培训';
  const rule = `${pack}要求${who}每${r.periodMonths}个月至少参加1次${kinds}`;
  const problems = [...(missed.length ? [`${missed.join('、')}未参训`] : []), ...(closing ? [closing] : [])];
  const explanation = problems.length
    ? `截至${asOfText}，${problems.join('；')}（${rule}）`
    : `截至${asOfText}，已到期的各期均已参训（${rule}）`;
  return {
    ...base,
    required: count,
    actual: metCount,
    shortfall: missed.length,
    met: missed.length === 0 && closing === null,
    warning: missed.length > 0 || closing !== null,
    periods,
    explanation,
  };
}

function monthsOf(facts: TrainingFacts, kinds: readonly string[]): number {
  let mask = 0;
  for (const [kind, v] of Object.entries(facts)) if (!kinds.length || kinds.includes(kind)) mask |= v.months;
  return mask;
}

export interface CadreJudgement {
  days: number;
  required: number | null;
  shortfall: number;
  programmes: number;
  judgements: RequirementJudgement[];
  met: boolean;
  warning: boolean;
  explanation: string;
}

/**
 * A cadre judged against the requirements that apply to them (their populations matched by the caller):
 * the year's days and programmes so far, the days required (the largest days requirement) and the
 * shortfall, each requirement's judgement, and a sentence joining the problems (or saying all is met).
 */
export function judgeCadre(
  applying: readonly TrainingRequirement[],
  facts: TrainingFacts,
  ctx: JudgeContext,
): CadreJudgement {
  const days = round2(sumOver(facts, [], (f) => f.days));
  const programmes = sumOver(facts, [], (f) => f.programmes);
  const judgements = applying.map((r) => judgeRequirement(r, facts, ctx));
  let required: number | null = null;
  let shortfall = 0;
  applying.forEach((r, i) => {
    if (r.measure === 'days' && (required === null || r.min > required)) {
      required = r.min;
      shortfall = judgements[i]!.shortfall;
    }
  });
  const met = judgements.every((j) => j.met);
  const warning = judgements.some((j) => j.warning);
  const explanation = !judgements.length
    ? `截至${monthDayText(ctx.asOf)}参训${daysText(days)}天；政策包“${ctx.packName}”对其没有年度培训要求`
    : met
      ? judgements.map((j) => j.explanation).join('；')
      : judgements
          .filter((j) => !j.met)
          .map((j) => j.explanation)
          .join('；');
  return { days, required, shortfall, programmes, judgements, met, warning, explanation };
}

/** The day a year is judged on by default: today inside the year, 31 December of a past year, 1 January of a future one. */
export function defaultAsOf(year: number, today: string): string {
  const y = Number(today.slice(0, 4));
  if (y === year) return today;
  return y > year ? `${year}-12-31` : `${year}-01-01`;
}

/** The periods of an everyPeriod judgement a warning is due for on asOf: those missed, and the open one within warnDaysBefore of its end. */
export function warnedPeriods<P extends { index: number; to: string; state: string }>(
  periods: readonly P[],
  asOf: string,
  warnDaysBefore: number,
): P[] {
  return periods.filter(
    (p) => p.state === 'missed' || (p.state === 'open' && asOf >= minusDays(p.to, warnDaysBefore)),
  );
}
