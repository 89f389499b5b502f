import { SENSITIVE_CORRECTION_FIELDS, type Correction, type CorrectionInbox } from '@ganbu/core';
import type pg from 'pg';
import { appendAudit } from '../../../platform/audit-writer.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { setSystemScope } from '../../../platform/scope-settings.ts';
import { isSensitiveCorrection, maskProposedValue } from '../sensitive.ts';
import { maySeeSensitive } from '../service.ts';
import * as repo from './repository.ts';

/**
 * 申请更正: a cadre asks for a correction of their own record (officers may file one for a cadre too);
 * an officer with write rights accepts or rejects it. Accepting records the decision; the officer edits
 * the record itself, so every change still goes through its validation.
 */

function proposedValueOf(cipher: FieldCipher, r: repo.CorrectionRecord): string {
  return r.proposedValueEnc ? cipher.decrypt(r.proposedValueEnc) : r.proposedValue;
}

/**
 * A request as the API shows it: the proposed value of a sensitive field (phone, health, family) is kept
 * encrypted and shown masked unless the caller revealed it (allowed and audited like the record's reveal).
 */
const present = (cipher: FieldCipher, r: repo.CorrectionRecord, reveal: boolean): Correction => ({
  id: r.id,
  cadreId: r.cadreId,
  field: r.field,
  proposedValue: reveal ? proposedValueOf(cipher, r) : maskProposedValue(r.field, proposedValueOf(cipher, r)),
  reason: r.reason,
  status: r.status,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  decisionNote: r.decisionNote,
});

/** The stored form of a proposed value: sensitive ones only as cipher text. */
function storedValue(cipher: FieldCipher, field: Correction['field'], value: string) {
  return isSensitiveCorrection(field)
    ? { proposedValue: '', proposedValueEnc: cipher.encrypt(value) }
    : { proposedValue: value, proposedValueEnc: null };
}

async function one(client: pg.ClientBase, cipher: FieldCipher, id: string): Promise<Correction> {
  const row = await repo.selectCorrection(client, id);
  if (!row) throw notFound('更正申请');
  return present(cipher, row, false);
}

/** The requests of one record; with `reveal`, sensitive proposed values in clear, and that read audited. */
export async function listCorrections(
  ctx: RequestContext,
  cipher: FieldCipher,
  cadreId: string,
  reveal: boolean,
): Promise<{ items: Correction[] }> {
  if (reveal) {
    if (!(await repo.cadreVisible(ctx.client, cadreId))) throw notFound('干部');
    if (!maySeeSensitive(ctx, cadreId)) throw new AppError(403, 'FORBIDDEN', '您的角色无权查看敏感信息');
  }
  const rows = await repo.listCorrectionsOf(ctx.client, cadreId);
  // as the record's reveal: every answer with a sensitive value in clear is audited
  const shown = reveal ? rows.filter((r) => isSensitiveCorrection(r.field)) : [];
  if (shown.length) {
    await ctx.audit({
      action: 'cadre.reveal',
      objectType: 'cadre',
      objectId: cadreId,
      after: {
        fields: SENSITIVE_CORRECTION_FIELDS.filter((f) => shown.some((r) => r.field === f)),
        corrections: shown.map((r) => r.id),
      },
    });
  }
  return { items: rows.map((r) => present(cipher, r, reveal)) };
}

/** The officer's inbox: requests in a status across their scope, with whom they concern. */
export async function correctionInbox(
  ctx: RequestContext,
  cipher: FieldCipher,
  status: Correction['status'],
): Promise<CorrectionInbox> {
  const rows = await repo.listCorrectionsInStatus(ctx.client, status);
  return {
    items: rows.map((r) => ({ ...present(cipher, r, false), cadreName: r.cadreName, orgName: r.orgName })),
  };
}

/** 申请更正: for one's own record, or by an officer (组织部, unit administrator) for a cadre in scope. */
export async function requestCorrection(
  ctx: RequestContext,
  cipher: FieldCipher,
  cadreId: string,
  input: { field: Correction['field']; proposedValue: string; reason: string },
): Promise<Correction> {
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const own = actor.cadreId === cadreId;
  if (!own && !actor.roles.some((role) => role === 'orgdept' || role === 'unit_admin')) {
    throw new AppError(403, 'FORBIDDEN', '只能为本人的干部信息申请更正');
  }
  const stored = storedValue(cipher, input.field, input.proposedValue);
  const id = await repo.insertCorrection(ctx.client, {
    cadreId,
    requestedBy: actor.userId,
    field: input.field,
    proposedValue: stored.proposedValue,
    proposedValueEnc: stored.proposedValueEnc,
    reason: input.reason,
  });
  if (!id) throw notFound('干部');
  await ctx.audit({
    action: 'cadre.correction.request',
    objectType: 'cadre',
    objectId: cadreId,
    after: { field: input.field },
  });
  return one(ctx.client, cipher, id);
}

/** 采纳 / 不予采纳, once: a request already decided is a conflict. */
export async function decideCorrection(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  input: { status: 'accepted' | 'rejected'; note: string },
): Promise<Correction> {
  const decided = await repo.decideCorrection(ctx.client, {
    id,
    status: input.status,
    note: input.note,
    decidedBy: ctx.actor?.userId,
    at: ctx.now,
  });
  if (!decided) {
    await one(ctx.client, cipher, id); // 404 when not visible
    throw new AppError(409, 'CONFLICT', '该申请已处理');
  }
  const correction = await one(ctx.client, cipher, id);
  await ctx.audit({
    action: 'cadre.correction.decide',
    objectType: 'cadre',
    objectId: correction.cadreId,
    after: { id: correction.id, status: correction.status },
  });
  return correction;
}

/**
 * Requests stored before their sensitive values were encrypted (migration 0013 added the cipher column but
 * cannot encrypt: the key never enters the database). Run by the server at every start before it listens;
 * it encrypts what is left in clear, in one transaction, and audits the count. Returns the number converted.
 */
export async function encryptLegacyCorrections(
  pool: pg.Pool,
  cipher: FieldCipher,
  now: Date,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setSystemScope(client);
    const rows = await repo.lockLegacyClearValues(client, SENSITIVE_CORRECTION_FIELDS);
    if (rows.length) {
      await repo.storeEncryptedValues(
        client,
        rows.map((r) => r.id),
        rows.map((r) => cipher.encrypt(r.proposedValue)),
      );
      await appendAudit(client, {
        action: 'cadre.correction.encrypt',
        objectType: 'cadre_correction',
        after: { count: rows.length },
        at: now,
        actor: null,
        clientAddress: null,
        sealWith: cipher,
      });
    }
    await client.query('COMMIT');
    return rows.length;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
