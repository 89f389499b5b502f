import { z } from 'zod';

/**
 * A selection process kind (选拔任用程序, R-SEL-2): which workflow case kind carries it (its steps, actors
 * and deadlines live in the pack's `workflow` section) and what each of those steps records per candidate.
 * Hongdong's 双推联审一测试三公示, Jinan's 四看一听 and the plain 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示 →
 * 任职 are three kinds.
 */

export const SELECTION_STEP_TYPES = [
  'motion', // 动议: the post, the candidates enter
  'recommendation', // 民主推荐 (会议推荐 / 谈话推荐): votes per candidate
  'review', // 联审 / 资格审查 / 看…: passed or not per candidate, with the finding
  'test', // 测试 / 考试: a score per candidate
  'inspection', // 考察 / 听取意见: a finding per candidate
  'decision', // 讨论决定: who is chosen
  'notice', // 公示: a public notice on the working-day calendar, objections handled
  'appointment', // 任职: the appointment written into the registry
] as const;
export type SelectionStepType = (typeof SELECTION_STEP_TYPES)[number];

export const SelectionStepSchema = z.strictObject({
  type: z.enum(SELECTION_STEP_TYPES),
  /** notice: the least number of working days it runs (公示期不少于5个工作日) */
  noticeWorkingDays: z.number().int().min(1).max(60).optional(),
  /** recommendation: votes are cast on anonymous ballots (one-time tokens) rather than entered as tallies */
  ballots: z.boolean().optional(),
  /** test: the least score to go on (null: none) */
  passScore: z.number().min(0).max(1000).nullable().optional(),
  /** recommendation: the least share of 赞成 votes (percent of votes cast) to go on (null: none) */
  passPercent: z.number().min(0).max(100).nullable().optional(),
});
export type SelectionStep = z.infer<typeof SelectionStepSchema>;

export const SelectionProcessKindSchema = z.strictObject({
  /** 双推联审一测试三公示 */
  name: z.string().min(1).max(40),
  /** the workflow case kind (pack `workflow.caseKinds`) whose steps the process follows */
  caseKind: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  /** a candidate the eligibility engine finds not eligible for promotion cannot enter (else: shown, allowed) */
  ineligibleHardStop: z.boolean(),
  /** what each case step records, by the case kind's step id; a step not listed records nothing */
  steps: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/), SelectionStepSchema),
});
export type SelectionProcessKind = z.infer<typeof SelectionProcessKindSchema>;
