import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyContextConfig, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { Config } from './config.ts';
import { redactBallotToken } from './modules/assessment/ballot-token.ts';
import { ballotRoutes } from './modules/assessment/ballot-routes.ts';
import { packRoutes } from './modules/assessment/pack-routes.ts';
import { ensureShippedPacks } from './modules/assessment/packs.ts';
import { reportFileRoutes } from './modules/assessment/report-file-routes.ts';
import { resultRoutes } from './modules/assessment/result-routes.ts';
import { roundRoutes } from './modules/assessment/round-routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { correctionRoutes, encryptLegacyCorrections } from './modules/cadre/corrections.ts';
import { cadreFormRoutes } from './modules/cadre/form-routes.ts';
import { cadreImportRoutes } from './modules/cadre/import-routes.ts';
import { cadreRoutes } from './modules/cadre/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { requireLoginForDocs } from './platform/docs-access.ts';
import { installErrorHandler } from './platform/error-handler.ts';
import type { FieldCipher } from './platform/field-cipher.ts';
import { noStore } from './platform/no-store.ts';
import { requestTransactions } from './platform/request-tx.ts';

declare module 'fastify' {
  interface FastifyInstance {
    cipher: FieldCipher;
    config: Pick<Config, 'secureCookies'> & {
      loginRateMax: number;
      ballotRateMax: number;
      allowedOrigins: string[];
    };
    /** the app role's pool, for the few `noDb` routes that manage their own statements (the ballot box) */
    pool: pg.Pool;
    clock: () => Date;
    /** every registered route with its access config (the scope matrix test walks it) */
    routeTable: { method: string; url: string; config: FastifyContextConfig }[];
  }
}

export interface AppDeps {
  pool: pg.Pool;
  cipher: FieldCipher;
  clock?: () => Date;
  config?: Partial<Pick<Config, 'secureCookies' | 'webDist' | 'logLevel' | 'apiDocsPublic'>>;
  /** pino options; tests pass a stream to grep the log output */
  logger?: boolean | object;
  /** login attempts per client address per minute (tests raise it) */
  loginRateMax?: number;
  /** ballot page requests per client address per minute (a meeting hall or a mobile network shares one) */
  ballotRateMax?: number;
  allowedOrigins?: string[];
}

/**
 * The request as logged: a ballot token in the URL is replaced, so the log never pairs a token with
 * the client address beside it (SECURITY 21).
 */
function serializeRequest(req: { method: string; url: string; ip?: string }) {
  const url = redactBallotToken(req.url);
  // a ballot request's address is not logged at all: its time and address must not meet a ballot (SECURITY 30)
  return url.startsWith('/api/ballot/')
    ? { method: req.method, url }
    : { method: req.method, url, remoteAddress: req.ip };
}

/** Build the Fastify app: external plugins, then platform decorators, then module routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const logger = deps.logger ?? {
    level: deps.config?.logLevel ?? 'info',
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body'], remove: true },
  };
  const app = Fastify({
    logger: typeof logger === 'object' ? { ...logger, serializers: { req: serializeRequest } } : logger,
    bodyLimit: 1024 * 1024,
    trustProxy: 'loopback',
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('cipher', deps.cipher);
  app.decorate('config', {
    secureCookies: deps.config?.secureCookies ?? false,
    loginRateMax: deps.loginRateMax ?? 20,
    ballotRateMax: deps.ballotRateMax ?? 600,
    allowedOrigins: deps.allowedOrigins ?? [],
  });
  app.decorate('pool', deps.pool);
  const clock = deps.clock ?? (() => new Date());
  app.decorate('clock', clock);
  installErrorHandler(app);
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, config: route.config ?? {} });
    }
  });

  // external plugins
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config?.secureCookies ? [] : null,
      },
    },
    hsts: deps.config?.secureCookies ? undefined : false,
  });
  await app.register(rateLimit, { global: false });
  // uploads: size-limited per file before it is read into memory; zips are checked again when expanded
  await app.register(multipart, {
    limits: { fileSize: 50 * 1024 * 1024, files: 2000, fields: 10, parts: 2010 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: '基层干部正向激励与关心关爱系统 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    // the map of every route: for logged-in users unless API_DOCS_PUBLIC=true
    ...(deps.config?.apiDocsPublic ? {} : { uiHooks: { onRequest: requireLoginForDocs(deps.pool, clock) } }),
  });

  // platform decorators: transaction + scope + audit around every /api route; no /api answer is cached
  await app.register(noStore);
  await app.register(requestTransactions, {
    pool: deps.pool,
    clock,
    allowedOrigins: app.config.allowedOrigins,
  });

  // modules
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(settingsRoutes);
  await app.register(auditRoutes);
  await app.register(cadreRoutes);
  await app.register(cadreImportRoutes);
  await app.register(cadreFormRoutes);
  await app.register(correctionRoutes);
  await app.register(packRoutes);
  await app.register(roundRoutes);
  await app.register(resultRoutes);
  await app.register(reportFileRoutes);
  await app.register(ballotRoutes);
  // the shipped policy packs, loaded once per version (an edited version is never overwritten)
  app.addHook('onReady', async () => ensureShippedPacks(deps.pool));
  // correction requests stored before their sensitive values were encrypted (migration 0013)
  app.addHook('onReady', async () => {
    const n = await encryptLegacyCorrections(deps.pool, deps.cipher, clock());
    if (n) app.log.info(`encrypted the proposed values of ${n} earlier correction requests`);
  });

  // the built web app; any other non-API path gets index.html (client-side routes)
  const dist = deps.config?.webDist;
  const serveWeb = Boolean(dist && existsSync(dist));
  if (serveWeb) await app.register(fastifyStatic, { root: dist as string, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (!serveWeb || req.url.startsWith('/api')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    }
    // a missing script or style of the build is missing, not a page of the app
    if (req.url.startsWith('/assets/')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: '文件不存在' });
    }
    // the public ballot is an entry of its own (the web app's ballot.html), so phones load only what it needs
    if (/^\/ballot\/?(\?|$)/.test(req.url)) return reply.sendFile('ballot.html');
    return reply.sendFile('index.html');
  });
  return app;
}
