import {
  chinaToday,
  checkNewPairing,
  checkNote,
  checkPairingEnd,
  PAIRING_PROBLEM_TEXT,
  type Pairing,
  type PairingCreateInput,
  type PairingListQuery,
  type PairingNote,
  type PairingNoteInput,
  type PairingProblem,
  type PairingUpdateInput,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';

/** Today as the pairing rules see it (the server's calendar day, as the registry uses). */
const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);

function refuse(problem: PairingProblem | null): void {
  if (problem) throw new AppError(400, 'VALIDATION', PAIRING_PROBLEM_TEXT[problem], { problem });
}

async function mustFind(ctx: RequestContext, id: string): Promise<Pairing> {
  const pairing = await repo.findPairing(ctx.client, id);
  if (!pairing) throw notFound('结对帮扶');
  return pairing;
}

/** A page of the pairings in scope (the route has parsed the query by its contract). */
export async function listPairings(ctx: RequestContext, q: PairingListQuery) {
  return repo.listPairings(ctx.client, {
    q: q.q?.trim() || undefined,
    current: q.current,
    today: todayOf(ctx),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
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
