import { z } from 'zod';
import { CadreConditionSchema } from '../selection/condition.ts';

/**
 * Care (关心关爱, R-CARE-1…6): health checks per population (Jinan: village/community cadres every year),
 * paid annual leave by years of service and recuperation leave outside it (Jinan), hardship aid and the
 * families of cadres who died on duty (a benefits checklist and follow-ups), the yearly heart-to-heart talk
 * plan (Fengze), two-way appointments answered within a deadline (Jinan), and the pairing's yearly review.
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const HealthCheckPlanSchema = z.strictObject({
  id: Id,
  /** 年度体检 / 村(社区)干部健康查体 */
  name: z.string().min(1).max(40),
  population: CadreConditionSchema,
  /** one check every this many months (12: yearly) */
  everyMonths: z.number().int().min(1).max(60),
});

export const LeavePolicySchema = z.strictObject({
  /** days of paid annual leave by completed years of service (the highest step reached applies) */
  annual: z
    .array(
      z.strictObject({ minYears: z.number().int().min(0).max(60), days: z.number().int().min(0).max(60) }),
    )
    .min(1)
    .max(10),
  /** 疗休养: its length, and whether its days count against annual leave (Jinan: they do not); null: none */
  recuperation: z
    .strictObject({
      minDays: z.number().int().min(1).max(30),
      maxDays: z.number().int().min(1).max(30),
      countsAgainstAnnual: z.boolean(),
    })
    .nullable(),
});
export type LeavePolicy = z.infer<typeof LeavePolicySchema>;

export const AidPolicySchema = z.strictObject({
  /** 困难帮扶 / 因公殉职家属 … and what each case must go through (the benefits checklist) */
  kinds: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1).max(20),
        checklist: z.array(z.strictObject({ id: Id, name: z.string().min(1).max(40) })).max(20),
        /** a visit or follow-up is due this many months after the last one while the case is open */
        followUpEveryMonths: z.number().int().min(1).max(24),
      }),
    )
    .max(10),
});

/** Who talks with whom in a year (谈心谈话计划). */
export const TalkPlanRuleSchema = z.strictObject({
  id: Id,
  name: z.string().min(1).max(60),
  /**
   * principal: the district's principal leader (区委主要负责人) talks with everyone of the population;
   * linked: each district leader talks with the population of the units linked to them (挂钩街道, 分管部门)
   */
  talker: z.enum(['principal', 'linked']),
  talkees: CadreConditionSchema,
  timesPerYear: z.number().int().min(1).max(12),
});

export const CareSectionSchema = z.strictObject({
  healthChecks: z.array(HealthCheckPlanSchema).max(10),
  leave: LeavePolicySchema,
  aid: AidPolicySchema,
  talkPlan: z.array(TalkPlanRuleSchema).max(10),
  /**
   * 双向约谈 (Jinan): a cadre's request to talk with a leader goes through this case kind of the workflow
   * section (its answer step's deadline in working days is the time limit); null: not offered
   */
  talkRequests: z.strictObject({ caseKind: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/) }).nullable(),
  /** 结对帮扶: the pairing is reviewed every this many months */
  pairingReviewEveryMonths: z.number().int().min(1).max(24),
});
export type CareSection = z.infer<typeof CareSectionSchema>;

/** The section's references: unique ids, ordered leave steps, the talk request's case kind. */
export function checkCare(
  section: CareSection,
  caseKinds: Record<string, unknown> | undefined,
  ctx: z.RefinementCtx,
): void {
  const steps = section.leave.annual;
  steps.forEach((s, i) => {
    const prev = steps[i - 1];
    if (prev && (s.minYears <= prev.minYears || s.days < prev.days))
      ctx.addIssue({
        code: 'custom',
        path: ['care', 'leave', 'annual', i],
        message: '年休假档次应按工作年限从低到高排列，天数不减少',
      });
  });
  const rec = section.leave.recuperation;
  if (rec && rec.maxDays < rec.minDays)
    ctx.addIssue({
      code: 'custom',
      path: ['care', 'leave', 'recuperation', 'maxDays'],
      message: '上限不能小于下限',
    });
  const kind = section.talkRequests?.caseKind;
  if (kind && caseKinds && !(kind in caseKinds))
    ctx.addIssue({
      code: 'custom',
      path: ['care', 'talkRequests', 'caseKind'],
      message: `没有事项流程 ${kind}`,
    });
  const lists: [string[], { id: string }[]][] = [
    [['healthChecks'], section.healthChecks],
    [['talkPlan'], section.talkPlan],
    [['aid', 'kinds'], section.aid.kinds],
  ];
  for (const [path, list] of lists) {
    const ids = list.map((x) => x.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['care', ...path, i, 'id'], message: `编号 ${id} 重复` });
    });
  }
}
