import type { TotpEnrolStart } from '@ganbu/core';
import QRCode from 'qrcode';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import * as repo from './repository.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return ctx.actor;
}

/** Start enrolment: a new secret kept pending (encrypted) until a code from it is confirmed. */
export async function startTotpEnrolment(ctx: RequestContext, cipher: FieldCipher): Promise<TotpEnrolStart> {
  const actor = requireActor(ctx);
  const secret = newTotpSecret();
  await repo.setPendingTotp(ctx.client, actor.userId, cipher.encrypt(secret));
  const url = otpauthUrl(secret, actor.username);
  await ctx.audit({ action: 'auth.totp.start', objectType: 'user', objectId: actor.userId });
  return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }) };
}

export async function confirmTotpEnrolment(
  ctx: RequestContext,
  cipher: FieldCipher,
  code: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const account = await repo.findAccountById(ctx.client, actor.userId);
  if (!account?.totp_pending_secret) throw new AppError(409, 'CONFLICT', '请先开始绑定动态口令');
  const step = verifyTotp(cipher.decrypt(account.totp_pending_secret), code, ctx.now);
  if (step === null) throw new AppError(400, 'TOTP_INVALID', '动态口令错误，请核对手机时间后重试');
  await repo.confirmTotp(ctx.client, actor.userId, step);
  await ctx.audit({ action: 'auth.totp.enrol', objectType: 'user', objectId: actor.userId });
}
