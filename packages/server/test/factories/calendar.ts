import type { CalendarOverride } from '@ganbu/core';
import { insertOverride } from '../../src/modules/calendar/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/** District overrides of the working-day calendar, written through the module's repository. */
export async function newCalendarOverrides(db: TestDb, overrides: CalendarOverride[]): Promise<void> {
  await asSystem(db, async (client) => {
    for (const o of overrides) await insertOverride(client, { ...o, createdBy: null, createdByName: null });
  });
}
