import {
  chinaToday,
  earlyWarnings,
  ELIGIBILITY_PURPOSES,
  eligibilityMany,
  explainReason,
  explainWarning,
  purposeName,
  type DisciplineSection,
  type EarlyWarningList,
  type EligibilityAll,
  type EligibilityAnswer,
  type EligibilityAnswerDto,
  type EligibilityPurpose,
  ROLES,
  type Role,
  type WarningFlag,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { setScope, setSystemScope } from '../../platform/scope-settings.ts';
import { packOn, sectionWithShippedFallback, selectedPackId } from '../assessment/service/packs.ts';
import { postNotice, type WorkflowContext } from '../workflow/service.ts';
import * as repo from './repository.ts';

/** The district's calendar day (Asia/Shanghai), as every module reads "today". */
export const districtDay = (now: Date) => chinaToday(now);

/** above this many cadre ids the facts are read for the whole scope and filtered here */
const MANY_IDS = 2000;

/** The roles that read discipline records in their scope: they may ask about any cadre they see. */
const READER_ROLES = ['orgdept', 'discipline'] as const;

/**
 * The discipline section in force on `date`: the district's chosen pack's version in force then. A version
 * saved before the section existed falls back to the shipped version of the same pack in force on that
 * date, else to the shipped default pack's (the national rules every shipped pack carries).
 */
export async function disciplineOn(
  client: pg.ClientBase,
  date: string,
  chosen?: string,
): Promise<{ discipline: DisciplineSection }> {
  const packId = chosen ?? (await selectedPackId(client));
  const discipline = sectionWithShippedFallback(await packOn(client, packId, date), date, 'discipline');
  if (!discipline) throw new AppError(400, 'VALIDATION', `政策包在 ${date} 没有从严管理规则`);
  return { discipline };
}

/**
 * The batch question other modules ask: one answer per cadre id, with the facts the client's scope shows
 * (one query per table). The pack is the district's chosen pack's version in force on `date`.
 */
export async function eligibilityOf(
  client: pg.ClientBase,
  cadreIds: readonly string[] | null,
  date: string,
  purpose: EligibilityPurpose,
  opts: { packId?: string } = {},
): Promise<Map<string, EligibilityAnswer>> {
  // Many ids: reading every row in scope once and keeping those of the ids is cheaper than sending the
  // ids (a district has far fewer records than cadres). One client runs one query at a time.
  const wanted = cadreIds && cadreIds.length > MANY_IDS ? new Set(cadreIds) : null;
  const asked = wanted ? null : cadreIds;
  const keep = <T extends { cadreId: string }>(rows: T[]) =>
    wanted ? rows.filter((r) => wanted.has(r.cadreId)) : rows;
  const records = keep(await repo.recordsOf(client, asked));
  const clarifications = keep(await repo.clarificationsOf(client, asked));
  const tolerance = records.length ? keep(await repo.toleranceOf(client, asked)) : [];
  const ids = cadreIds ?? [...new Set([...records, ...clarifications].map((r) => r.cadreId))];
  if (!records.length && !clarifications.length)
    return new Map(ids.map((id) => [id, { eligible: true, purpose, date, reasons: [] }]));
  const pack = await disciplineOn(client, date, opts.packId);
  return eligibilityMany({ cadreIds: ids, records, tolerance, clarifications }, pack, date, purpose);
}

/**
 * The same answers for a computation whose user may not read discipline records (a street admin computing
 * an assessment round): the facts are read in the system scope for these cadres only, and the caller shows
 * only the rule, the effect, until when and the source (`explainReason(r, {facts: false})`) — never the
 * record's date or document number. The request's own scope is restored before returning.
 */
export async function eligibilityForComputation(
  ctx: RequestContext,
  cadreIds: readonly string[],
  date: string,
  purpose: EligibilityPurpose,
  opts: { packId?: string } = {},
): Promise<Map<string, EligibilityAnswer>> {
  if (!cadreIds.length) return new Map();
  // the system scope reads the confidential tables too (app_has_any_role, migration 0020)
  await setSystemScope(ctx.client);
  try {
    return await eligibilityOf(ctx.client, cadreIds, date, purpose, opts);
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

/**
 * Who may ask about a cadre: 组织部 and 纪检联络 about any cadre they see; anyone else (the cadre role) about
 * her own record only — a user whose scope shows the cadre but not her discipline records is refused rather
 * than told "eligible".
 */
async function mustAsk(ctx: RequestContext, cadreId: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const reader = actor.roles.some((r) => (READER_ROLES as readonly string[]).includes(r));
  if (!reader && actor.cadreId !== cadreId) throw forbidden('只能查看本人的资格情况');
  if (!(await repo.cadreVisible(ctx.client, cadreId))) throw notFound('干部');
}

function toDto(a: EligibilityAnswer): EligibilityAnswerDto {
  return {
    eligible: a.eligible,
    purpose: a.purpose,
    purposeName: purposeName(a.purpose),
    date: a.date,
    reasons: a.reasons.map((r) => ({ ...r, explanation: explainReason(r) })),
  };
}

/** `GET /api/cadres/{id}/eligibility`: one purpose, audited (the reasons reveal discipline records). */
export async function cadreEligibility(
  ctx: RequestContext,
  cadreId: string,
  q: { date?: string | undefined; purpose: EligibilityPurpose },
): Promise<EligibilityAnswerDto> {
  await mustAsk(ctx, cadreId);
  const date = q.date ?? districtDay(ctx.now);
  const answer = (await eligibilityOf(ctx.client, [cadreId], date, q.purpose)).get(cadreId)!;
  await ctx.audit({
    action: 'eligibility.read',
    objectType: 'cadre',
    objectId: cadreId,
    after: { date, purpose: q.purpose, eligible: answer.eligible, reasons: answer.reasons.length },
  });
  return toDto(answer);
}

/** `GET /api/cadres/{id}/eligibility/all`: every known purpose at once (the record page), audited. */
export async function cadreEligibilityAll(
  ctx: RequestContext,
  cadreId: string,
  q: { date?: string | undefined },
): Promise<EligibilityAll> {
  await mustAsk(ctx, cadreId);
  const date = q.date ?? districtDay(ctx.now);
  const items: EligibilityAnswerDto[] = [];
  for (const purpose of ELIGIBILITY_PURPOSES)
    items.push(toDto((await eligibilityOf(ctx.client, [cadreId], date, purpose)).get(cadreId)!));
  await ctx.audit({
    action: 'eligibility.read',
    objectType: 'cadre',
    objectId: cadreId,
    after: { date, purposes: 'all', ineligible: items.filter((i) => !i.eligible).map((i) => i.purpose) },
  });
  return { date, items };
}

/**
 * The in-progress processes (a promotion under way …) the `recordDuring` rules look at. There is no
 * selection module yet, so there are none: the rule is expressed and evaluated, and flags nothing.
 */
const PROCESSES_KNOWN = false;

async function flagsOf(client: pg.ClientBase, cadreId: string, date: string): Promise<WarningFlag[]> {
  const pack = await disciplineOn(client, date);
  // one client runs one query at a time
  const records = await repo.recordsOf(client, [cadreId]);
  const tolerance = await repo.toleranceOf(client, [cadreId]);
  const clarifications = await repo.clarificationsOf(client, [cadreId]);
  return earlyWarnings(
    { cadre: { id: cadreId }, records, tolerance, clarifications, processes: [] },
    pack,
    date,
  );
}

/** `GET /api/cadres/{id}/warnings`: the early-warning flags (苗头性、倾向性问题), audited. */
export async function cadreWarnings(
  ctx: RequestContext,
  cadreId: string,
  q: { date?: string | undefined },
): Promise<EarlyWarningList> {
  const actor = ctx.actor;
  // flags are for the roles that handle them, not for the cadre
  if (!actor?.roles.some((r) => (READER_ROLES as readonly string[]).includes(r)))
    throw forbidden('预警信息仅组织部和纪检联络可见');
  if (!(await repo.cadreVisible(ctx.client, cadreId))) throw notFound('干部');
  const date = q.date ?? districtDay(ctx.now);
  const flags = await flagsOf(ctx.client, cadreId, date);
  await ctx.audit({
    action: 'eligibility.warnings',
    objectType: 'cadre',
    objectId: cadreId,
    after: { date, flags: flags.map((f) => f.rule) },
  });
  return {
    date,
    items: flags.map((f) => ({ ...f, explanation: explainWarning(f) })),
    processesKnown: PROCESSES_KNOWN,
  };
}

/**
 * After a record is filed, revoked or a tolerance decision taken (the discipline module calls this in its
 * transaction): the cadre's early-warning flags today, each posted once to the inbox of the roles the pack
 * names whose scope covers the cadre's unit (`postNotice`, idempotent by its key: the flag's rule and the
 * latest record that raised it, so a further record posts again). Returns the flags.
 */
export async function refreshWarnings(ctx: WorkflowContext, cadreId: string): Promise<WarningFlag[]> {
  const flags = await flagsOf(ctx.client, cadreId, districtDay(ctx.now));
  if (!flags.length) return flags;
  const cadre = await repo.cadreUnit(ctx.client, cadreId);
  if (!cadre) return flags;
  for (const flag of flags) {
    const roles = flag.notify.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (!roles.length) continue;
    await postNotice(ctx, {
      kind: 'discipline.warning',
      kindName: '从严管理预警',
      title: `${cadre.name}：${flag.name}`,
      link: `/cadres/${cadreId}?tab=eligibility`,
      orgId: cadre.orgId,
      recipientRoles: roles,
      sourceKey: `discipline.warning:${cadreId}:${flag.rule}:${flag.records.at(-1)?.id ?? ''}`,
    });
  }
  return flags;
}
