import type { TestDb } from '../helpers.ts';
import type pg from 'pg';
import { asSystem } from './system.ts';

/** The system scope reads every parent row; the confidential tables also want a reader/writer role. */
const asDiscipline = <T>(db: TestDb, fn: (client: pg.PoolClient) => Promise<T>) =>
  asSystem(db, async (client) => {
    await client.query(`SELECT set_config('app.roles', 'orgdept,discipline', true)`);
    return fn(client);
  });

/**
 * Strict-management rows written with plain SQL in the system scope: the discipline module's routes and
 * repository (another branch) write them in the product; these stand in for its factories until it is
 * merged.
 */
export async function newDisciplineRecord(
  db: TestDb,
  r: {
    cadreId: string;
    kind: string;
    grade?: string | null;
    decidedOn: string;
    documentNo?: string;
    revokedOn?: string;
  },
): Promise<string> {
  return asDiscipline(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO discipline_records (cadre_id, kind, grade, facts, decided_by, decided_on, document_no, revoked_on,
                                       revoked_reason)
       VALUES ($1, $2, $3, '测试事实', '区委组织部', $4, $5, $6, CASE WHEN $6::date IS NULL THEN NULL ELSE '复查撤销' END)
       RETURNING id`,
      [r.cadreId, r.kind, r.grade ?? null, r.decidedOn, r.documentNo ?? '', r.revokedOn ?? null],
    );
    return rows[0]!.id;
  });
}

export async function newToleranceDecision(
  db: TestDb,
  t: {
    cadreId: string;
    recordIds: string[];
    outcome: 'exempt' | 'lighter' | 'mitigated' | 'refused';
    decidedOn: string;
    documentNo: string;
  },
): Promise<string> {
  return asDiscipline(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO tolerance_cases (cadre_id, applied_by, applied_on, facts, outcome, decided_on, decision_reason,
                                    decision_document_no)
       VALUES ($1, 'unit', $2, '测试容错申请', $3, $2, '联席会议认定', $4) RETURNING id`,
      [t.cadreId, t.decidedOn, t.outcome, t.documentNo],
    );
    const id = rows[0]!.id;
    for (const recordId of t.recordIds)
      await client.query(
        `INSERT INTO tolerance_case_records (tolerance_case_id, record_id) VALUES ($1, $2)`,
        [id, recordId],
      );
    return id;
  });
}

export async function newClarification(
  db: TestDb,
  c: { cadreId: string; receivedOn: string; conclusion?: string; concludedOn?: string },
): Promise<string> {
  return asDiscipline(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO clarifications (cadre_id, received_on, channel, allegation, conclusion, concluded_on)
       VALUES ($1, $2, '信访举报', '测试反映', $3, $4) RETURNING id`,
      [c.cadreId, c.receivedOn, c.conclusion ?? null, c.concludedOn ?? null],
    );
    return rows[0]!.id;
  });
}
