import {
  formatYuan,
  UNIT_KIND_LABELS,
  judgeWorkListItem,
  type OrgKind,
  type WorkList,
  type WorkListItem,
  type WorkListItemInput,
  type WorkListQuery,
  WorkListItemInputSchema,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { packInForce } from '../staffing/borrowings.ts';
import * as repo from './repository.ts';

/**
 * 村(社区)工作事务清单 (R-BUR-5): items kept by 组织部 or the unit that takes them on, each judged by the
 * pack's `burden.workList` when written: a 属地管理 transfer refused with its code (nothing stored), an item
 * without funding or a purchase flagged (unfunded), the judgement's sentence stored with the item.
 */

function present(r: repo.ItemRow, modes: Map<string, string>): WorkListItem {
  const amountFen = r.amount_fen === null ? null : Number(r.amount_fen);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    organiserName: r.organiser_name,
    year: r.year,
    name: r.name,
    basis: r.basis,
    modeId: r.mode_id,
    modeName: r.mode_id ? (modes.get(r.mode_id) ?? r.mode_id) : null,
    amountFen,
    amountText: amountFen === null ? null : formatYuan(amountFen),
    contract: r.contract,
    localManagement: r.local_management,
    unfunded: r.unfunded,
    explanation: r.explanation,
  };
}

export async function modesOf(ctx: RequestContext) {
  const pack = await packInForce(ctx);
  const policy = pack.burden?.workList ?? null;
  return { pack, policy, modes: new Map((policy?.modes ?? []).map((m) => [m.id, m.name])) };
}

export async function listItems(ctx: RequestContext, q: WorkListQuery): Promise<WorkList> {
  const { pack, policy, modes } = await modesOf(ctx);
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(ctx.client, q.orgId);
    if (!org) throw notFound('单位');
    orgPath = org.path;
  }
  const res = await repo.listItems(ctx.client, {
    year: q.year,
    orgPath,
    unfunded: q.unfunded,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: res.rows.map((r) => present(r, modes)),
    total: res.total,
    unfunded: res.unfunded,
    policy: policy
      ? {
          unitKinds: policy.unitKinds,
          modes: policy.modes,
          refuseLocalManagementTransfer: policy.refuseLocalManagementTransfer,
        }
      : null,
    explanation: policy
      ? `${pack.name}：部门交由${policy.unitKinds.map((k) => UNIT_KIND_LABELS[k] ?? k).join('、')}承担的事项须${policy.modes.map((m) => m.name).join('或')}；既无经费也非购买服务的事项列为未保障并计数${policy.refuseLocalManagementTransfer ? '；以“属地管理”名义转嫁部门职责的事项不予列入' : ''}。共${res.total}项，未保障经费${res.unfunded}项`
      : `${pack.name}未规定村(社区)工作事务清单的准入规则；共${res.total}项，未明确经费${res.unfunded}项`,
  };
}

async function mustFind(ctx: RequestContext, id: string): Promise<WorkListItem> {
  const { modes } = await modesOf(ctx);
  const { rows } = await repo.listItems(ctx.client, { id, limit: 1, offset: 0 });
  if (!rows[0]) throw notFound('事项');
  return present(rows[0], modes);
}

/** Judge an item (refused → its code and sentence, nothing stored), ready to write. */
export async function judged(ctx: RequestContext, input: WorkListItemInput): Promise<repo.ItemWrite> {
  const v = WorkListItemInputSchema.parse(input);
  const { pack, policy } = await modesOf(ctx);
  const target = await repo.findOrg(ctx.client, v.orgId);
  if (!target) throw notFound('承接单位');
  const verdict = judgeWorkListItem(policy, {
    packName: pack.name,
    name: v.name,
    organiserName: v.organiserName,
    target: { name: target.name, kind: target.kind as OrgKind },
    modeId: v.modeId,
    amountFen: v.amountFen,
    contract: v.contract,
    localManagement: v.localManagement,
  });
  if (!verdict.ok)
    throw new AppError(422, verdict.code, verdict.explanation, { explanation: verdict.explanation });
  return {
    orgId: target.id,
    orgPath: target.path,
    organiserName: v.organiserName,
    year: v.year,
    name: v.name,
    basis: v.basis,
    modeId: v.modeId,
    amountFen: v.amountFen,
    contract: v.contract,
    localManagement: v.localManagement,
    unfunded: verdict.unfunded,
    explanation: verdict.explanation,
  };
}

export async function createItem(ctx: RequestContext, input: WorkListItemInput): Promise<WorkListItem> {
  const w = await judged(ctx, input);
  const id = await repo.insertItem(ctx.client, w, ctx.actor?.userId ?? null);
  const after = await mustFind(ctx, id);
  await ctx.audit({
    action: 'burden.worklist.create',
    objectType: 'burden_worklist_item',
    objectId: id,
    after,
  });
  return after;
}

export async function updateItem(
  ctx: RequestContext,
  id: string,
  input: WorkListItemInput,
): Promise<WorkListItem> {
  const before = await mustFind(ctx, id);
  const w = await judged(ctx, input);
  if (!(await repo.updateItem(ctx.client, id, w))) throw notFound('事项');
  const after = await mustFind(ctx, id);
  await ctx.audit({
    action: 'burden.worklist.update',
    objectType: 'burden_worklist_item',
    objectId: id,
    before,
    after,
  });
  return after;
}
