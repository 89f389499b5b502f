import { z } from 'zod';

/** Stable error codes of the API. The web app maps each to a Chinese message (i18n `errors.<code>`). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_FIELD',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'TOTP_REQUIRED',
  'TOTP_INVALID',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_ENROLMENT_REQUIRED',
  'PASSWORD_POLICY',
  'PASSWORD_REUSED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'SEPARATION_OF_DUTIES',
  'ORG_INVALID_PARENT',
  'ORG_MOVE_CYCLE',
  'ORG_HAS_ACTIVE_CHILDREN',
  'RATE_LIMITED',
  'PACK_INVALID',
  'ROUND_STATE',
  'ROUND_INSUFFICIENT',
  /** a waiver for a rater group across a unit's targets: none of them is short of that group */
  'WAIVER_NONE_SHORT',
  'RESULTS_PAGE_SIZE',
  'SCORES_DISCLOSED',
  'TOKEN_INVALID',
  'TOKEN_USED',
  'BALLOT_INVALID',
  /** a ballot of the other form than its round takes (scores on a grade round, 一票一档, or the reverse) */
  'BALLOT_FORM',
  'QUOTA_EXCEEDED',
  'REASON_REQUIRED',
  'CASE_ACTION_NOT_ALLOWED',
  'CASE_NOT_YOUR_STEP',
  'CASE_CLOSED',
  'CASE_COMMENT_REQUIRED',
  'CASE_KIND_UNKNOWN',
  /** the eligibility engine says no (an override to 优秀 of a target under a discipline effect) */
  'NOT_ELIGIBLE',
  /** 考核等次申诉: the result is not published yet, or an appeal of it is still being handled */
  'APPEAL_NOT_PUBLISHED',
  'APPEAL_OPEN',
  /** 经济激励 (pay runs): a refusal of the pack's rules, with the people or figures concerned in details */
  'PAY_BUDGET_BELOW_BAND',
  'PAY_BUDGET_ABOVE_BAND',
  'PAY_BUDGET_REQUIRED',
  'PAY_EQUAL_SPLIT_REFUSED',
  'PAY_BASE_MISSING',
  'PAY_STATISTIC_MISSING',
  'PAY_KIND_NOT_IN_PACK',
  'PAY_EMPTY_POPULATION',
  /** the run is not in a state that allows the action (compute after approval, export of a draft …) */
  'PAY_RUN_STATE',
  /** 选拔任用: a candidate the engine finds not eligible where the pack makes it a hard stop */
  'SELECTION_INELIGIBLE',
  /** the process cannot leave the step: its 公示 is still running, an objection is open, or results are missing */
  'SELECTION_NOTICE_RUNNING',
  'SELECTION_OBJECTION_OPEN',
  'SELECTION_STEP_INCOMPLETE',
  /** a 公示 shorter than the pack's least number of working days */
  'SELECTION_NOTICE_TOO_SHORT',
  /** 人才库: a nominee does not meet the level's conditions, or the unit's quota is full */
  'POOL_CONDITION_UNMET',
  'POOL_QUOTA_FULL',
  // ---- issue 15, honours: add this part's codes below this line (one per line, a short comment above each)
  /** 表彰: the nominating unit's quota of the batch's kind is full (a nomination, or the batch submitted) */
  'HONOUR_QUOTA_FULL',
  /** 表彰: the eligibility engine (purpose honour) says no — 诫勉 in effect and not exempted … */
  'HONOUR_INELIGIBLE',
  /** 表彰: the batch is not in a state that allows the action */
  'HONOUR_BATCH_STATE',
  /** 表彰: the 公示 has not ended yet (decision before its last day is over) */
  'HONOUR_NOTICE_RUNNING',
  /** 表彰: an objection of the 公示 is still open */
  'HONOUR_OBJECTION_OPEN',

  // ---- issue 15, training: add this part's codes below this line (one per line, a short comment above each)
  /** 教育培训: a cadre outside the programme's target (units / condition) */
  'TRAINING_NOT_TARGET',
  /** an enrolment action the programme's mode or the enrolment's state does not allow */
  'TRAINING_ENROLMENT_STATE',
  /** attendance or credit for a cadre who does not take part in the programme */
  'TRAINING_NOT_ENROLLED',
  /** competitive selection: more admitted than the programme's seats */
  'TRAINING_SEATS_FULL',

  // ---- issue 15, practice: add this part's codes below this line (one per line, a short comment above each)
  /** 实战历练: the kind is not one of the pack's practice kinds */
  'PRACTICE_KIND_UNKNOWN',
  /** 实战历练: an outcome before the posting's last day */
  'PRACTICE_NOT_ENDED',
  /** 远程教育站点: the district's pack keeps no station register (training.stations is null) */
  'STATION_NO_POLICY',

  // ---- issue 15, care-health: add this part's codes below this line (one per line, a short comment above each)
  // the plan is not one of the pack's health check plans (care.healthChecks)
  'HEALTH_PLAN_UNKNOWN',
  // a cadre is not in the plan's population, or not due a check under it that year
  'HEALTH_NOT_DUE',
  // a check's day is after today
  'HEALTH_DATE_FUTURE',
  // the request names no active care officer
  'CARE_OFFICER_UNKNOWN',

  // ---- issue 15, care-talks: add this part's codes below this line (one per line, a short comment above each)
  /** 双向约谈: the pack in force offers no two-way appointments */
  'TALK_REQUESTS_NOT_OFFERED',
  /** the leader asked for a talk is not serving or has no account to answer with */
  'TALK_LEADER_UNAVAILABLE',
  /** a leader records only the talks they held themselves */
  'TALK_NOT_TALKER',

  // ---- issue 15, care-aid: add this part's codes below this line (one per line, a short comment above each)
  /** 休假: dates, a recuperation the pack has not or of the wrong length, annual leave over the balance, overlap */
  'CARE_LEAVE_DATES',
  'CARE_LEAVE_NO_RECUPERATION',
  'CARE_LEAVE_RECUPERATION_LENGTH',
  'CARE_LEAVE_OVER_BALANCE',
  'CARE_LEAVE_NO_ENTITLEMENT',
  'CARE_LEAVE_OVERLAP',
  /** 困难帮扶: a kind or checklist item not in the pack, a closed case, a date in the future or before the case */
  'CARE_AID_KIND_UNKNOWN',
  'CARE_AID_ITEM_UNKNOWN',
  'CARE_AID_CLOSED',
  'CARE_AID_DATE',

  // ---- issue 16, staffing: add this part's codes below this line (one per line, a short comment above each)
  // 借调: the cadre does not work in a unit of the rule's lender kinds (a street)
  'BORROWING_NOT_LENDER',
  // 借调: the borrowing unit is not of the rule's borrower kinds (a district department)
  'BORROWING_NOT_BORROWER',
  // 借调: the purpose is none of the pack's allowed purposes (e.g. routine work, 日常工作)
  'BORROWING_PURPOSE_NOT_ALLOWED',
  // 借调: the purpose needs an approval on record (区委批准) and none was given
  'BORROWING_APPROVAL_MISSING',
  // 借调: the period is longer than the pack's maxMonths
  'BORROWING_TOO_LONG',
  // 借调: the period ends before it starts
  'BORROWING_PERIOD',
  // 借调: a return recorded for a borrowing not in force (pending, refused, returned)
  'BORROWING_NOT_IN_FORCE',
  // 工作事务清单: a department duty handed down under the name of 属地管理 (the pack refuses it)
  'WORKLIST_LOCAL_MANAGEMENT_REFUSED',
  // 工作事务清单: the target unit is not of the list's unit kinds, or the organiser is not a department
  'WORKLIST_UNIT_KIND',
  // 工作事务清单: the mode is not one of the pack's modes
  'WORKLIST_MODE_UNKNOWN',
  // 专编专用: a record's 编制所在单位 is no active unit of the district
  'ESTABLISHMENT_UNIT_UNKNOWN',

  // ---- issue 16, registers: add this part's codes below this line (one per line, a short comment above each)
  // a one-vote-veto inspection item on a street without the approval the pack names (R-BUR-3)
  'INSPECTION_VETO_NOT_APPROVED',
  // an inspection item beyond the year's plan without the over-plan approval
  'INSPECTION_OVER_PLAN',
  // an inspection item beyond the per-organiser-per-unit frequency without the over-plan approval
  'INSPECTION_TOO_FREQUENT',
  // a register entry's kind is not in the pack
  'BURDEN_REGISTER_KIND_UNKNOWN',
  // a register entry's date is in the future or its end before its start
  'BURDEN_REGISTER_DATE',

  // ---- issue 16, survey: add this part's codes below this line (one per line, a short comment above each)
  // the pack in force has no needs section
  'SURVEY_NOT_OFFERED',
  // a survey's closing day before its opening day
  'SURVEY_DATES',
  // codes issued or the survey closed after it closed
  'SURVEY_CLOSED',
  // results asked before the survey closed
  'SURVEY_NOT_CLOSED',
  // codes for a unit outside the surveyed subtree
  'SURVEY_UNIT_OUTSIDE',
  // more live codes than active cadres in the surveyed subtree
  'SURVEY_CODE_LIMIT',
  // a survey code that does not exist or was revoked
  'SURVEY_CODE_INVALID',
  // a survey code already answered with
  'SURVEY_CODE_USED',
  // an answer outside the survey's days or after it closed
  'SURVEY_NOT_OPEN',
  // an answer that does not fit the questions
  'SURVEY_ANSWER_INVALID',

  // ---- issue 16, dashboard: add this part's codes below this line (one per line, a short comment above each)
  // a drill-down's key (or series) names no row of the dashboard's section in the reader's scope
  'DASHBOARD_DRILL_KEY',
  // the dashboard has no such section (not built yet, or nothing for the unit and year chosen)
  'DASHBOARD_SECTION_ABSENT',

  // ---- issue 16, speed15: add this part's codes below this line (one per line, a short comment above each)

  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
