import type { CadreCondition, Talk, TalkLeader } from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams } from '../../selection/indicators/condition-sql.ts';

/** Row-level security decides what is visible (migration 0028); these queries add no scope of their own. */

// ---------------------------------------------------------------- leaders

interface LeaderRow {
  id: string;
  name: string;
  title: string;
  kind: TalkLeader['kind'];
  user_id: string | null;
  user_name: string | null;
  cadre_id: string | null;
  active: boolean;
  links: { orgId: string; orgName: string }[] | null;
}

const LEADER_SELECT = `
  SELECT l.id, l.name, l.title, l.kind, l.user_id, u.display_name AS user_name, l.cadre_id, l.active,
         (SELECT json_agg(json_build_object('orgId', o.id, 'orgName', o.name) ORDER BY o.path)
            FROM talk_leader_links k JOIN orgs o ON o.id = k.org_id WHERE k.leader_id = l.id) AS links
    FROM talk_leaders l LEFT JOIN users u ON u.id = l.user_id`;

const toLeader = (r: LeaderRow): TalkLeader => ({
  id: r.id,
  name: r.name,
  title: r.title,
  kind: r.kind,
  userId: r.user_id,
  userName: r.user_name,
  cadreId: r.cadre_id,
  active: r.active,
  links: r.links ?? [],
});

export async function listLeaders(client: pg.ClientBase): Promise<TalkLeader[]> {
  const { rows } = await client.query<LeaderRow>(
    `${LEADER_SELECT} ORDER BY l.active DESC, (l.kind = 'principal') DESC, l.created_at, l.id`,
  );
  return rows.map(toLeader);
}

export async function findLeader(client: pg.ClientBase, id: string): Promise<TalkLeader | null> {
  const { rows } = await client.query<LeaderRow>(`${LEADER_SELECT} WHERE l.id = $1`, [id]);
  return rows[0] ? toLeader(rows[0]) : null;
}

export async function leaderOfUser(client: pg.ClientBase, userId: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM talk_leaders WHERE user_id = $1 AND active',
    [userId],
  );
  return rows[0]?.id ?? null;
}

/** The top unit of the caller's scope (the district for 全部), or null. */
export async function scopeTop(
  client: pg.ClientBase,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text AS path FROM orgs
      WHERE CASE WHEN (SELECT app_scope_root()) = ''::ltree THEN parent_id IS NULL
                 ELSE path = (SELECT app_scope_root()) END
      ORDER BY path LIMIT 1`,
  );
  return rows[0] ?? null;
}

export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    'SELECT id, name, path::text AS path FROM orgs WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function insertLeader(
  client: pg.ClientBase,
  l: {
    orgId: string;
    orgPath: string;
    name: string;
    title: string;
    kind: TalkLeader['kind'];
    userId: string | null;
    cadreId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO talk_leaders (org_id, org_path, name, title, kind, user_id, cadre_id, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [l.orgId, l.orgPath, l.name, l.title, l.kind, l.userId, l.cadreId, l.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateLeader(
  client: pg.ClientBase,
  id: string,
  p: {
    name?: string;
    title?: string;
    kind?: TalkLeader['kind'];
    userId?: string | null;
    cadreId?: string | null;
    active?: boolean;
  },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE talk_leaders SET name = coalesce($2, name), title = coalesce($3, title), kind = coalesce($4, kind),
            user_id = CASE WHEN $5::boolean THEN $6::uuid ELSE user_id END,
            cadre_id = CASE WHEN $7::boolean THEN $8::uuid ELSE cadre_id END,
            active = coalesce($9, active)
      WHERE id = $1`,
    [
      id,
      p.name ?? null,
      p.title ?? null,
      p.kind ?? null,
      p.userId !== undefined,
      p.userId ?? null,
      p.cadreId !== undefined,
      p.cadreId ?? null,
      p.active ?? null,
    ],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function setLinks(client: pg.ClientBase, leaderId: string, orgIds: string[]): Promise<void> {
  await client.query('DELETE FROM talk_leader_links WHERE leader_id = $1', [leaderId]);
  if (orgIds.length)
    await client.query(`INSERT INTO talk_leader_links (leader_id, org_id) SELECT $1, unnest($2::uuid[])`, [
      leaderId,
      orgIds,
    ]);
}

/** How many of the ids are units the caller sees. */
export async function countVisibleOrgs(client: pg.ClientBase, ids: string[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM orgs WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return rows[0]?.n ?? 0;
}

export async function userExists(client: pg.ClientBase, id: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM users WHERE id = $1', [id]);
  return rows.length > 0;
}

// ---------------------------------------------------------------- talks

export async function findCadres(
  client: pg.ClientBase,
  ids: string[],
): Promise<{ id: string; name: string; orgId: string; orgPath: string; orgName: string }[]> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    org_id: string;
    org_path: string;
    org_name: string;
  }>(
    `SELECT c.id, c.name, c.org_id, c.org_path::text AS org_path, o.name AS org_name
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgPath: r.org_path,
    orgName: r.org_name,
  }));
}

/** The cadre's own row as a 仅本人 account sees it (its unit's name comes along). */
export async function ownCadre(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; orgId: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; org_id: string }>(
    'SELECT id, name, org_id FROM cadres WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, orgId: r.org_id } : null;
}

export async function insertTalk(
  client: pg.ClientBase,
  t: {
    leaderId: string;
    cadreId: string;
    orgPath: string;
    heldOn: string;
    form: Talk['form'];
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO talks (leader_id, cadre_id, org_path, held_on, form, created_by)
     VALUES ($1, $2, $3::ltree, $4, $5, $6) RETURNING id`,
    [t.leaderId, t.cadreId, t.orgPath, t.heldOn, t.form, t.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertContent(
  client: pg.ClientBase,
  c: { talkId: string; orgPath: string; topics: string; notes: string; partyIds: string[] },
): Promise<void> {
  await client.query(
    `INSERT INTO talk_contents (talk_id, org_path, topics, notes, reader_roles, party_ids)
     VALUES ($1, $2::ltree, $3, $4, '{orgdept}', $5::uuid[])`,
    [c.talkId, c.orgPath, c.topics, c.notes, c.partyIds],
  );
}

interface TalkRow {
  id: string;
  leader_id: string;
  leader_name: string;
  leader_title: string;
  cadre_id: string;
  cadre_name: string;
  org_name: string;
  held_on: string;
  form: Talk['form'];
  content_visible: boolean;
}

const TALK_SELECT = `
  SELECT t.id, t.leader_id, l.name AS leader_name, l.title AS leader_title, t.cadre_id, c.name AS cadre_name,
         o.name AS org_name, t.held_on::text AS held_on, t.form,
         EXISTS (SELECT 1 FROM talk_contents x WHERE x.talk_id = t.id) AS content_visible
    FROM talks t
    JOIN talk_leaders l ON l.id = t.leader_id
    JOIN cadres c ON c.id = t.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

const toTalk = (r: TalkRow): Talk => ({
  id: r.id,
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  leaderTitle: r.leader_title,
  cadreId: r.cadre_id,
  cadreName: r.cadre_name,
  orgName: r.org_name,
  heldOn: r.held_on,
  form: r.form,
  contentVisible: r.content_visible,
});

export async function listTalks(
  client: pg.ClientBase,
  f: { year?: number; cadreId?: string; leaderId?: string; limit: number; offset: number },
): Promise<{ items: Talk[]; total: number }> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.year !== undefined)
    where.push(`t.held_on BETWEEN ${p(`${f.year}-01-01`)}::date AND ${p(`${f.year}-12-31`)}::date`);
  if (f.cadreId) where.push(`t.cadre_id = ${p(f.cadreId)}`);
  if (f.leaderId) where.push(`t.leader_id = ${p(f.leaderId)}`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<TalkRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${TALK_SELECT} ${filter}) x
      ORDER BY held_on DESC, cadre_name, id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { items: rows.map(toTalk), total: rows[0]?.total ?? 0 };
}

export async function findTalk(client: pg.ClientBase, id: string): Promise<Talk | null> {
  const { rows } = await client.query<TalkRow>(`${TALK_SELECT} WHERE t.id = $1`, [id]);
  return rows[0] ? toTalk(rows[0]) : null;
}

export async function findContent(
  client: pg.ClientBase,
  talkId: string,
): Promise<{ topics: string; notes: string } | null> {
  const { rows } = await client.query<{ topics: string; notes: string }>(
    'SELECT topics, notes FROM talk_contents WHERE talk_id = $1',
    [talkId],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- the plan

export interface PlanRule {
  id: string;
  talker: 'principal' | 'linked';
  talkees: CadreCondition;
  timesPerYear: number;
}

export interface PlanPairRow {
  rule_id: string;
  leader_id: string;
  leader_name: string;
  leader_title: string;
  cadre_id: string;
  cadre_name: string;
  post_title: string;
  org_name: string;
  org_path: string;
  times: number;
  held: number;
}

/**
 * The plan's pairs as SQL over the rules: the serving principal leader with every talkee of the rule, and
 * each serving linked leader with the talkees inside the units linked to them; `held` counts the talks
 * that leader held with that cadre in the year, at most the rule's times.
 */
export function planPairsSql(rules: PlanRule[], year: number, params: unknown[]): string | null {
  const p = dollarParams(params);
  const asOf = `${year}-12-31`;
  const parts = rules.map((r) => {
    const cond = conditionSql(r.talkees, asOf, p);
    const head = `SELECT DISTINCT ${p(r.id)}::text AS rule_id, l.id AS leader_id, c.id AS cadre_id,
                         ${p(r.timesPerYear)}::int AS times FROM talk_leaders l`;
    return r.talker === 'principal'
      ? `${head} JOIN cadres c ON ${cond} WHERE l.kind = 'principal' AND l.active`
      : `${head} JOIN talk_leader_links k ON k.leader_id = l.id JOIN orgs lo ON lo.id = k.org_id
                 JOIN cadres c ON c.org_path <@ lo.path AND ${cond}
           WHERE l.kind = 'linked' AND l.active`;
  });
  if (!parts.length) return null;
  const from = p(`${year}-01-01`);
  const to = p(`${year}-12-31`);
  return `
    SELECT pr.rule_id, pr.leader_id, l.name AS leader_name, l.title AS leader_title, pr.cadre_id,
           c.name AS cadre_name, c.post_title, o.name AS org_name, c.org_path::text AS org_path, pr.times,
           LEAST(pr.times, (SELECT count(*) FROM talks t WHERE t.leader_id = pr.leader_id
                              AND t.cadre_id = pr.cadre_id AND t.held_on BETWEEN ${from}::date AND ${to}::date))::int
             AS held
      FROM (${parts.join(' UNION ')}) pr
      JOIN talk_leaders l ON l.id = pr.leader_id
      JOIN cadres c ON c.id = pr.cadre_id
      JOIN orgs o ON o.id = c.org_id`;
}

export async function planPairs(
  client: pg.ClientBase,
  rules: PlanRule[],
  year: number,
  f: { underPath: string | null; open?: boolean; limit: number; offset: number },
): Promise<{ rows: PlanPairRow[]; total: number; planned: number; done: number }> {
  const params: unknown[] = [];
  const sql = planPairsSql(rules, year, params);
  if (!sql) return { rows: [], total: 0, planned: 0, done: 0 };
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.underPath) where.push(`org_path::ltree <@ ${p(f.underPath)}::ltree`);
  const scoped = `SELECT * FROM (${sql}) s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const open = f.open ? 'WHERE held < times' : '';
  const { rows } = await client.query<PlanPairRow & { total: number; planned: number; done: number }>(
    `WITH pairs AS (${scoped})
     SELECT x.*, (SELECT count(*) FROM pairs ${open})::int AS total,
            (SELECT coalesce(sum(times), 0) FROM pairs)::int AS planned,
            (SELECT coalesce(sum(held), 0) FROM pairs)::int AS done
       FROM (SELECT * FROM pairs ${open}
              ORDER BY org_path, leader_title, cadre_name, cadre_id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}) x`,
    params,
  );
  if (rows.length === 0) {
    const { rows: agg } = await client.query<{ planned: number; done: number }>(
      `WITH pairs AS (${scoped}) SELECT coalesce(sum(times), 0)::int AS planned, coalesce(sum(held), 0)::int AS done FROM pairs`,
      params.slice(0, params.length - 2),
    );
    return { rows: [], total: 0, planned: agg[0]?.planned ?? 0, done: agg[0]?.done ?? 0 };
  }
  const head = rows[0] as { total: number; planned: number; done: number };
  return { rows, total: head.total, planned: head.planned, done: head.done };
}

/**
 * Planned and held talks per direct child unit of `path` (and the unit's own people: orgId null): the plan's
 * pairs grouped once by the child unit their talkee sits under (one pass, no scan of the pairs per child),
 * then set against the active children in their order.
 */
export async function coverageByUnit(
  client: pg.ClientBase,
  rules: PlanRule[],
  year: number,
  top: { id: string; path: string },
): Promise<{ org_id: string | null; org_name: string | null; planned: number; done: number }[]> {
  const { rows: kids } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text AS path FROM orgs WHERE parent_id = $1 AND active ORDER BY sort_order, path`,
    [top.id],
  );
  const params: unknown[] = [];
  const sql = planPairsSql(rules, year, params);
  const sums = new Map<string | null, { planned: number; done: number }>();
  if (sql) {
    const p = dollarParams(params);
    const topPath = p(top.path);
    const { rows } = await client.query<{ child: string | null; planned: number; done: number }>(
      `SELECT CASE WHEN nlevel(s.org_path::ltree) > nlevel(${topPath}::ltree)
                   THEN subpath(s.org_path::ltree, 0, nlevel(${topPath}::ltree) + 1)::text END AS child,
              coalesce(sum(s.times), 0)::int AS planned, coalesce(sum(s.held), 0)::int AS done
         FROM (${sql}) s WHERE s.org_path::ltree <@ ${topPath}::ltree
        GROUP BY 1`,
      params,
    );
    for (const r of rows) sums.set(r.child, { planned: r.planned, done: r.done });
  }
  const own = sums.get(null) ?? { planned: 0, done: 0 };
  return [
    ...kids.map((k) => ({
      org_id: k.id,
      org_name: k.name,
      ...(sums.get(k.path) ?? { planned: 0, done: 0 }),
    })),
    { org_id: null, org_name: null, ...own },
  ];
}

// ---------------------------------------------------------------- talk requests

export interface RequestRow {
  id: string;
  case_id: string;
  leader_id: string;
  leader_name: string;
  leader_title: string;
  cadre_id: string;
  cadre_name: string;
  org_name: string;
  status: 'open' | 'done' | 'rejected' | 'withdrawn';
  due_on: string | null;
  created_at: Date;
  closed_at: Date | null;
  pack_id: string;
  kind_name: string;
  working_days: number | null;
  reason: string | null;
  answer: string | null;
}

const REQUEST_SELECT = `
  SELECT r.id, r.case_id, r.leader_id, l.name AS leader_name, l.title AS leader_title, r.cadre_id,
         c.name AS cadre_name, o.name AS org_name, k.status, r.due_on::text AS due_on, r.created_at, k.closed_at,
         k.pack_id, k.definition->>'name' AS kind_name,
         (SELECT (s->>'deadlineWorkingDays')::int FROM jsonb_array_elements(k.definition->'steps') s
           WHERE s->>'id' = 'answer') AS working_days,
         (SELECT e.comment FROM case_events e WHERE e.case_id = k.id AND e.action = 'submit'
           ORDER BY e.seq DESC LIMIT 1) AS reason,
         (SELECT e.comment FROM case_events e WHERE e.case_id = k.id AND e.action = 'decide'
           ORDER BY e.seq DESC LIMIT 1) AS answer
    FROM talk_requests r
    JOIN cases k ON k.id = r.case_id
    JOIN talk_leaders l ON l.id = r.leader_id
    JOIN cadres c ON c.id = r.cadre_id
    JOIN orgs o ON o.id = k.org_id`;

export async function listRequests(
  client: pg.ClientBase,
  f: { cadreId?: string; id?: string },
): Promise<RequestRow[]> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.cadreId) where.push(`r.cadre_id = ${p(f.cadreId)}`);
  if (f.id) where.push(`r.id = ${p(f.id)}`);
  const { rows } = await client.query<RequestRow>(
    `${REQUEST_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY (k.status = 'open') DESC, r.created_at DESC, r.id LIMIT 500`,
    params,
  );
  return rows;
}

export async function insertRequest(
  client: pg.ClientBase,
  r: { caseId: string; leaderId: string; cadreId: string; createdAt: string; dueOn: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO talk_requests (case_id, leader_id, cadre_id, created_at, due_on)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.caseId, r.leaderId, r.cadreId, r.createdAt, r.dueOn],
  );
  return (rows[0] as { id: string }).id;
}

export async function packName(client: pg.ClientBase, packId: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT body->>'name' AS name FROM policy_packs WHERE pack_id = $1 ORDER BY effective_from DESC LIMIT 1`,
    [packId],
  );
  return rows[0]?.name ?? packId;
}
