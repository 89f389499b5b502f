import { z } from 'zod';
import { ORG_KINDS } from '../org/org-kinds.ts';
import { CadreConditionSchema } from '../selection/condition.ts';

/**
 * Honours (精神激励, R-HON-1/2): the kinds of commendation a district awards, the quota of each kind per
 * unit (a share of the unit's cadres; street units get a higher share in Fengze), the 公示 before a batch is
 * decided, and the rules that propose candidates from assessment results (Jinan: 记功 when its conditions
 * are met, e.g. 年度考核连续三年优秀).
 */

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const HonourKindSchema = z.strictObject({
  id: Id,
  /** 通报表扬 / 嘉奖 / 记三等功 / 记二等功 / 评先评优 */
  name: z.string().min(1).max(20),
  /** order of precedence on the hero board (英雄榜): a higher rank is listed first */
  rank: z.number().int().min(1).max(20),
});
export type HonourKind = z.infer<typeof HonourKindSchema>;

export const HonourQuotaSchema = z.strictObject({
  kindId: Id,
  /** the units this share applies to (the nominating unit's kind) */
  unitKinds: z.array(z.enum(ORG_KINDS)).min(1),
  /** at most this percentage of the unit's active cadres (in its subtree) may be nominated in one batch */
  sharePercent: z.number().min(0).max(100),
  /** how a fractional quota becomes whole: floor (the usual reading of 不超过) or round */
  rounding: z.enum(['floor', 'round', 'ceil']),
  /** a unit smaller than the share still gets this many places */
  minPerUnit: z.number().int().min(0).max(100),
});
export type HonourQuota = z.infer<typeof HonourQuotaSchema>;

/** A rule that proposes candidates (符合条件的提名建议) from published annual assessment grades. */
export const HonourProposalRuleSchema = z.strictObject({
  id: Id,
  kindId: Id,
  /** the grade names that count (优秀) */
  grades: z.array(z.string().min(1).max(20)).min(1).max(5),
  /** the grade held in each of this many consecutive years, ending with the batch's year or the year before */
  consecutiveYears: z.number().int().min(1).max(10),
  /** the people the rule looks at (empty: every active cadre in the batch's scope) */
  population: CadreConditionSchema,
});
export type HonourProposalRule = z.infer<typeof HonourProposalRuleSchema>;

export const HonoursSectionSchema = z.strictObject({
  kinds: z.array(HonourKindSchema).min(1).max(20),
  quotas: z.array(HonourQuotaSchema).max(50),
  /** 公示: the nominees are shown for at least this many working days before the decision */
  noticeWorkingDays: z.number().int().min(1).max(30),
  proposalRules: z.array(HonourProposalRuleSchema).max(20),
});
export type HonoursSection = z.infer<typeof HonoursSectionSchema>;

/** The section's references: unique kind ids, quotas and rules naming a kind of the pack. */
export function checkHonours(section: HonoursSection, ctx: z.RefinementCtx): void {
  const ids = section.kinds.map((k) => k.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['honours', 'kinds', i, 'id'],
        message: `表彰类别编号 ${id} 重复`,
      });
  });
  section.quotas.forEach((q, i) => {
    if (!ids.includes(q.kindId))
      ctx.addIssue({
        code: 'custom',
        path: ['honours', 'quotas', i, 'kindId'],
        message: `没有表彰类别 ${q.kindId}`,
      });
  });
  section.proposalRules.forEach((r, i) => {
    if (!ids.includes(r.kindId))
      ctx.addIssue({
        code: 'custom',
        path: ['honours', 'proposalRules', i, 'kindId'],
        message: `没有表彰类别 ${r.kindId}`,
      });
  });
}
