import { timingSafeEqual } from 'node:crypto';
import { can } from '@ganbu/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { actorOfSession, SESSION_COOKIE, sessionIdOf } from '../modules/auth/session-store.ts';
import { SecuritySettingsCache } from '../modules/settings/cache.ts';
import { appendAudit } from './audit-writer.ts';
import type { Actor, AuditInput, RequestContext } from './context.ts';
import { FASTIFY_CODES } from './error-handler.ts';
import { AppError } from './errors.ts';
import { auditRefusal, flushRefusalCounts, REFUSAL_WINDOW_MS } from './refusal-audit.ts';
import { beginRequest } from './request-begin.ts';
import { clearScope, setScope } from './scope-settings.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Origin check for requests without a session (login, ballots): absent, or one we serve. */
export function originAllowed(req: FastifyRequest, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = req.headers.host;
  return allowed.includes(origin) || origin === `http://${host}` || origin === `https://${host}`;
}

function checkAccess(req: FastifyRequest, actor: Actor | null, isPublic: boolean): void {
  const config = req.routeOptions.config;
  if (!actor) {
    if (isPublic) return;
    throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  }
  if (!SAFE_METHODS.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) {
      throw new AppError(403, 'CSRF', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
  }
  const allowance = config.allowRestricted ?? [];
  if (actor.mustChangePassword && !allowance.includes('password')) {
    throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或已过期的密码');
  }
  if (actor.mustEnrolTotp && !allowance.includes('totp')) {
    throw new AppError(403, 'TOTP_ENROLMENT_REQUIRED', '管理员账号须先绑定动态口令（TOTP）');
  }
  if (config.permission && !can(actor.roles, config.permission)) {
    throw new AppError(403, 'FORBIDDEN', '您的角色无权执行此操作');
  }
}

export interface RequestTxOptions {
  pool: pg.Pool;
  clock: () => Date;
  allowedOrigins: string[];
}

interface TxOptions extends RequestTxOptions {
  settings: SecuritySettingsCache;
}

/**
 * Every /api route runs inside one transaction as the app role with the user's scope set
 * (row-level security does the filtering). A mutating route that succeeds is audited in the same
 * transaction; one that fails is rolled back and its failure audited separately.
 * Handlers return their answer (never `reply.send()`), so it leaves only after COMMIT.
 */
export const requestTransactions = fp(async (app: FastifyInstance, options: RequestTxOptions) => {
  // the security settings each request needs, read once per TTL; the settings route invalidates on save
  const opts: TxOptions = { ...options, settings: new SecuritySettingsCache() };
  app.decorate('securitySettings', opts.settings);
  // A mutating request refused before its handler (body/query validation, the cheap session and CSRF
  // checks) never opened the request transaction: audit its refusal here (SECURITY 12) — by the session's
  // owner when the cookie names a live session, counted per minute when it does not (refusal-audit.ts) —
  // and the same care for anonymous routes.
  app.addHook('onError', async (req, _reply, err) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api') || (req as { ctx?: unknown }).ctx) return;
    const isPublic = req.routeOptions.config.public === true;
    const client = await opts.pool.connect();
    try {
      await auditRefusal(
        client,
        {
          action: `${req.method} ${req.routeOptions.url ?? req.url}`,
          objectId: paramId(req),
          code: refusalCode(err),
          at: opts.clock(),
          actor: null,
          clientAddress: req.routeOptions.config.anonymous === true ? null : req.ip,
          sealWith: app.cipher,
        },
        {
          sessionToken: isPublic ? undefined : req.cookies[SESSION_COOKIE],
          countAnonymous: countsRefusals(req),
        },
      );
    } catch (e) {
      req.log.error(e);
    } finally {
      client.release();
    }
  });
  // counted refusals: each closed minute becomes its summary row even when no later refusal comes (the
  // counts are rows: what a stopped server leaves is flushed by the next one)
  const flushTimer = setInterval(
    () =>
      void flushRefusalCounts(opts.pool, opts.clock(), app.cipher).catch((e: unknown) => app.log.error(e)),
    REFUSAL_WINDOW_MS,
  );
  flushTimer.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(flushTimer);
    done();
  });
  app.addHook('onRoute', (route: RouteOptions) => {
    // the OpenAPI document and its UI are static and public
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs') || route.config?.noDb) return;
    // cheap checks before body validation, so a request without a session or CSRF header is refused
    // as such (401/403) rather than for its body; the full checks run inside the transaction
    const pre = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [
      async (req: FastifyRequest) => {
        if (req.routeOptions.config.public) return;
        if (!req.cookies[SESSION_COOKIE]) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
        if (!SAFE_METHODS.has(req.method) && typeof req.headers['x-csrf-token'] !== 'string') {
          throw new AppError(403, 'CSRF', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
        }
      },
      ...pre,
    ];
    const inner = route.handler;
    route.handler = async function wrapped(this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      return runInTransaction(req, reply, opts, () => inner.call(this, req, reply));
    };
  });
});

async function runInTransaction(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: TxOptions,
  handler: () => unknown,
): Promise<unknown> {
  const prepare = req.routeOptions.config.prepare;
  if (prepare) {
    // refused here or in `prepare`, the request has no ctx yet: the onError hook audits the refusal
    await checkBeforeTransaction(req, opts);
    req.prepared = await prepare(req);
  }
  const client = await opts.pool.connect();
  const now = opts.clock();
  const mutating = !SAFE_METHODS.has(req.method);
  const isPublic = req.routeOptions.config.public === true;
  const anonymous = req.routeOptions.config.anonymous === true;
  const clientAddress = anonymous ? null : req.ip;
  let actor: Actor | null = null;
  const ctx: RequestContext = {
    client,
    actor: null,
    now,
    clientAddress: req.ip,
    audited: false,
    audit: async (entry: AuditInput) => {
      ctx.audited = true;
      await appendAudit(client, {
        ...entry,
        at: now,
        actor: entry.actor ?? ctx.actor,
        clientAddress,
        sealWith: req.server.cipher,
      });
    },
  };
  req.ctx = ctx;
  try {
    // public routes (login, health) ignore any session: a stale cookie must not block a new login
    const token = isPublic ? undefined : req.cookies[SESSION_COOKIE];
    // BEGIN, the system context and the session look-up in one round trip; the settings from the cache
    const { resolved, userScopeSet } = await beginAndResolve(client, opts, token, now);
    if (resolved === 'expired') {
      await client.query('COMMIT'); // keep the deletion of the ended session
      await client.query('BEGIN');
      if (!isPublic) throw new AppError(401, 'SESSION_EXPIRED', '会话已超时，请重新登录');
    } else {
      actor = resolved;
    }
    ctx.actor = actor;
    if (isPublic && mutating && !actor && !originAllowed(req, opts.allowedOrigins)) {
      throw new AppError(403, 'CSRF', '请求来源不被允许');
    }
    checkAccess(req, actor, isPublic);
    // the start set the user scope already when it could (the settings cached, a live session, no write)
    if (actor) {
      if (!userScopeSet) await setScope(client, actor);
    } else await clearScope(client);
    const result = await handler();
    if (mutating && !ctx.audited) {
      // a handler may answer a refusal without throwing (login's 401 TOTP_REQUIRED): not a success
      const refused =
        reply.statusCode >= 400 ? { result: 'failure' as const, after: { status: reply.statusCode } } : {};
      await ctx.audit({
        action: `${req.method} ${req.routeOptions.url ?? req.url}`,
        objectId: paramId(req),
        ...refused,
      });
    }
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (mutating) await auditFailure(client, req, ctx, err).catch((e: unknown) => req.log.error(e));
    throw err;
  } finally {
    client.release();
  }
}

/**
 * BEGIN, the system context and the session look-up in one round trip, then the actor of the session
 * (the security settings from the cache); 'expired' for an ended session (deleted), null for none. When
 * the settings are cached (no read needed in the system context), the same round trip also sets the
 * session's user scope: `userScopeSet` then says the request needs no `setScope` of its own.
 */
async function beginAndResolve(
  client: pg.PoolClient,
  opts: TxOptions,
  token: string | undefined,
  now: Date,
): Promise<{ resolved: Actor | 'expired' | null; userScopeSet: boolean }> {
  const cached = opts.settings.peek();
  const { session, userScopeSet } = await beginRequest(client, token ? sessionIdOf(token) : null, {
    withUserScope: cached !== null,
  });
  if (!session) return { resolved: null, userScopeSet: false };
  const scope = { userSet: userScopeSet };
  const settings = cached ?? (await opts.settings.get(client));
  const resolved = await actorOfSession(client, session, now, settings, scope);
  return { resolved, userScopeSet: scope.userSet };
}

/**
 * The session, CSRF token and permission of a route with `prepare`, checked in a short transaction of
 * their own (an ended session is deleted, as in the request's transaction), before the route's work
 * that needs no connection starts.
 */
async function checkBeforeTransaction(req: FastifyRequest, opts: TxOptions): Promise<void> {
  if (req.routeOptions.config.public) throw new Error('prepare is not for public routes');
  const client = await opts.pool.connect();
  let resolved: Actor | 'expired' | null;
  try {
    // the request's own start, in a transaction of its own
    ({ resolved } = await beginAndResolve(client, opts, req.cookies[SESSION_COOKIE], opts.clock()));
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  if (resolved === 'expired') throw new AppError(401, 'SESSION_EXPIRED', '会话已超时，请重新登录');
  checkAccess(req, resolved, false);
}

/** The stable code a refused request is answered with (as the error handler maps it). */
function refusalCode(err: FastifyError): string {
  if (err instanceof AppError) return err.code;
  if (err.validation) return 'VALIDATION';
  return (err.code && FASTIFY_CODES[err.code]?.code) || 'INTERNAL';
}

/**
 * Refusals counted rather than written one row each: those of authenticated routes (a sender without a
 * session) and of the anonymous ballot routes (a used or mistyped slip: a row each would queue every
 * refusal behind the audit chain's lock, taking the pool from the raters, and stamp a time on each).
 */
function countsRefusals(req: FastifyRequest): boolean {
  const config = req.routeOptions.config;
  return config.public !== true || config.anonymous === true;
}

function paramId(req: FastifyRequest): string | null {
  if (req.routeOptions.config.anonymous === true) return null;
  const params = req.params as Record<string, unknown> | undefined;
  return typeof params?.id === 'string' ? params.id : null;
}

/** A failed mutation: by its actor row by row; without a session on an authenticated route, counted. */
async function auditFailure(client: pg.PoolClient, req: FastifyRequest, ctx: RequestContext, err: unknown) {
  await auditRefusal(
    client,
    {
      action: `${req.method} ${req.routeOptions.url ?? req.url}`,
      objectId: paramId(req),
      code: err instanceof AppError ? err.code : 'INTERNAL',
      at: ctx.now,
      actor: ctx.actor,
      clientAddress: req.routeOptions.config.anonymous === true ? null : req.ip,
      sealWith: req.server.cipher,
    },
    { countAnonymous: countsRefusals(req) },
  );
}
