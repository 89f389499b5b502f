import type { GradeAppeal, GradeAppealInput, GradeAppealList } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { actOnCase, openCase } from '../../workflow/service.ts';
import * as repo from '../repository/appeals.ts';

/** the workflow kind of the pack that carries an appeal (提交申诉 → 复核) */
const APPEAL_KIND = 'grade_appeal';

/**
 * 考核等次申诉: the cadre appeals her own published result. A case of the pack's `grade_appeal` kind is opened
 * at the round's organising unit with her as its subject, submitted with her reason, and so lands in the
 * 复核 step (the organisation department's 待办, with its deadline in working days). One open appeal per
 * result; the case's timeline holds the reason and the review's opinion.
 */
export async function appealGrade(
  ctx: RequestContext,
  roundId: string,
  targetId: string,
  input: GradeAppealInput,
): Promise<GradeAppeal> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) throw forbidden('只有关联了干部信息的本人账号可以申诉');
  const target = await repo.selectAppealTarget(ctx.client, roundId, targetId);
  if (!target) throw notFound('考核对象');
  if (target.cadreId !== cadreId) throw forbidden('只能对本人的考核结果申诉');
  if (target.roundState !== 'published')
    throw new AppError(409, 'APPEAL_NOT_PUBLISHED', '考核结果公布后才能申诉');
  if (await repo.hasOpenAppeal(ctx.client, targetId))
    throw new AppError(409, 'APPEAL_OPEN', '该考核结果已有正在办理的申诉');
  const opened = await openCase(ctx, {
    kind: APPEAL_KIND,
    orgId: target.orgId,
    subjectCadreId: cadreId,
    title: `${target.name}对“${target.roundName}”考核等次的申诉`,
    readerRoles: [],
  });
  const { case: submitted } = await actOnCase(ctx, opened.id, { action: 'submit', comment: input.reason });
  const id = await repo.insertAppeal(ctx.client, targetId, opened.id);
  return {
    id,
    roundId,
    targetId,
    caseId: opened.id,
    status: submitted.status,
    stepName: submitted.currentStepName,
    openedAt: submitted.openedAt,
  };
}

/** The caller's own appeals and the results she may appeal (none for an account without a cadre). */
export async function ownAppeals(ctx: RequestContext): Promise<GradeAppealList> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) return { items: [], appealableTargetIds: [] };
  return {
    items: await repo.listOwnAppeals(ctx.client, cadreId),
    appealableTargetIds: await repo.listAppealableTargets(ctx.client, cadreId),
  };
}
