import type { DayInfo } from '../calendar/working-calendar.ts';
import type { SelectionStep, SelectionStepType } from './process-kind.ts';

/**
 * The pure rules of a selection process (R-SEL-2): what a step records per candidate and whether a recorded
 * result is complete for the step's type, who the pack's pass marks (passScore, passPercent) put out and why,
 * what keeps the process from leaving its current step (the blockers the case guard enforces and the detail
 * page lists), and the 公示 period put into words.
 */

export interface StepResultValues {
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  score: number | null;
  passed: boolean | null;
  finding: string;
}

/** The step types that record one result per candidate. */
export const RECORDING_STEP_TYPES: readonly SelectionStepType[] = [
  'recommendation',
  'review',
  'test',
  'inspection',
];

export const recordsResults = (type: SelectionStepType | null): boolean =>
  type !== null && RECORDING_STEP_TYPES.includes(type);

/** Why a result does not fit the step's type (Chinese), or null when it does. */
export function resultProblem(
  type: SelectionStepType | null,
  stepName: string,
  r: StepResultValues,
): string | null {
  switch (type) {
    case 'recommendation':
      if (r.votesFor === null || r.votesAgainst === null)
        return `${stepName}须录入赞成票和反对票数（弃权票未填按 0 票计）`;
      return null;
    case 'test':
      if (r.score === null) return `${stepName}须录入测试得分`;
      return null;
    case 'review':
    case 'inspection':
      if (r.passed === null) return `${stepName}须录入是否通过`;
      if (r.passed === false && r.finding.trim() === '') return `${stepName}未通过的，须写明意见`;
      return null;
    case 'motion':
    case 'decision':
    case 'notice':
    case 'appointment':
    case null:
      return `“${stepName}”环节不按人选录入结果`;
  }
}

/** 45.5 → "45.5", 45 → "45": a percentage shown to one decimal, without a trailing zero. */
const pct = (x: number) => String(Math.round(x * 10) / 10);

/**
 * Whether the pack's pass mark puts the candidate out at this step, and the reason computed from the result
 * (null: goes on). A recommendation's share is 赞成 of the votes cast (赞成 + 反对 + 弃权).
 */
export function outcomeReason(step: SelectionStep, stepName: string, r: StepResultValues): string | null {
  switch (step.type) {
    case 'test': {
      const mark = step.passScore ?? null;
      if (mark === null || r.score === null || r.score >= mark) return null;
      return `${stepName}得分 ${r.score} 分，低于政策包规定的合格分数线 ${mark} 分`;
    }
    case 'recommendation': {
      const mark = step.passPercent ?? null;
      if (mark === null || r.votesFor === null) return null;
      const cast = r.votesFor + (r.votesAgainst ?? 0) + (r.votesAbstain ?? 0);
      const share = cast === 0 ? 0 : (r.votesFor / cast) * 100;
      if (share >= mark) return null;
      return `${stepName}赞成票 ${r.votesFor} 票，占投票总数 ${cast} 票的 ${pct(share)}%，低于政策包规定的 ${pct(mark)}%`;
    }
    case 'review':
    case 'inspection':
      if (r.passed !== false) return null;
      return `${stepName}未通过：${r.finding.trim()}`;
    case 'motion':
    case 'decision':
    case 'notice':
    case 'appointment':
      return null;
  }
}

export type SelectionBlockerCode =
  'SELECTION_NOTICE_RUNNING' | 'SELECTION_OBJECTION_OPEN' | 'SELECTION_STEP_INCOMPLETE';

export interface SelectionBlocker {
  code: SelectionBlockerCode;
  message: string;
}

export interface BlockerInput {
  stepName: string;
  type: SelectionStepType | null;
  /** the candidates still in the process (status in or chosen), by id and name */
  candidates: readonly { id: string; name: string; status: 'in' | 'chosen' }[];
  /** the candidate ids with a result recorded at this step */
  recorded: ReadonlySet<string>;
  /** the step's 公示, when one was issued */
  notice: { end: string; workingDays: number; openObjections: number } | null;
  today: string;
}

const cnDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const cnDate = (d: string) => `${d.slice(0, 4)}年${cnDay(d)}`;

const names = (list: readonly { name: string }[]) =>
  list.length <= 5
    ? list.map((c) => c.name).join('、')
    : `${list
        .slice(0, 5)
        .map((c) => c.name)
        .join('、')}等`;

/**
 * What keeps the process from leaving its current step now: results missing for a candidate still in, no
 * candidate at the 动议, no 公示 issued, a 公示 still running (today ≤ its last day), an objection open, no
 * one chosen at the 讨论决定. Empty: the step may be left.
 */
export function stepBlockers(i: BlockerInput): SelectionBlocker[] {
  const out: SelectionBlocker[] = [];
  const incomplete = (message: string) => out.push({ code: 'SELECTION_STEP_INCOMPLETE', message });
  switch (i.type) {
    case 'motion':
      if (i.candidates.length === 0) incomplete(`${i.stepName}尚未提出人选`);
      break;
    case 'recommendation':
    case 'review':
    case 'test':
    case 'inspection': {
      const missing = i.candidates.filter((c) => c.status === 'in' && !i.recorded.has(c.id));
      if (i.candidates.length === 0) incomplete(`${i.stepName}没有在列人选`);
      else if (missing.length)
        incomplete(`${i.stepName}尚有 ${missing.length} 名人选未录入结果：${names(missing)}`);
      break;
    }
    case 'decision':
      if (!i.candidates.some((c) => c.status === 'chosen')) incomplete(`${i.stepName}尚未确定拟任人选`);
      break;
    case 'notice':
      if (!i.notice) incomplete(`尚未发布${i.stepName}`);
      else {
        if (i.today <= i.notice.end)
          out.push({
            code: 'SELECTION_NOTICE_RUNNING',
            message: `${i.stepName}至 ${cnDate(i.notice.end)} 止（${i.notice.workingDays} 个工作日），公示期满后方可进入下一环节`,
          });
        if (i.notice.openObjections > 0)
          out.push({
            code: 'SELECTION_OBJECTION_OPEN',
            message: `${i.stepName}期间收到的反映问题尚有 ${i.notice.openObjections} 件未办结`,
          });
      }
      break;
    case 'appointment':
    case null:
      break;
  }
  return out;
}

const REASON_WORDS: Record<DayInfo['reason'], string> = {
  weekday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  'makeup-workday': '调休上班',
  'override-holiday': '本地休息日',
  'override-workday': '本地工作日',
};

const dayAfter = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/** The skipped days as runs of consecutive days with the same reason: "10月1日至10月7日（国庆节）、10月11日（周末）". */
export function skippedDaysText(skipped: readonly DayInfo[]): string {
  const runs: { from: string; to: string; label: string }[] = [];
  for (const d of skipped) {
    const label = d.name ?? REASON_WORDS[d.reason];
    const last = runs.at(-1);
    if (last && last.label === label && dayAfter(last.to) === d.date) last.to = d.date;
    else runs.push({ from: d.date, to: d.date, label });
  }
  return runs
    .map((r) =>
      r.from === r.to ? `${cnDay(r.from)}（${r.label}）` : `${cnDay(r.from)}至${cnDay(r.to)}（${r.label}）`,
    )
    .join('、');
}

/**
 * How a 公示's last day was reached: from the first day, counting working days on the district's calendar,
 * naming the days not counted.
 */
export function noticePeriodText(
  start: string,
  end: string,
  workingDays: number,
  skipped: readonly DayInfo[],
): string {
  const head = `公示自 ${cnDate(start)} 起（含当日）计 ${workingDays} 个工作日，至 ${cnDate(end)} 止`;
  return skipped.length ? `${head}；其间 ${skippedDaysText(skipped)} 不计入工作日。` : `${head}。`;
}
