import type { PayRun } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import * as workflow from '../../workflow/service.ts';
import type { CaseTransition, WorkflowContext } from '../../workflow/service.ts';
import * as repo from '../repository/runs.ts';
import { mustFindRun, present } from './runs.ts';

/**
 * A run's approval is a case of the pack's `pay_run` kind (核算报送 → 组织部审核 → 分管领导审批): 报送
 * opens it (or, for a run returned to its submitter, submits the same case again) and the case moves the
 * run: submitted → approved when the case is done; back to computed when it is withdrawn or returned to
 * the submitter (the run may then be recomputed and submitted again).
 */

const FIRST_STEP = 'submit';

/** 报送审批: computed → submitted, through the `pay_run` case. */
export async function submitRun(ctx: RequestContext, id: string, comment?: string): Promise<PayRun> {
  const run = await mustFindRun(ctx, id, true);
  if (run.state !== 'computed')
    throw new AppError(409, 'PAY_RUN_STATE', '只有已核算、未报送的核算才能报送审批', { state: run.state });
  let caseId = run.caseId;
  if (caseId) {
    const detail = await workflow.getCase(ctx, caseId);
    if (detail.case.status !== 'open' || detail.case.currentStep !== FIRST_STEP) caseId = null;
  }
  if (!caseId) {
    const opened = await workflow.openCase(ctx, {
      kind: 'pay_run',
      orgId: run.orgId,
      title: `经济激励核算审批：${run.name}`,
      readerRoles: [],
      link: `/pay/runs/${run.id}`,
    });
    caseId = opened.id;
    await repo.setState(ctx.client, id, 'computed', { caseId });
  }
  await workflow.actOnCase(ctx, caseId, { action: 'submit', comment: comment ?? '' });
  const after = present(await mustFindRun(ctx, id));
  await ctx.audit({
    action: 'pay.run.submit',
    objectType: 'pay_run',
    objectId: id,
    before: { state: run.state, caseId: run.caseId },
    after: { state: after.state, caseId: after.caseId },
  });
  return after;
}

/** The run state a transition of its case leads to (null: unchanged). */
export function stateAfter(t: CaseTransition): PayRun['state'] | null {
  const { event } = t;
  if (event.toStatus === 'done') return 'approved';
  if (event.toStatus === 'withdrawn') return 'computed';
  if (event.action === 'submit') return 'submitted';
  if (event.action === 'return' && event.toStep === FIRST_STEP) return 'computed';
  return null;
}

async function onPayRunCase(ctx: WorkflowContext, t: CaseTransition): Promise<void> {
  const state = stateAfter(t);
  if (!state) return;
  // the approver may read the run from above or below its unit: the move is the engine's, not the reader's
  await setSystemScope(ctx.client);
  try {
    const id = await repo.runOfCase(ctx.client, t.case.id);
    if (!id) return;
    const before = await repo.findRun(ctx.client, id, true);
    if (!before || before.state === state) return;
    await repo.setState(ctx.client, id, state);
    await ctx.audit({
      action: 'pay.run.state',
      objectType: 'pay_run',
      objectId: id,
      before: { state: before.state },
      after: { state, caseId: t.case.id, action: t.event.action },
    });
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

let registered = false;

/** Register the handler once per process (the app is built more than once in tests). */
export function registerPayCaseHandlers(): void {
  if (registered) return;
  registered = true;
  workflow.onCaseTransition('pay_run', onPayRunCase);
}
