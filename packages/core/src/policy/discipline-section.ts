import { z } from 'zod';
import { SourceSchema } from './source.ts';

/**
 * The pack's `discipline` section (从严管理): the record kinds and their grades, what each does to a
 * cadre's eligibility and for how long (effects, each with its source), what a fault-tolerance decision
 * (容错) does to an effect, whether a report still under verification blocks a purpose, and the
 * early-warning rules (苗头性、倾向性问题, R-DIS-2). The eligibility engine (`eligibility/`) reads only this;
 * it has no duration or count of its own.
 */

const Code = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, '代码只能用小写字母、数字和下划线，并以字母开头');

/**
 * What a cadre may be considered for. The six purposes of issue 12; later modules (congress delegates,
 * titles …) add their own code in a pack without a change here.
 */
export const ELIGIBILITY_PURPOSES = ['promotion', 'rank', 'excellent', 'honour', 'reserve', 'bonus'] as const;
export type KnownPurpose = (typeof ELIGIBILITY_PURPOSES)[number];
/** A known purpose, or another module's own code. */
export type EligibilityPurpose = KnownPurpose | (string & {});
export const PurposeSchema = Code;

/** Chinese names of the known purposes (UI and explanations). */
export const PURPOSE_NAMES: Record<KnownPurpose, string> = {
  promotion: '提拔',
  rank: '职级晋升',
  excellent: '年度考核评为优秀',
  honour: '评先评优、表彰',
  reserve: '列为后备干部',
  bonus: '奖金、绩效',
};

export const RecordGradeSchema = z.object({ code: Code, name: z.string().min(1).max(30) });

export const RecordKindSchema = z.object({
  /** reminder 提醒, inquiry 函询, admonishment 诫勉, org_handling 组织处理, party_discipline 党纪处分 … */
  code: Code,
  name: z.string().min(1).max(30),
  /** the grades of the kind, lightest first; empty when the kind has none (提醒, 函询, 诫勉) */
  grades: z.array(RecordGradeSchema).max(20),
});
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * How long an effect lasts, counted from the decision date:
 * - months: the period of n months that starts with the decision (the day after the decision is the first
 *   counted day, the corresponding day n months later is the last day the effect applies — the usual rule
 *   for periods in months; a month without that day ends on its last day);
 * - endOfYear: until 31 December of the decision's year (诫勉 → no 优秀 in that year's annual assessment);
 * - permanent: no end.
 */
export const EffectDurationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('months'), months: z.number().int().min(1).max(240) }),
  z.object({ type: z.literal('endOfYear') }),
  z.object({ type: z.literal('permanent') }),
]);
export type EffectDuration = z.infer<typeof EffectDurationSchema>;

export const EffectSchema = z.object({
  id: Code,
  kind: Code,
  /** the grade the effect concerns; null: every grade of the kind (and a kind without grades) */
  grade: Code.nullable(),
  purposes: z.array(PurposeSchema).min(1).max(20),
  duration: EffectDurationSchema,
  /** the rule in one Chinese sentence, as the regulation words it ("受到诫勉的，六个月内不得提拔") */
  rule: z.string().min(4).max(200),
  source: SourceSchema,
});
export type Effect = z.infer<typeof EffectSchema>;

/**
 * What a tolerance decision (容错纠错 joint committee) does to the effects of the records it covers.
 * `monthsPercent`: the share of a months effect that remains (rounded up to whole months; 0 lifts it);
 * `endOfYear` / `permanent`: whether such effects are kept or lifted. 免责 lifts everything; 不予容错 changes
 * nothing (neither is configurable: the first is the point of 容错, the second its refusal).
 */
export const ToleranceOutcomeEffectSchema = z.object({
  monthsPercent: z.number().int().min(0).max(100),
  endOfYear: z.enum(['keep', 'lift']),
  permanent: z.enum(['keep', 'lift']),
  source: SourceSchema,
});
export type ToleranceOutcomeEffect = z.infer<typeof ToleranceOutcomeEffectSchema>;

export const WarningRuleSchema = z.discriminatedUnion('type', [
  z.object({
    id: Code,
    type: z.literal('countInWindow'),
    name: z.string().min(2).max(100),
    /** records of these kinds count */
    kinds: z.array(Code).min(1),
    /** at least `count` such records decided within the `months` before the date */
    count: z.number().int().min(2).max(20),
    months: z.number().int().min(1).max(120),
    /** the roles whose inbox receives the flag */
    notify: z.array(z.string().min(2).max(40)).min(1),
    source: SourceSchema,
  }),
  z.object({
    id: Code,
    type: z.literal('recordDuring'),
    name: z.string().min(2).max(100),
    kinds: z.array(Code).min(1),
    /** a record decided while a process of this kind concerning the cadre is in progress (e.g. promotion) */
    process: Code,
    notify: z.array(z.string().min(2).max(40)).min(1),
    source: SourceSchema,
  }),
]);
export type WarningRule = z.infer<typeof WarningRuleSchema>;

export const DisciplineSectionSchema = z
  .object({
    kinds: z.array(RecordKindSchema).min(1).max(30),
    effects: z.array(EffectSchema).max(200),
    tolerance: z.object({
      /** 从轻 */
      lighter: ToleranceOutcomeEffectSchema,
      /** 减轻 */
      mitigated: ToleranceOutcomeEffectSchema,
      /** the source of "免责 lifts every effect of the records it covers" */
      exemptSource: SourceSchema,
    }),
    /**
     * A report about the cadre (信访举报) received and not yet concluded blocks these purposes until it is
     * concluded; a conclusion of any kind then leaves no trace here (a founded report becomes a record).
     */
    pendingReport: z.object({
      purposes: z.array(PurposeSchema).max(20),
      rule: z.string().min(4).max(200),
      source: SourceSchema,
    }),
    warnings: z.array(WarningRuleSchema).max(50),
  })
  .superRefine((s, ctx) => {
    const kinds = new Map(s.kinds.map((k) => [k.code, new Set(k.grades.map((g) => g.code))]));
    if (kinds.size !== s.kinds.length)
      ctx.addIssue({ code: 'custom', path: ['kinds'], message: '记录种类代码不能重复' });
    const ids = new Set<string>();
    s.effects.forEach((e, i) => {
      if (ids.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['effects', i, 'id'], message: '影响规则编号重复' });
      ids.add(e.id);
      const grades = kinds.get(e.kind);
      if (!grades)
        ctx.addIssue({ code: 'custom', path: ['effects', i, 'kind'], message: `没有记录种类 ${e.kind}` });
      else if (e.grade !== null && !grades.has(e.grade))
        ctx.addIssue({
          code: 'custom',
          path: ['effects', i, 'grade'],
          message: `记录种类 ${e.kind} 没有档次 ${e.grade}`,
        });
    });
    s.warnings.forEach((w, i) =>
      w.kinds.forEach((k, j) => {
        if (!kinds.has(k))
          ctx.addIssue({ code: 'custom', path: ['warnings', i, 'kinds', j], message: `没有记录种类 ${k}` });
      }),
    );
  });
export type DisciplineSection = z.infer<typeof DisciplineSectionSchema>;
