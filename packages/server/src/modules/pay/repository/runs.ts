import type {
  PayExplanation,
  PayInputs,
  PayKind,
  PayLine,
  PayResult,
  PayRun,
  PaySection,
  PayStep,
  PayUnitTotal,
  Source,
} from '@ganbu/core';
import type pg from 'pg';

/**
 * Pay runs, their frozen inputs and their lines. Row-level security narrows every read: a run's header is
 * read in the subtree in scope and from below (a street reads the district's run); the frozen inputs only
 * where the run's own unit is in scope; a line in its unit's subtree, and a cadre only their own.
 */

/** What a run keeps of its pack: the `pay` section, and the paid unit's name. */
export interface RunPolicy {
  pay: PaySection;
  /** the paid unit's name when the run was made (a street reads the district's run without the district row) */
  orgName: string;
}

export interface RunRecord {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  name: string;
  kind: PayKind;
  period: string;
  packId: string;
  packEffectiveFrom: string;
  packName: string;
  policy: RunPolicy;
  policySources: Record<string, Source>;
  budgetFen: number | null;
  state: PayRun['state'];
  totalFen: number | null;
  lineCount: number;
  steps: PayStep[];
  computedAt: string | null;
  caseId: string | null;
  createdAt: string;
  /** the frozen computation's people left out, when the caller may read the frozen inputs */
  excluded: PayResult['excluded'];
}

const RUN_COLUMNS = `r.id, r.org_id, r.org_path::text AS org_path, COALESCE(o.name, r.policy ->> 'orgName') AS org_name,
  r.name, r.kind, r.period, r.pack_id, to_char(r.pack_effective_from, 'YYYY-MM-DD') AS pack_effective_from,
  r.pack_name, r.policy, r.policy_sources, r.budget_fen::float8 AS budget_fen, r.state, r.total_fen::float8 AS total_fen,
  r.line_count, r.steps, r.computed_at, r.case_id, r.created_at,
  COALESCE(f.summary -> 'excluded', '[]'::jsonb) AS excluded`;
const RUN_FROM = `pay_runs r LEFT JOIN orgs o ON o.id = r.org_id LEFT JOIN pay_run_frozen f ON f.run_id = r.id`;

interface RunRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string | null;
  name: string;
  kind: PayKind;
  period: string;
  pack_id: string;
  pack_effective_from: string;
  pack_name: string;
  policy: RunPolicy;
  policy_sources: Record<string, Source>;
  budget_fen: number | null;
  state: PayRun['state'];
  total_fen: number | null;
  line_count: number;
  steps: PayStep[];
  computed_at: Date | null;
  case_id: string | null;
  created_at: Date;
  excluded: PayResult['excluded'];
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  orgId: r.org_id,
  orgPath: r.org_path,
  orgName: r.org_name ?? '',
  name: r.name,
  kind: r.kind,
  period: r.period,
  packId: r.pack_id,
  packEffectiveFrom: r.pack_effective_from,
  packName: r.pack_name,
  policy: r.policy,
  policySources: r.policy_sources,
  budgetFen: r.budget_fen,
  state: r.state,
  totalFen: r.total_fen,
  lineCount: r.line_count,
  steps: r.steps,
  computedAt: r.computed_at?.toISOString() ?? null,
  caseId: r.case_id,
  createdAt: r.created_at.toISOString(),
  excluded: r.excluded,
});

/** A unit the caller's scope covers (its subtree; an exact scope only its own unit), or null. */
export async function orgInScope(
  client: pg.ClientBase,
  orgId: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text FROM orgs
      WHERE id = $1 AND path <@ (SELECT app_scope_root())
        AND ((SELECT app_scope_exact()) IS NULL OR path = (SELECT app_scope_exact()))`,
    [orgId],
  );
  return rows[0] ?? null;
}

/** The unit at the root of the caller's scope (the district for a scope of 全部). */
export async function scopeRootOrg(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM orgs
      WHERE CASE WHEN (SELECT app_scope_root()) = ''::ltree THEN parent_id IS NULL ELSE path = (SELECT app_scope_root()) END
      ORDER BY path LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

export async function insertRun(
  client: pg.ClientBase,
  r: {
    orgId: string;
    orgPath: string;
    name: string;
    kind: PayKind;
    period: string;
    packId: string;
    packEffectiveFrom: string;
    packName: string;
    policy: RunPolicy;
    policySources: Record<string, Source>;
    budgetFen: number | null;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO pay_runs (org_id, org_path, name, kind, period, pack_id, pack_effective_from, pack_name, policy,
       policy_sources, budget_fen, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      r.orgId,
      r.orgPath,
      r.name,
      r.kind,
      r.period,
      r.packId,
      r.packEffectiveFrom,
      r.packName,
      JSON.stringify(r.policy),
      JSON.stringify(r.policySources),
      r.budgetFen,
      r.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function findRun(
  client: pg.ClientBase,
  id: string,
  forUpdate = false,
): Promise<RunRecord | null> {
  const { rows } = await client.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] ? toRun(rows[0]) : null;
}

/** The run a case approves (the case handler's lookup). */
export async function runOfCase(client: pg.ClientBase, caseId: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM pay_runs WHERE case_id = $1`, [caseId]);
  return rows[0]?.id ?? null;
}

export async function listRuns(
  client: pg.ClientBase,
  q: { kind?: PayKind; period?: string; limit: number; offset: number },
): Promise<{ items: RunRecord[]; total: number }> {
  const where = `($1::text IS NULL OR r.kind = $1) AND ($2::text IS NULL OR r.period = $2)`;
  const { rows } = await client.query<RunRow & { full_count: string }>(
    `SELECT ${RUN_COLUMNS}, count(*) OVER () AS full_count FROM ${RUN_FROM} WHERE ${where}
      ORDER BY r.period DESC, r.created_at DESC, r.id LIMIT $3 OFFSET $4`,
    [q.kind ?? null, q.period ?? null, q.limit, q.offset],
  );
  let total = rows[0] ? Number(rows[0].full_count) : 0;
  if (!rows[0] && q.offset > 0) {
    const c = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pay_runs r WHERE ${where}`, [
      q.kind ?? null,
      q.period ?? null,
    ]);
    total = Number(c.rows[0]!.n);
  }
  return { items: rows.map(toRun), total };
}

export async function setState(
  client: pg.ClientBase,
  id: string,
  state: PayRun['state'],
  extra: { caseId?: string | null; paid?: boolean } = {},
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE pay_runs SET state = $2, updated_at = now(),
       case_id = CASE WHEN $3::boolean THEN $4::uuid ELSE case_id END,
       paid_at = CASE WHEN $5::boolean THEN now() ELSE paid_at END
     WHERE id = $1`,
    [id, state, extra.caseId !== undefined, extra.caseId ?? null, extra.paid ?? false],
  );
  return (rowCount ?? 0) > 0;
}

/** Lines are written in slices (one multi-row INSERT … SELECT FROM jsonb_to_recordset each). */
const SLICE = 4000;

/**
 * Store a computation: the lines (replacing the last computation's), the frozen inputs with the summary,
 * and the run's figures; the run becomes `computed`.
 */
export async function storeComputation(
  client: pg.ClientBase,
  run: { id: string },
  inputs: PayInputs,
  result: PayResult,
  unitPaths: ReadonlyMap<string, string>,
  by: string | null,
): Promise<void> {
  await client.query(`DELETE FROM pay_lines WHERE run_id = $1`, [run.id]);
  for (let at = 0; at < result.lines.length; at += SLICE) {
    const slice = result.lines.slice(at, at + SLICE).map((l, i) => ({
      c: l.cadreId,
      u: l.unitId,
      p: unitPaths.get(l.unitId) ?? l.unitPath,
      n: l.name,
      un: l.unitName,
      a: l.amountFen,
      b: l.baseFen,
      e: l.explanation,
      s: at + i,
    }));
    await client.query(
      `INSERT INTO pay_lines (run_id, cadre_id, unit_id, unit_path, name, unit_name, amount_fen, base_fen,
         explanation, sort_order)
       SELECT $1, x.c, x.u, x.p::ltree, x.n, x.un, x.a, x.b, x.e, x.s
         FROM jsonb_to_recordset($2::jsonb) AS x(c uuid, u uuid, p text, n text, un text, a bigint, b bigint,
           e jsonb, s integer)`,
      [run.id, JSON.stringify(slice)],
    );
  }
  const summary = { unitTotals: result.unitTotals, excluded: result.excluded };
  await client.query(
    `INSERT INTO pay_run_frozen (run_id, inputs, summary) VALUES ($1, $2, $3)
     ON CONFLICT (run_id) DO UPDATE SET inputs = EXCLUDED.inputs, summary = EXCLUDED.summary`,
    [run.id, JSON.stringify(inputs), JSON.stringify(summary)],
  );
  await client.query(
    `UPDATE pay_runs SET state = 'computed', total_fen = $2, line_count = $3, steps = $4, computed_at = now(),
       computed_by = $5, updated_at = now() WHERE id = $1`,
    [run.id, result.totalFen, result.lines.length, JSON.stringify(result.steps), by],
  );
}

export async function frozenInputs(client: pg.ClientBase, runId: string): Promise<PayInputs | null> {
  const { rows } = await client.query<{ inputs: PayInputs }>(
    `SELECT inputs FROM pay_run_frozen WHERE run_id = $1`,
    [runId],
  );
  return rows[0]?.inputs ?? null;
}

// ---------------------------------------------------------------- lines

export interface LineRecord {
  id: string;
  cadreId: string;
  name: string;
  unitId: string;
  unitName: string;
  amountFen: number;
  baseFen: number | null;
  explanation: PayExplanation;
}

interface LineRow {
  id: string;
  cadre_id: string;
  name: string;
  unit_id: string;
  unit_name: string;
  amount_fen: string;
  base_fen: string | null;
  explanation: PayExplanation;
}

const toLine = (r: LineRow): LineRecord => ({
  id: r.id,
  cadreId: r.cadre_id,
  name: r.name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  amountFen: Number(r.amount_fen),
  baseFen: r.base_fen === null ? null : Number(r.base_fen),
  explanation: r.explanation,
});

const LINE_COLUMNS = `l.id, l.cadre_id, l.name, l.unit_id, l.unit_name, l.amount_fen, l.base_fen, l.explanation`;

export interface LineFilter {
  unitId?: string;
  q?: string;
}
const LINE_WHERE = `l.run_id = $1 AND ($2::uuid IS NULL OR l.unit_id = $2) AND ($3::text IS NULL OR l.name LIKE '%' || $3 || '%')`;
const filterParams = (runId: string, f: LineFilter) => [runId, f.unitId ?? null, f.q ?? null];

/** A page of the lines the caller may see, in the computation's order. */
export async function listLines(
  client: pg.ClientBase,
  runId: string,
  f: LineFilter & { limit: number; offset: number },
): Promise<LineRecord[]> {
  const { rows } = await client.query<LineRow>(
    `SELECT ${LINE_COLUMNS} FROM pay_lines l WHERE ${LINE_WHERE} ORDER BY l.sort_order LIMIT $4 OFFSET $5`,
    [...filterParams(runId, f), f.limit, f.offset],
  );
  return rows.map(toLine);
}

/** Per unit, over the lines the caller may see (and that match the filter): count and Σ. */
export async function visibleUnitTotals(
  client: pg.ClientBase,
  runId: string,
  f: LineFilter,
): Promise<PayUnitTotal[]> {
  const { rows } = await client.query<{ unit_id: string; unit_name: string; count: number; total: string }>(
    `SELECT l.unit_id, min(l.unit_name) AS unit_name, count(*)::int AS count, sum(l.amount_fen)::text AS total
       FROM pay_lines l WHERE ${LINE_WHERE} GROUP BY l.unit_id ORDER BY min(l.sort_order)`,
    filterParams(runId, f),
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    count: r.count,
    totalFen: Number(r.total),
  }));
}

/** Every line the caller may see, in order (the export), read in slices by a cursor-free keyset. */
export async function* allLines(client: pg.ClientBase, runId: string): AsyncGenerator<LineRecord[]> {
  let after = -1;
  for (;;) {
    const { rows } = await client.query<LineRow & { sort_order: number }>(
      `SELECT ${LINE_COLUMNS}, l.sort_order FROM pay_lines l WHERE l.run_id = $1 AND l.sort_order > $2
        ORDER BY l.sort_order LIMIT 2000`,
      [runId, after],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1]!.sort_order;
    yield rows.map(toLine);
  }
}

/** A cadre's own lines in approved or paid runs (我的待遇). */
export async function myLines(client: pg.ClientBase, cadreId: string) {
  const { rows } = await client.query<
    LineRow & { run_id: string; run_name: string; kind: PayKind; period: string; state: PayRun['state'] }
  >(
    `SELECT ${LINE_COLUMNS}, r.id AS run_id, r.name AS run_name, r.kind, r.period, r.state
       FROM pay_lines l JOIN pay_runs r ON r.id = l.run_id
      WHERE l.cadre_id = $1 AND r.state IN ('approved', 'paid')
      ORDER BY r.period DESC, r.created_at DESC`,
    [cadreId],
  );
  return rows.map((r) => ({
    ...toLine(r),
    runId: r.run_id,
    runName: r.run_name,
    kind: r.kind,
    period: r.period,
    state: r.state,
  }));
}

export type { PayLine };
