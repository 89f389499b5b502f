import { findCadre, insertNote, insertPairing } from '../../src/modules/pairing/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/** A pairing of `mentorId` with `cadreId` through the module's repository, with optional notes. */
export async function newPairing(
  db: TestDb,
  p: {
    cadreId: string;
    mentorId: string;
    focus?: string;
    startedOn?: string;
    notes?: { notedOn: string; content: string }[];
  },
): Promise<string> {
  return asSystem(db, async (client) => {
    const mentor = await findCadre(client, p.mentorId);
    if (!mentor) throw new Error(`newPairing: no cadre ${p.mentorId}`);
    const id = await insertPairing(client, {
      cadreId: p.cadreId,
      mentorId: mentor.id,
      mentorName: mentor.name,
      mentorPost: mentor.postTitle,
      focus: p.focus ?? '群众工作方法',
      startedOn: p.startedOn ?? '2026-03-01',
      createdBy: null,
    });
    for (const n of p.notes ?? []) {
      await insertNote(client, { pairingId: id, ...n, writtenBy: null, writtenByName: mentor.name });
    }
    return id;
  });
}
