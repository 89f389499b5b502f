import {
  chinaToday,
  PRACTICE_PROBLEM_TEXT,
  type Station,
  type StationActivity,
  type StationActivityInput,
  type StationCreateInput,
  type StationRoundInput,
  type StationUpdateInput,
} from '@ganbu/core';
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { createRound } from '../../assessment/service/rounds.ts';
import { createOrg } from '../../org/service.ts';
import { practicePolicy } from '../practice/policy.ts';
import * as repo from './repository.ts';

/**
 * 党员远程教育站点 (R-TRN-3): the station units in scope (org kind `station`) with their manager, notes and
 * activities, the pack's planned count, and rounds of the pack's station target-management scheme
 * (站点目标管理考评) started through the assessment module with the stations as targets.
 */
const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);

export async function listStations(ctx: RequestContext) {
  const { view } = await practicePolicy(ctx);
  const items = await repo.listStations(ctx.client, view.stations?.schemeId ?? null);
  const s = view.stations;
  const explanation = s
    ? `政策包“${view.packName}”规划党员远程教育站点 ${s.planned} 个；本范围登记在册 ${items.length} 个` +
      (items.length < s.planned ? `，比规划少 ${s.planned - items.length} 个。` : '。') +
      `站点目标管理考评按考核方案“${s.schemeName}”进行。`
    : `政策包“${view.packName}”未规定党员远程教育站点，不设规划数与站点目标管理考评。`;
  return { items, planned: s?.planned ?? null, explanation };
}

async function mustFindStation(ctx: RequestContext, id: string): Promise<Station> {
  const { view } = await practicePolicy(ctx);
  const [station] = await repo.listStations(ctx.client, view.stations?.schemeId ?? null, id);
  if (!station) throw notFound('站点');
  return station;
}

async function managerOf(ctx: RequestContext, managerId: string | null | undefined) {
  if (managerId === undefined) return {};
  if (managerId === null) return { managerId: null, managerName: '' };
  const cadre = await repo.findCadre(ctx.client, managerId);
  if (!cadre) throw notFound('站点管理员');
  return { managerId: cadre.id, managerName: cadre.name };
}

/** A new station unit under a village or community, made through the org service, with its register entry. */
export async function createStation(ctx: RequestContext, input: StationCreateInput): Promise<Station> {
  const manager = await managerOf(ctx, input.managerId);
  const org = await createOrg(ctx, {
    parentId: input.parentId,
    code: `st_${randomBytes(5).toString('hex')}`,
    name: input.name.trim(),
    kind: 'station',
  });
  await repo.upsertProfile(ctx.client, org.id, {
    ...manager,
    address: input.address?.trim() ?? '',
    equipment: input.equipment?.trim() ?? '',
  });
  const station = await mustFindStation(ctx, org.id);
  await ctx.audit({ action: 'station.update', objectType: 'station', objectId: org.id, after: station });
  return station;
}

/** The register entry of a station: its manager (a cadre in scope), address and equipment notes. */
export async function updateStation(
  ctx: RequestContext,
  id: string,
  input: StationUpdateInput,
): Promise<Station> {
  const before = await mustFindStation(ctx, id);
  const manager = await managerOf(ctx, input.managerId);
  await repo.upsertProfile(ctx.client, id, {
    ...manager,
    address: input.address?.trim(),
    equipment: input.equipment?.trim(),
  });
  const after = await mustFindStation(ctx, id);
  await ctx.audit({ action: 'station.update', objectType: 'station', objectId: id, before, after });
  return after;
}

export async function listActivities(ctx: RequestContext, id: string): Promise<StationActivity[]> {
  await mustFindStation(ctx, id);
  return repo.listActivities(ctx.client, id);
}

export async function addActivity(
  ctx: RequestContext,
  id: string,
  input: StationActivityInput,
): Promise<StationActivity[]> {
  await mustFindStation(ctx, id);
  if (input.heldOn > todayOf(ctx))
    throw new AppError(400, 'VALIDATION', PRACTICE_PROBLEM_TEXT.PRACTICE_ACTIVITY_FUTURE, {
      problem: 'PRACTICE_ACTIVITY_FUTURE',
    });
  const activityId = await repo.insertActivity(ctx.client, {
    orgId: id,
    heldOn: input.heldOn,
    topic: input.topic.trim(),
    attendees: input.attendees,
    createdBy: ctx.actor?.userId ?? null,
  });
  await ctx.audit({
    action: 'station.activity',
    objectType: 'station',
    objectId: id,
    after: { activityId, ...input },
  });
  return repo.listActivities(ctx.client, id);
}

/**
 * 开始站点目标管理考评: a round of the pack's station scheme (targets: the chosen stations, default every
 * station in scope), organised by the user's unit, through the assessment module's service.
 */
export async function startRound(ctx: RequestContext, input: StationRoundInput) {
  const { pack, view } = await practicePolicy(ctx);
  if (!view.stations)
    throw new AppError(
      400,
      'STATION_NO_POLICY',
      `政策包“${view.packName}”未规定党员远程教育站点，不能开始站点目标管理考评`,
      { packId: view.packId },
    );
  if (input.periodEnd < input.periodStart)
    throw new AppError(400, 'VALIDATION', PRACTICE_PROBLEM_TEXT.STATION_PERIOD, {
      problem: 'STATION_PERIOD',
    });
  const stations = await repo.listStations(ctx.client, null);
  const ids = input.stationIds ?? stations.map((s) => s.orgId);
  if (ids.some((id) => !stations.some((s) => s.orgId === id))) throw notFound('站点');
  if (ids.length === 0) throw new AppError(400, 'VALIDATION', '范围内没有站点，不能开始考评');
  const roundId = await createRound(ctx, {
    name:
      input.name?.trim() || `${view.stations.schemeName}（${input.periodStart.slice(0, 4)}）`.slice(0, 100),
    packId: pack.id,
    schemeId: view.stations.schemeId,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    population: { unitIds: ids, cadreIds: [] },
  });
  await ctx.audit({
    action: 'station.round',
    objectType: 'assessment_round',
    objectId: roundId,
    after: { schemeId: view.stations.schemeId, stationIds: ids },
  });
  return { roundId, targetCount: ids.length };
}
