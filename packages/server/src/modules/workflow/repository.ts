import type { CaseKind, CaseStatus, CaseStep } from '@ganbu/core';
import type pg from 'pg';
import { queryRow, queryRows } from '../../db/rows.ts';

/**
 * Cases, their members and timeline, and inbox notices. Row-level security (app_rls_parties, migration
 * 0018) decides what is visible: a case is read by its unit's reader roles within the scope, the persons
 * named on it and its subject cadre.
 */

export interface CaseRecord {
  id: string;
  kind: string;
  packId: string;
  packEffectiveFrom: string;
  definition: CaseKind;
  orgId: string;
  orgPath: string;
  orgName: string;
  subjectCadreId: string | null;
  title: string;
  status: CaseStatus;
  currentStep: string | null;
  trail: string[];
  stepSince: string;
  dueOn: string | null;
  link: string | null;
  openedBy: string;
  openedByName: string;
  openedAt: string;
  closedAt: string | null;
  readerRoles: string[];
  partyIds: string[];
  members: { group: string; userIds: string[] }[];
}

interface CaseRow {
  id: string;
  kind: string;
  pack_id: string;
  pack_effective_from: string;
  definition: CaseKind;
  org_id: string;
  org_path: string;
  org_name: string | null;
  subject_cadre_id: string | null;
  title: string;
  status: CaseStatus;
  current_step: string | null;
  trail: string[];
  step_since: Date;
  due_on: string | null;
  link: string | null;
  opened_by: string;
  opened_by_name: string | null;
  opened_at: Date;
  closed_at: Date | null;
  reader_roles: string[];
  party_ids: string[];
  members: { group: string; userIds: string[] }[] | null;
}

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  kind: r.kind,
  packId: r.pack_id,
  packEffectiveFrom: r.pack_effective_from,
  definition: r.definition,
  orgId: r.org_id,
  orgPath: r.org_path,
  orgName: r.org_name ?? '',
  subjectCadreId: r.subject_cadre_id,
  title: r.title,
  status: r.status,
  currentStep: r.current_step,
  trail: r.trail,
  stepSince: r.step_since.toISOString(),
  dueOn: r.due_on,
  link: r.link,
  openedBy: r.opened_by,
  openedByName: r.opened_by_name ?? '',
  openedAt: r.opened_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  readerRoles: r.reader_roles,
  partyIds: r.party_ids,
  members: r.members ?? [],
});

// The unit's name from orgs when the reader's scope shows it (a cadre reading the appeal about a round of a
// unit above their own sees none); the opener's name as the timeline's first event recorded it.
const SELECT = `
  SELECT c.id, c.kind, c.pack_id, c.pack_effective_from::text AS pack_effective_from, c.definition,
         c.org_id, c.org_path::text AS org_path, o.name AS org_name, c.subject_cadre_id, c.title, c.status,
         c.current_step, c.trail, c.step_since, c.due_on::text AS due_on, c.link, c.opened_by,
         (SELECT e.actor_name FROM case_events e WHERE e.case_id = c.id AND e.seq = 1) AS opened_by_name,
         c.opened_at, c.closed_at, c.reader_roles, c.party_ids,
         (SELECT json_agg(json_build_object('group', g.member_group, 'userIds', g.user_ids) ORDER BY g.member_group)
            FROM (SELECT m.member_group, array_agg(m.user_id ORDER BY m.user_id) AS user_ids
                    FROM case_members m WHERE m.case_id = c.id GROUP BY m.member_group) g) AS members
    FROM cases c
    LEFT JOIN orgs o ON o.id = c.org_id`;

/** One case; `forUpdate` locks it so that two actions on one case run one after the other. */
export async function findCase(
  client: pg.ClientBase,
  id: string,
  forUpdate = false,
): Promise<CaseRecord | null> {
  return queryRow(client, `${SELECT} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id], toCase);
}

/**
 * An open case as the inbox needs it: no full kind, only its name and the current step's definition (who
 * acts there), and the members only when that step is the members'. Light enough for thousands of rows.
 */
export interface OpenCaseHead {
  id: string;
  kind: string;
  kindName: string;
  title: string;
  link: string | null;
  currentStep: CaseStep;
  stepSince: string;
  dueOn: string | null;
  openedBy: string;
  openedAt: string;
  orgPath: string;
  subjectCadreId: string | null;
  members: { group: string; userIds: string[] }[];
}

interface OpenCaseHeadRow {
  id: string;
  kind: string;
  kind_name: string;
  title: string;
  link: string | null;
  current_step: CaseStep;
  step_since: Date;
  due_on: string | null;
  opened_by: string;
  opened_at: Date;
  org_path: string;
  subject_cadre_id: string | null;
  members: { group: string; userIds: string[] }[] | null;
}

const toHead = (r: OpenCaseHeadRow): OpenCaseHead => ({
  id: r.id,
  kind: r.kind,
  kindName: r.kind_name,
  title: r.title,
  link: r.link,
  currentStep: r.current_step,
  stepSince: r.step_since.toISOString(),
  dueOn: r.due_on,
  openedBy: r.opened_by,
  openedAt: r.opened_at.toISOString(),
  orgPath: r.org_path,
  subjectCadreId: r.subject_cadre_id,
  members: r.members ?? [],
});

/** Every open case the reader can see (or only those `openedBy` opened), deadline first. */
export async function listOpenCaseHeads(
  client: pg.ClientBase,
  openedBy: string | null,
): Promise<OpenCaseHead[]> {
  return queryRows(
    client,
    `SELECT c.id, c.kind, c.definition->>'name' AS kind_name, c.title, c.link, s.step AS current_step, c.step_since,
            c.due_on::text AS due_on, c.opened_by, c.opened_at, c.org_path::text AS org_path, c.subject_cadre_id,
            CASE WHEN s.step->'actor'->>'by' = 'members' THEN
              (SELECT json_agg(json_build_object('group', g.member_group, 'userIds', g.user_ids))
                 FROM (SELECT m.member_group, array_agg(m.user_id) AS user_ids
                         FROM case_members m WHERE m.case_id = c.id GROUP BY m.member_group) g)
            END AS members
       FROM cases c
      CROSS JOIN LATERAL (SELECT jsonb_path_query_first(c.definition, '$.steps[*] ? (@.id == $s)',
                                                        jsonb_build_object('s', c.current_step)) AS step) s
      WHERE c.status = 'open' AND ($1::uuid IS NULL OR c.opened_by = $1)
      ORDER BY c.due_on NULLS LAST, c.step_since`,
    [openedBy],
    toHead,
  );
}

export async function insertCase(
  client: pg.ClientBase,
  c: {
    id: string;
    kind: string;
    packId: string;
    packEffectiveFrom: string;
    definition: CaseKind;
    orgId: string;
    orgPath: string;
    subjectCadreId: string | null;
    title: string;
    status: CaseStatus;
    currentStep: string | null;
    trail: readonly string[];
    stepSince: string;
    dueOn: string | null;
    link: string | null;
    openedBy: string;
    openedAt: string;
    readerRoles: readonly string[];
    partyIds: readonly string[];
    members: readonly { group: string; userIds: readonly string[] }[];
  },
): Promise<void> {
  await client.query(
    `INSERT INTO cases (id, kind, pack_id, pack_effective_from, definition, org_id, org_path, subject_cadre_id,
                        title, status, current_step, trail, step_since, due_on, link, opened_by, opened_at,
                        reader_roles, party_ids)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::ltree, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      c.id,
      c.kind,
      c.packId,
      c.packEffectiveFrom,
      JSON.stringify(c.definition),
      c.orgId,
      c.orgPath,
      c.subjectCadreId,
      c.title,
      c.status,
      c.currentStep,
      c.trail,
      c.stepSince,
      c.dueOn,
      c.link,
      c.openedBy,
      c.openedAt,
      c.readerRoles,
      c.partyIds,
    ],
  );
  for (const m of c.members)
    await client.query(
      `INSERT INTO case_members (case_id, member_group, user_id) SELECT $1, $2, unnest($3::uuid[])
       ON CONFLICT DO NOTHING`,
      [c.id, m.group, m.userIds],
    );
}

/**
 * Name more persons in a group of a case (联席会议成员 chosen after the case opened): members and parties only
 * grow, as the grants allow (case_members has no DELETE).
 */
export async function addCaseMembers(
  client: pg.ClientBase,
  caseId: string,
  group: string,
  userIds: readonly string[],
): Promise<void> {
  await client.query(
    `INSERT INTO case_members (case_id, member_group, user_id) SELECT $1, $2, unnest($3::uuid[])
     ON CONFLICT DO NOTHING`,
    [caseId, group, userIds],
  );
  await client.query(
    `UPDATE cases SET party_ids = ARRAY(SELECT DISTINCT unnest(party_ids || $2::uuid[])) WHERE id = $1`,
    [caseId, userIds],
  );
}

/** Move a case to the state an action led to. */
export async function updateCaseState(
  client: pg.ClientBase,
  id: string,
  s: {
    status: CaseStatus;
    currentStep: string | null;
    trail: readonly string[];
    stepSince: string;
    dueOn: string | null;
    closedAt: string | null;
  },
): Promise<void> {
  await client.query(
    `UPDATE cases SET status = $2, current_step = $3, trail = $4, step_since = $5, due_on = $6, closed_at = $7
      WHERE id = $1`,
    [id, s.status, s.currentStep, s.trail, s.stepSince, s.dueOn, s.closedAt],
  );
}

export interface CaseEventRecord {
  seq: number;
  step: string;
  action: string;
  actorId: string | null;
  actorName: string;
  at: string;
  comment: string;
  toStep: string | null;
  toStatus: CaseStatus;
}

interface EventRow {
  seq: number;
  step: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
  comment: string;
  to_step: string | null;
  to_status: CaseStatus;
}

const toEvent = (r: EventRow): CaseEventRecord => ({
  seq: r.seq,
  step: r.step,
  action: r.action,
  actorId: r.actor_id,
  actorName: r.actor_name,
  at: r.at.toISOString(),
  comment: r.comment,
  toStep: r.to_step,
  toStatus: r.to_status,
});

export async function listEvents(client: pg.ClientBase, caseId: string): Promise<CaseEventRecord[]> {
  return queryRows(
    client,
    `SELECT seq, step, action, actor_id, actor_name, at, comment, to_step, to_status
       FROM case_events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
    toEvent,
  );
}

/** Append an event after the last one (the case row is locked by the caller). */
export async function appendEvent(
  client: pg.ClientBase,
  caseId: string,
  e: Omit<CaseEventRecord, 'seq'>,
): Promise<number> {
  const { rows } = await client.query<{ seq: number }>(
    `INSERT INTO case_events (case_id, seq, step, action, actor_id, actor_name, at, comment, to_step, to_status)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM case_events WHERE case_id = $1
     RETURNING seq`,
    [caseId, e.step, e.action, e.actorId, e.actorName, e.at, e.comment, e.toStep, e.toStatus],
  );
  return rows[0]!.seq;
}

/** The account's display name (the user's own account is always visible to them). */
export async function displayNameOf(
  client: pg.ClientBase,
  userId: string,
  fallback: string,
): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT display_name AS name FROM users WHERE id = $1`,
    [userId],
  );
  return rows[0]?.name ?? fallback;
}

/**
 * Run `fn` in the 'system' context and return to the caller's scope (migration 0010's app_enter_system /
 * app_leave_system). Only for what the platform does on behalf of a module, never for a user's read: an
 * org's path and name by id when a case opens, and posting or resolving notices. A failure inside leaves
 * the transaction to the request's rollback, which drops the transaction-local settings with it.
 */
async function asSystem<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ saved: string[] }>('SELECT app_enter_system() AS saved');
  const saved = rows[0]!.saved;
  const result = await fn();
  await client.query('SELECT app_leave_system($1)', [saved]);
  return result;
}

/** An active unit's path and name by id (read past the scope: the opening module has checked the unit). */
export async function orgForCase(
  client: pg.ClientBase,
  orgId: string,
): Promise<{ id: string; path: string; name: string } | null> {
  return asSystem(client, () =>
    queryRow(
      client,
      `SELECT id, path::text AS path, name FROM orgs WHERE id = $1 AND active`,
      [orgId],
      (r: { id: string; path: string; name: string }) => r,
    ),
  );
}

// ---------------------------------------------------------------- inbox notices

export interface NoticeRecord {
  id: string;
  orgPath: string;
  recipientRoles: string[];
  recipientIds: string[];
  kind: string;
  kindName: string;
  title: string;
  link: string;
  dueOn: string | null;
  sourceKey: string;
  createdAt: string;
  resolvedAt: string | null;
}

interface NoticeRow {
  id: string;
  org_path: string;
  recipient_roles: string[];
  recipient_ids: string[];
  kind: string;
  kind_name: string;
  title: string;
  link: string;
  due_on: string | null;
  source_key: string;
  created_at: Date;
  resolved_at: Date | null;
}

const toNotice = (r: NoticeRow): NoticeRecord => ({
  id: r.id,
  orgPath: r.org_path,
  recipientRoles: r.recipient_roles,
  recipientIds: r.recipient_ids,
  kind: r.kind,
  kindName: r.kind_name,
  title: r.title,
  link: r.link,
  dueOn: r.due_on,
  sourceKey: r.source_key,
  createdAt: r.created_at.toISOString(),
  resolvedAt: r.resolved_at?.toISOString() ?? null,
});

const NOTICE_COLUMNS = `id, org_path::text AS org_path, recipient_roles, recipient_ids, kind, kind_name, title, link,
  due_on::text AS due_on, source_key, created_at, resolved_at`;

/** The unresolved notices addressed to the reader (row-level security selects exactly the recipients). */
export async function listOpenNotices(client: pg.ClientBase): Promise<NoticeRecord[]> {
  return queryRows(
    client,
    `SELECT ${NOTICE_COLUMNS} FROM inbox_notices WHERE resolved_at IS NULL ORDER BY due_on NULLS LAST, created_at`,
    [],
    toNotice,
  );
}

/** Post a notice once per source key (a second post with the same key changes nothing); true when new. */
export async function insertNotice(
  client: pg.ClientBase,
  n: Omit<NoticeRecord, 'id' | 'resolvedAt'>,
): Promise<boolean> {
  return asSystem(client, async () => {
    const res = await client.query(
      `INSERT INTO inbox_notices (org_path, recipient_roles, recipient_ids, kind, kind_name, title, link, due_on,
                                  source_key, created_at)
       VALUES ($1::ltree, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (source_key) DO NOTHING`,
      [
        n.orgPath,
        n.recipientRoles,
        n.recipientIds,
        n.kind,
        n.kindName,
        n.title,
        n.link,
        n.dueOn,
        n.sourceKey,
        n.createdAt,
      ],
    );
    return res.rowCount === 1;
  });
}

/** Resolve the unresolved notices of a source key; the number resolved. */
export async function resolveNoticesByKey(
  client: pg.ClientBase,
  sourceKey: string,
  at: string,
): Promise<number> {
  return asSystem(client, async () => {
    const res = await client.query(
      `UPDATE inbox_notices SET resolved_at = $2 WHERE source_key = $1 AND resolved_at IS NULL`,
      [sourceKey, at],
    );
    return res.rowCount ?? 0;
  });
}
