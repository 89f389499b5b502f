import type pg from 'pg';

/**
 * The SQL of `after/`: post-appointment reviews, unfit measures, exchanges. Row-level security decides what
 * is visible: a review or a measure is seen in the subtree of the cadre's unit (and by the cadre), a posting
 * by the home and the host unit's scopes.
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface CadreRef {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string;
}

/** A cadre visible to the user, with their unit. */
export async function findCadre(client: pg.ClientBase, id: string): Promise<CadreRef | null> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    org_id: string;
    org_name: string;
    org_path: string;
  }>(
    `SELECT c.id, c.name, c.org_id, o.name AS org_name, c.org_path::text AS org_path
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1`,
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, orgPath: r.org_path } : null;
}

/** A unit visible to the user. */
export async function findOrg(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; kind: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; kind: string; path: string }>(
    'SELECT id, name, kind, path::text AS path FROM orgs WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- post-appointment reviews

export interface PostReviewRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  org_path: string;
  process_id: string | null;
  post_title: string;
  appointed_on: string;
  due_on: string;
  round_id: string | null;
  status: 'scheduled' | 'done';
  outcome: 'fit' | 'basically_fit' | 'unfit' | null;
  outcome_note: string;
  decided_on: string | null;
  measure_id: string | null;
}

const REVIEW_SELECT = `
  SELECT r.id, r.cadre_id, c.name AS cadre_name, o.name AS unit_name, r.org_path::text AS org_path,
         r.process_id, r.post_title, r.appointed_on::text AS appointed_on, r.due_on::text AS due_on, r.round_id,
         r.status, r.outcome, r.outcome_note, r.decided_on::text AS decided_on,
         (SELECT m.id FROM selection_unfit_measures m WHERE m.post_review_id = r.id ORDER BY m.created_at LIMIT 1)
           AS measure_id
    FROM selection_post_reviews r
    JOIN cadres c ON c.id = r.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

/** The filter on a dated item: done / overdue (due before today) / due soon (today … soonLimit) / later / open. */
function dueWhere(
  state: string | undefined,
  cols: { due: string; doneCond: string },
  params: unknown[],
  today: string,
  soonLimit: string,
): string | null {
  if (!state) return null;
  if (state === 'done') return cols.doneCond;
  const open = `NOT (${cols.doneCond})`;
  if (state === 'open') return open;
  const param = (v: string) => {
    params.push(v);
    return `$${params.length}::date`;
  };
  if (state === 'overdue') return `${open} AND ${cols.due} < ${param(today)}`;
  if (state === 'due_soon')
    return `${open} AND ${cols.due} >= ${param(today)} AND ${cols.due} <= ${param(soonLimit)}`;
  return `${open} AND ${cols.due} > ${param(soonLimit)}`;
}

export interface DueFilter {
  state?: string;
  q?: string;
  today: string;
  soonLimit: string;
  limit: number;
  offset: number;
}

export function listPostReviews(client: pg.ClientBase, f: DueFilter) {
  return listDue<PostReviewRow>(client, f, {
    select: REVIEW_SELECT,
    alias: 'r',
    done: 'done',
    doneOn: 'decided_on',
  });
}

export async function findPostReview(
  client: pg.ClientBase,
  id: string,
  lock = false,
): Promise<PostReviewRow | null> {
  if (lock) await client.query('SELECT 1 FROM selection_post_reviews WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await client.query<PostReviewRow>(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertPostReview(
  client: pg.ClientBase,
  r: {
    cadreId: string;
    orgPath: string;
    processId: string | null;
    postTitle: string;
    appointedOn: string;
    dueOn: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_post_reviews (cadre_id, org_path, process_id, post_title, appointed_on, due_on)
     VALUES ($1, $2::ltree, $3, $4, $5, $6) RETURNING id`,
    [r.cadreId, r.orgPath, r.processId, r.postTitle, r.appointedOn, r.dueOn],
  );
  return (rows[0] as { id: string }).id;
}

export async function setPostReviewRound(
  client: pg.ClientBase,
  id: string,
  roundId: string,
): Promise<boolean> {
  const res = await client.query(
    `UPDATE selection_post_reviews SET round_id = $2 WHERE id = $1 AND status = 'scheduled'`,
    [id, roundId],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function decidePostReview(
  client: pg.ClientBase,
  id: string,
  d: { outcome: string; note: string; decidedOn: string },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE selection_post_reviews SET status = 'done', outcome = $2, outcome_note = $3, decided_on = $4
      WHERE id = $1 AND status = 'scheduled'`,
    [id, d.outcome, d.note, d.decidedOn],
  );
  return (res.rowCount ?? 0) > 0;
}

/** A round of the assessment module visible to the user (its id, its cadre targets). */
export async function findRound(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; schemeId: string; hasCadre: (cadreId: string) => Promise<boolean> } | null> {
  const { rows } = await client.query<{ id: string; scheme_id: string }>(
    'SELECT id, scheme_id FROM assessment_rounds WHERE id = $1',
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    schemeId: r.scheme_id,
    hasCadre: async (cadreId) =>
      (
        await client.query('SELECT 1 FROM assessment_targets WHERE round_id = $1 AND cadre_id = $2', [
          id,
          cadreId,
        ])
      ).rowCount !== 0,
  };
}

// ---------------------------------------------------------------- unfit measures

export interface MeasureRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  post_review_id: string | null;
  measure_id: string;
  measure_name: string;
  reason: string;
  start_on: string;
  due_on: string;
  status: 'open' | 'closed';
  result: string;
  closed_on: string | null;
}

const MEASURE_SELECT = `
  SELECT m.id, m.cadre_id, c.name AS cadre_name, o.name AS unit_name, m.post_review_id, m.measure_id,
         m.measure_name, m.reason, m.start_on::text AS start_on, m.due_on::text AS due_on, m.status, m.result,
         m.closed_on::text AS closed_on
    FROM selection_unfit_measures m
    JOIN cadres c ON c.id = m.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export function listMeasures(client: pg.ClientBase, f: DueFilter) {
  return listDue<MeasureRow>(client, f, {
    select: MEASURE_SELECT,
    alias: 'm',
    done: 'closed',
    doneOn: 'closed_on',
  });
}

/**
 * A page of reviews or measures by due state and name: open ones first by due day, then the finished ones,
 * latest first. `select` is the row's query with its table under `alias`; `done` the finished status.
 */
async function listDue<R>(
  client: pg.ClientBase,
  f: DueFilter,
  s: { select: string; alias: string; done: string; doneOn: string },
): Promise<{ rows: R[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const due = dueWhere(
    f.state,
    { due: `${s.alias}.due_on`, doneCond: `${s.alias}.status = '${s.done}'` },
    params,
    f.today,
    f.soonLimit,
  );
  if (due) where.push(due);
  if (f.q) {
    params.push(like(f.q));
    where.push(`c.name LIKE $${params.length}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<R & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${s.select} ${filter}) x
      ORDER BY (status = '${s.done}'), CASE WHEN status = '${s.done}' THEN NULL ELSE due_on END, ${s.doneOn} DESC,
        cadre_name, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findMeasure(client: pg.ClientBase, id: string): Promise<MeasureRow | null> {
  const { rows } = await client.query<MeasureRow>(`${MEASURE_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertMeasure(
  client: pg.ClientBase,
  m: {
    cadreId: string;
    orgPath: string;
    postReviewId: string | null;
    measureId: string;
    measureName: string;
    reason: string;
    startOn: string;
    dueOn: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_unfit_measures (cadre_id, org_path, post_review_id, measure_id, measure_name, reason,
       start_on, due_on, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      m.cadreId,
      m.orgPath,
      m.postReviewId,
      m.measureId,
      m.measureName,
      m.reason,
      m.startOn,
      m.dueOn,
      m.createdBy,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function closeMeasure(
  client: pg.ClientBase,
  id: string,
  c: { result: string; closedOn: string },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE selection_unfit_measures SET status = 'closed', result = $2, closed_on = $3
      WHERE id = $1 AND status = 'open'`,
    [id, c.result, c.closedOn],
  );
  return (res.rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------- exchanges

export interface ExchangeRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  home_org_id: string;
  home_org_name: string;
  host_org_id: string;
  host_org_name: string;
  kind_id: string;
  kind_name: string;
  moves_record: boolean;
  batch_year: number;
  host_post: string;
  start_on: string;
  end_on: string;
  status: 'active' | 'ended';
  outcome: string;
  ended_on: string | null;
}

// The host's scope sees a 挂职 posting whose cadre stays at home, outside that scope: names come through joins
// that may miss (an empty name then; the home unit's scope sees it).
const EXCHANGE_SELECT = `
  SELECT e.id, e.cadre_id, coalesce(c.name, '') AS cadre_name,
         e.home_org_id, coalesce(ho.name, '') AS home_org_name, e.host_org_id, coalesce(hh.name, '') AS host_org_name,
         e.kind_id, e.kind_name, e.moves_record, e.batch_year, e.host_post, e.start_on::text AS start_on,
         e.end_on::text AS end_on, e.status, e.outcome, e.ended_on::text AS ended_on
    FROM selection_exchanges e
    LEFT JOIN cadres c ON c.id = e.cadre_id
    LEFT JOIN orgs ho ON ho.id = e.home_org_id
    LEFT JOIN orgs hh ON hh.id = e.host_org_id`;

export interface ExchangeFilter {
  batchYear?: number;
  kindId?: string;
  status?: 'active' | 'ended';
  cadreId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listExchanges(
  client: pg.ClientBase,
  f: ExchangeFilter,
): Promise<{ rows: ExchangeRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const eq = (col: string, v: unknown) => {
    if (v === undefined) return;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  };
  eq('e.batch_year', f.batchYear);
  eq('e.kind_id', f.kindId);
  eq('e.status', f.status);
  eq('e.cadre_id', f.cadreId);
  if (f.q) {
    params.push(like(f.q));
    where.push(`c.name LIKE $${params.length}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<ExchangeRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${EXCHANGE_SELECT} ${filter}) x
      ORDER BY batch_year DESC, (status = 'ended'), start_on DESC, cadre_name, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findExchange(client: pg.ClientBase, id: string): Promise<ExchangeRow | null> {
  const { rows } = await client.query<ExchangeRow>(`${EXCHANGE_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertExchange(
  client: pg.ClientBase,
  e: {
    cadreId: string;
    homeOrgId: string;
    homePath: string;
    hostOrgId: string;
    hostPath: string;
    kindId: string;
    kindName: string;
    movesRecord: boolean;
    batchYear: number;
    hostPost: string;
    startOn: string;
    endOn: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO selection_exchanges (cadre_id, home_org_id, home_path, host_org_id, host_path, kind_id, kind_name,
       moves_record, batch_year, host_post, start_on, end_on, created_by)
     VALUES ($1, $2, $3::ltree, $4, $5::ltree, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      e.cadreId,
      e.homeOrgId,
      e.homePath,
      e.hostOrgId,
      e.hostPath,
      e.kindId,
      e.kindName,
      e.movesRecord,
      e.batchYear,
      e.hostPost,
      e.startOn,
      e.endOn,
      e.createdBy,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function endExchange(
  client: pg.ClientBase,
  id: string,
  e: { endedOn: string; outcome: string },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE selection_exchanges SET status = 'ended', ended_on = $2, outcome = $3 WHERE id = $1 AND status = 'active'`,
    [id, e.endedOn, e.outcome],
  );
  return (res.rowCount ?? 0) > 0;
}
