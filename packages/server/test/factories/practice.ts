import { findCadre, insertPosting } from '../../src/modules/training/practice/repository.ts';
import { insertActivity, upsertProfile } from '../../src/modules/training/stations/repository.ts';
import type { TestDb } from '../helpers.ts';
import { newOrg } from './org.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): a remote-education station in the foreign village and a practice posting of the foreign cadre.
 * Every value is an id of a row in the foreign street's scope; the fixture adds them all to `foreignIds`
 * (none may appear in an answer to a user outside it).
 */
export type PracticeRows = Record<string, string>;

/** A practice posting of `cadreId` through the module's repository (巡察 of the shipped packs by default). */
export async function newPosting(
  db: TestDb,
  p: {
    cadreId: string;
    kind?: string;
    kindName?: string;
    post?: string;
    startedOn?: string;
    endsOn?: string;
    hostOrgId?: string | null;
  },
): Promise<string> {
  return asSystem(db, async (client) => {
    const cadre = await findCadre(client, p.cadreId);
    if (!cadre) throw new Error(`newPosting: no cadre ${p.cadreId}`);
    return insertPosting(client, {
      cadreId: cadre.id,
      kind: p.kind ?? 'inspection_tour',
      kindName: p.kindName ?? '巡察',
      post: p.post ?? '区委第二巡察组',
      hostOrgId: p.hostOrgId ?? null,
      hostName: '',
      startedOn: p.startedOn ?? '2026-03-01',
      endsOn: p.endsOn ?? '2026-08-31',
      createdBy: null,
    });
  });
}

/** A station unit under `parentId` with its register entry (manager) and one activity. */
export async function newStation(
  db: TestDb,
  s: { parentId: string; managerId?: string | null; name?: string; activityOn?: string },
): Promise<{ stationId: string; activityId: string }> {
  const org = await newOrg(db, { parentId: s.parentId, kind: 'station', name: s.name });
  return asSystem(db, async (client) => {
    const manager = s.managerId ? await findCadre(client, s.managerId) : null;
    await upsertProfile(client, org.id, {
      managerId: manager?.id ?? null,
      managerName: manager?.name ?? '',
      address: '村委会二楼',
      equipment: '卫星接收设备一套',
    });
    const activityId = await insertActivity(client, {
      orgId: org.id,
      heldOn: s.activityOn ?? '2026-09-15',
      topic: '收看党课视频',
      attendees: 18,
      createdBy: null,
    });
    return { stationId: org.id, activityId };
  });
}

export async function newPracticeRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<PracticeRows> {
  const postingId = await newPosting(db, { cadreId: r.cadreId, hostOrgId: r.villageId });
  const { stationId, activityId } = await newStation(db, { parentId: r.villageId, managerId: r.cadreId });
  return { postingId, stationId, activityId };
}
