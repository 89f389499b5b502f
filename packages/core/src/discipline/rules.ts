import { CHECKLIST_ITEMS, type DisciplineKind, type ToleranceChecklist } from '../contracts/discipline.ts';
import type { ClarificationConclusion, ToleranceOutcome } from '../eligibility/engine.ts';

/**
 * Rules of strict-management records, risk filings, tolerance cases and clarifications that hold whatever
 * the storage. Each check returns the stable problem code, or null when the input is acceptable. Dates
 * are `YYYY-MM-DD`, so their string order is their calendar order.
 */
export type DisciplineProblem =
  | 'KIND_UNKNOWN'
  | 'GRADE_REQUIRED'
  | 'GRADE_INVALID'
  | 'DECIDED_IN_FUTURE'
  | 'RECORD_REVOKED'
  | 'ATTACHMENT_TYPE'
  | 'FILING_AFTER_START'
  | 'FILING_NOT_OWN_UNIT'
  | 'FACTS_IN_FUTURE'
  | 'RECORD_NOT_OF_CADRE'
  | 'FILING_NOT_FOUND'
  | 'CADRE_APPLIES_FOR_SELF'
  | 'CASE_DECIDED'
  | 'NOT_INVESTIGATED'
  | 'INVESTIGATION_INCOMPLETE'
  | 'COMMITTEE_EMPTY'
  | 'COMMITTEE_MEMBER_INVALID'
  | 'NOT_COMMITTEE_MEMBER'
  | 'DECISION_RECORD_NOT_IN_CASE'
  | 'DECISION_NEEDS_RECORDS'
  | 'MEASURE_DUE_BEFORE_DECISION'
  | 'MEASURE_DONE'
  | 'CASE_NOT_DECIDED'
  | 'VISIT_IN_FUTURE'
  | 'VISIT_BEFORE_DECISION'
  | 'RECEIVED_IN_FUTURE'
  | 'CLARIFICATION_CONCLUDED'
  | 'NOTICE_ONLY_WHEN_CLEAR'
  | 'ACCUSER_ONLY_FALSE';

/** Chinese messages of the problems (the API's `message`; the web maps the code). */
export const DISCIPLINE_PROBLEM_TEXT: Record<DisciplineProblem, string> = {
  KIND_UNKNOWN: '该记录类别不在现行政策包中',
  GRADE_REQUIRED: '请选择该类别的具体种类或档次',
  GRADE_INVALID: '所选档次不属于该记录类别',
  DECIDED_IN_FUTURE: '决定日期不能晚于今天',
  RECORD_REVOKED: '该记录已撤销',
  ATTACHMENT_TYPE: '附件须为 PDF、JPG 或 PNG 文件（按文件内容判断）',
  FILING_AFTER_START: '报备应在工作开始前',
  FILING_NOT_OWN_UNIT: '只能为本单位或下级单位报备',
  FACTS_IN_FUTURE: '事发日期不能晚于今天',
  RECORD_NOT_OF_CADRE: '所选记录不属于该干部',
  FILING_NOT_FOUND: '所选风险报备不存在或不在您的数据范围内',
  CADRE_APPLIES_FOR_SELF: '干部本人只能以本人名义为自己申请容错',
  CASE_DECIDED: '该容错申请已作出决定',
  NOT_INVESTIGATED: '调查核实尚未完成，不能作出决定',
  INVESTIGATION_INCOMPLETE: '请先填写调查情况并逐项填写容错情形清单',
  COMMITTEE_EMPTY: '尚未确定联席会议成员',
  COMMITTEE_MEMBER_INVALID: '联席会议成员须为数据范围内的组织部或纪检联络人员',
  NOT_COMMITTEE_MEMBER: '只有本案联席会议成员可以作出决定',
  DECISION_RECORD_NOT_IN_CASE: '决定所涉记录须为该干部本人的记录',
  DECISION_NEEDS_RECORDS: '免责、从轻、减轻的决定须指明所涉记录',
  MEASURE_DUE_BEFORE_DECISION: '纠错措施的期限不能早于决定日期',
  MEASURE_DONE: '该纠错措施已完成',
  CASE_NOT_DECIDED: '尚未作出容错决定',
  VISIT_IN_FUTURE: '回访日期不能晚于今天',
  VISIT_BEFORE_DECISION: '回访日期不能早于决定日期',
  RECEIVED_IN_FUTURE: '受理日期不能晚于今天',
  CLARIFICATION_CONCLUDED: '该问题线索已作出认定',
  NOTICE_ONLY_WHEN_CLEAR: '只有认定不实或诬告陷害的，才出具澄清正名通报',
  ACCUSER_ONLY_FALSE: '只有认定诬告陷害的，才登记诬告人及处理情况',
};

/** 403 rather than 400: the input is fine, the person may not. */
export const DISCIPLINE_FORBIDDEN: ReadonlySet<DisciplineProblem> = new Set(['NOT_COMMITTEE_MEMBER']);

/** A record's kind and grade against the kinds of the pack in force on its decision date. */
export function checkNewRecord(
  r: { kind: string; grade: string | null; decidedOn: string },
  kinds: readonly DisciplineKind[],
  today: string,
): DisciplineProblem | null {
  if (r.decidedOn > today) return 'DECIDED_IN_FUTURE';
  const kind = kinds.find((k) => k.id === r.kind);
  if (!kind) return 'KIND_UNKNOWN';
  if (kind.grades.length === 0) return r.grade === null ? null : 'GRADE_INVALID';
  if (r.grade === null) return 'GRADE_REQUIRED';
  return kind.grades.some((g) => g.id === r.grade) ? null : 'GRADE_INVALID';
}

/** 报备应在工作开始前: a filing is made (today) on or before the day the work starts. */
export function checkNewFiling(workStartsOn: string, today: string): DisciplineProblem | null {
  return workStartsOn < today ? 'FILING_AFTER_START' : null;
}

/**
 * 报备在先: the filing was made on or before the work started, and before the matter of the case happened.
 */
export function filedFirst(
  filing: { filedOn: string; workStartsOn: string },
  factsOn: string | null,
): boolean {
  return filing.filedOn <= filing.workStartsOn && factsOn !== null && filing.filedOn < factsOn;
}

/** A new tolerance case: the matter is not in the future, every record is the cadre's own. */
export function checkNewToleranceCase(
  c: { cadreId: string; factsOn: string; appliedBy: 'cadre' | 'unit' | 'ex_officio' },
  records: readonly { cadreId: string }[],
  today: string,
  applicantCadreId: string | null,
): DisciplineProblem | null {
  if (c.factsOn > today) return 'FACTS_IN_FUTURE';
  if (records.some((r) => r.cadreId !== c.cadreId)) return 'RECORD_NOT_OF_CADRE';
  if (applicantCadreId !== null && (c.appliedBy !== 'cadre' || applicantCadreId !== c.cadreId))
    return 'CADRE_APPLIES_FOR_SELF';
  return null;
}

/** Every checklist item answered (yes, no or unknown after a look) and the notes written. */
export function investigationComplete(checklist: ToleranceChecklist, investigation: string): boolean {
  return investigation.trim().length > 0 && CHECKLIST_ITEMS.every((k) => checklist[k] !== undefined);
}

/**
 * The joint committee's decision: on an undecided case whose investigation is done, by a member of its
 * committee, about records of the case's cadre (`recordIds`: every record of that cadre), at least one
 * unless refused. The decision's records become the case's links.
 */
export function checkDecision(
  c: { decided: boolean; investigated: boolean; committee: readonly string[]; recordIds: readonly string[] },
  d: { outcome: ToleranceOutcome; recordIds: readonly string[] },
  actorUserId: string,
): DisciplineProblem | null {
  if (c.decided) return 'CASE_DECIDED';
  if (!c.investigated) return 'NOT_INVESTIGATED';
  if (c.committee.length === 0) return 'COMMITTEE_EMPTY';
  if (!c.committee.includes(actorUserId)) return 'NOT_COMMITTEE_MEMBER';
  if (d.recordIds.some((id) => !c.recordIds.includes(id))) return 'DECISION_RECORD_NOT_IN_CASE';
  if (d.outcome !== 'refused' && d.recordIds.length === 0) return 'DECISION_NEEDS_RECORDS';
  return null;
}

export function checkMeasure(decidedOn: string | null, dueOn: string): DisciplineProblem | null {
  if (decidedOn === null) return 'CASE_NOT_DECIDED';
  return dueOn < decidedOn ? 'MEASURE_DUE_BEFORE_DECISION' : null;
}

export function checkFollowup(
  decidedOn: string | null,
  visitedOn: string,
  today: string,
): DisciplineProblem | null {
  if (decidedOn === null) return 'CASE_NOT_DECIDED';
  if (visitedOn > today) return 'VISIT_IN_FUTURE';
  return visitedOn < decidedOn ? 'VISIT_BEFORE_DECISION' : null;
}

/** 澄清正名通报 is issued only for a report found untrue (不实) or a false accusation (诬告陷害). */
export const clearsTheCadre = (c: ClarificationConclusion | null): boolean =>
  c === 'unfounded' || c === 'false_accusation';
