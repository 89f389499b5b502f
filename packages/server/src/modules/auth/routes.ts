import {
  ErrorBodySchema,
  LoginInputSchema,
  MeSchema,
  OkSchema,
  PasswordChangeInputSchema,
  TotpEnrolConfirmInputSchema,
  TotpEnrolStartSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadSecuritySettings } from '../settings/repository.ts';
import * as repo from './repository.ts';
import { changePassword, currentUser, login } from './service.ts';
import { SESSION_COOKIE } from './session-store.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './totp-service.ts';

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.secureCookies,
  };

  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: app.config.loginRateMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: LoginInputSchema,
        response: { 200: MeSchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 423: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const settings = await loadSecuritySettings(req.ctx.client);
      const outcome = await login({
        ctx: req.ctx,
        input: req.body,
        settings,
        cipher: app.cipher,
        userAgent: req.headers['user-agent'],
      });
      if (!outcome.ok) {
        const e = outcome.error;
        // no reply.send() here: the answer must leave only after the transaction commits
        void reply.code(e.status as 401 | 403 | 423);
        return { code: e.code, message: e.message };
      }
      void reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions);
      return outcome.me;
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { allowRestricted: ['password', 'totp'] },
      schema: { tags: ['auth'], summary: '退出', response: { 200: OkSchema } },
    },
    async (req, reply) => {
      if (req.ctx.actor) await repo.deleteSession(req.ctx.client, req.ctx.actor.sessionId);
      await req.ctx.audit({
        action: 'auth.logout',
        objectType: 'user',
        objectId: req.ctx.actor?.userId ?? null,
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { allowRestricted: ['password', 'totp'] },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } },
    },
    async (req) => currentUser(req.ctx, await loadSecuritySettings(req.ctx.client)),
  );

  r.post(
    '/api/auth/password',
    {
      config: { allowRestricted: ['password', 'totp'] },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: PasswordChangeInputSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await changePassword({
        ctx: req.ctx,
        input: req.body,
        settings: await loadSecuritySettings(req.ctx.client),
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/totp/start',
    {
      config: { allowRestricted: ['totp'] },
      schema: { tags: ['auth'], summary: '开始绑定动态口令', response: { 200: TotpEnrolStartSchema } },
    },
    async (req) => startTotpEnrolment(req.ctx, app.cipher),
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      config: { allowRestricted: ['totp'] },
      schema: {
        tags: ['auth'],
        summary: '确认绑定动态口令',
        body: TotpEnrolConfirmInputSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await confirmTotpEnrolment(req.ctx, app.cipher, req.body.code);
      return { ok: true as const };
    },
  );
}
