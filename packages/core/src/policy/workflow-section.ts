import { z } from 'zod';
import { CaseKindSchema } from '../workflow/kind.ts';

/**
 * Policy-pack section read by the case workflow engine (`workflow/`): the case kinds (事项流程) with their
 * steps, actors and deadlines in working days. The kinds other modules open by id:
 * `tolerance` (容错申请), `clarification` (澄清正名), `grade_appeal` (考核等次申诉), `pay_run` (经济激励核算审批), `talk_request` (双向约谈), `borrowing` (借调申请).
 */
export const CASE_KIND_IDS = [
  'tolerance',
  'clarification',
  'grade_appeal',
  'pay_run',
  'talk_request',
  'borrowing',
] as const;
export type CaseKindId = (typeof CASE_KIND_IDS)[number];

export const WorkflowSectionSchema = z.object({
  caseKinds: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, '事项类型编号只能用小写字母、数字和下划线'),
    CaseKindSchema,
  ),
});
export type WorkflowSection = z.infer<typeof WorkflowSectionSchema>;
