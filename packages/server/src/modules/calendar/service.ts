import {
  buildWorkingCalendar,
  CALENDAR_PROBLEM_TEXT,
  checkCalendarDate,
  checkOverride,
  specialDays,
  workingPeriod,
  yearSchedule,
  type CalendarOverrideInput,
  type CalendarOverrideRecord,
  type CalendarProblem,
  type CalendarYear,
  type WorkingCalendar,
  type WorkingDays,
  type WorkingDaysQuery,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';

let cached: { key: string; calendar: WorkingCalendar } | null = null;

/**
 * The working-day calendar with the district's overrides, for any module that counts working days
 * (workflow deadlines, 公示 periods). The national part (the package's arrangements, the statutory
 * holidays) is built once per process in core; the overrides are read on each call — one indexed read of
 * a table of a few rows — and the calendar built from them is kept until they differ, so a change made by
 * this process, another instance, or a rolled-back transaction is never served stale.
 */
export async function loadWorkingCalendar(client: pg.ClientBase): Promise<WorkingCalendar> {
  const overrides = await repo.overridesForCalendar(client);
  const key = JSON.stringify(overrides);
  if (cached?.key !== key) cached = { key, calendar: buildWorkingCalendar(overrides) };
  return cached.calendar;
}

function refuse(problem: CalendarProblem | null): void {
  if (problem) throw new AppError(400, 'VALIDATION', CALENDAR_PROBLEM_TEXT[problem], { problem });
}

/** The period of n working days starting on `from`: its last day, and the days off it steps over. */
export async function workingDays(ctx: RequestContext, q: WorkingDaysQuery): Promise<WorkingDays> {
  refuse(checkCalendarDate(q.from));
  const cal = await loadWorkingCalendar(ctx.client);
  try {
    return { from: q.from, n: q.n, ...workingPeriod(cal, q.from, q.n) };
  } catch (e) {
    // a period running past the calendar's last year
    if (e instanceof RangeError) refuse('CALENDAR_DATE_OUT_OF_RANGE');
    throw e;
  }
}

/** A year's holidays, make-up workdays and overrides, and whether its arrangement is published. */
export async function calendarYear(ctx: RequestContext, year: number): Promise<CalendarYear> {
  refuse(checkCalendarDate(`${String(year).padStart(4, '0')}-01-01`));
  const cal = await loadWorkingCalendar(ctx.client);
  return {
    year,
    schedule: yearSchedule(cal, year),
    lastPublishedYear: cal.publishedYears.last,
    days: specialDays(cal, year),
  };
}

export async function listOverrides(ctx: RequestContext): Promise<CalendarOverrideRecord[]> {
  return repo.listOverrides(ctx.client);
}

/** Add a district override (组织部); refused when it would change nothing, or the day has one already. */
export async function createOverride(
  ctx: RequestContext,
  input: CalendarOverrideInput,
): Promise<CalendarOverrideRecord[]> {
  const o = { date: input.date, kind: input.kind, note: input.note.trim() };
  if (await repo.findOverride(ctx.client, o.date)) throw conflict('该日已有调整，请先删除原调整');
  refuse(checkOverride(await loadWorkingCalendar(ctx.client), o));
  const userId = ctx.actor?.userId ?? null;
  await repo.insertOverride(ctx.client, {
    ...o,
    createdBy: userId,
    createdByName: userId ? await repo.displayNameOf(ctx.client, userId, ctx.actor?.username ?? '') : null,
  });
  await ctx.audit({
    action: 'calendar.override.create',
    objectType: 'calendar_override',
    objectId: o.date,
    after: o,
  });
  return repo.listOverrides(ctx.client);
}

export async function deleteOverride(ctx: RequestContext, day: string): Promise<CalendarOverrideRecord[]> {
  const before = await repo.findOverride(ctx.client, day);
  if (!before || !(await repo.deleteOverride(ctx.client, day))) throw notFound('该日的调整');
  await ctx.audit({
    action: 'calendar.override.delete',
    objectType: 'calendar_override',
    objectId: day,
    before: { date: before.date, kind: before.kind, note: before.note },
  });
  return repo.listOverrides(ctx.client);
}
