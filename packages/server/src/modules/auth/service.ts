import {
  checkPasswordStrength,
  requiresSecondFactor,
  passwordExpired,
  type LoginInput,
  type Me,
  type PasswordChangeInput,
  type SecuritySettings,
} from '@ganbu/core';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../platform/password-hash.ts';
import { setSystemScope } from '../../platform/scope-settings.ts';
import * as repo from './repository.ts';
import { createSession } from './session-store.ts';
import { clearLoginFailures, countLoginFailure, loginLocked } from './throttle.ts';
import { verifyTotp } from './totp.ts';

export type LoginOutcome = { ok: true; me: Me; token: string } | { ok: false; error: AppError };

function buildMe(account: repo.AccountRow, csrfToken: string, now: Date, settings: SecuritySettings): Me {
  const expiry = settings.password.expiryDays;
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    roles: account.roles,
    scopeMode: account.scope_mode,
    orgId: account.org_id,
    orgName: account.org_name,
    cadreId: account.cadre_id,
    mustChangePassword:
      account.must_change_password || passwordExpired(account.password_changed_at, now, settings.password),
    mustEnrolTotp: requiresSecondFactor(account.roles) && !account.totp_secret,
    totpEnrolled: account.totp_secret !== null,
    passwordExpiresAt:
      expiry === 0
        ? null
        : new Date(account.password_changed_at.getTime() + expiry * 86_400_000).toISOString(),
    csrfToken,
  };
}

const badCredentials = () => new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误');
const locked = (minutes: number) =>
  new AppError(
    423,
    'ACCOUNT_LOCKED',
    `连续输错密码次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系系统管理员`,
  );

/**
 * Password (and, for the three admin roles, TOTP) login. Unknown users, inactive users and wrong
 * passwords get the same answer after the same scrypt work; failures count toward the lock.
 */
export async function login(opts: {
  ctx: RequestContext;
  input: LoginInput;
  settings: SecuritySettings;
  cipher: FieldCipher;
  userAgent: string | undefined;
}): Promise<LoginOutcome> {
  const { ctx, input, settings } = opts;
  const policy = settings.session;
  await setSystemScope(ctx.client);
  const fail = async (error: AppError, reason: string) => {
    await ctx.audit({
      action: 'auth.login',
      objectType: 'user',
      objectId: input.username,
      result: 'failure',
      after: { reason },
    });
    return { ok: false as const, error };
  };
  const account = await repo.findAccountByUsername(ctx.client, input.username);
  if (await loginLocked(ctx.client, input.username, ctx.now, policy)) {
    await verifyPassword(input.password, await DUMMY_HASH_PROMISE);
    return fail(locked(policy.lockoutMinutes), 'locked');
  }
  const passwordOk =
    account && account.active
      ? await verifyPassword(input.password, account.password_hash)
      : await verifyPassword(input.password, await DUMMY_HASH_PROMISE).then(() => false);
  if (!account || !passwordOk) {
    const failures = await countLoginFailure(ctx.client, input.username, ctx.now, policy);
    if (failures >= policy.lockoutThreshold) return fail(locked(policy.lockoutMinutes), 'locked_now');
    return fail(badCredentials(), 'bad_password');
  }
  let totpStep: number | null = null;
  if (requiresSecondFactor(account.roles) && account.totp_secret) {
    if (!input.totp) return { ok: false, error: new AppError(401, 'TOTP_REQUIRED', '请输入动态口令') };
    const step = verifyTotp(opts.cipher.decrypt(account.totp_secret), input.totp, ctx.now);
    if (step === null || step <= Number(account.totp_last_step ?? -1)) {
      const failures = await countLoginFailure(ctx.client, input.username, ctx.now, policy);
      if (failures >= policy.lockoutThreshold) return fail(locked(policy.lockoutMinutes), 'locked_now');
      return fail(new AppError(401, 'TOTP_INVALID', '动态口令错误或已使用'), 'bad_totp');
    }
    totpStep = step;
  }
  await clearLoginFailures(ctx.client, input.username);
  await repo.recordLoginSuccess(ctx.client, account.id, ctx.now, totpStep);
  const session = await createSession(ctx.client, {
    userId: account.id,
    now: ctx.now,
    clientAddress: ctx.clientAddress,
    userAgent: opts.userAgent,
  });
  await ctx.audit({
    action: 'auth.login',
    objectType: 'user',
    objectId: account.id,
    actor: { userId: account.id, username: account.username, roles: account.roles },
  });
  return { ok: true, me: buildMe(account, session.csrfToken, ctx.now, settings), token: session.token };
}

export async function currentUser(ctx: RequestContext, settings: SecuritySettings): Promise<Me> {
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const account = await repo.findAccountById(ctx.client, actor.userId);
  if (!account) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return buildMe(account, actor.csrfToken, ctx.now, settings);
}

/**
 * Change one's own password: the current one must match, the new one must meet the policy and
 * not repeat the last N. Other sessions of the user end.
 */
export async function changePassword(opts: {
  ctx: RequestContext;
  input: PasswordChangeInput;
  settings: SecuritySettings;
}): Promise<void> {
  const { ctx, input, settings } = opts;
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const account = await repo.findAccountById(ctx.client, actor.userId);
  if (!account) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw new AppError(400, 'BAD_CREDENTIALS', '当前密码不正确');
  }
  const violations = checkPasswordStrength(input.newPassword, settings.password, account.username);
  if (violations.length > 0) {
    throw new AppError(400, 'PASSWORD_POLICY', '新密码不符合密码策略', violations);
  }
  const previous = [account.password_hash, ...account.password_history].slice(
    0,
    Math.max(1, settings.password.historyCount),
  );
  for (const old of previous) {
    if (await verifyPassword(input.newPassword, old)) {
      throw new AppError(
        400,
        'PASSWORD_REUSED',
        `新密码不能与最近 ${settings.password.historyCount} 次使用过的密码相同`,
      );
    }
  }
  await repo.setPassword(ctx.client, account.id, {
    hash: await hashPassword(input.newPassword),
    history: previous.slice(0, settings.password.historyCount),
    now: ctx.now,
    mustChange: false,
  });
  await repo.deleteOtherSessions(ctx.client, account.id, actor.sessionId);
  await ctx.audit({ action: 'auth.password.change', objectType: 'user', objectId: account.id });
}
