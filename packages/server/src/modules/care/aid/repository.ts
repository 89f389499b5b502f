import type pg from 'pg';

/**
 * The SQL of `care/aid/`. Row-level security decides what is visible: a case is seen in the subtree of the
 * cadre's unit (and, by the row rule, by the cadre; the routes ask for care.read), a visit through its case.
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface ChecklistEntry {
  id: string;
  name: string;
  doneOn: string | null;
  note: string;
}

export interface CaseRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  kind_id: string;
  kind_name: string;
  follow_up_every_months: number;
  checklist: ChecklistEntry[];
  family_enc: string;
  opened_on: string;
  next_due_on: string | null;
  last_visit_on: string | null;
  status: 'open' | 'closed';
  closed_on: string | null;
  close_note: string;
}

const CASE_SELECT = `
  SELECT a.id, a.cadre_id, c.name AS cadre_name, a.org_id, o.name AS org_name, a.org_path::text AS org_path,
         a.kind_id, a.kind_name, a.follow_up_every_months, a.checklist, a.family_enc,
         a.opened_on::text AS opened_on, a.next_due_on::text AS next_due_on,
         (SELECT max(v.visited_on)::text FROM care_aid_visits v WHERE v.case_id = a.id) AS last_visit_on,
         a.status, a.closed_on::text AS closed_on, a.close_note
    FROM care_aid_cases a JOIN cadres c ON c.id = a.cadre_id JOIN orgs o ON o.id = a.org_id`;

export async function listCases(
  client: pg.ClientBase,
  f: {
    state?: string;
    kindId?: string;
    q?: string;
    today: string;
    soonLimit: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: CaseRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.kindId) where.push(`a.kind_id = ${p(f.kindId)}`);
  if (f.q) where.push(`c.name ILIKE ${p(like(f.q))}`);
  if (f.state === 'closed') where.push(`a.status = 'closed'`);
  else if (f.state === 'open') where.push(`a.status = 'open'`);
  else if (f.state === 'overdue') where.push(`a.status = 'open' AND a.next_due_on < ${p(f.today)}`);
  else if (f.state === 'due_soon')
    where.push(`a.status = 'open' AND a.next_due_on BETWEEN ${p(f.today)} AND ${p(f.soonLimit)}`);
  else if (f.state === 'scheduled') where.push(`a.status = 'open' AND a.next_due_on > ${p(f.soonLimit)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM care_aid_cases a JOIN cadres c ON c.id = a.cadre_id ${w}`,
    params,
  );
  const { rows } = await client.query<CaseRow>(
    `${CASE_SELECT} ${w}
      ORDER BY a.status, a.next_due_on NULLS LAST, a.opened_on DESC, a.id
      LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function findCase(client: pg.ClientBase, id: string, lock = false): Promise<CaseRow | null> {
  if (lock) await client.query('SELECT id FROM care_aid_cases WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await client.query<CaseRow>(`${CASE_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface CadreRef {
  id: string;
  name: string;
  orgId: string;
  orgPath: string;
}

export async function findCadre(client: pg.ClientBase, id: string): Promise<CadreRef | null> {
  const { rows } = await client.query<CadreRef>(
    `SELECT c.id, c.name, c.org_id AS "orgId", c.org_path::text AS "orgPath" FROM cadres c WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertCase(
  client: pg.ClientBase,
  r: {
    cadre: CadreRef;
    kindId: string;
    kindName: string;
    followUpEveryMonths: number;
    checklist: ChecklistEntry[];
    familyEnc: string;
    openedOn: string;
    nextDueOn: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO care_aid_cases (cadre_id, org_id, org_path, kind_id, kind_name, follow_up_every_months,
                                 checklist, family_enc, opened_on, next_due_on, created_by)
     VALUES ($1, $2, $3::ltree, $4, $5, $6, $7::jsonb, $8, $9, $10, $11) RETURNING id`,
    [
      r.cadre.id,
      r.cadre.orgId,
      r.cadre.orgPath,
      r.kindId,
      r.kindName,
      r.followUpEveryMonths,
      JSON.stringify(r.checklist),
      r.familyEnc,
      r.openedOn,
      r.nextDueOn,
      r.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function setChecklist(client: pg.ClientBase, id: string, list: ChecklistEntry[]): Promise<void> {
  await client.query('UPDATE care_aid_cases SET checklist = $2::jsonb WHERE id = $1', [
    id,
    JSON.stringify(list),
  ]);
}

export async function setNextDue(client: pg.ClientBase, id: string, nextDueOn: string | null): Promise<void> {
  await client.query('UPDATE care_aid_cases SET next_due_on = $2 WHERE id = $1', [id, nextDueOn]);
}

export async function closeCase(
  client: pg.ClientBase,
  id: string,
  c: { closedOn: string; note: string },
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE care_aid_cases SET status = 'closed', closed_on = $2, close_note = $3, next_due_on = NULL
      WHERE id = $1 AND status = 'open'`,
    [id, c.closedOn, c.note],
  );
  return (rowCount ?? 0) > 0;
}

export interface VisitRow {
  id: string;
  visited_on: string;
  visitors: string;
  content: string;
}

export async function listVisits(client: pg.ClientBase, caseId: string): Promise<VisitRow[]> {
  const { rows } = await client.query<VisitRow>(
    `SELECT id, visited_on::text AS visited_on, visitors, content FROM care_aid_visits
      WHERE case_id = $1 ORDER BY visited_on DESC, created_at DESC`,
    [caseId],
  );
  return rows;
}

export async function insertVisit(
  client: pg.ClientBase,
  v: { caseId: string; visitedOn: string; visitors: string; content: string; createdBy: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO care_aid_visits (case_id, visited_on, visitors, content, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [v.caseId, v.visitedOn, v.visitors, v.content, v.createdBy],
  );
  return rows[0]!.id;
}
