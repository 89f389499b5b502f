import {
  checkNewRecord,
  type DisciplineAttachment,
  type DisciplineRecord,
  type DisciplineRecordCreateInput,
  type DisciplineRecordListQuery,
  type DisciplineRecordRevokeInput,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { photoType } from '../../cadre/photo.ts';
import { refreshWarnings } from '../../eligibility/service.ts';
import { findOrg } from '../repository/filings.ts';
import * as repo from '../repository/records.ts';
import { kindsOn, refuse, todayOf } from './common.ts';

/** 从严管理记录: every read is audited (confidential), every change with before and after. */

async function mustFind(ctx: RequestContext, id: string): Promise<DisciplineRecord> {
  const record = await repo.findRecord(ctx.client, id);
  if (!record) throw notFound('从严管理记录');
  return record;
}

/** The kinds and grades of the pack in force on a date (today when none). */
export async function listKinds(ctx: RequestContext, date: string | undefined) {
  const { pack, kinds } = await kindsOn(ctx.client, date ?? todayOf(ctx));
  return { packId: pack.id, effectiveFrom: pack.version.effectiveFrom, items: kinds };
}

export async function listRecords(ctx: RequestContext, q: DisciplineRecordListQuery, cadreId?: string) {
  let unitPath: string | undefined;
  if (q.unitId) {
    // a unit the user cannot see filters to nothing
    unitPath = (await findOrg(ctx.client, q.unitId))?.path ?? 'none';
  }
  const page = await repo.listRecords(ctx.client, {
    kind: q.kind,
    year: q.year,
    unitPath,
    cadreId,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  await ctx.audit({
    action: 'discipline.records.list',
    objectType: cadreId ? 'cadre' : 'discipline_record',
    objectId: cadreId ?? null,
    after: { query: { ...q }, ids: page.items.map((r) => r.id) },
  });
  return page;
}

/** The records of one cadre (the record page's 从严管理 tab; the cadre reads their own). */
export async function listCadreRecords(ctx: RequestContext, cadreId: string, q: DisciplineRecordListQuery) {
  if (!(await repo.findCadre(ctx.client, cadreId))) throw notFound('干部');
  return listRecords(ctx, q, cadreId);
}

export async function getRecord(ctx: RequestContext, id: string): Promise<DisciplineRecord> {
  const record = await mustFind(ctx, id);
  await ctx.audit({ action: 'discipline.record.read', objectType: 'discipline_record', objectId: id });
  return record;
}

/** File a record: a cadre in scope, a kind and grade of the pack in force on the decision date. */
export async function createRecord(
  ctx: RequestContext,
  input: DisciplineRecordCreateInput,
): Promise<DisciplineRecord> {
  const grade = input.grade ?? null;
  const { kinds } = await kindsOn(ctx.client, input.decidedOn);
  refuse(checkNewRecord({ kind: input.kind, grade, decidedOn: input.decidedOn }, kinds, todayOf(ctx)));
  const cadre = await repo.findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  const id = await repo.insertRecord(ctx.client, {
    cadreId: cadre.id,
    kind: input.kind,
    grade,
    facts: input.facts.trim(),
    decidedBy: input.decidedBy.trim(),
    decidedOn: input.decidedOn,
    documentNo: (input.documentNo ?? '').trim(),
    createdBy: ctx.actor?.userId ?? null,
  });
  const record = await mustFind(ctx, id);
  await ctx.audit({
    action: 'discipline.record.create',
    objectType: 'discipline_record',
    objectId: id,
    after: record,
  });
  // 苗头性、倾向性问题 (two 提醒 in twelve months …): the early-warning rules run over the cadre's records again
  await refreshWarnings(ctx, cadre.id);
  return record;
}

/** 撤销: dated today, with the reason; a revoked record is kept and no longer counts. */
export async function revokeRecord(
  ctx: RequestContext,
  id: string,
  input: DisciplineRecordRevokeInput,
): Promise<DisciplineRecord> {
  const before = await mustFind(ctx, id);
  if (before.revokedOn !== null) refuse('RECORD_REVOKED');
  if (!(await repo.revokeRecord(ctx.client, id, todayOf(ctx), input.reason.trim())))
    throw notFound('从严管理记录');
  const after = await mustFind(ctx, id);
  await ctx.audit({
    action: 'discipline.record.revoke',
    objectType: 'discipline_record',
    objectId: id,
    before,
    after,
  });
  return after;
}

// ---------------------------------------------------------------- attachments

/** The attachment's type by its first bytes: PDF, JPEG or PNG; anything else null. */
export function attachmentType(bytes: Buffer): DisciplineAttachment['mime'] | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return photoType(bytes);
}

const EXTENSION: Record<DisciplineAttachment['mime'], string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/** The name kept for download: no path or control characters, the extension the content's. */
export function attachmentName(uploaded: string | undefined, mime: DisciplineAttachment['mime']): string {
  const base = (uploaded ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem = (base.replace(/\.(pdf|jpe?g|png)$/i, '') || '附件').slice(0, 100);
  return `${stem}${EXTENSION[mime]}`;
}

export async function uploadAttachment(
  ctx: RequestContext,
  recordId: string,
  body: unknown,
  name: string | undefined,
): Promise<DisciplineAttachment[]> {
  await mustFind(ctx, recordId);
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 PDF、JPG 或 PNG 文件');
  const mime = attachmentType(body);
  if (!mime) refuse('ATTACHMENT_TYPE');
  const id = await repo.insertAttachment(ctx.client, {
    recordId,
    name: attachmentName(name, mime as DisciplineAttachment['mime']),
    mime: mime as string,
    bytes: body,
    uploadedBy: ctx.actor?.userId ?? null,
  });
  await ctx.audit({
    action: 'discipline.attachment.upload',
    objectType: 'discipline_record',
    objectId: recordId,
    after: { attachmentId: id, mime, bytes: body.length },
  });
  return repo.listAttachments(ctx.client, recordId);
}

export async function listAttachments(
  ctx: RequestContext,
  recordId: string,
): Promise<DisciplineAttachment[]> {
  await mustFind(ctx, recordId);
  return repo.listAttachments(ctx.client, recordId);
}

export async function downloadAttachment(ctx: RequestContext, recordId: string, attachmentId: string) {
  const file = await repo.findAttachment(ctx.client, recordId, attachmentId);
  if (!file) throw notFound('附件');
  await ctx.audit({
    action: 'discipline.attachment.download',
    objectType: 'discipline_record',
    objectId: recordId,
    after: { attachmentId },
  });
  return file;
}
