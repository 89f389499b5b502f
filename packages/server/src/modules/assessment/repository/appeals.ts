import type { CaseStatus } from '@ganbu/core';
import type pg from 'pg';

/** `assessment_appeals`: a result appealed by its cadre, tied to the workflow case that carries it. */

/** The target appealed, as the caller's scope shows it (null when not visible). */
export interface AppealTarget {
  id: string;
  cadreId: string | null;
  name: string;
  roundName: string;
  roundState: string;
  orgId: string;
}

export async function selectAppealTarget(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<AppealTarget | null> {
  const { rows } = await client.query<AppealTarget>(
    `SELECT t.id, t.cadre_id AS "cadreId", t.name, r.name AS "roundName", r.state AS "roundState",
            r.org_id AS "orgId"
       FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.id = $1 AND t.round_id = $2`,
    [targetId, roundId],
  );
  return rows[0] ?? null;
}

/** Is an appeal of this target still being handled (its case open)? */
export async function hasOpenAppeal(client: pg.ClientBase, targetId: string): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM assessment_appeals a JOIN cases c ON c.id = a.case_id
      WHERE a.target_id = $1 AND c.status = 'open'`,
    [targetId],
  );
  return rows.length > 0;
}

export async function insertAppeal(client: pg.ClientBase, targetId: string, caseId: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO assessment_appeals (target_id, case_id) VALUES ($1, $2) RETURNING id`,
    [targetId, caseId],
  );
  return rows[0]!.id;
}

interface AppealRow {
  id: string;
  roundId: string;
  targetId: string;
  caseId: string;
  status: CaseStatus;
  stepName: string | null;
  openedAt: Date;
}

/** The appeals of the caller's own results (targets of her cadre), newest first. */
export async function listOwnAppeals(client: pg.ClientBase, cadreId: string) {
  const { rows } = await client.query<AppealRow>(
    `SELECT a.id, t.round_id AS "roundId", a.target_id AS "targetId", a.case_id AS "caseId", c.status,
            (SELECT s->>'name' FROM jsonb_array_elements(c.definition->'steps') s
              WHERE s->>'id' = c.current_step) AS "stepName",
            c.opened_at AS "openedAt"
       FROM assessment_appeals a
       JOIN assessment_targets t ON t.id = a.target_id
       JOIN cases c ON c.id = a.case_id
      WHERE t.cadre_id = $1
      ORDER BY c.opened_at DESC, a.id`,
    [cadreId],
  );
  return rows.map((r) => ({ ...r, openedAt: r.openedAt.toISOString() }));
}

/** The targets of this cadre in published rounds (the results she may appeal). */
export async function listAppealableTargets(client: pg.ClientBase, cadreId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT t.id FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.cadre_id = $1 AND r.state = 'published' ORDER BY t.id`,
    [cadreId],
  );
  return rows.map((r) => r.id);
}
