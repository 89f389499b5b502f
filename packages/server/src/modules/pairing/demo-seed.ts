import { demoPairings } from '@ganbu/core/pairing/demo-pairings';
import type { DemoSeedContext } from '../../demo/context.ts';
import { findCadre, insertNote, insertPairing } from './repository.ts';

/** Each street's and township's leader mentoring its youngest cadre, with two notes (after cadres). */
export async function seedDemoPairings(ctx: DemoSeedContext): Promise<void> {
  // the last year whose notes (up to August) lie in the past
  const year = ctx.now.getUTCFullYear() - (ctx.now.getUTCMonth() < 8 ? 1 : 0);
  for (const p of demoPairings(ctx.district, year)) {
    const cadreId = ctx.cadreIds.get(p.cadreKey);
    const mentor = await findCadre(ctx.client, ctx.cadreIds.get(p.mentorKey) ?? '');
    if (!cadreId || !mentor) throw new Error(`demo pairing ${p.cadreKey}: cadre not seeded`);
    const pairingId = await insertPairing(ctx.client, {
      cadreId,
      mentorId: mentor.id,
      mentorName: mentor.name,
      mentorPost: mentor.postTitle,
      focus: p.focus,
      startedOn: p.startedOn,
      createdBy: null,
    });
    for (const n of p.notes) {
      await insertNote(ctx.client, { pairingId, ...n, writtenBy: null, writtenByName: mentor.name });
    }
  }
}
