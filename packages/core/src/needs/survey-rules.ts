import type { BurdenSection } from '../burden/policy.ts';
import type {
  SurveyAnswerInput,
  SurveyBandResult,
  SurveyBreakdownId,
  SurveyBreakdownResult,
  SurveyKindShare,
  SurveyTally,
} from '../contracts/survey.ts';
import { SURVEY_BREAKDOWNS } from '../contracts/survey.ts';
import type { NeedsSection } from './policy.ts';

/**
 * 精准激励 (R-NEED-1/2), pure: check one answer against the survey's rules, and tally the answers into
 * results per band with small groups suppressed and the recommended incentive mix explained in Chinese.
 */

type OvertimePolicy = BurdenSection['overtime'];

/** The rules a survey runs under, copied from the pack when it opened. */
export interface SurveyRules {
  packName: string;
  needs: NeedsSection;
  /** the overtime question (burden.overtime); null: not asked */
  overtime: OvertimePolicy | null;
}

/** One answer as stored: self-reported bands, picks most important first, overtime count or null. */
export interface SurveyAnswer {
  rank: string;
  post: string;
  education: string;
  picks: string[];
  overtime: number | null;
}

export const BREAKDOWN_NAMES: Record<SurveyBreakdownId, string> = {
  rank: '职务级别',
  post: '任职岗位',
  education: '教育水平',
};

export type SurveyProblem =
  | 'SURVEY_NOT_OFFERED'
  | 'SURVEY_DATES'
  | 'SURVEY_CLOSED'
  | 'SURVEY_NOT_CLOSED'
  | 'SURVEY_UNIT_OUTSIDE'
  | 'SURVEY_CODE_LIMIT'
  | 'SURVEY_CODE_INVALID'
  | 'SURVEY_CODE_USED'
  | 'SURVEY_NOT_OPEN'
  | 'SURVEY_ANSWER_INVALID';

export const SURVEY_PROBLEM_TEXT: Record<SurveyProblem, string> = {
  SURVEY_NOT_OFFERED: '现行政策包没有精准激励需求调查的规则',
  SURVEY_DATES: '截止日期不能早于开始日期',
  SURVEY_CLOSED: '该调查已结束',
  SURVEY_NOT_CLOSED: '调查结束后才能查看结果',
  SURVEY_UNIT_OUTSIDE: '该单位不在本次调查的范围内',
  SURVEY_CODE_LIMIT: '调查码数量不能超过调查范围内的在职干部人数',
  SURVEY_CODE_INVALID: '调查码无效或已作废，请核对调查票',
  SURVEY_CODE_USED: '该调查码已经使用过，每个码只能作答一次',
  SURVEY_NOT_OPEN: '调查不在作答期内',
  SURVEY_ANSWER_INVALID: '问卷填写不完整或有误',
};

/** The survey's rules from a pack's sections; null when the pack offers no needs survey. */
export function surveyRulesOf(
  pack: { name: string; needs?: NeedsSection | undefined; burden?: { overtime: OvertimePolicy } | undefined },
  withOvertime: boolean,
): SurveyRules | null {
  if (!pack.needs) return null;
  return {
    packName: pack.name,
    needs: pack.needs,
    overtime: withOvertime && pack.burden ? pack.burden.overtime : null,
  };
}

/** Problems of an answer (Chinese, one per problem); empty: the answer is valid. */
export function checkSurveyAnswer(rules: SurveyRules, input: SurveyAnswerInput): string[] {
  const n = rules.needs;
  const problems: string[] = [];
  const bandOk = (b: SurveyBreakdownId, id: string) => n.breakdowns[b].some((x) => x.id === id);
  if (!bandOk('rank', input.rankBand)) problems.push('请选择职务级别');
  if (!bandOk('post', input.postBand)) problems.push('请选择任职岗位');
  if (!bandOk('education', input.educationBand)) problems.push('请选择教育水平');
  if (input.picks.length === 0) problems.push('请至少选择一项激励方式');
  if (input.picks.length > n.picksPerAnswer) problems.push(`最多选择 ${n.picksPerAnswer} 项激励方式`);
  if (input.picks.some((p) => !n.incentiveKinds.some((k) => k.id === p)))
    problems.push('选择的激励方式不在问卷中');
  if (new Set(input.picks).size !== input.picks.length) problems.push('同一激励方式只能选一次');
  const ot = input.overtime ?? null;
  if (rules.overtime && ot === null)
    problems.push(`请填写近${rules.overtime.surveyPeriodMonths}个月加班次数`);
  if (!rules.overtime && ot !== null) problems.push('本次调查不问加班次数');
  return problems;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const fmt = (n: number) => (Number.isInteger(n) ? `${n}.0` : `${n}`);

/** The overtime buckets' labels: 0–5次, 6–10次, …, 60次以上 for bands [5, 10, …, 60]. */
export function overtimeBuckets(bands: readonly number[]): string[] {
  const labels = bands.map((b, i) => `${i === 0 ? 0 : (bands[i - 1] ?? 0) + 1}–${b}次`);
  labels.push(`${bands[bands.length - 1] ?? 0}次以上`);
  return labels;
}

function overtimeFigures(values: number[], bands: readonly number[]) {
  const counts = Array.from({ length: bands.length + 1 }, () => 0);
  for (const v of values) {
    const i = bands.findIndex((b) => v <= b);
    const k = i < 0 ? bands.length : i;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    counts,
    mean: values.length ? Math.round((sum / values.length) * 10) / 10 : 0,
    max: values.length ? Math.max(...values) : 0,
  };
}

/** The mix in words: 建议以政治激励为主、辅以成长发展. */
export function mixText(recommended: readonly SurveyKindShare[]): string {
  const [first, ...rest] = recommended;
  if (!first) return '暂无可推荐的激励方式';
  return `建议以${first.name}为主${rest.length ? `、辅以${rest.map((k) => k.name).join('、')}` : ''}`;
}

interface Group {
  id: string;
  name: string;
  expected: number;
  answers: SurveyAnswer[];
}

function bandFigures(
  rules: SurveyRules,
  g: Group,
  suppressed: 'small' | 'complementary' | null,
): SurveyBandResult {
  const n = rules.needs;
  const count = g.answers.length;
  const min = n.minGroupSize;
  if (suppressed) {
    return {
      id: g.id,
      name: g.name,
      expected: g.expected,
      answers: null,
      responseRate: null,
      suppressed,
      kinds: null,
      recommended: null,
      overtime: null,
      explanation:
        suppressed === 'small'
          ? `${g.name}：不足${min}人，不显示（政策包“${rules.packName}”规定作答不足${min}人的群体不显示）`
          : `${g.name}：为防止由合计减去其他群体推算出不足${min}人的群体，一并不显示（互补隐藏）`,
    };
  }
  const points = new Map(n.incentiveKinds.map((k) => [k.id, 0]));
  for (const a of g.answers)
    a.picks.forEach((p, i) => points.set(p, (points.get(p) ?? 0) + (n.pickPoints[i] ?? 0)));
  const total = [...points.values()].reduce((a, b) => a + b, 0);
  const kinds = n.incentiveKinds.map((k) => {
    const pts = points.get(k.id) ?? 0;
    return { id: k.id, name: k.name, points: pts, share: pct(pts, total) };
  });
  // by points, ties in the pack's order (a stable sort)
  const ranked = [...kinds].sort((a, b) => b.points - a.points).filter((k) => k.points > 0);
  const recommended = ranked.slice(0, n.recommendTop);
  const ot = rules.overtime
    ? overtimeFigures(
        g.answers.map((a) => a.overtime).filter((v): v is number => v !== null),
        rules.overtime.bands,
      )
    : null;
  const shares = recommended.map((k) => `${k.name} ${fmt(k.share)}%`).join('、');
  const rate = g.expected > 0 ? pct(count, g.expected) : null;
  return {
    id: g.id,
    name: g.name,
    expected: g.expected,
    answers: count,
    responseRate: rate,
    suppressed: null,
    kinds,
    recommended,
    overtime: ot,
    explanation:
      `${g.name}（${count}人作答）：${shares ? `${shares}，` : ''}${mixText(recommended)}` +
      `（第1至第${n.pickPoints.length}位选择分别计${n.pickPoints.join('、')}分，按得分占比排序）` +
      (ot && rules.overtime
        ? `；近${rules.overtime.surveyPeriodMonths}个月加班平均${fmt(ot.mean)}次、最多${ot.max}次`
        : ''),
  };
}

/**
 * The results of a closed survey: per breakdown and band (the respondents' own band), answers, points per
 * incentive kind (`pickPoints` by position), shares, the recommended mix, overtime figures, and a response
 * rate against `expected` (active cadres per band). A band with fewer than `minGroupSize` answers is
 * suppressed; when exactly one band of a breakdown is, the smallest other band is suppressed too, so the
 * small one cannot be derived from the total minus the visible bands.
 */
export function tallySurvey(
  rules: SurveyRules,
  answers: readonly SurveyAnswer[],
  expected: Record<SurveyBreakdownId, Record<string, number>>,
): SurveyTally {
  const n = rules.needs;
  const min = n.minGroupSize;
  const population = Object.values(expected.rank).reduce((a, b) => a + b, 0);
  const all: Group = { id: 'total', name: '全体', expected: population, answers: [...answers] };
  const total = bandFigures(rules, all, answers.length < min ? 'small' : null);

  const breakdowns: SurveyBreakdownResult[] = SURVEY_BREAKDOWNS.map((b) => {
    const groups: Group[] = n.breakdowns[b].map((band) => ({
      id: band.id,
      name: band.name,
      expected: expected[b][band.id] ?? 0,
      answers: answers.filter((a) => a[b] === band.id),
    }));
    const flags = new Map<string, 'small' | 'complementary'>();
    for (const g of groups) if (g.answers.length < min) flags.set(g.id, 'small');
    let complementary: Group | undefined;
    if (flags.size === 1) {
      // the smallest visible band (ties: the later one in the pack's order)
      for (const g of groups)
        if (!flags.has(g.id) && (!complementary || g.answers.length <= complementary.answers.length))
          complementary = g;
      if (complementary) flags.set(complementary.id, 'complementary');
    }
    const small = groups.filter((g) => flags.get(g.id) === 'small').map((g) => g.name);
    return {
      id: b,
      name: BREAKDOWN_NAMES[b],
      bands: groups.map((g) => bandFigures(rules, g, flags.get(g.id) ?? null)),
      explanation:
        `按${BREAKDOWN_NAMES[b]}分${groups.length}组（作答者自报）` +
        (small.length
          ? `；${small.join('、')}作答不足${min}人，不显示` +
            (complementary ? `；${complementary.name}一并不显示，以免由合计推算（互补隐藏）` : '')
          : '；各组均达到' + `${min}人，全部显示`),
    };
  });

  return {
    minGroupSize: min,
    recommendTop: n.recommendTop,
    pickPoints: [...n.pickPoints],
    total,
    breakdowns,
    overtime: rules.overtime
      ? {
          months: rules.overtime.surveyPeriodMonths,
          buckets: overtimeBuckets(rules.overtime.bands),
          bounds: [...rules.overtime.bands],
        }
      : null,
    explanation:
      `共${answers.length}份答卷，在职干部${population}人；依政策包“${rules.packName}”：每份最多选${n.picksPerAnswer}项，` +
      `第1至第${n.pickPoints.length}位分别计${n.pickPoints.join('、')}分；作答不足${min}人的群体不显示；` +
      `每组推荐得分占比最高的${n.recommendTop}种激励方式`,
  };
}

/** The band a cadre falls in: the first band whose condition holds (the pack's order). */
export function firstBand<T extends { id: string }>(
  bands: readonly T[],
  holds: (band: T) => boolean,
): string | null {
  return bands.find(holds)?.id ?? null;
}
