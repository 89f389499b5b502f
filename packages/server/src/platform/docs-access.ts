import type { FastifyError, FastifyRequest, onRequestHookHandler } from 'fastify';
import type pg from 'pg';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/session-store.ts';
import { loadSecuritySettings } from '../modules/settings/repository.ts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';
import { setSystemScope } from './scope-settings.ts';

async function sessionActor(pool: pg.Pool, token: string, now: Date): Promise<Actor | 'expired' | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setSystemScope(client);
    const actor = await resolveSession(client, token, now, await loadSecuritySettings(client));
    await client.query('COMMIT'); // keeps the touch, or the deletion of an ended session
    return actor;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The API documentation (/api/docs: every route and schema of the system) is shown to a logged-in user
 * only, unless the deployment sets API_DOCS_PUBLIC=true. The answers are those of any other route: 401
 * without a (live) session, 403 while the password must be changed or TOTP enrolled.
 */
export function requireLoginForDocs(pool: pg.Pool, clock: () => Date): onRequestHookHandler {
  const check = async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await sessionActor(pool, token, clock()) : null;
    if (actor === 'expired') throw new AppError(401, 'SESSION_EXPIRED', '会话已超时，请重新登录');
    if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    if (actor.mustChangePassword)
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或已过期的密码');
    if (actor.mustEnrolTotp)
      throw new AppError(403, 'TOTP_ENROLMENT_REQUIRED', '管理员账号须先绑定动态口令（TOTP）');
  };
  return (req, _reply, done) => {
    check(req).then(
      () => done(),
      (e: unknown) => done(e as FastifyError),
    );
  };
}
