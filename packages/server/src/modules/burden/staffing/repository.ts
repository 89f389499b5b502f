import type { OrgKind } from '@ganbu/core';
import type pg from 'pg';

/**
 * The SQL of `burden/staffing/`. Row-level security decides what is visible: a borrowing is seen, as its
 * workflow case, by the holders of its reader roles whose scope covers the lending street and by its
 * parties (the applicant); the establishment report reads the units and cadres of the caller's scope.
 */

export interface OrgFacts {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
}

export async function findOrg(client: pg.ClientBase, id: string): Promise<OrgFacts | null> {
  const { rows } = await client.query<OrgFacts>(
    `SELECT id, name, kind, path::text AS path FROM orgs WHERE id = $1 AND active`,
    [id],
  );
  return rows[0] ?? null;
}

export interface CadreFacts {
  id: string;
  name: string;
  postTitle: string;
  orgName: string;
  /** the nearest unit of a lender kind at or above the cadre's unit */
  lender: OrgFacts | null;
}

/** A cadre's name, post and lending unit (the nearest unit of one of `lenderKinds` above or at theirs). */
export async function cadreFacts(
  client: pg.ClientBase,
  cadreId: string,
  lenderKinds: readonly string[],
): Promise<CadreFacts | null> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    post_title: string;
    org_name: string;
    l_id: string | null;
    l_name: string | null;
    l_kind: OrgKind | null;
    l_path: string | null;
  }>(
    `SELECT c.id, c.name, c.post_title, o.name AS org_name,
            l.id AS l_id, l.name AS l_name, l.kind AS l_kind, l.path::text AS l_path
       FROM cadres c JOIN orgs o ON o.id = c.org_id
       LEFT JOIN LATERAL (
         SELECT x.id, x.name, x.kind, x.path FROM orgs x
          WHERE c.org_path <@ x.path AND x.kind = ANY ($2::text[])
          ORDER BY nlevel(x.path) DESC LIMIT 1) l ON true
      WHERE c.id = $1`,
    [cadreId, lenderKinds],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    postTitle: r.post_title,
    orgName: r.org_name,
    lender: r.l_id ? { id: r.l_id, name: r.l_name!, kind: r.l_kind!, path: r.l_path! } : null,
  };
}

/** Serving cadres of units of `lenderKinds` whose name contains `q` (the request form's cadre picker). */
export async function lendableCadres(
  client: pg.ClientBase,
  q: string,
  lenderKinds: readonly string[],
  limit: number,
): Promise<{ id: string; name: string; post_title: string; lender_name: string }[]> {
  const { rows } = await client.query<{ id: string; name: string; post_title: string; lender_name: string }>(
    `SELECT c.id, c.name, c.post_title, l.name AS lender_name
       FROM orgs l JOIN cadres c ON c.org_path <@ l.path
      WHERE l.kind = ANY ($2::text[]) AND l.active
        AND c.name ILIKE $1
      ORDER BY l.sort_order, l.name, c.name, c.id
      LIMIT $3`,
    [`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, lenderKinds, limit],
  );
  return rows;
}

export interface BorrowingRow {
  id: string;
  case_id: string | null;
  cadre_id: string;
  cadre_name: string;
  lender_org_id: string;
  lender_name: string;
  borrower_org_id: string;
  borrower_name: string;
  purpose_id: string;
  purpose_name: string;
  task: string;
  from_on: string;
  until_on: string;
  approval: {
    by: string;
    byName: string;
    reference: string;
    date: string;
    fileId: string | null;
  } | null;
  explanation: string;
  case_status: 'open' | 'done' | 'rejected' | 'withdrawn';
  returned_on: string | null;
  created_by: string;
  created_at: Date;
}

const SELECT = `
  SELECT b.id, b.case_id, b.cadre_id, b.cadre_name, b.lender_org_id, b.lender_name,
         b.borrower_org_id, b.borrower_name, b.purpose_id, b.purpose_name, b.task,
         b.from_on::text AS from_on, b.until_on::text AS until_on, b.approval, b.explanation, b.case_status,
         b.returned_on::text AS returned_on, b.created_by, b.created_at
    FROM burden_borrowings b`;

/** The state filter in SQL (mirrors borrowingState of core). */
function stateWhere(state: string, today: (v: unknown) => string): string {
  switch (state) {
    case 'pending':
      return `b.case_status = 'open'`;
    case 'rejected':
      return `b.case_status = 'rejected'`;
    case 'withdrawn':
      return `b.case_status = 'withdrawn'`;
    case 'returned':
      return `b.case_status = 'done' AND b.returned_on IS NOT NULL`;
    case 'overdue':
      return `b.case_status = 'done' AND b.returned_on IS NULL AND b.until_on < ${today(null)}`;
    default:
      return `b.case_status = 'done' AND b.returned_on IS NULL AND b.until_on >= ${today(null)}`;
  }
}

export async function listBorrowings(
  client: pg.ClientBase,
  f: {
    id?: string;
    orgPath?: string;
    orgId?: string;
    state?: string;
    today: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: BorrowingRow[]; total: number; overdue: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const todayRef = `${p(f.today)}::date`;
  const where: string[] = [];
  if (f.id) where.push(`b.id = ${p(f.id)}`);
  // either side: the lending street's subtree or the borrowing unit
  if (f.orgPath && f.orgId)
    where.push(
      `(b.org_path <@ ${p(f.orgPath)}::ltree OR b.borrower_org_id IN (SELECT id FROM orgs WHERE path <@ ${p(f.orgPath)}::ltree))`,
    );
  if (f.state) where.push(stateWhere(f.state, () => todayRef));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = await client.query<{ n: number; overdue: number }>(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE b.case_status = 'done' AND b.returned_on IS NULL
                               AND b.until_on < ${todayRef})::int AS overdue
       FROM burden_borrowings b ${w}`,
    params,
  );
  const { rows } = await client.query<BorrowingRow>(
    `${SELECT} ${w}
      ORDER BY (b.case_status = 'done' AND b.returned_on IS NULL AND b.until_on < ${todayRef}) DESC,
               b.created_at DESC, b.id
      LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows, total: counts.rows[0]?.n ?? 0, overdue: counts.rows[0]?.overdue ?? 0 };
}

export async function insertBorrowing(
  client: pg.ClientBase,
  b: {
    cadreId: string;
    cadreName: string;
    lenderName: string;
    borrowerName: string;
    lenderOrgId: string;
    orgPath: string;
    borrowerOrgId: string;
    purposeId: string;
    purposeName: string;
    task: string;
    from: string;
    until: string;
    approval: BorrowingRow['approval'];
    packId: string;
    explanation: string;
    caseId: string | null;
    caseStatus: 'open' | 'done';
    readerRoles: string[];
    partyIds: string[];
    createdBy: string;
    createdAt: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO burden_borrowings (cadre_id, cadre_name, lender_name, borrower_name, lender_org_id, org_path, borrower_org_id, purpose_id, purpose_name,
                                    task, from_on, until_on, approval, pack_id, explanation, case_id, case_status,
                                    reader_roles, party_ids, created_by, created_at)
     VALUES ($1, $18, $19, $20, $2, $3::ltree, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $21, $14, $15, $16, $17)
     RETURNING id`,
    [
      b.cadreId,
      b.lenderOrgId,
      b.orgPath,
      b.borrowerOrgId,
      b.purposeId,
      b.purposeName,
      b.task,
      b.from,
      b.until,
      b.approval ? JSON.stringify(b.approval) : null,
      b.packId,
      b.explanation,
      b.caseId,
      b.readerRoles,
      b.partyIds,
      b.createdBy,
      b.createdAt,
      b.cadreName,
      b.lenderName,
      b.borrowerName,
      b.caseStatus,
    ],
  );
  return rows[0]!.id;
}

/** The case's outcome mirrored on its borrowing (the case handler). */
export async function setCaseStatus(client: pg.ClientBase, caseId: string, status: string): Promise<void> {
  await client.query(`UPDATE burden_borrowings SET case_status = $2 WHERE case_id = $1`, [caseId, status]);
}

export async function setReturned(client: pg.ClientBase, id: string, returnedOn: string): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE burden_borrowings SET returned_on = $2 WHERE id = $1 AND case_status = 'done' AND returned_on IS NULL`,
    [id, returnedOn],
  );
  return (rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------- 专编专用

export interface ProtectedUnitRow {
  id: string;
  name: string;
  path: string;
  establishment: Record<string, number>;
  on_establishment: number;
}

/** Units of the protected kinds in scope (under `underPath`), with how many are on their establishment. */
export async function protectedUnits(
  client: pg.ClientBase,
  kinds: readonly string[],
  underPath: string | null,
): Promise<ProtectedUnitRow[]> {
  const { rows } = await client.query<ProtectedUnitRow>(
    `SELECT o.id, o.name, o.path::text AS path, o.establishment,
            (SELECT count(*)::int FROM cadres c WHERE c.establishment_org_id = o.id) AS on_establishment
       FROM orgs o
      WHERE o.kind = ANY ($1::text[]) AND o.active AND ($2::ltree IS NULL OR o.path <@ $2::ltree)
      ORDER BY o.sort_order, o.name, o.id`,
    [kinds, underPath],
  );
  return rows;
}

export interface MisplacedRow {
  unit_id: string;
  cadre_id: string;
  name: string;
  other_id: string;
  other_name: string;
  /** 'away': on the unit's establishment, working elsewhere; 'hosted': working in the unit on another's */
  side: 'away' | 'hosted';
}

/**
 * People on a protected unit's establishment who work outside its subtree, and people working inside its
 * subtree on the establishment of a unit outside it.
 */
export async function misplaced(client: pg.ClientBase, unitIds: readonly string[]): Promise<MisplacedRow[]> {
  if (!unitIds.length) return [];
  const { rows } = await client.query<MisplacedRow>(
    `SELECT u.id AS unit_id, c.id AS cadre_id, c.name, w.id AS other_id, w.name AS other_name, 'away' AS side
       FROM orgs u JOIN cadres c ON c.establishment_org_id = u.id JOIN orgs w ON w.id = c.org_id
      WHERE u.id = ANY ($1::uuid[]) AND NOT (c.org_path <@ u.path)
     UNION ALL
     SELECT u.id, c.id, c.name, e.id, e.name, 'hosted'
       FROM orgs u JOIN cadres c ON c.org_path <@ u.path JOIN orgs e ON e.id = c.establishment_org_id
      WHERE u.id = ANY ($1::uuid[]) AND NOT (e.path <@ u.path)
      ORDER BY 1, 6, 3, 2`,
    [unitIds],
  );
  return rows;
}
