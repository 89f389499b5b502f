import { z } from 'zod';
import { ORG_KINDS } from '../org/org-kinds.ts';

/**
 * Burden reduction and staffing (减负松绑, 力量保障; R-BUR-1…6): which borrowings of grassroots cadres a rule
 * allows (Fengze: district departments may borrow street cadres only for district-level central work or a
 * special task approved by the district committee), establishment kept for its own unit (专编专用), the
 * yearly plan of inspections, checks and appraisals (督查检查考核) and one-vote-veto items (一票否决) that need
 * an approval from a named level, the register kinds for meetings and documents, the village/community work
 * list (村(社区)工作事务清单: 权随责走、费随事转 or bought as a service; no transfer under 属地管理), and overtime.
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);
const UnitKinds = z.array(z.enum(ORG_KINDS)).min(1).max(ORG_KINDS.length);
const Named = z.strictObject({ id: Id, name: z.string().min(1).max(40) });

export const BorrowingPolicySchema = z.strictObject({
  /** units whose cadres are protected (Fengze: streets) */
  lenderUnitKinds: UnitKinds,
  /** units whose requests the rule governs (Fengze: district departments, 区直机关) */
  borrowerUnitKinds: UnitKinds,
  /**
   * the only purposes for which a borrowing may be asked; `approvalBy` names the body whose approval must be
   * on record (e.g. the district committee for a special task), null: the purpose alone suffices
   */
  allowedPurposes: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1).max(40),
        approvalBy: z.strictObject({ id: Id, name: z.string().min(1).max(40) }).nullable(),
      }),
    )
    .min(1)
    .max(10),
  /** the longest borrowing, in months, before it must be renewed (the return date tracked) */
  maxMonths: z.number().int().min(1).max(36),
  /** the workflow case kind a request goes through */
  caseKind: Id,
});
export type BorrowingPolicy = z.infer<typeof BorrowingPolicySchema>;

export const InspectionPolicySchema = z.strictObject({
  /** 督查 / 检查 / 考核 / 评比 … */
  kinds: z.array(Named).min(1).max(10),
  /**
   * the yearly plan: at most this many items a year on the units of these kinds; an item beyond it needs an
   * approval on record (e.g. the county committee's 统筹). null: no total is set
   */
  yearlyMax: z.number().int().min(0).max(10000).nullable(),
  /** at most this many items a year from one organiser on one unit (frequency), null: not set */
  perOrganiserPerUnitMax: z.number().int().min(0).max(100).nullable(),
  /** the approval an item beyond the plan needs */
  overPlanApprovalBy: z.strictObject({ id: Id, name: z.string().min(1).max(40) }),
  /** one-vote veto (一票否决) items on units of these kinds need an approval from this body on record */
  veto: z
    .strictObject({
      unitKinds: UnitKinds,
      approvalBy: z.strictObject({ id: Id, name: z.string().min(1).max(40) }),
    })
    .nullable(),
});

export const MeetingRegisterPolicySchema = z.strictObject({
  /** meeting levels (县委全会, 部门会议, 视频会议 …) */
  meetingKinds: z.array(Named).min(1).max(20),
  /** documents by kind (县委文件, 县委办文件, 部门文件 …) */
  documentKinds: z.array(Named).min(1).max(20),
});

export const WorkListPolicySchema = z.strictObject({
  /** the units the list protects (villages, communities; Fengze: streets too) */
  unitKinds: UnitKinds,
  /**
   * how an item delegated by a department may come: with authority and funding (权随责走、费随事转) or bought
   * as a service (政府购买服务); an item with neither is flagged
   */
  modes: z.array(Named).min(1).max(5),
  /** a department duty handed down under the name of 属地管理 is refused */
  refuseLocalManagementTransfer: z.boolean(),
});

export const OvertimePolicySchema = z.strictObject({
  /** the survey asks how many times in this many months (Jinan: 3) */
  surveyPeriodMonths: z.number().int().min(1).max(12),
  /** the distribution's bands of times per period (upper bounds; the last band is open) */
  bands: z.array(z.number().int().min(1).max(1000)).min(1).max(12),
});

export const BurdenSectionSchema = z.strictObject({
  /** 借调 (R-BUR-1); null: no rule */
  borrowing: BorrowingPolicySchema.nullable(),
  /** 专编专用 (R-BUR-2): establishment of units of these kinds is for their own unit only; null: no check */
  establishment: z.strictObject({ protectedUnitKinds: UnitKinds }).nullable(),
  inspections: InspectionPolicySchema,
  meetings: MeetingRegisterPolicySchema,
  workList: WorkListPolicySchema.nullable(),
  overtime: OvertimePolicySchema,
});
export type BurdenSection = z.infer<typeof BurdenSectionSchema>;

/** The section's references: the borrowing's case kind exists; ids unique; bands ascending. */
export function checkBurden(
  section: BurdenSection,
  caseKinds: Record<string, unknown> | undefined,
  ctx: z.RefinementCtx,
): void {
  const kind = section.borrowing?.caseKind;
  if (kind && caseKinds && !(kind in caseKinds))
    ctx.addIssue({
      code: 'custom',
      path: ['burden', 'borrowing', 'caseKind'],
      message: `没有事项流程 ${kind}`,
    });
  const bands = section.overtime.bands;
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    if (prev !== undefined && b <= prev)
      ctx.addIssue({
        code: 'custom',
        path: ['burden', 'overtime', 'bands', i],
        message: '加班次数分段应从小到大排列',
      });
  });
  const lists: [string[], { id: string }[]][] = [
    [['borrowing', 'allowedPurposes'], section.borrowing?.allowedPurposes ?? []],
    [['inspections', 'kinds'], section.inspections.kinds],
    [['meetings', 'meetingKinds'], section.meetings.meetingKinds],
    [['meetings', 'documentKinds'], section.meetings.documentKinds],
    [['workList', 'modes'], section.workList?.modes ?? []],
  ];
  for (const [path, list] of lists) {
    const ids = list.map((x) => x.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['burden', ...path, i, 'id'], message: `编号 ${id} 重复` });
    });
  }
}
