import {
  ageAt,
  checkPoolEntry,
  chinaToday,
  conditionText,
  monthsAfter,
  nextReviewCycle,
  poolLevelName,
  poolQuotaStatus,
  reviewsText,
  unmetClauses,
  type Pack,
  type PoolDueReviewList,
  type PoolDueReviewsQuery,
  type PoolEntryCheckAnswer,
  type PoolEntryCheckQuery,
  type PoolHistory,
  type PoolKind,
  type PoolLeave,
  type PoolLevelPolicy,
  type PoolLevelView,
  type PoolMember,
  type PoolMemberPatch,
  type PoolNominate,
  type PoolOverview,
  type PoolQuery,
  type PoolReviewResult,
  type PoolUnit,
  type ScheduledPoolReview,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { setCadreTag } from '../../cadre/service.ts';
import { postNotice } from '../../workflow/service.ts';
import * as repo from './repository.ts';

/**
 * 人才库 (R-SEL-4): the levels of the district's pack in force today; a unit's members per unit of the
 * level's kinds with the quota status; nomination checked against the conditions (POOL_CONDITION_UNMET with
 * the clauses) and the ceiling (POOL_QUOTA_FULL); leaving with a reason; the 两委 candidate flag; the reviews
 * scheduled on entry (一年一小考核，三年一大考核) and their results. The cadre's `reserve` / `young` tag follows
 * active membership (through the cadre service, audited), so the roster's tag filter and pay's tag reads stay
 * true.
 */

const todayOf = (ctx: RequestContext) => chinaToday(ctx.now);
const ORG_KIND_TEXT: Record<string, string> = {
  district: '区(县)',
  department: '区直部门',
  street: '街道',
  township: '乡镇',
  village: '村',
  community: '社区',
  station: '站点',
  enterprise: '企业',
};
const kindsText = (kinds: readonly string[]) => kinds.map((k) => ORG_KIND_TEXT[k] ?? k).join('、');

async function districtPack(ctx: RequestContext): Promise<Pack> {
  return packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
}

/** The level of the pack in force; unknown → 400 naming the levels there are. */
function levelOf(pack: Pack, kind: PoolKind, level: string): PoolLevelPolicy {
  const levels = pack.selection?.pools ?? [];
  const found = levels.find((l) => l.kind === kind && l.level === level);
  if (!found) {
    const known = levels.filter((l) => l.kind === kind).map((l) => l.level);
    throw new AppError(
      400,
      'VALIDATION',
      `政策包“${pack.name}”没有人才库层级“${level}”` + (known.length ? `（现有：${known.join('、')}）` : ''),
      { kind, level, known },
    );
  }
  return found;
}

function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function refuseDate(message: string, field: string): never {
  throw new AppError(400, 'VALIDATION', message, [{ path: field, message }]);
}

function present(
  m: repo.MemberRow,
  reviews: readonly repo.ReviewRow[],
  today: string,
  unmetNow: string[],
): PoolMember {
  return {
    id: m.id,
    cadreId: m.cadreId,
    name: m.name,
    gender: m.gender,
    age: m.birthDate ? ageAt(m.birthDate, today) : null,
    orgId: m.orgId,
    orgName: m.orgName,
    postTitle: m.postTitle,
    rank: m.rank,
    kind: m.kind,
    level: m.level,
    unitOrgId: m.unitOrgId,
    unitName: m.unitName,
    enteredOn: m.enteredOn,
    entryReason: m.entryReason,
    entryCheck: m.entryCheck,
    active: m.leftOn === null,
    leftOn: m.leftOn,
    exitReason: m.exitReason,
    twoCommitteesCandidate: m.twoCommitteesCandidate,
    note: m.note,
    unmetNow,
    reviews: reviews
      .filter((r) => r.memberId === m.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        dueOn: r.dueOn,
        dueText: `入库后第 ${monthsAfter(m.enteredOn, r.dueOn)} 个月`,
        doneOn: r.doneOn,
        result: r.result,
        keeps: r.keeps,
        overdue: r.doneOn === null && r.dueOn < today,
      })),
  };
}

/** Members as the API shows them, with their reviews and the level's conditions judged today. */
async function presentAll(ctx: RequestContext, rows: readonly repo.MemberRow[], pack: Pack | null) {
  const today = todayOf(ctx);
  const reviews = await repo.reviewsOf(
    ctx.client,
    rows.map((m) => m.id),
  );
  const active = rows.filter((m) => m.leftOn === null);
  const subjects = await repo.subjectsOf(ctx.client, [...new Set(active.map((m) => m.cadreId))], today);
  return rows.map((m) => {
    const level = pack?.selection?.pools.find((l) => l.kind === m.kind && l.level === m.level);
    const s = subjects.get(m.cadreId);
    const unmet = m.leftOn === null && level && s ? unmetClauses(s.subject, level.conditions, today) : [];
    return present(m, reviews, today, unmet);
  });
}

async function mustOrg(ctx: RequestContext, orgId: string | undefined): Promise<repo.OrgRow> {
  const org = orgId ? await repo.findOrg(ctx.client, orgId) : await repo.scopeRootOrg(ctx.client);
  if (!org) throw notFound('单位');
  return org;
}

/** The pool under a unit: each level of the pack (narrowed by kind and level), per unit with its quota. */
export async function overview(ctx: RequestContext, q: PoolQuery): Promise<PoolOverview> {
  const org = await mustOrg(ctx, q.orgId);
  const pack = await districtPack(ctx);
  if (q.level && q.kind) levelOf(pack, q.kind, q.level);
  const levels = (pack.selection?.pools ?? []).filter(
    (l) => (!q.kind || l.kind === q.kind) && (!q.level || l.level === q.level),
  );
  if (q.level && !levels.length)
    throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”没有人才库层级“${q.level}”`, {
      level: q.level,
    });
  const views: PoolLevelView[] = [];
  for (const level of levels) views.push(await levelView(ctx, pack, org, level));
  return {
    asOf: todayOf(ctx),
    orgId: org.id,
    orgName: org.name,
    packId: pack.id,
    packName: pack.name,
    effectiveFrom: pack.version.effectiveFrom,
    levels: views,
  };
}

async function levelView(
  ctx: RequestContext,
  pack: Pack,
  org: repo.OrgRow,
  level: PoolLevelPolicy,
): Promise<PoolLevelView> {
  const units = await repo.unitsOfKinds(ctx.client, org.path, level.unitKinds);
  const rows = await repo.listMembers(ctx.client, {
    underPath: org.path,
    kind: level.kind,
    level: level.level,
  });
  const members = await presentAll(ctx, rows, pack);
  const byUnit = new Map<string, PoolMember[]>();
  for (const m of members) byUnit.set(m.unitOrgId, [...(byUnit.get(m.unitOrgId) ?? []), m]);
  const out: PoolUnit[] = units.map((u) => ({
    orgId: u.id,
    orgName: u.name,
    orgKind: u.kind,
    quota: poolQuotaStatus(byUnit.get(u.id)?.length ?? 0, level),
    members: byUnit.get(u.id) ?? [],
  }));
  // members of the unit's subtree counted in a unit above it: listed, their unit's quota not judged here
  const seen = new Set(units.map((u) => u.id));
  for (const [unitId, list] of byUnit)
    if (!seen.has(unitId))
      out.push({
        orgId: null,
        orgName: list[0]?.unitName ?? `计入${kindsText(level.unitKinds)}名额（不在本单位范围内）`,
        orgKind: null,
        quota: null,
        members: list,
      });
  const judged = out.filter((u) => u.quota && u.quota.state !== 'none');
  const short = judged.filter((u) => u.quota?.state === 'short');
  const missing = short.reduce((s, u) => s + (u.quota?.short ?? 0), 0);
  const name = poolLevelName(level);
  const explanation =
    level.perUnitMin === null && level.perUnitMax === null
      ? `${org.name}${name}现有 ${members.length} 人；政策包未规定每单位名额`
      : `${org.name}${name}现有 ${members.length} 人；${judged.length} 个${kindsText(level.unitKinds)}中` +
        (short.length ? `${short.length} 个未达标，共还差 ${missing} 人` : '全部达标');
  return {
    kind: level.kind,
    level: level.level,
    name,
    unitKinds: level.unitKinds,
    perUnitMin: level.perUnitMin,
    perUnitMax: level.perUnitMax,
    conditionsText: conditionText(level.conditions),
    reviews: level.reviews.map((r) => ({ name: r.name, everyMonths: r.everyMonths })),
    reviewsText: reviewsText(level.reviews),
    duties: level.duties,
    total: members.length,
    unitsShort: short.length,
    missing,
    explanation,
    units: out,
  };
}

interface Judged {
  level: PoolLevelPolicy;
  subject: repo.SubjectRow;
  enteredOn: string;
  check: ReturnType<typeof checkPoolEntry>;
  /** the unit counted in, or why none */
  unit: repo.OrgRow | AppError;
  already: boolean;
}

/** What a nomination finds: the level, the nominee judged on the day, the unit counted in. */
async function judge(
  ctx: RequestContext,
  q: {
    cadreId: string;
    kind: PoolKind;
    level: string;
    unitOrgId?: string | undefined;
    enteredOn?: string | undefined;
  },
): Promise<Judged> {
  const today = todayOf(ctx);
  const pack = await districtPack(ctx);
  const level = levelOf(pack, q.kind, q.level);
  const enteredOn = q.enteredOn ?? today;
  if (enteredOn > today) refuseDate(`入库日期（${enteredOn}）不能晚于今天（${today}）`, 'enteredOn');
  const subject = (await repo.subjectsOf(ctx.client, [q.cadreId], enteredOn)).get(q.cadreId);
  if (!subject) throw notFound('干部');
  let unit: repo.OrgRow | AppError;
  const kinds = kindsText(level.unitKinds);
  if (q.unitOrgId) {
    const found = await repo.findOrg(ctx.client, q.unitOrgId);
    if (!found) throw notFound('计入单位');
    unit = level.unitKinds.includes(found.kind)
      ? found
      : new AppError(
          400,
          'VALIDATION',
          `${poolLevelName(level)}按${kinds}计算名额，“${found.name}”不是${kinds}`,
          [{ path: 'unitOrgId', message: `计入单位须为${kinds}` }],
        );
  } else {
    unit =
      (await repo.nearestOfKinds(ctx.client, subject.orgPath, level.unitKinds)) ??
      new AppError(
        400,
        'VALIDATION',
        `在您的数据范围内，${subject.name}所在单位及其上级中没有${kinds}，无法确定计入名额的单位`,
        [{ path: 'unitOrgId', message: `请指定计入名额的${kinds}` }],
      );
  }
  const already = (await repo.listMembers(ctx.client, { cadreId: q.cadreId, kind: q.kind, level: q.level }))
    .length;
  return {
    level,
    subject,
    unit,
    enteredOn,
    check: checkPoolEntry(level, subject.subject, enteredOn),
    already: already > 0,
  };
}

/** 入库资格预审: what a nomination would find, nothing written. */
export async function entryCheck(ctx: RequestContext, q: PoolEntryCheckQuery): Promise<PoolEntryCheckAnswer> {
  const j = await judge(ctx, q);
  if (j.unit instanceof AppError)
    return {
      check: j.check,
      unitOrgId: null,
      unitName: null,
      unitProblem: j.unit.message,
      quota: null,
      already: j.already,
    };
  const count = await repo.countActive(ctx.client, j.unit.id, q.kind, q.level);
  return {
    check: j.check,
    unitOrgId: j.unit.id,
    unitName: j.unit.name,
    unitProblem: null,
    quota: poolQuotaStatus(count, j.level),
    already: j.already,
  };
}

async function noticeReviews(
  ctx: RequestContext,
  m: { id: string; name: string; kind: PoolKind; unitOrgId: string },
  level: PoolLevelPolicy,
  reviews: readonly ScheduledPoolReview[],
) {
  for (const r of reviews)
    await postNotice(ctx, {
      kind: 'pool.review',
      kindName: '人才库考核',
      title: `${m.name}：${poolLevelName(level)}${r.name}（${r.dueOn}到期）`,
      link: `/selection/pools?tab=${m.kind}`,
      orgId: m.unitOrgId,
      recipientRoles: ['orgdept', 'unit_admin'],
      dueOn: r.dueOn,
      sourceKey: `pool.review:${m.id}:${r.name}:${r.dueOn}`,
    });
}

/** 推荐入库: the conditions on the day of entry, the unit's ceiling, the reviews scheduled, the tag set. */
export async function nominate(ctx: RequestContext, input: PoolNominate): Promise<PoolMember> {
  const j = await judge(ctx, input);
  const name = poolLevelName(j.level);
  // the conditions first: a nominee who does not meet them is told so whatever the unit
  if (!j.check.met)
    throw new AppError(422, 'POOL_CONDITION_UNMET', j.check.explanation, {
      unmet: j.check.unmet,
      conditionsText: j.check.conditionsText,
      asOf: j.enteredOn,
    });
  if (j.unit instanceof AppError) throw j.unit;
  const unit = j.unit;
  if (j.already) throw conflict(`${j.subject.name}已在${name}中`);
  await repo.lockUnitLevel(ctx.client, unit.id, input.kind, input.level);
  const count = await repo.countActive(ctx.client, unit.id, input.kind, input.level);
  const quota = poolQuotaStatus(count, j.level);
  if (quota.full)
    throw new AppError(
      409,
      'POOL_QUOTA_FULL',
      `${unit.name}${name}已有 ${count} 人，达到每单位不多于 ${j.level.perUnitMax} 人的上限`,
      { unitOrgId: unit.id, count, perUnitMax: j.level.perUnitMax },
    );
  let id: string | null;
  try {
    id = await repo.insertMember(ctx.client, {
      cadreId: input.cadreId,
      kind: input.kind,
      level: input.level,
      unitOrgId: unit.id,
      enteredOn: j.enteredOn,
      reason: input.reason.trim(),
      entryCheck: j.check,
      createdBy: ctx.actor?.userId ?? null,
    });
  } catch (e) {
    // the active-membership index: a nomination of the same person that ran alongside
    if ((e as { code?: string }).code === '23505') throw conflict(`${j.subject.name}已在${name}中`);
    throw e;
  }
  if (!id) throw notFound('干部');
  const scheduled = nextReviewCycle(j.level.reviews, j.enteredOn, 0);
  await repo.insertReviews(ctx.client, id, scheduled);
  await setCadreTag(ctx, input.cadreId, input.kind, true, `列入${name}`);
  await noticeReviews(
    ctx,
    { id, name: j.subject.name, kind: input.kind, unitOrgId: unit.id },
    j.level,
    scheduled,
  );
  const member = await mustMember(ctx, id);
  await ctx.audit({
    action: 'pool.nominate',
    objectType: 'pool_member',
    objectId: id,
    after: {
      cadreId: member.cadreId,
      kind: member.kind,
      level: member.level,
      unitOrgId: member.unitOrgId,
      enteredOn: member.enteredOn,
      reason: member.entryReason,
      check: j.check.explanation,
      reviews: scheduled.map((r) => `${r.name} ${r.dueOn}`),
    },
  });
  return member;
}

async function mustMember(ctx: RequestContext, id: string): Promise<PoolMember> {
  const row = await repo.findMember(ctx.client, id);
  if (!row) throw notFound('人才库成员');
  const pack = await districtPack(ctx);
  return (await presentAll(ctx, [row], pack))[0]!;
}

async function mustActiveRow(ctx: RequestContext, id: string): Promise<repo.MemberRow> {
  const row = await repo.findMember(ctx.client, id, true);
  if (!row) throw notFound('人才库成员');
  if (row.leftOn !== null)
    throw new AppError(409, 'CONFLICT', `${row.name}已于 ${row.leftOn} 出库`, { leftOn: row.leftOn });
  return row;
}

async function leaveRow(ctx: RequestContext, row: repo.MemberRow, leftOn: string, reason: string) {
  await repo.leaveMember(ctx.client, row.id, leftOn, reason);
  if (!(await repo.hasOtherActive(ctx.client, row.cadreId, row.kind, row.id)))
    await setCadreTag(ctx, row.cadreId, row.kind, false, `退出${row.level}（${reason}）`);
}

function checkDay(day: string, row: repo.MemberRow, today: string, field: string, what: string) {
  if (day < row.enteredOn) refuseDate(`${what}（${day}）不能早于入库日期（${row.enteredOn}）`, field);
  if (day > today) refuseDate(`${what}（${day}）不能晚于今天（${today}）`, field);
}

/** 出库 (动态调整): the date and the reason; the tag goes when no other membership of the kind is left. */
export async function leave(ctx: RequestContext, id: string, input: PoolLeave): Promise<PoolMember> {
  const row = await mustActiveRow(ctx, id);
  const today = todayOf(ctx);
  const leftOn = input.leftOn ?? today;
  checkDay(leftOn, row, today, 'leftOn', '出库日期');
  await leaveRow(ctx, row, leftOn, input.reason.trim());
  const after = await mustMember(ctx, id);
  await ctx.audit({
    action: 'pool.leave',
    objectType: 'pool_member',
    objectId: id,
    before: { leftOn: null },
    after: { cadreId: row.cadreId, kind: row.kind, level: row.level, leftOn, reason: after.exitReason },
  });
  return after;
}

/** 两委候选人 flag (reserve members) and the note. */
export async function patch(ctx: RequestContext, id: string, input: PoolMemberPatch): Promise<PoolMember> {
  const row = await mustActiveRow(ctx, id);
  if (input.twoCommitteesCandidate !== undefined && row.kind !== 'reserve')
    throw new AppError(400, 'VALIDATION', '只有后备干部可推荐为“两委”候选人', [
      { path: 'twoCommitteesCandidate', message: '只有后备干部可推荐为“两委”候选人' },
    ]);
  // 两委 are a village's or community's committees: only a reserve member counted there is their candidate
  if (input.twoCommitteesCandidate) {
    const unitKind = await repo.unitKindOf(ctx.client, row.unitOrgId);
    if (unitKind !== 'village' && unitKind !== 'community')
      throw new AppError(400, 'VALIDATION', '只有计入村(社区)名额的后备干部可推荐为“两委”候选人', [
        { path: 'twoCommitteesCandidate', message: '只有计入村(社区)名额的后备干部可推荐为“两委”候选人' },
      ]);
  }
  await repo.patchMember(ctx.client, id, input);
  const after = await mustMember(ctx, id);
  await ctx.audit({
    action: 'pool.update',
    objectType: 'pool_member',
    objectId: id,
    before: { twoCommitteesCandidate: row.twoCommitteesCandidate, note: row.note },
    after: { twoCommitteesCandidate: after.twoCommitteesCandidate, note: after.note },
  });
  return after;
}

/**
 * A review's result. Kept: when it was the last one scheduled, the next cycle is scheduled (and noticed);
 * not kept: the member leaves on the day with the reason (the review's result unless one is given).
 */
export async function recordReview(
  ctx: RequestContext,
  id: string,
  reviewId: string,
  input: PoolReviewResult,
): Promise<PoolMember> {
  const row = await mustActiveRow(ctx, id);
  const review = await repo.findReview(ctx.client, id, reviewId);
  if (!review) throw notFound('考核');
  if (review.doneOn) throw new AppError(409, 'CONFLICT', `${review.name}已于 ${review.doneOn} 登记结果`);
  const today = todayOf(ctx);
  const doneOn = input.doneOn ?? today;
  checkDay(doneOn, row, today, 'doneOn', '考核日期');
  await repo.recordReview(ctx.client, reviewId, { doneOn, result: input.result.trim(), keeps: input.keeps });
  let scheduled: ScheduledPoolReview[] = [];
  if (input.keeps) {
    const all = await repo.reviewsOf(ctx.client, [id]);
    if (all.every((r) => r.doneOn !== null || r.id === reviewId)) {
      const level = (await districtPack(ctx)).selection?.pools.find(
        (l) => l.kind === row.kind && l.level === row.level,
      );
      if (level) {
        const last = Math.max(...all.map((r) => monthsAfter(row.enteredOn, r.dueOn)));
        scheduled = nextReviewCycle(level.reviews, row.enteredOn, last);
        await repo.insertReviews(ctx.client, id, scheduled);
        await noticeReviews(ctx, row, level, scheduled);
      }
    }
  } else {
    await leaveRow(ctx, row, doneOn, input.exitReason?.trim() || `${review.name}：${input.result.trim()}`);
  }
  const after = await mustMember(ctx, id);
  await ctx.audit({
    action: 'pool.review',
    objectType: 'pool_member',
    objectId: id,
    after: {
      reviewId,
      name: review.name,
      dueOn: review.dueOn,
      doneOn,
      result: input.result.trim(),
      keeps: input.keeps,
      leftOn: after.leftOn,
      scheduled: scheduled.map((r) => `${r.name} ${r.dueOn}`),
    },
  });
  return after;
}

/** Reviews not done due by today + withinDays (overdue ones too), of active members under the unit. */
export async function dueReviews(ctx: RequestContext, q: PoolDueReviewsQuery): Promise<PoolDueReviewList> {
  const org = await mustOrg(ctx, q.orgId);
  const today = todayOf(ctx);
  const until = addDays(today, q.withinDays);
  const due = await repo.dueReviews(ctx.client, { underPath: org.path, until, kind: q.kind });
  return {
    asOf: today,
    until,
    items: due
      .map(({ review, member }) => ({
        review: present(member, [review], today, []).reviews[0]!,
        memberId: member.id,
        cadreId: member.cadreId,
        name: member.name,
        orgName: member.orgName,
        kind: member.kind,
        level: member.level,
        unitName: member.unitName,
      }))
      .sort((a, b) => (a.review.dueOn < b.review.dueOn ? -1 : a.review.dueOn > b.review.dueOn ? 1 : 0)),
  };
}

/** A cadre's memberships, current and past. */
export async function history(ctx: RequestContext, cadreId: string): Promise<PoolHistory> {
  const seen = await repo.subjectsOf(ctx.client, [cadreId], todayOf(ctx));
  if (!seen.size) throw notFound('干部');
  const rows = await repo.listMembers(ctx.client, { cadreId, history: true });
  return { items: await presentAll(ctx, rows, await districtPack(ctx)) };
}
