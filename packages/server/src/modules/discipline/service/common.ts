import {
  chinaToday,
  DISCIPLINE_FORBIDDEN,
  DISCIPLINE_PROBLEM_TEXT,
  packInForce,
  PackSchema,
  recordKinds,
  type DisciplineKind,
  type DisciplineProblem,
  type Pack,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { listVersionsOf } from '../../assessment/repository/packs.ts';
import { selectedPackId } from '../../assessment/service/packs.ts';

/** The district's calendar day (Asia/Shanghai): what "today" means here. */
export const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

/** Refuse with the problem's stable code (400, or 403 when the person may not) and its Chinese message. */
export function refuse(problem: DisciplineProblem | null): void {
  if (!problem) return;
  const status = DISCIPLINE_FORBIDDEN.has(problem) ? 403 : 400;
  throw new AppError(status, status === 403 ? 'FORBIDDEN' : 'VALIDATION', DISCIPLINE_PROBLEM_TEXT[problem], {
    problem,
  });
}

/**
 * The district's pack version in force on a date; a date before its first version takes the first (a
 * record decided before the district's packs begin is still checked against named kinds).
 */
export async function packOnDate(client: pg.ClientBase, date: string): Promise<Pack> {
  const packId = await selectedPackId(client);
  const versions = (await listVersionsOf(client, packId)).flatMap((row) => {
    const parsed = PackSchema.safeParse(row.body);
    return parsed.success ? [parsed.data] : [];
  });
  const first = [...versions].sort((a, b) =>
    a.version.effectiveFrom.localeCompare(b.version.effectiveFrom),
  )[0];
  const pack = packInForce(versions, date) ?? first;
  if (!pack) throw new AppError(500, 'PACK_INVALID', `没有可用的政策包“${packId}”`);
  return pack;
}

export async function kindsOn(
  client: pg.ClientBase,
  date: string,
): Promise<{ pack: Pack; kinds: DisciplineKind[] }> {
  const pack = await packOnDate(client, date);
  return { pack, kinds: recordKinds(pack) };
}
