import {
  annualAssessmentText,
  chinaToday,
  CadreRecordInputSchema,
  currentPost,
  can,
  deriveFacts,
  grassrootsMonths,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  printedResume,
  validateCadreRecord,
  type CadreDetail,
  type CadreListItem,
  type CadreListQuery,
  type CadreRecord,
  type CadreRecordInput,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, idNumberTaken, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { notPromotable } from '../eligibility/roster-filter.ts';
import { rosterCondition } from '../selection/indicators/service.ts';
import { publishedAnnualResults } from './annual-results.ts';
import { assertEstablishmentUnit, unitsById } from './establishment-units.ts';
import * as repo from './repository.ts';
import { decryptSensitive, encryptSensitive, idNumberIndex, maskSensitive } from './sensitive.ts';

const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);

function safeDecrypt(cipher: FieldCipher, v: string | null): string | null {
  return v ? cipher.decrypt(v) : null;
}

/** One page of the roster and its count (capped: `ROSTER_COUNT_CAP`). */
export async function listCadres(ctx: RequestContext, cipher: FieldCipher, q: CadreListQuery) {
  const { items, count } = await rosterPage(ctx, cipher, q, repo.ROSTER_COUNT_CAP);
  return { items, total: count?.total ?? 0, totalCapped: count?.capped ?? false };
}

/** One page of the roster without a count: the exports, which read every page until a short one. */
export async function listCadreItems(ctx: RequestContext, cipher: FieldCipher, q: CadreListQuery) {
  return (await rosterPage(ctx, cipher, q, null)).items;
}

async function rosterPage(ctx: RequestContext, cipher: FieldCipher, q: CadreListQuery, cap: number | null) {
  const excluded = q.promotableOn ? await notPromotable(ctx, q.promotableOn) : undefined;
  const extra = q.indicator ? await rosterCondition(ctx, { ...q, indicator: q.indicator }) : undefined;
  const narrow = ctx.actor !== null && ctx.actor.scopeMode !== 'all';
  const { rows, count } = await repo.listRoster(ctx.client, q, todayOf(ctx), excluded, extra, cap, narrow);
  const items: CadreListItem[] = rows.map((r) => {
    const id = safeDecrypt(cipher, r.id_number_enc);
    const phone = safeDecrypt(cipher, r.phone_enc);
    return {
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date,
      age: r.age,
      orgId: r.org_id,
      orgName: r.org_name,
      establishmentOrgId: r.establishment_org_id,
      postTitle: r.post_title,
      rank: r.rank,
      category: r.category,
      politicalStatus: r.political_status,
      education: r.full_time_education.education ?? '',
      degree: r.full_time_education.degree ?? '',
      tags: r.tags,
      idNumberMasked: id ? maskIdNumber(id) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    };
  });
  return { items, count };
}

/** Who may see ID number, phone, health and family in clear: the 组织部, unit administrators, and the cadre. */
export function maySeeSensitive(ctx: RequestContext, cadreId: string): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  return can(actor.roles, 'cadre.sensitive') || actor.cadreId === cadreId;
}

/** The stored record in clear (sensitive fields decrypted) with its unit name and photo flag. */
export async function readRecord(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
): Promise<{ record: CadreRecord; orgName: string; hasPhoto: boolean }> {
  const row = await repo.findCadreRow(ctx.client, id);
  if (!row) throw notFound('干部');
  const appointments = await repo.findAppointments(ctx.client, id);
  const sensitive = decryptSensitive(cipher, row);
  const noEducation = { education: '', degree: '', school: '', major: '' };
  return {
    orgName: row.org_name,
    hasPhoto: row.has_photo,
    record: {
      orgId: row.org_id,
      establishmentOrgId: row.establishment_org_id,
      name: row.name,
      gender: row.gender,
      birthDate: row.birth_date,
      ethnicity: row.ethnicity,
      nativePlace: row.native_place,
      birthPlace: row.birth_place,
      politicalStatus: row.political_status,
      partyJoinDate: row.party_join_date,
      workStartDate: row.work_start_date,
      health: sensitive.health,
      fullTimeEducation: { ...noEducation, ...row.full_time_education },
      inServiceEducation: { ...noEducation, ...row.in_service_education },
      idNumber: sensitive.idNumber,
      phone: sensitive.phone,
      category: row.category,
      rank: row.rank,
      professionalType: row.professional_type,
      professionalTitle: row.professional_title,
      specialty: row.specialty,
      postTitle: row.post_title,
      rewardsAndPunishments: row.rewards_and_punishments,
      annualAssessment: row.annual_assessment,
      tags: row.tags,
      family: sensitive.family,
      appointments,
      extras: row.extras,
    },
  };
}

/** One record with history, resume and explained facts; sensitive fields masked unless revealed (audited). */
export async function getCadre(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  reveal: boolean,
): Promise<CadreDetail> {
  const { record, orgName, hasPhoto } = await readRecord(ctx, cipher, id);
  if (reveal && !maySeeSensitive(ctx, id)) throw new AppError(403, 'FORBIDDEN', '您的角色无权查看敏感信息');
  if (reveal) {
    await ctx.audit({
      action: 'cadre.reveal',
      objectType: 'cadre',
      objectId: id,
      after: { fields: ['idNumber', 'phone', 'health', 'family'] },
    });
  }
  const facts = deriveFacts(record, todayOf(ctx));
  const shown = reveal ? record : { ...record, ...maskSensitive(record) };
  const published = await publishedAnnualResults(ctx.client, id);
  const est = record.establishmentOrgId;
  const establishmentOrgName = est ? ((await unitsById(ctx, [est])).get(est)?.name ?? null) : null;
  return {
    ...shown,
    id,
    orgName,
    establishmentOrgName,
    revealed: reveal,
    hasPhoto,
    resume: printedResume(record),
    facts: { ...facts },
    publishedAnnualResults: published,
    annualAssessmentShown: annualAssessmentText(record.annualAssessment, published),
  };
}

function checkRecord(record: CadreRecord, today: string): CadreRecord {
  const problems = validateCadreRecord(record, today);
  if (problems.length) throw new AppError(400, 'VALIDATION', '干部信息有误，请按提示修改', problems);
  if (record.idNumber) {
    const parsed = parseIdNumber(record.idNumber);
    if (parsed.ok) return { ...record, idNumber: parsed.normalized };
  }
  return record;
}

/** A record as the repository writes it: sensitive fields encrypted, derived facts computed. */
export function cadreWrite(cipher: FieldCipher, record: CadreRecord, today: string): repo.CadreWrite {
  const { idNumber, phone, health, family, appointments, ...rest } = record;
  const facts = deriveFacts(
    { birthDate: record.birthDate, workStartDate: record.workStartDate, appointments },
    today,
  );
  const current = currentPost(appointments);
  return {
    record: rest,
    encrypted: encryptSensitive(cipher, { idNumber, phone, health, family }),
    facts: {
      streetOrTownship: facts.streetOrTownship.value === true,
      streetLeadership: facts.streetLeadership.value === true,
      townshipSecretary: facts.townshipSecretary.value === true,
      grassrootsMonths: grassrootsMonths(appointments, today),
      // the current post (the open appointment latest started): what the structure indicators count
      currentRoleKind: current?.roleKind ?? null,
      currentLeadership: current?.isLeadership ?? false,
    },
  };
}

/** What the audit keeps of a record: everything but the sensitive values (only whether they changed). */
function auditView(r: CadreRecord) {
  const { idNumber, phone, health, family, ...rest } = r;
  const masked = maskSensitive({ idNumber, phone, health, family });
  return {
    ...rest,
    idNumber: masked.idNumber,
    phone: masked.phone,
    health: masked.health,
    familyCount: family.length,
  };
}

async function assertIdNumberFree(
  ctx: RequestContext,
  cipher: FieldCipher,
  idNumber: string | null,
  self: string | null,
) {
  if (!idNumber) return;
  const existing = await repo.findCadreIdByIdNumberHash(ctx.client, idNumberIndex(cipher, idNumber));
  if (existing && existing !== self) throw idNumberTaken();
}

export async function createCadre(
  ctx: RequestContext,
  cipher: FieldCipher,
  raw: CadreRecordInput,
): Promise<string> {
  const record = checkRecord(CadreRecordInputSchema.parse(raw), todayOf(ctx));
  await assertEstablishmentUnit(ctx, record);
  await assertIdNumberFree(ctx, cipher, record.idNumber, null);
  const id = await repo.insertCadre(ctx.client, cadreWrite(cipher, record, todayOf(ctx)));
  if (!id) throw notFound('单位');
  await repo.replaceAppointments(ctx.client, id, record.appointments);
  await ctx.audit({ action: 'cadre.create', objectType: 'cadre', objectId: id, after: auditView(record) });
  return id;
}

export async function updateCadre(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  raw: CadreRecordInput,
): Promise<void> {
  const before = await repo.findCadreRow(ctx.client, id);
  if (!before) throw notFound('干部');
  const record = checkRecord(CadreRecordInputSchema.parse(raw), todayOf(ctx));
  await assertEstablishmentUnit(ctx, record);
  await assertIdNumberFree(ctx, cipher, record.idNumber, id);
  if (!(await repo.updateCadre(ctx.client, id, cadreWrite(cipher, record, todayOf(ctx)))))
    throw notFound('单位');
  await repo.replaceAppointments(ctx.client, id, record.appointments);
  await ctx.client.query(
    'UPDATE cadre_photos p SET org_path = c.org_path FROM cadres c WHERE c.id = p.cadre_id AND p.cadre_id = $1',
    [id],
  );
  await ctx.audit({
    action: 'cadre.update',
    objectType: 'cadre',
    objectId: id,
    before: {
      name: before.name,
      orgId: before.org_id,
      establishmentOrgId: before.establishment_org_id,
      postTitle: before.post_title,
      rank: before.rank,
    },
    after: auditView(record),
  });
}

/**
 * One tag of a record set or cleared by another module, audited as `cadre.tag` with why: the pools keep
 * 后备干部 (`reserve`) and 年轻干部 (`young`) in step with active membership. Nothing written (and nothing
 * audited) when the tag is already so.
 */
export async function setCadreTag(
  ctx: RequestContext,
  cadreId: string,
  tag: string,
  on: boolean,
  why: string,
): Promise<boolean> {
  const changed = await repo.setTag(ctx.client, cadreId, tag, on);
  if (changed)
    await ctx.audit({
      action: 'cadre.tag',
      objectType: 'cadre',
      objectId: cadreId,
      before: { tag, on: !on },
      after: { tag, on, why },
    });
  return changed;
}
