import { z } from 'zod';
import { AssessmentSectionSchema } from './assessment-section.ts';
import { DisciplineSectionSchema } from './discipline-section.ts';
import { PaySectionSchema } from './pay-section.ts';
import { SelectionSectionSchema, type SelectionSection } from './selection-section.ts';
import { SourceSchema } from './source.ts';
import { BurdenSectionSchema, checkBurden } from '../burden/policy.ts';
import { CareSectionSchema, checkCare } from '../care/policy.ts';
import { HonoursSectionSchema, checkHonours } from '../honours/policy.ts';
import { NeedsSectionSchema, checkNeeds } from '../needs/policy.ts';
import { TrainingSectionSchema, checkTraining } from '../training/policy.ts';
import { WorkflowSectionSchema, type WorkflowSection } from './workflow-section.ts';

/**
 * A policy pack (政策包): one locality's policy as validated data, versioned by effective date.
 * Later modules add their sections (pay, training, care …) next to `assessment`.
 */

export { SourceSchema, type Source } from './source.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const PackSchema = z
  .object({
    /** fengze, wenzhou, jinan, hongdong, jinwan, or a district's own id */
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(50),
    /** the locality as written, e.g. 珠海市金湾区 */
    locality: z.string().min(1).max(50),
    version: z.object({
      /** the version applies to periods on or after this date, until the next version's date */
      effectiveFrom: IsoDate,
      note: z.string().max(500).default(''),
    }),
    assessment: AssessmentSectionSchema,
    /** 从严管理: record kinds, their effects on eligibility, early warnings (optional: a version saved before
     * the section existed falls back to the shipped national defaults, see `eligibility/`) */
    discipline: DisciplineSectionSchema.optional(),
    /** case kinds (事项流程) of the workflow engine; optional in a pack, present in the five shipped ones */
    workflow: WorkflowSectionSchema.optional(),
    /** 经济激励: street uplift, performance bonus, village subsidies, reward pool (optional per pack) */
    pay: PaySectionSchema.optional(),
    /** 选拔任用与结构: structure indicators, selection process kinds, pools, post-appointment review (optional) */
    selection: SelectionSectionSchema.optional(),
    /** 精神激励: commendation kinds, quotas per unit kind, 公示, rules proposing candidates (optional) */
    honours: HonoursSectionSchema.optional(),
    /** 教育培训: programme kinds, yearly requirements with warnings, holding plans, stations, practice kinds */
    training: TrainingSectionSchema.optional(),
    /** 关心关爱: health checks, leave, hardship aid, talk plan, two-way appointments, pairing review */
    care: CareSectionSchema.optional(),
    /** 减负松绑: borrowing rule, 专编专用, inspection plan and veto approval, registers, work list, overtime */
    burden: BurdenSectionSchema.optional(),
    /** 精准激励: the needs survey's incentive kinds, breakdowns, minimum group size, recommendation */
    needs: NeedsSectionSchema.optional(),
    /**
     * The source of every number in the pack, keyed by JSON pointer ("/assessment/schemes/0/raterGroups/1/
     * weight"); an entry for an object covers every number under it.
     */
    sources: z.record(z.string().regex(/^(\/[^/]+)+$/), SourceSchema),
  })
  .superRefine((pack, ctx) => {
    const scaleIds = new Set(pack.assessment.gradeScales.map((s) => s.id));
    const quotaIds = new Set(pack.assessment.quotaRules.map((q) => q.id));
    pack.assessment.schemes.forEach((s, i) => {
      if (!scaleIds.has(s.gradeScaleId))
        ctx.addIssue({
          code: 'custom',
          path: ['assessment', 'schemes', i, 'gradeScaleId'],
          message: `没有等次表 ${s.gradeScaleId}`,
        });
      if (s.quotaRuleId !== null && !quotaIds.has(s.quotaRuleId))
        ctx.addIssue({
          code: 'custom',
          path: ['assessment', 'schemes', i, 'quotaRuleId'],
          message: `没有名额规则 ${s.quotaRuleId}`,
        });
      const rule = s.gradeVote?.rule;
      const scale = pack.assessment.gradeScales.find((g) => g.id === s.gradeScaleId);
      if (rule?.method === 'thresholds' && scale)
        rule.results.forEach((r, k) => {
          const grade = scale.grades.find((g) => g.code === r.grade);
          if (!grade)
            ctx.addIssue({
              code: 'custom',
              path: ['assessment', 'schemes', i, 'gradeVote', 'rule', 'results', k, 'grade'],
              message: `等次表 ${scale.id} 中没有等次 ${r.grade}`,
            });
          else if (grade.name !== r.name)
            ctx.addIssue({
              code: 'custom',
              path: ['assessment', 'schemes', i, 'gradeVote', 'rule', 'results', k, 'name'],
              message: `等次名称须与等次表一致：${r.grade} 在等次表 ${scale.id} 中称“${grade.name}”`,
            });
        });
      for (const t of pack.assessment.quotaRules.find((q) => q.id === s.quotaRuleId)?.tieBreak ?? []) {
        if (t.by === 'criterionScore' && s.ballotForm === 'grade')
          ctx.addIssue({
            code: 'custom',
            path: ['assessment', 'schemes', i, 'quotaRuleId'],
            message: `等次票方案 ${s.id} 没有分项得分，不能按指标得分处理并列`,
          });
        if (t.by === 'groupScore' && !s.raterGroups.some((g) => g.id === t.groupId))
          ctx.addIssue({
            code: 'custom',
            path: ['assessment', 'schemes', i, 'quotaRuleId'],
            message: `并列处理所用评议组 ${t.groupId} 不在考核方案 ${s.id} 中`,
          });
      }
    });
    if (pack.selection) checkSelection(pack, ctx);
    if (pack.honours) checkHonours(pack.honours, ctx);
    if (pack.training) checkTraining(pack.training, pack.assessment.schemes, ctx);
    if (pack.care) checkCare(pack.care, pack.workflow?.caseKinds, ctx);
    if (pack.burden) checkBurden(pack.burden, pack.workflow?.caseKinds, ctx);
    if (pack.needs) checkNeeds(pack.needs, ctx);
    for (const path of numbersWithoutSource(pack, pack.sources))
      ctx.addIssue({
        code: 'custom',
        path: path.split('/').slice(1),
        message: '该数值没有注明依据（种子文件或假设）',
      });
  });
export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;

/** The selection section's references: unique ids, case kinds and their steps, the review's scheme. */
function checkSelection(
  pack: {
    selection?: SelectionSection | undefined;
    workflow?: WorkflowSection | undefined;
    assessment: { schemes: readonly { id: string; kind: string }[] };
  },
  ctx: z.RefinementCtx,
): void {
  const sel = pack.selection;
  if (!sel) return;
  const ids = sel.indicators.map((i) => i.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['selection', 'indicators', i, 'id'],
        message: `指标编号 ${id} 重复`,
      });
  });
  // a version without its own `workflow` section takes the shipped one (sectionWithShippedFallback): its
  // case kinds are checked where the process opens, not here
  const workflow = pack.workflow;
  for (const [kindId, kind] of Object.entries(workflow ? sel.processKinds : {})) {
    const caseKind = workflow?.caseKinds[kind.caseKind];
    if (!caseKind) {
      ctx.addIssue({
        code: 'custom',
        path: ['selection', 'processKinds', kindId, 'caseKind'],
        message: `没有事项流程 ${kind.caseKind}`,
      });
      continue;
    }
    const stepIds = new Set(caseKind.steps.map((s) => s.id));
    for (const stepId of Object.keys(kind.steps))
      if (!stepIds.has(stepId))
        ctx.addIssue({
          code: 'custom',
          path: ['selection', 'processKinds', kindId, 'steps', stepId],
          message: `事项流程 ${kind.caseKind} 没有环节 ${stepId}`,
        });
  }
  const pools = sel.pools.map((p) => `${p.kind}/${p.level}`);
  pools.forEach((key, i) => {
    if (pools.indexOf(key) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['selection', 'pools', i, 'level'],
        message: `人才库层级 ${key} 重复`,
      });
  });
  const schemeId = sel.postReview?.schemeId;
  if (schemeId && !pack.assessment.schemes.some((s) => s.id === schemeId && s.kind === 'post_appointment'))
    ctx.addIssue({
      code: 'custom',
      path: ['selection', 'postReview', 'schemeId'],
      message: `没有任职后评估考核方案 ${schemeId}`,
    });
}

/** JSON pointers of the numbers in `value` that no entry of `sources` (at the path or above) covers. */
export function numbersWithoutSource(value: unknown, sources: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const walk = (v: unknown, path: string, covered: boolean) => {
    // an object carrying its own `source` (a discipline effect) covers the numbers under it
    const here =
      covered ||
      path in sources ||
      (!!v && typeof v === 'object' && 'source' in v && SourceSchema.safeParse(v.source).success);
    if (typeof v === 'number') {
      if (!here) missing.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}/${i}`, here));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (path === '' && (k === 'sources' || k === 'version')) continue;
        walk(item, `${path}/${k}`, here);
      }
    }
  };
  walk(value, '', false);
  return missing;
}

/** The version in force on `date` among the versions of one pack: the latest effectiveFrom ≤ date. */
export function packInForce<P extends { version: { effectiveFrom: string } }>(
  versions: readonly P[],
  date: string,
): P | undefined {
  let best: P | undefined;
  for (const v of versions) {
    if (v.version.effectiveFrom <= date && (!best || v.version.effectiveFrom > best.version.effectiveFrom))
      best = v;
  }
  return best;
}
