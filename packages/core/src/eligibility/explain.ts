import { PURPOSE_NAMES, type EligibilityPurpose, type KnownPurpose } from '../policy/discipline-section.ts';
import type { Source } from '../policy/source.ts';
import { nextDay } from './dates.ts';
import {
  PENDING_REPORT_RULE,
  type EligibilityAnswer,
  type EligibilityReason,
  type WarningFlag,
} from './engine.ts';

/** The Chinese name of a purpose (a module's own code shows as itself). */
export function purposeName(purpose: EligibilityPurpose): string {
  return PURPOSE_NAMES[purpose as KnownPurpose] ?? purpose;
}

/** A source in one line: 《条例》第十条 / 种子 004：“…” / 假设：… */
export function formatSource(s: Source): string {
  if ('regulation' in s) return `${s.regulation}${s.article}`;
  if ('seed' in s) return `种子 ${s.seed}：“${s.figure}”`;
  return `假设：${s.assumed}`;
}

const OUTCOME_NAMES = { exempt: '免责', lighter: '从轻', mitigated: '减轻' } as const;

function recordName(r: EligibilityReason['record']): string {
  return r.gradeName ? `${r.kindName}（${r.gradeName}）` : r.kindName;
}

export type ExplainOptions = {
  /**
   * false: the rule, the effect, until when and the source only — no record date or document number
   * (for readers who may not see discipline facts, e.g. a street admin running an assessment round).
   */
  facts?: boolean;
};

/**
 * One Chinese line per reason, for the UI and the audit trail, e.g.
 * "诫勉（2026-03-02，文号 丰组〔2026〕3号）经容错免责决定（2026-05-10，文号 丰容〔2026〕1号）免责，不再计入（依据…）".
 */
export function explainReason(reason: EligibilityReason, opts: ExplainOptions = {}): string {
  const facts = opts.facts ?? true;
  const source = `（依据${formatSource(reason.source)}）`;
  if (reason.rule === PENDING_REPORT_RULE)
    return facts
      ? `反映问题（${reason.from} 收到）尚未核查清楚：${reason.ruleText}${source}`
      : `${reason.ruleText}，核查清楚前有效${source}`;
  const what = facts
    ? `${recordName(reason.record)}（${reason.record.decidedOn}${reason.record.documentNo ? `，文号 ${reason.record.documentNo}` : ''}）`
    : '';
  const until =
    reason.until === null ? '长期有效' : `影响至 ${reason.until}，${nextDay(reason.until)} 起不再影响`;
  const ex = reason.exemption;
  if (ex) {
    const decision = facts
      ? `经容错${OUTCOME_NAMES[ex.outcome]}决定（${ex.decidedOn}${ex.documentNo ? `，文号 ${ex.documentNo}` : ''}）`
      : `经容错${OUTCOME_NAMES[ex.outcome]}决定`;
    if (ex.outcome === 'exempt') return `${what}${decision}免责，不再计入：${reason.ruleText}${source}`;
    if (!reason.counts) return `${what}${decision}，影响已解除：${reason.ruleText}${source}`;
    return `${what}${decision}，${reason.ruleText}——${until}${source}`;
  }
  return `${what}${facts ? '：' : ''}${reason.ruleText}——${until}${source}`;
}

/** The answer in one line: "2026-06-01 可以提拔" / "2026-04-01 不得提拔：…". */
export function explainAnswer(a: EligibilityAnswer, opts: ExplainOptions = {}): string {
  const name = purposeName(a.purpose);
  if (a.eligible) return `${a.date} 可${name}`;
  return `${a.date} 不可${name}：${a.reasons
    .filter((r) => r.counts)
    .map((r) => explainReason(r, opts))
    .join('；')}`;
}

/** One Chinese line per early-warning flag. */
export function explainWarning(flag: WarningFlag): string {
  const dates = flag.records.map((r) => `${recordName(r)} ${r.decidedOn}`).join('、');
  return `${flag.name}：${dates}（依据${formatSource(flag.source)}）`;
}
