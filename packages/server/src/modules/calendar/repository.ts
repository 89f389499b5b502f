import type { CalendarOverride, CalendarOverrideRecord } from '@ganbu/core';
import type pg from 'pg';
import { queryRow, queryRows } from '../../db/rows.ts';

/** District-wide rows: row-level security lets every signed-in user read them and 组织部 write them. */

interface OverrideRow {
  day: string;
  kind: 'holiday' | 'workday';
  note: string;
  created_by_name: string | null;
  created_at: Date;
}

const COLUMNS = `day::text AS day, kind, note, created_by_name, created_at`;

function toOverride(r: OverrideRow): CalendarOverrideRecord {
  return {
    date: r.day,
    kind: r.kind,
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listOverrides(client: pg.ClientBase): Promise<CalendarOverrideRecord[]> {
  return queryRows(client, `SELECT ${COLUMNS} FROM calendar_overrides ORDER BY day`, [], toOverride);
}

/** The overrides as the calendar applies them (the loader's one query). */
export async function overridesForCalendar(client: pg.ClientBase): Promise<CalendarOverride[]> {
  return queryRows(
    client,
    `SELECT day::text AS day, kind, note FROM calendar_overrides ORDER BY day`,
    [],
    (r: Pick<OverrideRow, 'day' | 'kind' | 'note'>) => ({ date: r.day, kind: r.kind, note: r.note }),
  );
}

export async function findOverride(
  client: pg.ClientBase,
  day: string,
): Promise<CalendarOverrideRecord | null> {
  return queryRow(client, `SELECT ${COLUMNS} FROM calendar_overrides WHERE day = $1`, [day], toOverride);
}

export async function insertOverride(
  client: pg.ClientBase,
  o: CalendarOverride & { createdBy: string | null; createdByName: string | null },
): Promise<void> {
  await client.query(
    `INSERT INTO calendar_overrides (day, kind, note, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5)`,
    [o.date, o.kind, o.note, o.createdBy, o.createdByName],
  );
}

export async function deleteOverride(client: pg.ClientBase, day: string): Promise<boolean> {
  const res = await client.query('DELETE FROM calendar_overrides WHERE day = $1', [day]);
  return (res.rowCount ?? 0) > 0;
}

/** The display name of an account (the author of an override), else its username. */
export async function displayNameOf(
  client: pg.ClientBase,
  userId: string,
  username: string,
): Promise<string> {
  const row = await queryRow(
    client,
    'SELECT display_name FROM users WHERE id = $1',
    [userId],
    (r: { display_name: string | null }) => r.display_name,
  );
  return row || username;
}
