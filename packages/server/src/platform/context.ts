import type { Permission, Role, ScopeMode } from '@ganbu/core';
import type pg from 'pg';

/** The authenticated user of a request, with their data scope. */
export interface Actor {
  userId: string;
  sessionId: string;
  username: string;
  roles: Role[];
  scopeMode: ScopeMode;
  orgId: string;
  orgPath: string;
  cadreId: string | null;
  csrfToken: string;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export interface AuditInput {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  result?: 'success' | 'failure';
  /** who acted, when not the session's user (login) */
  actor?: Pick<Actor, 'userId' | 'username' | 'roles'>;
}

/** Per-request state: one transaction with the user's scope set, and the audit recorder. */
export interface RequestContext {
  client: pg.PoolClient;
  actor: Actor | null;
  now: Date;
  clientAddress: string;
  audited: boolean;
  audit(entry: AuditInput): Promise<void>;
}

/** Which kind of restricted session may still call a route. */
export type RestrictedAllowance = 'password' | 'totp';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** what the route's `prepare` returned (undefined without one) */
    prepared?: unknown;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health, public ballot). */
    public?: boolean;
    /**
     * Anonymous ballot routes: audit entries carry no client address and no route parameter (the token),
     * so nothing links a ballot, a token and a person (SECURITY 21).
     */
    anonymous?: boolean;
    /** Run without a database transaction (static files, docs). */
    noDb?: boolean;
    permission?: Permission;
    /** Still callable while the user must change the password / enrol TOTP. */
    allowRestricted?: RestrictedAllowance[];
    /** The answer holds no personal data and may be cached (otherwise every /api answer is no-store). */
    cacheable?: boolean;
    /**
     * Work done before the route's transaction opens, without a pool connection held (reading and parsing
     * an upload); its result is `req.prepared`. It runs only once the session, CSRF token and permission
     * have passed in a short transaction of their own; the route's transaction checks them again. It must
     * not touch the database. Not for public routes.
     */
    prepare?: (req: FastifyRequest) => Promise<unknown>;
  }
}
