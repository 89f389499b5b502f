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
import { SERVER_MODULES } from './modules/index.ts';
import { requireLoginForDocs } from './platform/docs-access.ts';
import { installErrorHandler } from './platform/error-handler.ts';
import type { SecuritySettingsCache } from './modules/settings/cache.ts';
import type { FieldCipher } from './platform/field-cipher.ts';
import { releaseMemoryAtRest } from './platform/idle-memory.ts';
import { noStore } from './platform/no-store.ts';
import { requestTransactions } from './platform/request-tx.ts';

declare module 'fastify' {
  interface FastifyInstance {
    cipher: FieldCipher;
    /** the security settings as the request transactions read them (cached; invalidate after a save) */
    securitySettings: SecuritySettingsCache;
    config: Pick<Config, 'secureCookies'> & {
      loginRateMax: number;
      ballotRateMax: number;
      allowedOrigins: string[];
    };
    /** the app role's pool, for the few `noDb` routes that manage their own statements (the ballot box) */
    pool: pg.Pool;
    clock: () => Date;
    /** every registered route with its access config and module (the scope matrix test walks it) */
    routeTable: { method: string; url: string; config: FastifyContextConfig; module: string | undefined }[];
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
  /** give the heap pages a large job freed back to the system once the server rests (`npm start` does) */
  releaseMemoryAtRest?: boolean | Parameters<typeof releaseMemoryAtRest>[1];
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
  if (deps.releaseMemoryAtRest)
    releaseMemoryAtRest(app, deps.releaseMemoryAtRest === true ? {} : deps.releaseMemoryAtRest);
  app.decorate('routeTable', []);
  /** the module whose routes are being registered */
  let registering: string | undefined;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeTable.push({ method, url: route.url, config: route.config ?? {}, module: registering });
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

  // modules, in list order: their routes (each remembers its module in the route table), then their ready tasks
  for (const m of SERVER_MODULES) {
    registering = m.name;
    for (const routes of m.routes) await app.register(routes);
  }
  registering = undefined;
  for (const m of SERVER_MODULES) {
    const onReady = m.onReady;
    if (onReady) app.addHook('onReady', () => onReady(app));
  }

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
