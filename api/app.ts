// The composition root: config → store → services → kitchen → transports. `buildApp()` wires it;
// `start(port)` listens; `stop()` drains and closes everything.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, resolveJwtSecret, type AppConfig } from './config.js';
import { composeCore } from './core.js';
import { DomainError, UnauthenticatedError } from './errors.js';
import { createContext, type Context, type Services } from './graphql/context.js';
import { schema } from './graphql/schema/index.js';
import { createDocumentCache } from './graphql/documents.js';
import { clientOperationNames } from './graphql/operation-names.js';
import { createGraphQLFastPath, serveThroughYoga } from './graphql/http.js';
import { PublicAnswers, type KeptOperation } from './graphql/public-answers.js';
import { createKeptLane } from './graphql/kept-lane.js';
import { createWebSocketServer } from './graphql/ws.js';
import { createGraphQLServer, createMaskError } from './graphql/yoga.js';
import { readBody } from './http/body.js';
import { withCompression } from './http/compress.js';
import { clientAddress, sendError, sendJson, SECURITY_HEADERS } from './http/respond.js';
import { createStaticHandler } from './http/static.js';
import { handleCors } from './http/cors.js';
import { isAuthorizedScrape, requireGraphQLBody } from './http/guards.js';
import { serveDocs } from './rest/docs.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { checkReadiness } from './readiness.js';
import { createRestHandler, REST_PATHS } from './rest/handler.js';
import { AuthService } from './services/auth.service.js';
import { systemClock, type Clock } from './services/clock.js';
import { connectThrottleRedis, createLoginThrottle } from './services/login-throttle.js';
import { createPasswordQueue } from './services/password-queue.js';
import { backfillNameKeys } from './store/accounts.store.js';
import { MenusService } from './services/menus.service.js';
import { OrderingService } from './services/ordering.service.js';
import { createPublicReads } from './services/public-reads.js';
import { WebhooksService } from './services/webhooks.service.js';
import { seedDemoData } from './services/seed.js';
import type { Viewer } from './domain/types.js';
import type { Db } from './store/db.js';
import type { Kitchen } from '../kitchen/kitchen.js';
import { BODY_LIMIT_BYTES } from './http/body.js';

export interface BuildOptions extends Partial<AppConfig> {
  clock?: Clock;
  logger?: Logger;
  /** A database opened by the caller (the benchmarks start PGlite from a template); closed by stop(). */
  db?: Db;
}

export interface App {
  readonly config: AppConfig;
  readonly db: Db;
  readonly services: Services;
  readonly kitchen: Kitchen | null;
  readonly log: Logger;
  start(port?: number, host?: string): Promise<{ port: number; url: string }>;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const SHUTDOWN_GRACE_MS = 10_000;
const REDIS_START_WAIT_MS = 3_000;

export async function buildApp(options: BuildOptions = {}): Promise<App> {
  const { clock = systemClock, logger, db: givenDb, ...overrides } = options;
  const config: AppConfig = { ...loadConfig(), ...overrides };
  const log = logger ?? createLogger(config.logLevel);

  const { db, metrics, bus, kitchenSettings, orders, kitchen, webhookDelivery } = await composeCore(
    config,
    {
      clock,
      log,
      ...(givenDb ? { db: givenDb } : {}),
      cooks: config.kitchen === 'inline',
      metrics: (store) => createMetrics(store, { operationNames: clientOperationNames() }),
    },
  );
  const seeded = config.seed && !config.production && (await seedDemoData(db));
  if (seeded) log.info('demo data seeded');
  const keyed = await backfillNameKeys(db);
  if (keyed.keyed > 0) log.info(keyed, 'account names keyed for look-alike checks');

  const pubsub = bus.pubsub;
  const throttleRedis = config.redisUrl ? connectThrottleRedis(config.redisUrl) : undefined;
  const throttleReady = async (ms: number) => {
    if (!throttleRedis || throttleRedis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      // Not events.once: it would reject on the 'error' a Redis that is down emits.
      new Promise((resolve) => throttleRedis.once('ready', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, ms))),
    ]).finally(() => clearTimeout(timer));
  };
  const reads = createPublicReads(bus, { clock, metrics });
  const auth = new AuthService({
    db,
    pubsub,
    secret: resolveJwtSecret(config),
    ttlSeconds: config.jwtTtlSeconds,
    refreshTtlSeconds: config.refreshTokenTtlSeconds,
    throttle: createLoginThrottle({
      maxFailuresPerName: config.loginMaxFailures,
      maxFailuresPerAddress: config.loginMaxFailures * 10,
      maxSignUpsPerAddress: config.signupMaxPerAddress,
      windowSeconds: 15 * 60,
      delayStepMs: config.loginDelayStepMs,
      redis: throttleRedis,
      keyPrefix: config.redisPrefix,
    }),
    passwords: createPasswordQueue(config.passwordHashConcurrency),
  });
  const menus = new MenusService({ db, pubsub, clock, production: config.production, reads });
  const ordering = new OrderingService({ db, clock, pubsub, reads });
  const webhooks = new WebhooksService({ db, clock, allowPrivate: config.webhookAllowPrivate });
  const services: Services = {
    auth,
    orders,
    menus,
    ordering,
    webhooks,
    kitchen: kitchenSettings,
    pubsub,
  };

  const viewerFrom = async (authorization: string | undefined): Promise<Viewer | null> => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Send the token as "Authorization: Bearer <token>"');
    try {
      return await auth.verify(match[1]!);
    } catch (error) {
      throw error instanceof DomainError ? unauthenticated(error.message) : error;
    }
  };
  const addressOf = (req: IncomingMessage) => clientAddress(req, config.trustProxy);
  const contextFor = async (req: IncomingMessage, requestId: string): Promise<Context> =>
    createContext(services, await viewerFrom(req.headers.authorization), requestId, addressOf(req));

  const yoga = createGraphQLServer({
    schema,
    log,
    graphiql: !config.production,
    introspection: !config.production,
    metrics,
    deadlineMs: config.operationDeadlineMs,
  });
  const corsOrigins = new Set(config.corsOrigins);
  const documents = createDocumentCache(yoga);
  const answers = new PublicAnswers(reads.freshness, () => clock.now());
  const onKeptAnswer = (operation: KeptOperation) => {
    metrics.publicReads.inc({ read: 'answer', result: 'hit' });
    metrics.graphqlOperations.observe(
      { type: operation.type, operation: metrics.operationLabel(operation.name) },
      0,
    );
  };
  const serveGraphQLFast = createGraphQLFastPath({
    yoga,
    documents,
    makeContext: contextFor,
    answers,
    onKeptAnswer,
  });
  const keptLane = createKeptLane({
    answers,
    corsOrigins,
    open: yoga.fastPathGaps.length === 0,
    onKeptAnswer,
  });
  if (yoga.fastPathGaps.length > 0) {
    log.warn(
      { hooks: yoga.fastPathGaps },
      'GraphQL fast path off: a plugin has request-level hooks it does not run',
    );
  }
  const handleRest = createRestHandler({ schema, contextFor, log });
  const serveStatic = createStaticHandler(config.webDir);
  const ws = createWebSocketServer({
    yoga,
    auth,
    makeContext: (viewer, requestId, address) =>
      createContext(services, viewer, requestId, address),
    addressOf,
    newRequestId: (req) => requestIdOf(req),
    documents,
    maskError: createMaskError(log),
    metrics,
    log,
    maxPayload: BODY_LIMIT_BYTES,
    limits: config.webSocket,
    events: bus,
  });

  async function handleGraphQL(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    read: Buffer | undefined,
  ) {
    // Only JSON and GraphQL bodies: a form or plain text a foreign page can send without a
    // preflight never reaches a resolver (CSRF).
    if (req.method === 'POST') requireGraphQLBody(req.headers['content-type']);
    const body = read ?? (req.method === 'POST' ? await readBody(req) : undefined);
    if (body && url.search === '' && (await serveGraphQLFast(req, res, body, requestId))) return;
    await serveThroughYoga(yoga, req, res, url, body, () => contextFor(req, requestId));
  }

  /** The request's line in the log and its count and time in the metrics. */
  function recordRequest(
    req: IncomingMessage,
    route: string,
    path: string,
    requestId: string,
    status: number,
    started: number,
  ) {
    const seconds = (performance.now() - started) / 1000;
    const method = req.method ?? 'GET';
    metrics.httpRequests.observe({ route, method, status: String(status) }, seconds);
    if (route === '/healthz' || route === '/metrics') return;
    log.info({ requestId, method, path, status, ms: Math.round(seconds * 1000) }, 'request');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const requestId = requestIdOf(req);
    // An anonymous read whose answer is kept takes the shortest way (kept-lane.ts), once the body
    // sent with the headers is in: the microtask awaited here.
    let body: Buffer | undefined;
    if (keptLane.applies(req)) {
      await null;
      const laned = keptLane.serve(req, res, requestId);
      if (laned === 'served') {
        return recordRequest(req, '/graphql', '/graphql', requestId, 200, started);
      }
      if (laned) body = laned;
    }
    res.setHeader('x-request-id', requestId);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(res, 'BAD_REQUEST', 'Malformed URL');
    }
    const { pathname } = url;
    const route = routeLabel(pathname);
    // The client gave up before the answer (a timeout of its own, a closed tab): 499, as nginx says.
    let abandoned = false;
    res.once('close', () => {
      if (res.writableFinished || isEventStream(res)) return;
      abandoned = true;
      const ms = performance.now() - started;
      metrics.httpRequests.observe(
        { route, method: req.method ?? 'GET', status: '499' },
        ms / 1000,
      );
      log.warn(
        { requestId, method: req.method, path: pathname, status: 499, ms: Math.round(ms) },
        'request abandoned',
      );
    });
    res.once('finish', () => {
      if (!abandoned) recordRequest(req, route, pathname, requestId, res.statusCode, started);
    });
    try {
      if (handleCors(req, res, corsOrigins)) return;
      if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (pathname === '/readyz') {
        const readiness = await checkReadiness(db, bus, stopping);
        return sendJson(res, readiness.status === 'ready' ? 200 : 503, readiness);
      }
      if (pathname === '/metrics') {
        if (!isAuthorizedScrape(req.headers.authorization, config.metricsToken)) {
          return sendError(res, 'UNAUTHENTICATED', 'Send the metrics token as a Bearer token');
        }
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        return res.end(await metrics.registry.metrics());
      }
      if (pathname === '/graphql') return await handleGraphQL(req, res, url, requestId, body);
      if (await handleRest(req, res, url, requestId)) return;
      if (await serveDocs(req, res, pathname)) return;
      if (await serveStatic(req, res, pathname)) return;
      sendJson(
        res,
        404,
        { error: { code: 'NOT_FOUND', message: 'No such route' } },
        SECURITY_HEADERS,
      );
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (error instanceof DomainError) {
        // Its data (retryAfterSeconds → Retry-After) as the REST routes give it; not yoga's `http`.
        const { code: _code, http: _http, ...extra } = error.extensions as Record<string, unknown>;
        return sendError(res, error.code, error.message, extra, error.status);
      }
      log.error({ err: error, requestId }, 'request failed');
      sendError(res, 'INTERNAL', 'Something went wrong on our side');
    }
  }

  const server = createServer(withCompression((req, res) => void handle(req, res)));
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== '/graphql' || stopping) return socket.destroy();
    ws.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  let stopping = false;
  let stopped: Promise<void> | undefined;

  return {
    config,
    db,
    services,
    kitchen,
    log,
    async start(port = config.port, host = config.host) {
      // Subscriptions are refused until events cross processes, and logins would be counted by
      // this process alone until its throttle's Redis is connected; Redis normally answers at once.
      await Promise.all([bus.whenUp(REDIS_START_WAIT_MS), throttleReady(REDIS_START_WAIT_MS)]);
      // Processes already serving this database drop the empty list of businesses they may keep.
      if (seeded) {
        for (const business of await menus.businesses()) {
          pubsub.publish('businessUpdated', business.id, 'created');
        }
      }
      await kitchen?.start();
      webhookDelivery.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      log.info(
        { url, database: db.kind, redis: Boolean(config.redisUrl), kitchen: config.kitchen },
        'Orderly is listening',
      );
      return { port: address.port, url };
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await ws.close();
        const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        await kitchen?.stop();
        await webhookDelivery.stop();
        await bus.close();
        throttleRedis?.disconnect();
        await db.close();
        log.info('Orderly stopped');
      })();
      return stopped;
    },
  };
}

function unauthenticated(message: string) {
  return new UnauthenticatedError(message, { http: { status: 401 } });
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** A subscription over server-sent events: the client ending it is how it ends. */
function isEventStream(res: ServerResponse): boolean {
  return String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

function routeLabel(pathname: string): string {
  if (REST_PATHS.has(pathname)) return pathname;
  if (['/graphql', '/healthz', '/readyz', '/metrics'].includes(pathname)) return pathname;
  return 'static';
}
