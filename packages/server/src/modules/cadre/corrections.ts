import {
  CadreDetailQuerySchema,
  CorrectionCreateInputSchema,
  CorrectionDecisionInputSchema,
  CorrectionListSchema,
  CorrectionSchema,
  CorrectionInboxSchema,
  IdParamSchema,
  SENSITIVE_CORRECTION_FIELDS,
  type Correction,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit-writer.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { setSystemScope } from '../../platform/scope-settings.ts';
import { isSensitiveCorrection, maskProposedValue } from './sensitive.ts';
import { maySeeSensitive } from './service.ts';

interface Row {
  id: string;
  cadre_id: string;
  field: Correction['field'];
  proposed_value: string;
  proposed_value_enc: string | null;
  reason: string;
  status: Correction['status'];
  requested_by: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string;
}

// accounts outside the reader's scope stay hidden (RLS), so their names show as empty
const SELECT = `SELECT k.id, k.cadre_id, k.field, k.proposed_value, k.proposed_value_enc, k.reason, k.status,
  coalesce(r.display_name, '') AS requested_by, k.created_at, d.display_name AS decided_by, k.decided_at, k.decision_note
  FROM cadre_corrections k LEFT JOIN users r ON r.id = k.requested_by LEFT JOIN users d ON d.id = k.decided_by`;

/**
 * A request as the API shows it: the proposed value of a sensitive field (phone, health, family) is kept
 * encrypted and shown masked unless the caller revealed it (allowed and audited like the record's reveal).
 */
const toCorrection = (cipher: FieldCipher, r: Row, reveal: boolean): Correction => ({
  id: r.id,
  cadreId: r.cadre_id,
  field: r.field,
  proposedValue: reveal ? proposedValueOf(cipher, r) : maskProposedValue(r.field, proposedValueOf(cipher, r)),
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  createdAt: r.created_at.toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  decisionNote: r.decision_note,
});

function proposedValueOf(cipher: FieldCipher, r: Row): string {
  return r.proposed_value_enc ? cipher.decrypt(r.proposed_value_enc) : r.proposed_value;
}

/** The stored form of a proposed value: sensitive ones only as cipher text. */
function storedValue(cipher: FieldCipher, field: Correction['field'], value: string) {
  return isSensitiveCorrection(field)
    ? { proposed_value: '', proposed_value_enc: cipher.encrypt(value) }
    : { proposed_value: value, proposed_value_enc: null };
}

async function one(client: pg.ClientBase, cipher: FieldCipher, id: string): Promise<Correction> {
  const { rows } = await client.query<Row>(`${SELECT} WHERE k.id = $1`, [id]);
  if (!rows[0]) throw notFound('更正申请');
  return toCorrection(cipher, rows[0], false);
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
    const { rows } = await client.query<{ id: string; proposed_value: string }>(
      `SELECT id, proposed_value FROM cadre_corrections
        WHERE field = ANY($1::text[]) AND proposed_value_enc IS NULL ORDER BY id FOR UPDATE`,
      [SENSITIVE_CORRECTION_FIELDS],
    );
    if (rows.length) {
      await client.query(
        `UPDATE cadre_corrections k SET proposed_value_enc = u.enc, proposed_value = ''
           FROM unnest($1::uuid[], $2::text[]) AS u(id, enc) WHERE k.id = u.id`,
        [rows.map((r) => r.id), rows.map((r) => cipher.encrypt(r.proposed_value))],
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

/**
 * 申请更正: a cadre asks for a correction of their own record (officers may file one for a cadre too);
 * an officer with write rights accepts or rejects it. Accepting records the decision; the officer edits
 * the record itself, so every change still goes through its validation.
 */
export async function correctionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];
  const CorrectionIdSchema = z.strictObject({ id: z.string().uuid() });

  r.get(
    '/api/cadres/:id/corrections',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '更正申请列表（电话、健康状况、家庭成员的申请值默认脱敏；reveal=true 明文显示并审计）',
        params: IdParamSchema,
        querystring: CadreDetailQuerySchema,
        response: { 200: CorrectionListSchema },
      },
    },
    async (req) => {
      const ctx = req.ctx;
      const reveal = req.query.reveal === true;
      if (reveal) {
        const { rowCount } = await ctx.client.query('SELECT 1 FROM cadres WHERE id = $1', [req.params.id]);
        if (!rowCount) throw notFound('干部');
        if (!maySeeSensitive(ctx, req.params.id))
          throw new AppError(403, 'FORBIDDEN', '您的角色无权查看敏感信息');
      }
      const { rows } = await ctx.client.query<Row>(
        `${SELECT} WHERE k.cadre_id = $1 ORDER BY k.created_at DESC`,
        [req.params.id],
      );
      // as the record's reveal: every answer with a sensitive value in clear is audited
      const shown = reveal ? rows.filter((r) => isSensitiveCorrection(r.field)) : [];
      if (shown.length) {
        await ctx.audit({
          action: 'cadre.reveal',
          objectType: 'cadre',
          objectId: req.params.id,
          after: {
            fields: SENSITIVE_CORRECTION_FIELDS.filter((f) => shown.some((r) => r.field === f)),
            corrections: shown.map((r) => r.id),
          },
        });
      }
      return { items: rows.map((r) => toCorrection(app.cipher, r, reveal)) };
    },
  );

  r.get(
    '/api/cadre-corrections',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '待处理的更正申请（本人数据范围内）',
        querystring: z.strictObject({
          status: z.enum(['pending', 'accepted', 'rejected']).default('pending'),
        }),
        response: { 200: CorrectionInboxSchema },
      },
    },
    async (req) => {
      const { rows } = await req.ctx.client.query<Row & { cadre_name: string; org_name: string }>(
        `SELECT q.*, c.name AS cadre_name, coalesce(o.name, '') AS org_name
           FROM (${SELECT} WHERE k.status = $1) q
           JOIN cadres c ON c.id = q.cadre_id LEFT JOIN orgs o ON o.id = c.org_id
          ORDER BY q.created_at DESC LIMIT 500`,
        [req.query.status],
      );
      return {
        items: rows.map((r) => ({
          ...toCorrection(app.cipher, r, false),
          cadreName: r.cadre_name,
          orgName: r.org_name,
        })),
      };
    },
  );

  r.post(
    '/api/cadres/:id/corrections',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '申请更正本人信息',
        params: IdParamSchema,
        body: CorrectionCreateInputSchema,
        response: { 200: CorrectionSchema },
      },
    },
    async (req) => {
      const actor = req.ctx.actor;
      if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
      const own = actor.cadreId === req.params.id;
      if (!own && !actor.roles.some((role) => role === 'orgdept' || role === 'unit_admin')) {
        throw new AppError(403, 'FORBIDDEN', '只能为本人的干部信息申请更正');
      }
      const stored = storedValue(app.cipher, req.body.field, req.body.proposedValue);
      const { rows } = await req.ctx.client.query<{ id: string }>(
        `INSERT INTO cadre_corrections
           (cadre_id, org_path, requested_by, field, proposed_value, proposed_value_enc, reason)
         SELECT c.id, c.org_path, $2, $3, $4, $5, $6 FROM cadres c WHERE c.id = $1 RETURNING id`,
        [
          req.params.id,
          actor.userId,
          req.body.field,
          stored.proposed_value,
          stored.proposed_value_enc,
          req.body.reason,
        ],
      );
      if (!rows[0]) throw notFound('干部');
      await req.ctx.audit({
        action: 'cadre.correction.request',
        objectType: 'cadre',
        objectId: req.params.id,
        after: { field: req.body.field },
      });
      return one(req.ctx.client, app.cipher, rows[0].id);
    },
  );

  r.post(
    '/api/cadre-corrections/:id/decision',
    {
      config: { permission: 'cadre.write' },
      schema: {
        tags,
        summary: '处理更正申请（采纳/不采纳）',
        params: CorrectionIdSchema,
        body: CorrectionDecisionInputSchema,
        response: { 200: CorrectionSchema },
      },
    },
    async (req) => {
      const res = await req.ctx.client.query(
        `UPDATE cadre_corrections SET status = $2, decision_note = $3, decided_by = $4, decided_at = $5
          WHERE id = $1 AND status = 'pending'`,
        [req.params.id, req.body.status, req.body.note, req.ctx.actor?.userId, req.ctx.now],
      );
      if (!res.rowCount) {
        await one(req.ctx.client, app.cipher, req.params.id); // 404 when not visible
        throw new AppError(409, 'CONFLICT', '该申请已处理');
      }
      const decided = await one(req.ctx.client, app.cipher, req.params.id);
      await req.ctx.audit({
        action: 'cadre.correction.decide',
        objectType: 'cadre',
        objectId: decided.cadreId,
        after: { id: decided.id, status: decided.status },
      });
      return decided;
    },
  );
}
