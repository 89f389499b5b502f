import {
  chinaToday,
  checkNewPairing,
  checkNote,
  checkPairingEnd,
  PAIRING_PROBLEM_TEXT,
  pairingReviewDue,
  pairingReviewState,
  pairingReviewText,
  type Pairing,
  type PairingReview,
  type PairingReviewInput,
  type PairingCreateInput,
  type PairingListQuery,
  type PairingNote,
  type PairingNoteInput,
  type PairingProblem,
  type PairingUpdateInput,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { packOn, selectedPackId } from '../assessment/service/packs.ts';
import * as repo from './repository.ts';

/** Today as the pairing rules see it (the server's calendar day, as the registry uses). */
const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);

function refuse(problem: PairingProblem | null): void {
  if (problem) throw new AppError(400, 'VALIDATION', PAIRING_PROBLEM_TEXT[problem], { problem });
}

/** The review cycle of the pack in force (care.pairingReviewEveryMonths; none without a care section). */
async function reviewCycle(ctx: RequestContext): Promise<{ everyMonths: number; packName: string } | null> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  return pack.care ? { everyMonths: pack.care.pairingReviewEveryMonths, packName: pack.name } : null;
}

/** A stored pairing with its next yearly review: due day, state today and the sentence it rests on. */
function withReview(
  p: repo.PairingRecord,
  cycle: { everyMonths: number; packName: string } | null,
  today: string,
): Pairing {
  if (!cycle)
    return {
      ...p,
      reviewDueOn: null,
      reviewState: null,
      reviewExplanation: '当前政策包未设结对帮扶评议周期',
    };
  const dueOn = pairingReviewDue(p.startedOn, p.lastReviewOn, cycle.everyMonths);
  return {
    ...p,
    reviewDueOn: dueOn,
    reviewState: pairingReviewState(dueOn, p.endedOn, today),
    reviewExplanation: pairingReviewText({
      ...p,
      everyMonths: cycle.everyMonths,
      dueOn,
      packName: cycle.packName,
    }),
  };
}

async function mustFind(ctx: RequestContext, id: string): Promise<Pairing> {
  const pairing = await repo.findPairing(ctx.client, id);
  if (!pairing) throw notFound('结对帮扶');
  return withReview(pairing, await reviewCycle(ctx), todayOf(ctx));
}

/** A page of the pairings in scope (the route has parsed the query by its contract). */
export async function listPairings(ctx: RequestContext, q: PairingListQuery) {
  const cycle = await reviewCycle(ctx);
  const today = todayOf(ctx);
  const page = await repo.listPairings(ctx.client, {
    q: q.q?.trim() || undefined,
    current: q.current,
    today: todayOf(ctx),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { total: page.total, items: page.items.map((p) => withReview(p, cycle, today)) };
}

/** Pair a cadre with a mentor; both must be cadres the user's scope shows. */
export async function createPairing(ctx: RequestContext, input: PairingCreateInput): Promise<Pairing> {
  refuse(checkNewPairing(input, todayOf(ctx)));
  const cadre = await repo.findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('帮扶对象');
  const mentor = await repo.findCadre(ctx.client, input.mentorId);
  if (!mentor) throw notFound('帮扶人');
  let id: string;
  try {
    id = await repo.insertPairing(ctx.client, {
      cadreId: cadre.id,
      mentorId: mentor.id,
      mentorName: mentor.name,
      mentorPost: mentor.postTitle,
      focus: input.focus.trim(),
      startedOn: input.startedOn,
      createdBy: ctx.actor?.userId ?? null,
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('该帮扶人与帮扶对象已有进行中的结对');
    throw e;
  }
  const pairing = await mustFind(ctx, id);
  await ctx.audit({ action: 'pairing.create', objectType: 'pairing', objectId: id, after: pairing });
  return pairing;
}

export async function updatePairing(
  ctx: RequestContext,
  id: string,
  patch: PairingUpdateInput,
): Promise<Pairing> {
  const before = await mustFind(ctx, id);
  if (patch.endedOn !== undefined) refuse(checkPairingEnd(before.startedOn, patch.endedOn));
  if (!(await repo.updatePairing(ctx.client, id, patch))) throw notFound('结对帮扶');
  const after = await mustFind(ctx, id);
  await ctx.audit({ action: 'pairing.update', objectType: 'pairing', objectId: id, before, after });
  return after;
}

export async function listNotes(ctx: RequestContext, pairingId: string): Promise<PairingNote[]> {
  await mustFind(ctx, pairingId);
  return repo.listNotes(ctx.client, pairingId);
}

export async function addNote(
  ctx: RequestContext,
  pairingId: string,
  input: PairingNoteInput,
): Promise<PairingNote[]> {
  const pairing = await mustFind(ctx, pairingId);
  refuse(checkNote(pairing, input.notedOn, todayOf(ctx)));
  const id = await repo.insertNote(ctx.client, {
    pairingId,
    notedOn: input.notedOn,
    content: input.content.trim(),
    writtenBy: ctx.actor?.userId ?? null,
    writtenByName: await repo.displayNameOf(ctx.client, ctx.actor?.userId ?? null, ctx.actor?.username ?? ''),
  });
  await ctx.audit({
    action: 'pairing.note',
    objectType: 'pairing',
    objectId: pairingId,
    after: { noteId: id, notedOn: input.notedOn },
  });
  return repo.listNotes(ctx.client, pairingId);
}

export async function listReviews(ctx: RequestContext, pairingId: string): Promise<PairingReview[]> {
  await mustFind(ctx, pairingId);
  return repo.listReviews(ctx.client, pairingId);
}

/**
 * 年度评议: dated within the pairing and not in the future; 结束结对 ends the pairing on the review's day.
 * The next review falls due the pack's months after this one.
 */
export async function addReview(
  ctx: RequestContext,
  pairingId: string,
  input: PairingReviewInput,
): Promise<Pairing> {
  const before = await mustFind(ctx, pairingId);
  refuse(checkNote(before, input.reviewedOn, todayOf(ctx)));
  const id = await repo.insertReview(ctx.client, {
    pairingId,
    reviewedOn: input.reviewedOn,
    rating: input.rating,
    summary: input.summary.trim(),
    decision: input.decision,
    writtenBy: ctx.actor?.userId ?? null,
    writtenByName: await repo.displayNameOf(ctx.client, ctx.actor?.userId ?? null, ctx.actor?.username ?? ''),
  });
  if (input.decision === 'end')
    await repo.updatePairing(ctx.client, pairingId, { endedOn: input.reviewedOn });
  const after = await mustFind(ctx, pairingId);
  await ctx.audit({
    action: 'pairing.review',
    objectType: 'pairing',
    objectId: pairingId,
    before: { reviewDueOn: before.reviewDueOn, endedOn: before.endedOn },
    after: {
      reviewId: id,
      reviewedOn: input.reviewedOn,
      rating: input.rating,
      decision: input.decision,
      endedOn: after.endedOn,
      reviewDueOn: after.reviewDueOn,
    },
  });
  return after;
}
