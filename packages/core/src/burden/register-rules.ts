import type { BurdenSection } from './policy.ts';

/**
 * 减负松绑 registers (R-BUR-3, R-BUR-4, R-BUR-6), pure: the year-over-year change of the summary, the rules
 * of the inspection plan (总量, 频次, 一票否决) and the overtime distribution. Every answer carries a Chinese
 * sentence naming the counts and the rule it rests on.
 */

export type RegisterProblem =
  | 'INSPECTION_VETO_NOT_APPROVED'
  | 'INSPECTION_OVER_PLAN'
  | 'INSPECTION_TOO_FREQUENT'
  | 'BURDEN_REGISTER_KIND_UNKNOWN'
  | 'BURDEN_REGISTER_DATE';

export const REGISTER_PROBLEM_TEXT: Record<RegisterProblem, string> = {
  INSPECTION_VETO_NOT_APPROVED: '对街道的一票否决事项未登记上级批准，不予登记',
  INSPECTION_OVER_PLAN: '本年度督查检查考核已达计划总量，超出计划须登记批准',
  INSPECTION_TOO_FREQUENT: '同一单位对同一对象本年度督查检查考核次数已达上限，须登记批准',
  BURDEN_REGISTER_KIND_UNKNOWN: '政策包中没有这一类别',
  BURDEN_REGISTER_DATE: '日期有误：不能晚于今天，结束日期不能早于开始日期',
};

/**
 * The change in percent from last year's figure to this year's, one decimal, rounded half away from zero
 * ((this − last) ÷ last × 100); null when last year had none. Computed in integers (tenths of a percent) so
 * that e.g. 68 against 95 gives −28.4 (−28.421…) and 153 against 200 exactly −23.5.
 */
export function changePercent(current: number, last: number): number | null {
  if (last <= 0) return null;
  const diff = current - last;
  const tenths = Math.round((Math.abs(diff) * 1000) / last);
  return tenths === 0 ? 0 : (Math.sign(diff) * tenths) / 10;
}

/** A change as written in an explanation: +12.5% / −23.5% / 0.0% / 上年无. */
export function changeText(change: number | null): string {
  if (change === null) return '上年无，不计增减';
  if (change === 0) return '持平（0.0%）';
  return `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}%`;
}

export interface RegisterCounts {
  meetings: number;
  meetingMinutes: number;
  documents: number;
  inspections: number;
}

/** The yearly summary: this year's counts, the change against last year's and the sentence behind them. */
export function burdenSummaryOf(
  year: number,
  current: RegisterCounts,
  last: RegisterCounts,
  scopeName: string,
): {
  year: number;
  meetings: number;
  meetingMinutes: number;
  documents: number;
  inspections: number;
  changeVsLastYear: Record<keyof RegisterCounts, number | null>;
  explanation: string;
} {
  const changeVsLastYear = {
    meetings: changePercent(current.meetings, last.meetings),
    meetingMinutes: changePercent(current.meetingMinutes, last.meetingMinutes),
    documents: changePercent(current.documents, last.documents),
    inspections: changePercent(current.inspections, last.inspections),
  };
  const part = (label: string, unit: string, k: keyof RegisterCounts) =>
    `${label} ${current[k]} ${unit}（${year - 1} 年 ${last[k]} ${unit}，${changeText(changeVsLastYear[k])}）`;
  const explanation =
    `${scopeName}${year} 年登记簿：` +
    [
      part('会议', '次', 'meetings'),
      part('会议时长', '分钟', 'meetingMinutes'),
      part('文件', '件', 'documents'),
      part('督查检查考核', '项', 'inspections'),
    ].join('、') +
    `。增减率 =（本年 − 上年）÷ 上年 × 100%，保留一位小数（四舍五入），负数为减少；计入组织或发文单位在本范围内、或对象单位在本范围内的登记事项`;
  return { year, ...current, changeVsLastYear, explanation };
}

export interface InspectionCheck {
  /** the pack's name (for the sentence) */
  packName: string;
  section: BurdenSection['inspections'];
  year: number;
  /** items already registered this year, district-wide (without the one checked) */
  yearCount: number;
  organiserName: string;
  /** per target unit: how many items this organiser already has on it this year, and its kind */
  targets: { name: string; kind: string; fromOrganiser: number }[];
  veto: boolean;
  hasVetoApproval: boolean;
  hasOverPlanApproval: boolean;
}

export interface InspectionVerdict {
  problem: RegisterProblem | null;
  /** why refused, or what the item rests on when accepted (e.g. 超出计划，已登记区委统筹批准) */
  explanation: string;
}

/**
 * The rules of an inspection, check or appraisal item: a veto item on a unit of `veto.unitKinds` without
 * the veto approval is refused; beyond `yearlyMax` items a year (district-wide) or beyond
 * `perOrganiserPerUnitMax` from one organiser on one unit, the item needs the over-plan approval on record.
 */
export function checkInspection(c: InspectionCheck): InspectionVerdict {
  const s = c.section;
  const notes: string[] = [];
  if (c.veto && s.veto) {
    const hit = c.targets.filter((t) => s.veto!.unitKinds.includes(t.kind as never));
    if (hit.length && !c.hasVetoApproval)
      return {
        problem: 'INSPECTION_VETO_NOT_APPROVED',
        explanation: `该事项设一票否决，对象含${hit.map((t) => t.name).join('、')}；按${c.packName}，对街道的一票否决事项须经${s.veto.approvalBy.name}并登记批准文号和日期，未登记批准的不予登记`,
      };
    if (hit.length) notes.push(`一票否决事项已登记${s.veto.approvalBy.name}`);
  }
  if (s.yearlyMax !== null && c.yearCount >= s.yearlyMax) {
    const text = `全区${c.year}年度已登记 ${c.yearCount} 项，已达计划总量 ${s.yearlyMax} 项（${c.packName}）`;
    if (!c.hasOverPlanApproval)
      return {
        problem: 'INSPECTION_OVER_PLAN',
        explanation: `${text}，超出计划的事项须经${s.overPlanApprovalBy.name}并登记批准文号和日期`,
      };
    notes.push(`${text}，超出计划，已登记${s.overPlanApprovalBy.name}`);
  }
  if (s.perOrganiserPerUnitMax !== null) {
    const max = s.perOrganiserPerUnitMax;
    const over = c.targets.filter((t) => t.fromOrganiser >= max);
    if (over.length) {
      const text = `${c.organiserName}${c.year}年度已对${over.map((t) => `${t.name}开展 ${t.fromOrganiser} 项`).join('、')}，已达同一单位对同一对象每年 ${max} 项的上限（${c.packName}）`;
      if (!c.hasOverPlanApproval)
        return {
          problem: 'INSPECTION_TOO_FREQUENT',
          explanation: `${text}，再开展须经${s.overPlanApprovalBy.name}并登记批准文号和日期`,
        };
      notes.push(`${text}，已登记${s.overPlanApprovalBy.name}`);
    }
  }
  const plan =
    s.yearlyMax === null ? '未设年度总量' : `年度计划总量 ${s.yearlyMax} 项，本项为第 ${c.yearCount + 1} 项`;
  return { problem: null, explanation: [plan, ...notes].join('；') };
}

export interface OvertimeBand {
  label: string;
  from: number;
  to: number | null;
  count: number;
}

/**
 * The distribution of overtime times per cadre over the pack's bands (upper bounds, the last band open:
 * [5, 10, 20] gives 5次及以下, 6–10次, 11–20次, 20次以上), the mean (one decimal, half away from zero) and the
 * maximum, over the cadres with at least one entry in the period.
 */
export function overtimeDistributionOf(
  perCadre: number[],
  bands: number[],
  months: number,
  from: string,
  until: string,
  packName: string,
): {
  cadres: number;
  totalTimes: number;
  mean: number | null;
  max: number | null;
  bands: OvertimeBand[];
  explanation: string;
} {
  const out: OvertimeBand[] = [];
  let lower = 0;
  for (const upper of bands) {
    out.push({
      label: lower === 0 ? `${upper}次及以下` : `${lower}–${upper}次`,
      from: lower,
      to: upper,
      count: perCadre.filter((n) => n >= lower && n <= upper).length,
    });
    lower = upper + 1;
  }
  const last = bands[bands.length - 1] ?? 0;
  out.push({
    label: `${last}次以上`,
    from: lower,
    to: null,
    count: perCadre.filter((n) => n >= lower).length,
  });
  const cadres = perCadre.length;
  const totalTimes = perCadre.reduce((a, n) => a + n, 0);
  const mean = cadres ? Math.round((totalTimes * 10) / cadres) / 10 : null;
  const max = cadres ? Math.max(...perCadre) : null;
  const explanation = cadres
    ? `${from} 至 ${until}（${months}个月，${packName}规定的统计期）加班登记涉及 ${cadres} 人，共 ${totalTimes} 次；${months}个月内平均加班${mean!.toFixed(1)}次（${totalTimes} ÷ ${cadres}，保留一位小数），最高${max}次`
    : `${from} 至 ${until}（${months}个月，${packName}规定的统计期）没有加班登记`;
  return { cadres, totalTimes, mean, max, bands: out, explanation };
}

/** A register date: not after today; an end not before its start. */
export function checkRegisterDates(start: string, end: string | null, today: string): RegisterProblem | null {
  if (start > today) return 'BURDEN_REGISTER_DATE';
  if (end !== null && (end < start || end > today)) return 'BURDEN_REGISTER_DATE';
  return null;
}
