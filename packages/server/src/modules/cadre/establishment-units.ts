import { establishmentUnitProblem, type CadreRecord } from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { setScope, setSystemScope } from '../../platform/scope-settings.ts';

/**
 * 编制所在单位 (R-BUR-2) may be any unit of the district — a department cadre on a street's establishment
 * lies outside a department writer's scope — so the units are read in the system scope through these two
 * reviewed queries (id, name and code path of units only; no cadre row), the scope restored right after.
 * The establishment grants nothing: a cadre's scope follows the working unit.
 */
async function asSystem<T>(ctx: RequestContext, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  await setSystemScope(ctx.client);
  try {
    return await fn(ctx.client);
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

export interface DistrictUnit {
  id: string;
  name: string;
  path: string;
}

/** The district's active units (what 编制所在单位 may name). */
export function districtUnits(ctx: RequestContext): Promise<DistrictUnit[]> {
  return asSystem(ctx, async (client) => {
    const { rows } = await client.query<DistrictUnit>(
      'SELECT id, name, path::text AS path FROM orgs WHERE active ORDER BY path',
    );
    return rows;
  });
}

/** Name and code path of these units (active or not), by id. */
export function unitsById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, DistrictUnit>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return Promise.resolve(new Map<string, DistrictUnit>());
  return asSystem(ctx, async (client) => {
    const { rows } = await client.query<DistrictUnit>(
      'SELECT id, name, path::text AS path FROM orgs WHERE id = ANY ($1::uuid[])',
      [wanted],
    );
    return new Map<string, DistrictUnit>(rows.map((r) => [r.id, r]));
  });
}

/** Refuse a record whose 编制所在单位 is no active unit of the district (400 ESTABLISHMENT_UNIT_UNKNOWN). */
export async function assertEstablishmentUnit(ctx: RequestContext, record: CadreRecord): Promise<void> {
  if (record.establishmentOrgId === null) return;
  const found = await asSystem(ctx, async (client) => {
    const { rows } = await client.query<{ id: string; name: string }>(
      'SELECT id, name FROM orgs WHERE id = $1 AND active',
      [record.establishmentOrgId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  });
  const problem = establishmentUnitProblem(record, found);
  if (problem) throw new AppError(400, 'ESTABLISHMENT_UNIT_UNKNOWN', problem.message, [problem]);
}
