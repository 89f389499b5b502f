import { investigationComplete, type CaseSummary } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import * as workflow from '../../workflow/service.ts';
import type { CaseTransition, WorkflowContext } from '../../workflow/service.ts';
import * as clarifications from '../repository/clarifications.ts';
import * as tolerance from '../repository/tolerance.ts';
import { refuse, todayOf } from './common.ts';

/**
 * 容错申请 and 澄清正名 as cases of the workflow engine (the pack's `tolerance` and `clarification` kinds):
 * the case carries the steps, deadlines, timeline and 待办; this module keeps the substance (checklist,
 * committee, decision, conclusion) and answers each transition:
 *   - into 联席会议研究 (committee): the investigation must be complete; its day is kept (investigated_on);
 *   - back to 调查核实: the investigation is open again;
 *   - 决定 (decide) taken anywhere else than this module's decision: refused, nothing changes.
 */

const READERS = ['orgdept', 'discipline'] as const;

export async function openToleranceCase(
  ctx: RequestContext,
  c: { id: string; orgId: string; cadreId: string; cadreName: string },
): Promise<CaseSummary> {
  const opened = await workflow.openCase(ctx, {
    kind: 'tolerance',
    orgId: c.orgId,
    subjectCadreId: c.cadreId,
    title: `容错申请：${c.cadreName}`,
    readerRoles: [...READERS],
    link: `/discipline/tolerance/${c.id}`,
  });
  await tolerance.setCaseWorkflow(ctx.client, c.id, opened.id);
  return opened;
}

export async function openClarificationCase(
  ctx: RequestContext,
  k: { id: string; orgId: string; cadreId: string; cadreName: string },
): Promise<CaseSummary> {
  const opened = await workflow.openCase(ctx, {
    kind: 'clarification',
    orgId: k.orgId,
    subjectCadreId: k.cadreId,
    title: `问题线索核查：${k.cadreName}`,
    readerRoles: [...READERS],
    link: `/discipline/clarifications/${k.id}`,
  });
  await clarifications.setClarificationWorkflow(ctx.client, k.id, opened.id);
  return opened;
}

/** The case's current step (null when closed or when the record has no case). */
export async function currentStep(ctx: RequestContext, caseId: string | null): Promise<string | null> {
  if (!caseId) return null;
  const detail = await workflow.getCase(ctx, caseId);
  return detail.case.status === 'open' ? detail.case.currentStep : null;
}

/**
 * Take `action` at the case's current step when it is `step` (the module's own action moves the case):
 * `strict`, the engine's refusal (not this person's step) refuses the request; otherwise the step is left
 * for whoever the pack names (a 纪检联络 concluding a report leaves 认定 to 组织部's 待办 … and vice versa).
 */
export async function actAt(
  ctx: RequestContext,
  caseId: string | null,
  step: string,
  action: 'approve' | 'decide',
  comment: string,
  strict = true,
): Promise<boolean> {
  if (!caseId) return false;
  const detail = await workflow.getCase(ctx, caseId);
  if (detail.case.status !== 'open' || detail.case.currentStep !== step) return false;
  if (!strict && !detail.allowedActions.some((a) => a.action === action)) return false;
  await workflow.actOnCase(ctx, caseId, { action, comment });
  return true;
}

export async function addCommittee(ctx: RequestContext, caseId: string | null, userIds: readonly string[]) {
  if (caseId) await workflow.addCaseMembers(ctx, caseId, 'committee', userIds);
}

async function onTolerance(ctx: WorkflowContext, t: CaseTransition): Promise<void> {
  const id = await tolerance.caseOfWorkflow(ctx.client, t.case.id);
  if (!id) return;
  const { event } = t;
  if (event.action === 'decide') {
    const c = await tolerance.findCase(ctx.client, id);
    if (!c?.outcome) throw new AppError(409, 'CONFLICT', '请在容错申请页面作出联席会议决定');
    return;
  }
  if (event.toStep === 'committee' && event.step !== 'committee') {
    const extra = await tolerance.findCaseExtra(ctx.client, id);
    if (!extra || !investigationComplete(extra.checklist, extra.investigation))
      refuse('INVESTIGATION_INCOMPLETE');
    await tolerance.setInvestigated(ctx.client, id, todayOf(ctx));
  } else if (event.step === 'committee' && event.toStep === 'investigate') {
    await tolerance.setInvestigated(ctx.client, id, null);
  }
}

async function onClarification(ctx: WorkflowContext, t: CaseTransition): Promise<void> {
  if (t.event.action !== 'decide') return;
  const id = await clarifications.clarificationOfWorkflow(ctx.client, t.case.id);
  if (!id) return;
  const k = await clarifications.findClarification(ctx.client, id);
  if (!k?.conclusion) throw new AppError(409, 'CONFLICT', '请在澄清正名页面作出核查认定');
}

let registered = false;

/** Register the handlers once per process (the app is built more than once in tests). */
export function registerCaseHandlers(): void {
  if (registered) return;
  registered = true;
  workflow.onCaseTransition('tolerance', onTolerance);
  workflow.onCaseTransition('clarification', onClarification);
}
