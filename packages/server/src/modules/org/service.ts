import {
  canBeChildOf,
  moveCreatesCycle,
  OrgCreateInputSchema,
  type Org,
  type OrgCreateInput,
  type OrgUpdateInput,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';

async function mustFind(ctx: RequestContext, id: string): Promise<Org> {
  const org = await repo.findOrg(ctx.client, id);
  if (!org) throw notFound('单位');
  return org;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

/** Create a unit under a parent the user can see; the kind must fit under the parent's kind. */
export async function createOrg(ctx: RequestContext, raw: OrgCreateInput): Promise<Org> {
  const input = OrgCreateInputSchema.parse(raw);
  const parent = await mustFind(ctx, input.parentId);
  if (!canBeChildOf(input.kind, parent.kind)) {
    throw new AppError(400, 'ORG_INVALID_PARENT', '该类型的单位不能设在所选上级之下');
  }
  try {
    const org = await repo.insertOrg(ctx.client, {
      parentId: parent.id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      path: `${parent.path}.${input.code}`,
      establishment: input.establishment,
      difficulty: input.difficulty,
      sortOrder: input.sortOrder,
      tags: input.tags,
    });
    await ctx.audit({ action: 'org.create', objectType: 'org', objectId: org.id, after: org });
    return org;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(409, 'CONFLICT', '同一上级下已有相同编码的单位');
    throw e;
  }
}

export async function updateOrg(ctx: RequestContext, id: string, patch: OrgUpdateInput): Promise<Org> {
  const before = await mustFind(ctx, id);
  const after = await repo.updateOrg(ctx.client, id, patch);
  if (!after) throw notFound('单位');
  await ctx.audit({ action: 'org.update', objectType: 'org', objectId: id, before, after });
  return after;
}

/** Move a unit with its whole subtree; paths of the subtree and of every scoped row follow. */
export async function moveOrg(ctx: RequestContext, id: string, parentId: string): Promise<Org> {
  const org = await mustFind(ctx, id);
  const parent = await mustFind(ctx, parentId);
  if (org.parentId === null) throw new AppError(400, 'ORG_INVALID_PARENT', '不能移动根单位');
  if (moveCreatesCycle(org.path, parent.path)) {
    throw new AppError(400, 'ORG_MOVE_CYCLE', '不能把单位移动到它自己或它的下级之下');
  }
  if (!canBeChildOf(org.kind, parent.kind)) {
    throw new AppError(400, 'ORG_INVALID_PARENT', '该类型的单位不能设在所选上级之下');
  }
  const newPath = `${parent.path}.${org.code}`;
  try {
    await repo.setParent(ctx.client, id, parent.id);
    const moved = await repo.rewriteSubtreePaths(ctx.client, org.path, newPath);
    const after = await mustFind(ctx, id);
    await ctx.audit({
      action: 'org.move',
      objectType: 'org',
      objectId: id,
      before: org,
      after: { ...after, moved },
    });
    return after;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(409, 'CONFLICT', '目标上级下已有相同编码的单位');
    throw e;
  }
}

export async function setOrgActive(ctx: RequestContext, id: string, active: boolean): Promise<Org> {
  const before = await mustFind(ctx, id);
  if (!active && (await repo.countActiveChildren(ctx.client, before.path)) > 0) {
    throw new AppError(409, 'ORG_HAS_ACTIVE_CHILDREN', '请先停用其下级单位');
  }
  const after = await repo.updateOrg(ctx.client, id, { active });
  if (!after) throw notFound('单位');
  await ctx.audit({
    action: active ? 'org.activate' : 'org.deactivate',
    objectType: 'org',
    objectId: id,
    before,
    after,
  });
  return after;
}
