import {
  chinaToday,
  checkPracticeDates,
  checkPracticeOutcome,
  defaultPracticeEnd,
  PRACTICE_PROBLEM_TEXT,
  type PracticeCreateInput,
  type PracticeListQuery,
  type PracticePolicy,
  type PracticePosting,
  type PracticeProblem,
  type PracticeUpdateInput,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { practicePolicy } from './policy.ts';
import * as repo from './repository.ts';

/**
 * 实战历练 (R-TRN-4): postings of cadres to the pack's practice kinds, with dates (the end defaults to the
 * kind's months) and the outcome once ended.
 */
const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);

function refuse(problem: PracticeProblem | null): void {
  if (!problem) return;
  const code = problem === 'PRACTICE_NOT_ENDED' ? 'PRACTICE_NOT_ENDED' : 'VALIDATION';
  throw new AppError(400, code, PRACTICE_PROBLEM_TEXT[problem], { problem });
}

async function mustFind(ctx: RequestContext, id: string): Promise<PracticePosting> {
  const p = await repo.findPosting(ctx.client, id, todayOf(ctx));
  if (!p) throw notFound('实战历练');
  return p;
}

export async function getPolicy(ctx: RequestContext): Promise<PracticePolicy> {
  return (await practicePolicy(ctx)).view;
}

export async function listPostings(ctx: RequestContext, q: PracticeListQuery) {
  return repo.listPostings(ctx.client, {
    q: q.q?.trim() || undefined,
    kind: q.kind,
    cadreId: q.cadreId,
    status: q.status,
    today: todayOf(ctx),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

/** Post a cadre the user's scope shows to a kind of the district's pack. */
export async function createPosting(
  ctx: RequestContext,
  input: PracticeCreateInput,
): Promise<PracticePosting> {
  const { view } = await practicePolicy(ctx);
  const kind = view.kinds.find((k) => k.id === input.kind);
  if (!kind)
    throw new AppError(
      400,
      'PRACTICE_KIND_UNKNOWN',
      `政策包“${view.packName}”没有实战历练类别 ${input.kind}`,
      {
        kind: input.kind,
        kinds: view.kinds.map((k) => k.id),
      },
    );
  const endsOn = input.endsOn ?? defaultPracticeEnd(input.startedOn, kind.defaultMonths);
  refuse(checkPracticeDates(input.startedOn, endsOn));
  const cadre = await repo.findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  const host = input.hostOrgId ? await repo.findOrg(ctx.client, input.hostOrgId) : null;
  if (input.hostOrgId && !host) throw notFound('历练单位');
  const id = await repo.insertPosting(ctx.client, {
    cadreId: cadre.id,
    kind: kind.id,
    kindName: kind.name,
    post: input.post.trim(),
    hostOrgId: host?.id ?? null,
    hostName: host?.name ?? '',
    startedOn: input.startedOn,
    endsOn,
    createdBy: ctx.actor?.userId ?? null,
  });
  const posting = await mustFind(ctx, id);
  await ctx.audit({
    action: 'practice.create',
    objectType: 'practice_posting',
    objectId: id,
    after: {
      ...posting,
      endsOnReason: input.endsOn
        ? '按填写的结束日期'
        : `按政策包“${view.packName}”${kind.name}默认 ${kind.defaultMonths} 个月`,
    },
  });
  return posting;
}

export async function updatePosting(
  ctx: RequestContext,
  id: string,
  patch: PracticeUpdateInput,
): Promise<PracticePosting> {
  const before = await mustFind(ctx, id);
  const endsOn = patch.endsOn ?? before.endsOn;
  refuse(checkPracticeDates(before.startedOn, endsOn));
  if (patch.outcome) refuse(checkPracticeOutcome(endsOn, todayOf(ctx)));
  const ok = await repo.updatePosting(ctx.client, id, {
    post: patch.post?.trim(),
    endsOn: patch.endsOn,
    outcome:
      patch.outcome === undefined
        ? undefined
        : patch.outcome === null
          ? null
          : { rating: patch.outcome.rating, note: patch.outcome.note.trim(), recordedOn: todayOf(ctx) },
  });
  if (!ok) throw notFound('实战历练');
  const after = await mustFind(ctx, id);
  await ctx.audit({
    action: patch.outcome ? 'practice.outcome' : 'practice.update',
    objectType: 'practice_posting',
    objectId: id,
    before,
    after,
  });
  return after;
}
