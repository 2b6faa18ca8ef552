// GraphQL over WebSocket (graphql-transport-ws) on /graphql: the token from connectionParams,
// re-checked on every subscribe, and the socket closed with 4401 when it expires unless the client
// sends a fresh token first, as the payload of a `ping` (see reauthenticate). The protocol is
// graphql-ws's server; the sockets, the heartbeat and the subscription fan-out are ours: each event
// is executed once per operation and audience (fanout.ts) and its payload sent to every socket.
// What one client may hold is capped (WebSocketLimits): sockets per address (closed with 1013, try
// again later), operations per socket (that subscription gets RATE_LIMITED), and the unsent bytes
// of a socket that does not read (it is cut off, and what it held is freed).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import {
  CloseCode,
  handleProtocols,
  makeServer,
  type OperationResult,
  type WebSocket as GraphQLWsSocket,
} from 'graphql-ws';
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { WebSocketLimits } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Bus } from '../pubsub.js';
import type { Viewer } from '../domain/types.js';
import type { AuthService } from '../services/auth.service.js';
import type { Context } from './context.js';
import type { DocumentCache } from './documents.js';
import { audienceOf, createFanout, envelopedExecute, type Subscriber } from './fanout.js';
import type { ServerContext } from './yoga.js';

export const CLOSE_UNAUTHORIZED = 4401;
/** A fresh token for someone other than the connection's viewer: a connection never changes hands. */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_GOING_AWAY = 1001;
/** Events stopped crossing processes (Redis is away): reconnect, refetch, subscribe again. */
export const CLOSE_EVENTS_INTERRUPTED = 4503;
const EVENTS_INTERRUPTED = 'Events interrupted; reconnect and refetch';
/** The address already holds its allowance of sockets (RFC 6455 "try again later"). */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** One client connection: what the protocol handlers know of it, and its socket for graphql-ws. */
class Connection implements GraphQLWsSocket {
  viewer: (Viewer & { expiresAt: number }) | null = null;
  expiryTimer: NodeJS.Timeout | undefined;
  /** Answered the last heartbeat ping. */
  alive = true;
  readonly openedAt = performance.now();
  /** graphql-ws's handler for incoming messages, and what to call when the socket closes. */
  handle: ((data: string) => Promise<void>) | undefined;
  closed: ((code: number, reason: string) => Promise<void>) | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly requestId: string,
    readonly address: string,
    private readonly deps: WebSocketDeps,
  ) {}

  get protocol() {
    return this.socket.protocol;
  }

  send(data: string): void {
    const { socket } = this;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > this.deps.limits.maxBufferedBytes) return this.dropSlowReader();
    socket.send(data);
  }

  /**
   * Cut off at once: a close frame would queue behind what the client is not reading, and the
   * closing handshake would hold the buffers for its timeout.
   */
  private dropSlowReader(): void {
    const { socket, deps } = this;
    deps.metrics.websocketRefusals.inc({ reason: 'slow_reader' });
    deps.log.warn(
      { requestId: this.requestId, bufferedBytes: socket.bufferedAmount },
      'websocket dropped: the client is not reading',
    );
    socket.terminate();
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.handle = handle;
  }

  /** Answers every ping with a bare pong: a ping may carry a token, which is not echoed back. */
  onPing(): void {
    this.send('{"type":"pong"}');
  }

  /** Takes the verified viewer and closes the socket with 4401 when its token expires. */
  authenticate(viewer: Viewer & { expiresAt: number }): void {
    this.viewer = viewer;
    clearTimeout(this.expiryTimer);
    const socket = this.socket;
    this.expiryTimer = setTimeout(
      () => socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired'),
      Math.min(viewer.expiresAt - Date.now(), 2 ** 31 - 1),
    );
    this.expiryTimer.unref();
  }

  context(): Context {
    return this.deps.makeContext(this.viewer, this.requestId, this.address);
  }
}

/** One subscription's end of the fan-out: its key, and `next` messages to its socket. */
class SocketSubscriber implements Subscriber {
  private readonly idJson: string;

  constructor(
    readonly key: string,
    private readonly connection: Connection,
    id: string,
  ) {
    this.idJson = JSON.stringify(id);
  }

  contextFor(): Context {
    return this.connection.context();
  }

  sendPayload(payload: string): void {
    this.connection.send('{"id":' + this.idJson + ',"type":"next","payload":' + payload + '}');
  }
}

/** What onSubscribe hands to execute/subscribe through graphql-ws (as the root value). */
interface Operation {
  connection: Connection;
  id: string;
  /** For queries and mutations: envelop's execute (masking, metrics, graphql-jit). */
  execute?: (args: ExecutionArgs) => OperationResult;
}

export interface WebSocketDeps {
  yoga: YogaServerInstance<ServerContext, Context>;
  auth: AuthService;
  makeContext(viewer: Viewer | null, requestId: string, address: string): Context;
  addressOf(req: IncomingMessage): string;
  newRequestId(req: IncomingMessage): string;
  documents: DocumentCache;
  maskError(error: unknown): Error;
  metrics: Metrics;
  log: Logger;
  maxPayload: number;
  limits: WebSocketLimits;
  /** Heartbeat period: a socket that misses one ping's pong by the next is terminated. */
  keepAliveMs?: number;
  /** Whether events cross processes; sockets are closed when they stop (clients then refetch). */
  events?: Pick<Bus, 'health' | 'onInterrupted'>;
}

export function createWebSocketServer(deps: WebSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: deps.maxPayload,
    handleProtocols,
  });
  // Subscription payloads run through yoga's envelop like queries: masked errors, graphql-jit and
  // operation metrics, plus the error codes yoga adds over HTTP.
  const fanout = createFanout({ maskError: deps.maskError, execute: envelopedExecute(deps.yoga) });

  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    execute: (args) => (args.rootValue as Operation).execute!({ ...args, rootValue: undefined }),
    subscribe: (args) => {
      const { connection, id } = args.rootValue as Operation;
      const { schema, document, operationName, variableValues } = args;
      const operation = { schema, document, operationName, variableValues };
      const key = fanout.keyOf(operation, audienceOf(connection.viewer));
      return fanout.subscribe(operation, new SocketSubscriber(key, connection, id));
    },
    // Long-lived subscriptions keep their message: let them share the query text of known documents.
    jsonMessageReviver: (key, value: unknown) =>
      key === 'query' && typeof value === 'string' ? deps.documents.intern(value) : value,
    onConnect: async (ctx) => {
      const connection = ctx.extra;
      const authorization =
        ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      if (authorization === undefined || authorization === null || authorization === '')
        return true;
      const token =
        typeof authorization === 'string' ? authorization.replace(/^Bearer\s+/i, '') : '';
      // Nothing reads the parameters again; do not keep a copy of the token per connection.
      (ctx as { connectionParams?: unknown }).connectionParams = undefined;
      try {
        connection.authenticate(await deps.auth.verify(token));
      } catch {
        connection.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: invalid or expired token');
        return false;
      }
      return true;
    },
    // A refreshed access token over the open socket: the expiry moves on, subscriptions carry on.
    onPing: async (ctx, payload) => {
      const authorization = payload?.['authorization'];
      if (!ctx.acknowledged || authorization === undefined) return;
      await reauthenticate(ctx.extra, authorization);
    },
    onClose: (ctx) => {
      clearTimeout(ctx.extra.expiryTimer);
    },
    onSubscribe: async (ctx, id, payload) => {
      const connection = ctx.extra;
      if (connection.viewer && connection.viewer.expiresAt <= Date.now()) {
        connection.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired');
        return [
          new GraphQLError('Your session has expired', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ];
      }
      const prepared = deps.documents.prepare(payload.query);
      if ('parseError' in prepared) return [badRequest(prepared.parseError)];
      if ('validationErrors' in prepared) return prepared.validationErrors.map(withCode);
      const { document } = prepared;
      const base = {
        schema: deps.documents.schema,
        document,
        operationName: payload.operationName ?? null,
        variableValues: payload.variables ?? null,
      };
      // graphql-ws has already entered this operation in ctx.subscriptions.
      if (Object.keys(ctx.subscriptions).length > deps.limits.maxSubscriptionsPerConnection) {
        deps.metrics.websocketRefusals.inc({ reason: 'subscriptions_per_connection' });
        return [
          new GraphQLError(
            `Too many operations on this connection (at most ${deps.limits.maxSubscriptionsPerConnection}); complete one first`,
            { extensions: { code: 'RATE_LIMITED' } },
          ),
        ];
      }
      const kind = getOperationAST(document, payload.operationName)?.operation;
      if (kind === 'subscription') {
        // A retrying client backs off and subscribes again once events cross processes again.
        if (deps.events?.health() === 'down') {
          connection.socket.close(CLOSE_EVENTS_INTERRUPTED, EVENTS_INTERRUPTED);
          return [new GraphQLError(EVENTS_INTERRUPTED, { extensions: { code: 'UNAVAILABLE' } })];
        }
        // The context is made when needed (fanout.ts), not kept for the subscription's life.
        const operation: Operation = { connection, id };
        return { ...base, contextValue: null, rootValue: operation };
      }
      const context = connection.context();
      const enveloped = deps.yoga.getEnveloped({ makeContext: async () => context });
      const operation: Operation = { connection, id, execute: enveloped.execute };
      return { ...base, contextValue: await enveloped.contextFactory(), rootValue: operation };
    },
    onOperation: () => {
      deps.metrics.activeSubscriptions.inc();
    },
    onComplete: () => {
      deps.metrics.activeSubscriptions.dec();
    },
  });

  async function reauthenticate(connection: Connection, authorization: unknown): Promise<void> {
    const token = typeof authorization === 'string' ? authorization.replace(/^Bearer\s+/i, '') : '';
    let viewer: Viewer & { expiresAt: number };
    try {
      viewer = await deps.auth.verify(token);
    } catch {
      connection.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: invalid or expired token');
      return;
    }
    const current = connection.viewer;
    if (!current || current.role !== viewer.role || current.id !== viewer.id) {
      connection.socket.close(CLOSE_FORBIDDEN, 'Forbidden: token of another account');
      return;
    }
    // A slow verify may land after the socket closed, or after a newer token: keep the latest.
    if (connection.socket.readyState !== WebSocket.OPEN || viewer.expiresAt < current.expiresAt)
      return;
    connection.authenticate(viewer);
  }

  // Socket listeners shared by every connection (`this` is the socket), rather than closures each.
  const connections = new WeakMap<WebSocket, Connection>();
  function onSocketMessage(this: WebSocket, data: Buffer) {
    const connection = connections.get(this)!;
    connection.handle?.(String(data)).catch((error: unknown) => {
      deps.log.error({ err: error, requestId: connection.requestId }, 'WebSocket message failed');
      this.close(CloseCode.InternalServerError, 'Internal server error');
    });
  }
  function onSocketPong(this: WebSocket) {
    connections.get(this)!.alive = true;
  }
  function onSocketError(this: WebSocket, error: Error) {
    deps.log.warn({ err: error, requestId: connections.get(this)?.requestId }, 'WebSocket error');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
  function onSocketClose(this: WebSocket, code: number, reason: Buffer) {
    deps.metrics.websocketConnections.dec();
    const connection = connections.get(this);
    if (!connection) return;
    const held = socketsByAddress.get(connection.address) ?? 1;
    if (held <= 1) socketsByAddress.delete(connection.address);
    else socketsByAddress.set(connection.address, held - 1);
    deps.log.info(
      {
        requestId: connection.requestId,
        role: connection.viewer?.role,
        code,
        ms: Math.round(performance.now() - connection.openedAt),
      },
      'websocket closed',
    );
    void connection.closed?.(code, String(reason));
  }

  const socketsByAddress = new Map<string, number>();
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = deps.addressOf(request);
    const held = socketsByAddress.get(address) ?? 0;
    if (held >= deps.limits.maxConnectionsPerAddress) {
      deps.metrics.websocketRefusals.inc({ reason: 'connections_per_address' });
      socket.once('error', () => undefined);
      socket.close(CLOSE_TRY_AGAIN_LATER, 'Too many connections from your address');
      return;
    }
    socketsByAddress.set(address, held + 1);
    deps.metrics.websocketConnections.inc();
    const connection = new Connection(socket, deps.newRequestId(request), address, deps);
    connections.set(socket, connection);
    deps.log.info({ requestId: connection.requestId, path: '/graphql' }, 'websocket opened');
    socket.once('error', onSocketError);
    socket.on('pong', onSocketPong);
    socket.on('message', onSocketMessage);
    socket.once('close', onSocketClose);
    connection.closed = server.opened(connection, connection);
  });

  deps.metrics.watchWebSocketBuffers(() => {
    let bytes = 0;
    for (const socket of wss.clients) bytes += socket.bufferedAmount;
    return bytes;
  });

  // One timer for every socket: ping, and drop whoever did not answer the previous ping.
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      const connection = connections.get(socket);
      if (!connection) continue;
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      socket.ping();
    }
  }, deps.keepAliveMs ?? 10_000);
  heartbeat.unref();

  // Closed before the bus ends their streams, so clients see the close (and resubscribe on their
  // own when they retry) rather than a final error on each subscription.
  deps.events?.onInterrupted(() => {
    for (const socket of wss.clients) socket.close(CLOSE_EVENTS_INTERRUPTED, EVENTS_INTERRUPTED);
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    /** Closes every socket with 1001 (going away) so clients reconnect elsewhere. */
    async close() {
      clearInterval(heartbeat);
      for (const client of wss.clients) client.close(CLOSE_GOING_AWAY, 'Server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function withCode(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_REQUEST' },
  });
}

function badRequest(error: unknown): GraphQLError {
  return new GraphQLError(error instanceof Error ? error.message : 'Invalid query', {
    extensions: { code: 'BAD_REQUEST' },
  });
}
