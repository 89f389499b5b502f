import {
  checkPasswordStrength,
  UserCreateInputSchema,
  violatesSeparationOfDuties,
  type ScopeMode,
  type SecuritySettings,
  type User,
  type UserCreateInput,
  type UserRolesInput,
  type UserUpdateInput,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/password-hash.ts';
import { findAccountById, setPassword } from '../auth/repository.ts';
import { clearLoginFailures, lockedUsernames } from '../auth/throttle.ts';
import * as repo from './repository.ts';

async function present(ctx: RequestContext, id: string, settings: SecuritySettings): Promise<User> {
  const row = await repo.findUser(ctx.client, id);
  if (!row) throw notFound('用户');
  const locked = await lockedUsernames(ctx.client, [row.username], ctx.now, settings.session);
  return repo.toUser(row, locked.has(row.username));
}

export async function listUsers(
  ctx: RequestContext,
  q: { q?: string; page: number; pageSize: number },
  settings: SecuritySettings,
) {
  const { rows, total } = await repo.listUsers(ctx.client, q.q, q.pageSize, (q.page - 1) * q.pageSize);
  const locked = await lockedUsernames(
    ctx.client,
    rows.map((r) => r.username),
    ctx.now,
    settings.session,
  );
  return { items: rows.map((r) => repo.toUser(r, locked.has(r.username))), total };
}

/** Nobody hands out a wider data scope than their own: only a 全部 user may grant 全部. */
function assertScopeGrantable(ctx: RequestContext, mode: ScopeMode) {
  if (mode === 'all' && ctx.actor?.scopeMode !== 'all') {
    throw forbidden('不能授予超出自身数据范围的“全部”范围');
  }
}

function checkInitialPassword(password: string, username: string, settings: SecuritySettings) {
  const violations = checkPasswordStrength(password, settings.password, username);
  if (violations.length) throw new AppError(400, 'PASSWORD_POLICY', '初始密码不符合密码策略', violations);
}

/** 系统管理员 creates an account without roles; the security administrator grants them. */
export async function createUser(
  ctx: RequestContext,
  raw: UserCreateInput,
  settings: SecuritySettings,
): Promise<User> {
  const input = UserCreateInputSchema.parse(raw);
  checkInitialPassword(input.initialPassword, input.username, settings);
  assertScopeGrantable(ctx, input.scopeMode);
  if (!(await repo.orgVisible(ctx.client, input.orgId))) throw notFound('单位');
  if (input.cadreId && !(await repo.cadreVisible(ctx.client, input.cadreId))) throw notFound('干部');
  try {
    const id = await repo.insertUser(ctx.client, {
      username: input.username,
      displayName: input.displayName,
      orgId: input.orgId,
      cadreId: input.cadreId,
      scopeMode: input.scopeMode,
      roles: [],
      passwordHash: await hashPassword(input.initialPassword),
      mustChange: true,
      now: ctx.now,
    });
    const user = await present(ctx, id, settings);
    await ctx.audit({ action: 'user.create', objectType: 'user', objectId: id, after: user });
    return user;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError(409, 'CONFLICT', '用户名已存在');
    throw e;
  }
}

export async function updateUser(
  ctx: RequestContext,
  id: string,
  patch: UserUpdateInput,
  settings: SecuritySettings,
) {
  const before = await present(ctx, id, settings);
  if (id === ctx.actor?.userId && patch.active === false) throw forbidden('不能停用自己的账号');
  await repo.updateUser(ctx.client, id, patch);
  if (patch.active === false) await repo.deleteSessionsOf(ctx.client, id);
  const after = await present(ctx, id, settings);
  await ctx.audit({ action: 'user.update', objectType: 'user', objectId: id, before, after });
  return after;
}

/**
 * 安全管理员 grants roles and scope, and moves an account to another unit (its data scope); audited with
 * before and after. An admin role never shares its account with another role (三员分立).
 */
export async function grantRoles(
  ctx: RequestContext,
  id: string,
  input: UserRolesInput,
  settings: SecuritySettings,
) {
  if (violatesSeparationOfDuties(input.roles)) {
    throw new AppError(
      409,
      'SEPARATION_OF_DUTIES',
      '系统管理员、安全管理员、审计管理员角色须单独授予，不能与其他任何角色授予同一账号',
    );
  }
  if (id === ctx.actor?.userId) throw forbidden('不能修改自己的角色');
  assertScopeGrantable(ctx, input.scopeMode);
  const before = await present(ctx, id, settings);
  if (input.orgId && !(await repo.orgVisible(ctx.client, input.orgId))) throw notFound('单位');
  const roles = [...new Set(input.roles)];
  await repo.updateUser(ctx.client, id, { roles, scopeMode: input.scopeMode, orgId: input.orgId });
  await repo.deleteSessionsOf(ctx.client, id);
  const after = await present(ctx, id, settings);
  await ctx.audit({ action: 'user.roles', objectType: 'user', objectId: id, before, after });
  return after;
}

/**
 * A reset sets a temporary password that must be changed at the next login. The history is kept: the
 * replaced password joins it (as with a change) and the temporary one joins it at that change, so
 * neither a reset nor the forced change can bring back a recent password.
 */
export async function resetPassword(
  ctx: RequestContext,
  id: string,
  initialPassword: string,
  settings: SecuritySettings,
) {
  const user = await present(ctx, id, settings);
  checkInitialPassword(initialPassword, user.username, settings);
  const account = await findAccountById(ctx.client, id);
  if (!account) throw notFound('用户');
  const previous = [account.password_hash, ...account.password_history].slice(
    0,
    Math.max(1, settings.password.historyCount),
  );
  for (const old of previous) {
    if (await verifyPassword(initialPassword, old)) {
      throw new AppError(
        400,
        'PASSWORD_REUSED',
        `初始密码不能与该用户最近 ${settings.password.historyCount} 次使用过的密码相同`,
      );
    }
  }
  await setPassword(ctx.client, id, {
    hash: await hashPassword(initialPassword),
    history: previous.slice(0, settings.password.historyCount),
    now: ctx.now,
    mustChange: true,
  });
  await repo.deleteSessionsOf(ctx.client, id);
  await ctx.audit({ action: 'user.password.reset', objectType: 'user', objectId: id });
}

export async function unlockUser(ctx: RequestContext, id: string, settings: SecuritySettings) {
  const user = await present(ctx, id, settings);
  await clearLoginFailures(ctx.client, user.username);
  await ctx.audit({ action: 'user.unlock', objectType: 'user', objectId: id });
}
