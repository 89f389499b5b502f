import {
  insertContent,
  insertLeader,
  insertRequest,
  insertTalk,
} from '../../src/modules/care/talks/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';
import { newCase } from './workflow.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): a talk held with the foreign cadre (its
 * fact and restricted content share the id) and a two-way appointment the foreign cadre asked for. The
 * leader is the district's (not the foreign street's: leaders are readable by every signed-in user) and has
 * no account. Every value is an id of a row in the foreign street's scope (none may appear in an answer to a
 * user outside it).
 */
export type CareTalkRows = Record<string, string>;

export async function newCareTalkRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<CareTalkRows> {
  const caseId = await newCase(db, {
    // the factory writes any shipped kind the same way; this one is the care module's 双向约谈
    kind: 'talk_request' as 'grade_appeal',
    orgId: r.orgId,
    openedBy: r.cadreUserId,
    subjectCadreId: r.cadreId,
    title: '越权测试约谈',
  });
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ id: string; path: string }>(
      `SELECT id, path::text AS path FROM orgs WHERE parent_id IS NULL ORDER BY path LIMIT 1`,
    );
    const top = rows[0] as { id: string; path: string };
    const { rows: cadres } = await client.query<{ org_path: string }>(
      'SELECT org_path::text AS org_path FROM cadres WHERE id = $1',
      [r.cadreId],
    );
    const orgPath = (cadres[0] as { org_path: string }).org_path;
    const leaderId = await insertLeader(client, {
      orgId: top.id,
      orgPath: top.path,
      name: '越权测试领导',
      title: '区委常委',
      kind: 'linked',
      userId: null,
      cadreId: null,
      createdBy: null,
    });
    const talkId = await insertTalk(client, {
      leaderId,
      cadreId: r.cadreId,
      orgPath,
      heldOn: '2026-05-06',
      form: 'individual',
      createdBy: null,
    });
    await insertContent(client, { talkId, orgPath, topics: '越权测试谈话', notes: '', partyIds: [r.userId] });
    const requestId = await insertRequest(client, {
      caseId,
      leaderId,
      cadreId: r.cadreId,
      createdAt: '2026-11-02T01:00:00.000Z',
      dueOn: null,
    });
    return { talkId, requestId };
  });
}
