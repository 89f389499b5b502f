import type { RoleKind, SelectionProcessKind } from '@ganbu/core';
import type pg from 'pg';

/** The process kind as copied onto a process: the pack's kind, the case's step names, the review rule. */
export interface StoredKind extends SelectionProcessKind {
  /** the case kind's steps in order (absent on rows written without it: the step ids stand in) */
  caseSteps?: { id: string; name: string }[];
  /** the pack's post-appointment review when the process opened (null: none scheduled) */
  postReview?: { afterMonths: number; schemeId: string | null } | null;
  /** the pack's name (the review's due date is explained by it) */
  packName?: string;
}

export interface ProcessRow {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  title: string;
  packId: string;
  kindId: string;
  kind: StoredKind;
  postTitle: string;
  postRank: string;
  postRoleKind: RoleKind;
  postIsLeadership: boolean;
  positions: number;
  caseId: string | null;
  state: 'open' | 'done' | 'rejected' | 'withdrawn';
  appointedOn: string | null;
  createdAt: string;
}

const PROCESS_COLUMNS = `p.id, p.org_id AS "orgId", p.org_path::text AS "orgPath", o.name AS "orgName", p.title,
  p.pack_id AS "packId", p.kind_id AS "kindId", p.kind, p.post_title AS "postTitle", p.post_rank AS "postRank",
  p.post_role_kind AS "postRoleKind", p.post_is_leadership AS "postIsLeadership", p.positions,
  p.case_id AS "caseId", p.state, to_char(p.appointed_on, 'YYYY-MM-DD') AS "appointedOn",
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export async function insertProcess(
  client: pg.ClientBase,
  p: {
    orgId: string;
    orgPath: string;
    title: string;
    packId: string;
    packEffectiveFrom: string;
    kindId: string;
    kind: StoredKind;
    post: { title: string; rank: string; roleKind: string; isLeadership: boolean };
    positions: number;
    caseId: string;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_processes (org_id, org_path, title, pack_id, pack_effective_from, kind_id, kind,
       post_title, post_rank, post_role_kind, post_is_leadership, positions, case_id, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      p.orgId,
      p.orgPath,
      p.title,
      p.packId,
      p.packEffectiveFrom,
      p.kindId,
      JSON.stringify(p.kind),
      p.post.title,
      p.post.rank,
      p.post.roleKind,
      p.post.isLeadership,
      p.positions,
      p.caseId,
      p.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function findProcess(
  client: pg.ClientBase,
  id: string,
  forUpdate = false,
): Promise<ProcessRow | null> {
  const { rows } = await client.query<ProcessRow>(
    `SELECT ${PROCESS_COLUMNS} FROM selection_processes p JOIN orgs o ON o.id = p.org_id WHERE p.id = $1
     ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function processOfCase(client: pg.ClientBase, caseId: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM selection_processes WHERE case_id = $1`,
    [caseId],
  );
  return rows[0]?.id ?? null;
}

export async function listProcesses(
  client: pg.ClientBase,
  q: { state?: string | undefined; orgId?: string | undefined },
): Promise<ProcessRow[]> {
  const { rows } = await client.query<ProcessRow>(
    `SELECT ${PROCESS_COLUMNS} FROM selection_processes p JOIN orgs o ON o.id = p.org_id
      WHERE ($1::text IS NULL OR p.state = $1)
        AND ($2::uuid IS NULL OR p.org_path <@ (SELECT path FROM orgs WHERE id = $2))
      ORDER BY p.created_at DESC, p.id`,
    [q.state ?? null, q.orgId ?? null],
  );
  return rows;
}

export async function setProcessState(
  client: pg.ClientBase,
  id: string,
  state: ProcessRow['state'],
  appointedOn: string | null = null,
): Promise<void> {
  await client.query(
    `UPDATE selection_processes SET state = $2, appointed_on = COALESCE($3::date, appointed_on), updated_at = now()
      WHERE id = $1`,
    [id, state, appointedOn],
  );
}

/** The case's place (read in the system scope by the caller: every reader of the process sees where it is). */
export interface CaseHead {
  id: string;
  status: 'open' | 'done' | 'rejected' | 'withdrawn';
  currentStep: string | null;
  trail: string[];
  dueOn: string | null;
}

export async function caseHeads(
  client: pg.ClientBase,
  ids: readonly string[],
): Promise<Map<string, CaseHead>> {
  if (!ids.length) return new Map();
  const { rows } = await client.query<CaseHead>(
    `SELECT id, status, current_step AS "currentStep", trail, to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
       FROM cases WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------- candidates

export interface CandidateRow {
  id: string;
  cadreId: string;
  name: string;
  gender: string;
  birthDate: string | null;
  education: string;
  orgName: string;
  postTitle: string;
  rank: string;
  eligibility: { eligible: boolean; reasons: string[]; date: string };
  status: 'in' | 'out' | 'chosen' | 'appointed';
  outStep: string | null;
  outReason: string;
}

export async function listCandidates(client: pg.ClientBase, processId: string): Promise<CandidateRow[]> {
  const { rows } = await client.query<CandidateRow>(
    `SELECT s.id, s.cadre_id AS "cadreId", COALESCE(c.name, '') AS name, COALESCE(c.gender, '') AS gender,
            c.birth_date AS "birthDate",
            COALESCE(NULLIF(c.full_time_education->>'education', ''), c.in_service_education->>'education', '')
              AS education,
            COALESCE(o.name, '') AS "orgName", COALESCE(c.post_title, '') AS "postTitle",
            COALESCE(c.rank, '') AS rank, s.eligibility, s.status, s.out_step AS "outStep", s.out_reason AS "outReason"
       FROM selection_candidates s
       LEFT JOIN cadres c ON c.id = s.cadre_id
       LEFT JOIN orgs o ON o.id = c.org_id
      WHERE s.process_id = $1
      ORDER BY s.sort_order, s.added_at, s.id`,
    [processId],
  );
  return rows;
}

export async function insertCandidate(
  client: pg.ClientBase,
  c: { processId: string; cadreId: string; eligibility: CandidateRow['eligibility']; addedBy: string },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_candidates (process_id, cadre_id, eligibility, added_by, sort_order)
     VALUES ($1, $2, $3, $4, (SELECT count(*) FROM selection_candidates WHERE process_id = $1))
     ON CONFLICT (process_id, cadre_id) DO NOTHING RETURNING id`,
    [c.processId, c.cadreId, JSON.stringify(c.eligibility), c.addedBy],
  );
  return rows[0]?.id ?? null;
}

export async function setCandidateStatus(
  client: pg.ClientBase,
  id: string,
  status: CandidateRow['status'],
  out: { step: string | null; reason: string } = { step: null, reason: '' },
): Promise<void> {
  await client.query(
    `UPDATE selection_candidates SET status = $2, out_step = $3, out_reason = $4 WHERE id = $1`,
    [id, status, out.step, out.reason.slice(0, 300)],
  );
}

// ---------------------------------------------------------------- results

export interface ResultRow {
  stepId: string;
  candidateId: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  score: number | null;
  passed: boolean | null;
  finding: string;
}

export async function listResults(client: pg.ClientBase, processId: string): Promise<ResultRow[]> {
  const { rows } = await client.query<ResultRow>(
    `SELECT r.step_id AS "stepId", r.candidate_id AS "candidateId", r.votes_for AS "votesFor",
            r.votes_against AS "votesAgainst", r.votes_abstain AS "votesAbstain", r.score::float8 AS score,
            r.passed, r.finding
       FROM selection_step_results r JOIN selection_candidates s ON s.id = r.candidate_id
      WHERE r.process_id = $1 ORDER BY r.step_id, s.sort_order, s.id`,
    [processId],
  );
  return rows;
}

export async function upsertResult(
  client: pg.ClientBase,
  processId: string,
  r: ResultRow,
  recordedBy: string,
): Promise<void> {
  await client.query(
    `INSERT INTO selection_step_results (process_id, step_id, candidate_id, votes_for, votes_against,
       votes_abstain, score, passed, finding, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (process_id, step_id, candidate_id) DO UPDATE SET votes_for = EXCLUDED.votes_for,
       votes_against = EXCLUDED.votes_against, votes_abstain = EXCLUDED.votes_abstain, score = EXCLUDED.score,
       passed = EXCLUDED.passed, finding = EXCLUDED.finding, recorded_by = EXCLUDED.recorded_by,
       recorded_at = now()`,
    [
      processId,
      r.stepId,
      r.candidateId,
      r.votesFor,
      r.votesAgainst,
      r.votesAbstain,
      r.score,
      r.passed,
      r.finding,
      recordedBy,
    ],
  );
}

// ---------------------------------------------------------------- notices and objections

export interface NoticeRow {
  id: string;
  stepId: string;
  start: string;
  end: string;
  workingDays: number;
  contact: string;
}

export async function listNotices(client: pg.ClientBase, processId: string): Promise<NoticeRow[]> {
  const { rows } = await client.query<NoticeRow>(
    `SELECT id, step_id AS "stepId", to_char(start_on, 'YYYY-MM-DD') AS start, to_char(end_on, 'YYYY-MM-DD') AS "end",
            working_days AS "workingDays", contact
       FROM selection_notices WHERE process_id = $1 ORDER BY start_on, created_at, id`,
    [processId],
  );
  return rows;
}

export async function insertNotice(
  client: pg.ClientBase,
  n: Omit<NoticeRow, 'id'> & { processId: string; createdBy: string },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_notices (process_id, step_id, start_on, working_days, end_on, contact, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (process_id, step_id) DO NOTHING RETURNING id`,
    [n.processId, n.stepId, n.start, n.workingDays, n.end, n.contact, n.createdBy],
  );
  return rows[0]?.id ?? null;
}

export interface ObjectionRow {
  id: string;
  noticeId: string;
  candidateId: string | null;
  receivedOn: string;
  channel: string;
  summary: string;
  status: 'open' | 'closed';
  finding: 'unfounded' | 'partly' | 'founded' | null;
  handling: string;
  closedOn: string | null;
}

const OBJECTION_COLUMNS = `j.id, j.notice_id AS "noticeId", j.candidate_id AS "candidateId",
  to_char(j.received_on, 'YYYY-MM-DD') AS "receivedOn", j.channel, j.summary, j.status, j.finding, j.handling,
  to_char(j.closed_on, 'YYYY-MM-DD') AS "closedOn"`;

export async function listObjections(client: pg.ClientBase, processId: string): Promise<ObjectionRow[]> {
  const { rows } = await client.query<ObjectionRow>(
    `SELECT ${OBJECTION_COLUMNS} FROM selection_objections j JOIN selection_notices n ON n.id = j.notice_id
      WHERE n.process_id = $1 ORDER BY j.received_on, j.recorded_at, j.id`,
    [processId],
  );
  return rows;
}

export async function insertObjection(
  client: pg.ClientBase,
  o: {
    noticeId: string;
    candidateId: string | null;
    receivedOn: string;
    channel: string;
    summary: string;
    recordedBy: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_objections (notice_id, candidate_id, received_on, channel, summary, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.noticeId, o.candidateId, o.receivedOn, o.channel, o.summary, o.recordedBy],
  );
  return rows[0]!.id;
}

export async function findObjection(
  client: pg.ClientBase,
  processId: string,
  id: string,
): Promise<ObjectionRow | null> {
  const { rows } = await client.query<ObjectionRow>(
    `SELECT ${OBJECTION_COLUMNS} FROM selection_objections j JOIN selection_notices n ON n.id = j.notice_id
      WHERE n.process_id = $1 AND j.id = $2 FOR UPDATE OF j`,
    [processId, id],
  );
  return rows[0] ?? null;
}

export async function closeObjection(
  client: pg.ClientBase,
  id: string,
  c: { finding: string; handling: string; closedOn: string },
): Promise<void> {
  await client.query(
    `UPDATE selection_objections SET status = 'closed', finding = $2, handling = $3, closed_on = $4 WHERE id = $1`,
    [id, c.finding, c.handling, c.closedOn],
  );
}

// ---------------------------------------------------------------- registry helpers

export async function cadreVisible(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const { rows } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM cadres WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function orgInScope(
  client: pg.ClientBase,
  orgId: string,
): Promise<{ id: string; name: string; path: string; kind: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string; kind: string }>(
    `SELECT id, name, path::text, kind FROM orgs
      WHERE id = $1 AND active AND path <@ (SELECT app_scope_root())
        AND ((SELECT app_scope_exact()) IS NULL OR path = (SELECT app_scope_exact()))`,
    [orgId],
  );
  return rows[0] ?? null;
}

export async function orgName(client: pg.ClientBase, orgId: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM orgs WHERE id = $1`, [orgId]);
  return rows[0]?.name ?? '';
}
