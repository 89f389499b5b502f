import { z } from 'zod';
import { ROLES } from '../platform/roles.ts';

/**
 * A case kind (事项流程): the steps a case goes through, who acts at each, the actions allowed there and
 * where each leads, and the deadline of each step in working days. Kinds are policy-pack data (the
 * `workflow` section), because a locality's procedure and its time limits differ; a case copies its kind
 * when it opens, so it finishes under the rules it started with.
 */

const StepId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,40}$/, '环节编号只能用小写字母、数字和下划线，并以字母开头');
const GroupId = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, '成员组编号只能用小写字母、数字和下划线');

/** Who may act at a step (or take one action of it). */
export const CaseActorRuleSchema = z.discriminatedUnion('by', [
  /**
   * a holder of `role`: with `case-unit-subtree`, only one whose data scope covers the case's unit (a
   * district-wide scope, or their own unit at or above it); with `all`, any holder of the role
   */
  z.object({ by: z.literal('role'), role: z.enum(ROLES), scope: z.enum(['case-unit-subtree', 'all']) }),
  /** the person who opened the case (申请人) */
  z.object({ by: z.literal('applicant') }),
  /** the persons named on the case in `group` (e.g. `committee`: 联席会议成员) */
  z.object({ by: z.literal('members'), group: GroupId }),
]);
export type CaseActorRule = z.infer<typeof CaseActorRuleSchema>;

export const CASE_ACTIONS = [
  'submit',
  'approve',
  'return',
  'reject',
  'decide',
  'withdraw',
  'comment',
] as const;
export const CaseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseActionSchema>;

/** Where an action leads besides another step: the step before, the same step (a comment), or an end. */
export const CASE_TERMINALS = ['done', 'rejected', 'withdrawn'] as const;
export type CaseTerminal = (typeof CASE_TERMINALS)[number];
const RESERVED_TARGETS = ['previous', 'stay', ...CASE_TERMINALS] as const;

export const CaseActionRuleSchema = z.object({
  action: CaseActionSchema,
  /** a step id, `previous` (back to the step the case came from), `stay`, or `done` / `rejected` / `withdrawn` */
  to: z.string().min(1).max(41),
  /** the actor must write a reason (意见) */
  commentRequired: z.boolean().default(false),
  /** who may take this action when not the step's actor (the applicant withdraws at any step) */
  by: CaseActorRuleSchema.optional(),
});
export type CaseActionRule = z.infer<typeof CaseActionRuleSchema>;

export const CaseStepSchema = z.object({
  id: StepId,
  /** as the locality's procedure names it: 受理, 调查核实, 联席会议研究 … */
  name: z.string().min(1).max(30),
  actor: CaseActorRuleSchema,
  actions: z.array(CaseActionRuleSchema).min(1).max(10),
  /** time limit of the step in working days, counted from the day after the case enters it; null: none */
  deadlineWorkingDays: z.number().int().min(1).max(365).nullable(),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;

export const CaseKindSchema = z
  .object({
    /** 容错申请, 澄清正名, 考核等次申诉 … */
    name: z.string().min(1).max(30),
    /**
     * confidential: besides the actors and the persons named on a case, only the `readerRoles` read it —
     * not everyone whose scope covers the unit
     */
    confidential: z.boolean(),
    /** roles that may read a case of this kind in the case unit's subtree, besides those who act */
    readerRoles: z.array(z.enum(ROLES)).max(10).default([]),
    /** the first step is where a case starts */
    steps: z.array(CaseStepSchema).min(1).max(20),
  })
  .superRefine((kind, ctx) => {
    const ids = kind.steps.map((s) => s.id);
    kind.steps.forEach((s, i) => {
      if (ids.indexOf(s.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `环节编号 ${s.id} 重复` });
      if ((RESERVED_TARGETS as readonly string[]).includes(s.id))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `环节编号不能用保留字 ${s.id}` });
      const actions = s.actions.map((a) => a.action);
      s.actions.forEach((a, j) => {
        if (actions.indexOf(a.action) !== j)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'actions', j, 'action'],
            message: `环节 ${s.id} 的操作 ${a.action} 重复`,
          });
        if (!(RESERVED_TARGETS as readonly string[]).includes(a.to) && !ids.includes(a.to))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'actions', j, 'to'],
            message: `操作 ${a.action} 指向的环节 ${a.to} 不存在`,
          });
        if (a.to === 'previous' && i === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'actions', j, 'to'],
            message: '第一个环节没有上一环节',
          });
      });
    });
  });
export type CaseKind = z.infer<typeof CaseKindSchema>;
export type CaseKindInput = z.input<typeof CaseKindSchema>;
