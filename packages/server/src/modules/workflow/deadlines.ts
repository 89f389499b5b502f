import { addWorkingDays, type AddWorkingDays } from '@ganbu/core';
import type pg from 'pg';
import { loadWorkingCalendar } from '../calendar/service.ts';

/**
 * The working-day arithmetic every case deadline uses: the date on which a period of `n` working days
 * starting on `from` ends (`from` itself counts when it is a working day), on the district's working-day
 * calendar (official holidays, 调休 make-up days, the statutory holidays of a year not yet published, and the
 * district's overrides).
 */
export async function workingDayCounter(client: pg.ClientBase): Promise<AddWorkingDays> {
  const calendar = await loadWorkingCalendar(client);
  return (from, n) => addWorkingDays(calendar, from, n);
}
