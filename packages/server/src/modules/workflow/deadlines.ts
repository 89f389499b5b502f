import type { AddWorkingDays } from '@ganbu/core';
import type pg from 'pg';

/**
 * The working-day arithmetic every case deadline uses: the date on which a period of `n` working days
 * starting on `from` ends (`from` itself counts when it is a working day).
 */
export async function workingDayCounter(_client: pg.ClientBase): Promise<AddWorkingDays> {
  // TODO(lead): wire calendar — return the calendar module's addWorkingDays over
  // loadWorkingCalendar(client) (official holidays, 调休 make-up days and the district's overrides).
  // Until then: Monday to Friday, no holidays.
  return (from, n) => {
    const d = new Date(`${from}T00:00:00Z`);
    let left = n;
    for (;;) {
      const weekday = d.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && --left <= 0) return d.toISOString().slice(0, 10);
      d.setUTCDate(d.getUTCDate() + 1);
    }
  };
}
