import {
  CorrectionCreateInputSchema,
  CorrectionDecisionInputSchema,
  CorrectionListSchema,
  CorrectionSchema,
  CorrectionInboxSchema,
  IdParamSchema,
  type Correction,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';

interface Row {
  id: string;
  cadre_id: string;
  field: Correction['field'];
  proposed_value: string;
  reason: string;
  status: Correction['status'];
  requested_by: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string;
}

// accounts outside the reader's scope stay hidden (RLS), so their names show as empty
const SELECT = `SELECT k.id, k.cadre_id, k.field, k.proposed_value, k.reason, k.status,
  coalesce(r.display_name, '') AS requested_by, k.created_at, d.display_name AS decided_by, k.decided_at, k.decision_note
  FROM cadre_corrections k LEFT JOIN users r ON r.id = k.requested_by LEFT JOIN users d ON d.id = k.decided_by`;

const toCorrection = (r: Row): Correction => ({
  id: r.id,
  cadreId: r.cadre_id,
  field: r.field,
  proposedValue: r.proposed_value,
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  createdAt: r.created_at.toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  decisionNote: r.decision_note,
});

async function one(client: pg.ClientBase, id: string): Promise<Correction> {
  const { rows } = await client.query<Row>(`${SELECT} WHERE k.id = $1`, [id]);
  if (!rows[0]) throw notFound('更正申请');
  return toCorrection(rows[0]);
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
        summary: '更正申请列表',
        params: IdParamSchema,
        response: { 200: CorrectionListSchema },
      },
    },
    async (req) => {
      const { rows } = await req.ctx.client.query<Row>(
        `${SELECT} WHERE k.cadre_id = $1 ORDER BY k.created_at DESC`,
        [req.params.id],
      );
      return { items: rows.map(toCorrection) };
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
        items: rows.map((r) => ({ ...toCorrection(r), cadreName: r.cadre_name, orgName: r.org_name })),
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
      const { rows } = await req.ctx.client.query<{ id: string }>(
        `INSERT INTO cadre_corrections (cadre_id, org_path, requested_by, field, proposed_value, reason)
         SELECT c.id, c.org_path, $2, $3, $4, $5 FROM cadres c WHERE c.id = $1 RETURNING id`,
        [req.params.id, actor.userId, req.body.field, req.body.proposedValue, req.body.reason],
      );
      if (!rows[0]) throw notFound('干部');
      await req.ctx.audit({
        action: 'cadre.correction.request',
        objectType: 'cadre',
        objectId: req.params.id,
        after: { field: req.body.field },
      });
      return one(req.ctx.client, rows[0].id);
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
        await one(req.ctx.client, req.params.id); // 404 when not visible
        throw new AppError(409, 'CONFLICT', '该申请已处理');
      }
      const decided = await one(req.ctx.client, req.params.id);
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
