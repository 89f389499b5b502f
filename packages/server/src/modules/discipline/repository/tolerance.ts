import type { ToleranceCase, ToleranceChecklist, ToleranceOutcome } from '@ganbu/core';
import type pg from 'pg';
import { queryRow, queryRows } from '../../../db/rows.ts';

/**
 * 容错纠错 cases with their records, committee, measures and follow-ups. Row-level security: 组织部 and
 * 纪检联络 in scope, the cadre their own case, whoever applied their application.
 */

interface CaseRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  applied_by: ToleranceCase['appliedBy'];
  applied_on: string;
  facts_on: string | null;
  facts: string;
  outcome: ToleranceOutcome | null;
  decided_on: string | null;
  investigated_on: string | null;
  case_id: string | null;
}

const toCase = (r: CaseRow): ToleranceCase => ({
  id: r.id,
  cadreId: r.cadre_id,
  cadreName: r.cadre_name,
  unitName: r.unit_name,
  appliedBy: r.applied_by,
  appliedOn: r.applied_on,
  factsOn: r.facts_on,
  facts: r.facts,
  outcome: r.outcome,
  decidedOn: r.decided_on,
  investigatedOn: r.investigated_on,
  caseId: r.case_id,
});

const SELECT = `
  SELECT t.id, t.cadre_id, c.name AS cadre_name, o.name AS unit_name, t.applied_by, t.applied_on::text AS applied_on,
         t.facts_on::text AS facts_on, t.facts, t.outcome, t.decided_on::text AS decided_on,
         t.investigated_on::text AS investigated_on, t.case_id
    FROM tolerance_cases t
    JOIN cadres c ON c.id = t.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export async function listCases(
  client: pg.ClientBase,
  f: { cadreId?: string; state?: 'open' | 'decided'; q?: string; limit: number; offset: number },
): Promise<{ items: ToleranceCase[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.cadreId) {
    params.push(f.cadreId);
    where.push(`t.cadre_id = $${params.length}`);
  }
  if (f.state) where.push(f.state === 'open' ? 't.outcome IS NULL' : 't.outcome IS NOT NULL');
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`c.name LIKE $${params.length}`);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<CaseRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${SELECT} ${filter}) x
      ORDER BY (outcome IS NULL) DESC, applied_on DESC, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.map(toCase), total: rows[0]?.total ?? 0 };
}

export async function findCase(client: pg.ClientBase, id: string): Promise<ToleranceCase | null> {
  return queryRow(client, `${SELECT} WHERE t.id = $1`, [id], toCase);
}

/** The parts of a case that only its detail shows. */
export interface CaseExtra {
  riskFilingId: string | null;
  checklist: ToleranceChecklist;
  investigation: string;
  decisionReason: string | null;
  decisionDocumentNo: string | null;
  committeeNames: string[];
  createdBy: string | null;
}

export async function findCaseExtra(client: pg.ClientBase, id: string): Promise<CaseExtra | null> {
  return queryRow<
    {
      risk_filing_id: string | null;
      checklist: ToleranceChecklist;
      investigation: string;
      decision_reason: string | null;
      decision_document_no: string | null;
      committee: string[];
      created_by: string | null;
    },
    CaseExtra
  >(
    client,
    `SELECT risk_filing_id, checklist, investigation, decision_reason, decision_document_no, committee, created_by
       FROM tolerance_cases WHERE id = $1`,
    [id],
    (r) => ({
      riskFilingId: r.risk_filing_id,
      checklist: r.checklist,
      investigation: r.investigation,
      decisionReason: r.decision_reason,
      decisionDocumentNo: r.decision_document_no,
      committeeNames: r.committee,
      createdBy: r.created_by,
    }),
  );
}

export async function insertCase(
  client: pg.ClientBase,
  c: {
    cadreId: string;
    appliedBy: ToleranceCase['appliedBy'];
    appliedOn: string;
    factsOn: string;
    facts: string;
    riskFilingId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO tolerance_cases (cadre_id, applied_by, applied_on, facts_on, facts, risk_filing_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [c.cadreId, c.appliedBy, c.appliedOn, c.factsOn, c.facts, c.riskFilingId, c.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function linkRecords(
  client: pg.ClientBase,
  caseId: string,
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await client.query(
    `INSERT INTO tolerance_case_records (tolerance_case_id, record_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [caseId, recordIds],
  );
}

export async function linkedRecordIds(client: pg.ClientBase, caseId: string): Promise<string[]> {
  const { rows } = await client.query<{ record_id: string }>(
    'SELECT record_id FROM tolerance_case_records WHERE tolerance_case_id = $1 ORDER BY record_id',
    [caseId],
  );
  return rows.map((r) => r.record_id);
}

export async function updateInvestigation(
  client: pg.ClientBase,
  id: string,
  p: { checklist?: ToleranceChecklist; investigation?: string; investigatedOn?: string },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE tolerance_cases SET checklist = coalesce($2::jsonb, checklist),
            investigation = coalesce($3, investigation), investigated_on = coalesce($4::date, investigated_on)
      WHERE id = $1 AND outcome IS NULL`,
    [id, p.checklist ? JSON.stringify(p.checklist) : null, p.investigation ?? null, p.investigatedOn ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function setCaseWorkflow(client: pg.ClientBase, id: string, caseId: string): Promise<void> {
  await client.query('UPDATE tolerance_cases SET case_id = $2 WHERE id = $1', [id, caseId]);
}

/** The tolerance case a workflow case carries (null: not one of ours, or not visible). */
export async function caseOfWorkflow(client: pg.ClientBase, caseId: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM tolerance_cases WHERE case_id = $1', [
    caseId,
  ]);
  return rows[0]?.id ?? null;
}

/** 调查核实 completed on a day, or open again (null); only before the decision. */
export async function setInvestigated(client: pg.ClientBase, id: string, on: string | null): Promise<void> {
  await client.query(
    `UPDATE tolerance_cases SET investigated_on = CASE WHEN $2::date IS NULL THEN NULL
                                                       ELSE coalesce(investigated_on, $2::date) END
      WHERE id = $1 AND outcome IS NULL`,
    [id, on],
  );
}

// ---------------------------------------------------------------- committee

export async function listCommittee(
  client: pg.ClientBase,
  caseId: string,
): Promise<{ userId: string; name: string }[]> {
  return queryRows<{ user_id: string; name: string }, { userId: string; name: string }>(
    client,
    'SELECT user_id, name FROM tolerance_committee_members WHERE tolerance_case_id = $1 ORDER BY name COLLATE "C", user_id',
    [caseId],
    (r) => ({ userId: r.user_id, name: r.name }),
  );
}

export async function replaceCommittee(
  client: pg.ClientBase,
  caseId: string,
  members: readonly { userId: string; name: string }[],
): Promise<void> {
  await client.query('DELETE FROM tolerance_committee_members WHERE tolerance_case_id = $1', [caseId]);
  await client.query(
    `INSERT INTO tolerance_committee_members (tolerance_case_id, user_id, name)
     SELECT $1, u, n FROM unnest($2::uuid[], $3::text[]) AS m(u, n)`,
    [caseId, members.map((m) => m.userId), members.map((m) => m.name)],
  );
}

/** Active accounts the user's scope shows that may sit on a committee (组织部, 纪检联络). */
export async function committeeCandidates(
  client: pg.ClientBase,
  userIds?: readonly string[],
): Promise<{ userId: string; name: string; unitName: string; roles: string[] }[]> {
  return queryRows<
    { id: string; display_name: string; unit_name: string; roles: string[] },
    { userId: string; name: string; unitName: string; roles: string[] }
  >(
    client,
    `SELECT u.id, u.display_name, coalesce(o.name, '') AS unit_name, u.roles::text[] AS roles
       FROM users u LEFT JOIN orgs o ON o.id = u.org_id
      WHERE u.active AND u.roles && ARRAY['orgdept', 'discipline']::text[]
        AND ($1::uuid[] IS NULL OR u.id = ANY($1::uuid[]))
      ORDER BY u.display_name, u.id`,
    [userIds ?? null],
    (r) => ({ userId: r.id, name: r.display_name, unitName: r.unit_name, roles: r.roles }),
  );
}

// ---------------------------------------------------------------- decision, measures, follow-ups

export async function decide(
  client: pg.ClientBase,
  id: string,
  d: {
    outcome: ToleranceOutcome;
    decidedOn: string;
    reason: string;
    documentNo: string;
    committee: string[];
  },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE tolerance_cases SET outcome = $2, decided_on = $3, decision_reason = $4, decision_document_no = $5,
            committee = $6 WHERE id = $1 AND outcome IS NULL`,
    [id, d.outcome, d.decidedOn, d.reason, d.documentNo, d.committee],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Keep only the decision's records linked (the decision applies to these). */
export async function keepRecords(
  client: pg.ClientBase,
  caseId: string,
  recordIds: readonly string[],
): Promise<void> {
  await client.query(
    'DELETE FROM tolerance_case_records WHERE tolerance_case_id = $1 AND NOT (record_id = ANY($2::uuid[]))',
    [caseId, recordIds],
  );
}

export async function listMeasures(client: pg.ClientBase, caseId: string) {
  return queryRows<
    { id: string; measure: string; due_on: string; done_on: string | null },
    { id: string; measure: string; dueOn: string; doneOn: string | null }
  >(
    client,
    `SELECT id, measure, due_on::text AS due_on, done_on::text AS done_on FROM tolerance_measures
      WHERE tolerance_case_id = $1 ORDER BY due_on, created_at, id`,
    [caseId],
    (r) => ({ id: r.id, measure: r.measure, dueOn: r.due_on, doneOn: r.done_on }),
  );
}

export async function insertMeasure(
  client: pg.ClientBase,
  caseId: string,
  m: { measure: string; dueOn: string },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO tolerance_measures (tolerance_case_id, measure, due_on) VALUES ($1, $2, $3) RETURNING id',
    [caseId, m.measure, m.dueOn],
  );
  return (rows[0] as { id: string }).id;
}

/** Mark done; null when the measure is not the case's, false when it was done already. */
export async function completeMeasure(
  client: pg.ClientBase,
  caseId: string,
  measureId: string,
  doneOn: string,
): Promise<boolean | null> {
  const { rows } = await client.query<{ done_on: string | null }>(
    'SELECT done_on::text AS done_on FROM tolerance_measures WHERE id = $1 AND tolerance_case_id = $2',
    [measureId, caseId],
  );
  if (!rows[0]) return null;
  if (rows[0].done_on !== null) return false;
  await client.query('UPDATE tolerance_measures SET done_on = $2 WHERE id = $1', [measureId, doneOn]);
  return true;
}

export async function listFollowups(client: pg.ClientBase, caseId: string) {
  return queryRows<
    { id: string; visited_on: string; notes: string; written_by_name: string },
    { id: string; visitedOn: string; notes: string; writtenBy: string }
  >(
    client,
    `SELECT id, visited_on::text AS visited_on, notes, written_by_name FROM tolerance_followups
      WHERE tolerance_case_id = $1 ORDER BY visited_on, created_at, id`,
    [caseId],
    (r) => ({ id: r.id, visitedOn: r.visited_on, notes: r.notes, writtenBy: r.written_by_name }),
  );
}

export async function insertFollowup(
  client: pg.ClientBase,
  caseId: string,
  f: { visitedOn: string; notes: string; writtenBy: string | null; writtenByName: string },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO tolerance_followups (tolerance_case_id, visited_on, notes, written_by, written_by_name)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [caseId, f.visitedOn, f.notes, f.writtenBy, f.writtenByName],
  );
  return (rows[0] as { id: string }).id;
}

/** The account's display name (its user name when the row is not visible). */
export async function displayNameOf(
  client: pg.ClientBase,
  userId: string | null,
  fallback: string,
): Promise<string> {
  if (!userId) return fallback;
  const { rows } = await client.query<{ display_name: string }>(
    'SELECT display_name FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]?.display_name ?? fallback;
}
