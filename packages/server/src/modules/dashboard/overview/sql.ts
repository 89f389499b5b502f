import type pg from 'pg';

/**
 * SQL fragments of the dashboard: text with `?` placeholders and their values, numbered only when a query
 * is put together. A figure's predicate is one fragment, used as it is by the count (`FILTER (WHERE …)`)
 * and by the drill-down's list (`WHERE …`), so the list is exactly what the figure counted.
 */
export interface Frag {
  sql: string;
  values: unknown[];
}

export const frag = (sql: string, ...values: unknown[]): Frag => ({ sql, values });

export const TRUE: Frag = frag('true');

export function and(...parts: (Frag | null | undefined)[]): Frag {
  const kept = parts.filter((p): p is Frag => !!p && p.sql !== 'true');
  if (kept.length === 0) return TRUE;
  return { sql: kept.map((p) => `(${p.sql})`).join(' AND '), values: kept.flatMap((p) => p.values) };
}

/** A clause numbered `$1 … $n` (as the roster's WHERE builder writes it) back into a fragment. */
export function fromDollar(sql: string, params: readonly unknown[]): Frag {
  const values: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    values.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, values };
}

/** Number the fragment's placeholders after the parameters already in `params` (which it extends). */
export function bind(f: Frag, params: unknown[]): string {
  let i = 0;
  return f.sql.replace(/\?/g, () => {
    params.push(f.values[i++]);
    return `$${params.length}`;
  });
}

/**
 * One scan of `from` under `base`: for each cell predicate, the measure over the rows meeting it (count of
 * rows, or a sum as a whole number). Cells in row-major order; the answer in the same order.
 *
 * With `group`, the scan first groups the rows by the columns the cell predicates read (`alias.col`), under
 * the same alias, and the cells sum the groups' measures: the predicates are then tested once per group (a
 * unit path, a gender …) instead of once per row, with the very same text.
 */
export async function measureCells(
  client: pg.ClientBase,
  a: {
    from: string;
    base: Frag;
    measure: string;
    cells: Frag[];
    group?: { alias: string; columns: string[] };
  },
): Promise<number[]> {
  if (a.cells.length === 0) return [];
  const params: unknown[] = [];
  let sql: string;
  if (a.group) {
    const { alias, columns } = a.group;
    const inner = `SELECT ${columns.map((c) => `${alias}.${c}`).join(', ')}, ${a.measure} AS dash_m
      FROM ${a.from} WHERE ${bind(a.base, params)} GROUP BY ${columns.map((c) => `${alias}.${c}`).join(', ')}`;
    const cols = a.cells.map(
      (c, i) => `COALESCE(sum(${alias}.dash_m) FILTER (WHERE ${bind(c, params)}), 0)::text AS c${i}`,
    );
    sql = `SELECT ${cols.join(', ')} FROM (${inner}) ${alias}`;
  } else {
    const cols = a.cells.map(
      (c, i) => `COALESCE(${a.measure} FILTER (WHERE ${bind(c, params)}), 0)::text AS c${i}`,
    );
    sql = `SELECT ${cols.join(', ')} FROM ${a.from} WHERE ${bind(a.base, params)}`;
  }
  const { rows } = await client.query<Record<string, string>>(sql, params);
  const row = rows[0] ?? {};
  return a.cells.map((_c, i) => Number(row[`c${i}`] ?? 0));
}

export interface ListedRow {
  id: string;
  kind: 'cadre' | 'record';
  name: string;
  org_name: string;
  detail: string;
  link: string | null;
  value: string | null;
}

/** The rows meeting `where` (one page, or all when `page` is null) and how many there are. */
export async function listRows(
  client: pg.ClientBase,
  a: { from: string; join: string; select: string; order: string; where: Frag },
  page: { limit: number; offset: number } | null,
): Promise<{ rows: ListedRow[]; total: number }> {
  const params: unknown[] = [];
  const where = bind(a.where, params);
  const limit = page ? ` LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}` : '';
  const list = await client.query<ListedRow>(
    `SELECT ${a.select} FROM ${a.from} ${a.join} WHERE ${where} ORDER BY ${a.order}${limit}`,
    params,
  );
  const countParams: unknown[] = [];
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${a.from} WHERE ${bind(a.where, countParams)}`,
    countParams,
  );
  return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
}
