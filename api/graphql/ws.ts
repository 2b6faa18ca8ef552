// GraphQL over WebSocket (graphql-transport-ws) on /graphql: the token from connectionParams,
// re-checked on every subscribe, and the socket closed with 4401 when it expires. The protocol is
// graphql-ws's server; the sockets, the heartbeat and the subscription fan-out are ours: each event
// is executed once per operation and audience (fanout.ts) and its payload sent to every socket.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import { CloseCode, handleProtocols, makeServer, type OperationResult } from 'graphql-ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Viewer } from '../services/types.js';
import type { AuthService } from '../services/auth.service.js';
import type { Context } from './context.js';
import { audienceOf, createFanout } from './fanout.js';
import type { ServerContext } from './yoga.js';

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_GOING_AWAY = 1001;
/** A socket whose unsent messages exceed this is not reading; it is dropped. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** One client connection, as the protocol handlers see it. */
interface Connection {
  socket: WebSocket;
  viewer: (Viewer & { expiresAt: number }) | null;
  requestId: string;
  address: string;
  expiryTimer?: NodeJS.Timeout;
  /** Answered the last heartbeat ping. */
  alive: boolean;
}

/** What onSubscribe hands to execute/subscribe through graphql-ws (as the root value). */
interface Operation {
  connection: Connection;
  id: string;
  execute: (args: ExecutionArgs) => OperationResult;
}

export interface WebSocketDeps {
  yoga: YogaServerInstance<ServerContext, Context>;
  auth: AuthService;
  makeContext(viewer: Viewer | null, requestId: string, address: string): Context;
  addressOf(req: IncomingMessage): string;
  newRequestId(req: IncomingMessage): string;
  maskError(error: unknown): Error;
  metrics: Metrics;
  log: Logger;
  maxPayload: number;
  /** Heartbeat period: a socket that misses one ping's pong by the next is terminated. */
  keepAliveMs?: number;
}

export function createWebSocketServer(deps: WebSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: deps.maxPayload,
    handleProtocols,
  });
  const fanout = createFanout({ maskError: deps.maskError });
  const send = (connection: Connection, data: string) => {
    const { socket } = connection;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return void socket.terminate();
    socket.send(data);
  };

  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    execute: (args) => (args.rootValue as Operation).execute({ ...args, rootValue: undefined }),
    subscribe: (args) => {
      const { connection, id } = args.rootValue as Operation;
      const sourceArgs = { ...args, rootValue: undefined };
      const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
      return fanout.subscribe(sourceArgs, {
        key: fanout.keyOf(sourceArgs, audienceOf(connection.viewer)),
        sendPayload: (payload) => send(connection, prefix + payload + '}'),
      });
    },
    onConnect: async (ctx) => {
      const connection = ctx.extra;
      const authorization =
        ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      if (authorization === undefined || authorization === null || authorization === '')
        return true;
      const token =
        typeof authorization === 'string' ? authorization.replace(/^Bearer\s+/i, '') : '';
      try {
        connection.viewer = await deps.auth.verify(token);
      } catch {
        connection.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: invalid or expired token');
        return false;
      }
      const socket = connection.socket;
      const msLeft = connection.viewer.expiresAt - Date.now();
      connection.expiryTimer = setTimeout(
        () => socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired'),
        Math.min(msLeft, 2 ** 31 - 1),
      );
      connection.expiryTimer.unref();
      return true;
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
      const context = deps.makeContext(connection.viewer, connection.requestId, connection.address);
      const enveloped = deps.yoga.getEnveloped({ makeContext: async () => context });
      let document;
      try {
        document = enveloped.parse(payload.query);
      } catch (error) {
        return [badRequest(error)];
      }
      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length > 0) return errors.map((e: GraphQLError) => withCode(e));
      const operation: Operation = { connection, id, execute: enveloped.execute };
      const args: ExecutionArgs = {
        schema: enveloped.schema,
        document,
        operationName: payload.operationName ?? null,
        variableValues: payload.variables ?? null,
        contextValue: await enveloped.contextFactory(),
        rootValue: operation,
      };
      return args;
    },
    onOperation: () => {
      deps.metrics.activeSubscriptions.inc();
    },
    onComplete: () => {
      deps.metrics.activeSubscriptions.dec();
    },
  });

  const connections = new WeakMap<WebSocket, Connection>();
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    deps.metrics.websocketConnections.inc();
    const connection: Connection = {
      socket,
      viewer: null,
      requestId: deps.newRequestId(request),
      address: deps.addressOf(request),
      alive: true,
    };
    connections.set(socket, connection);
    socket.once('error', (error) => {
      deps.log.warn({ err: error, requestId: connection.requestId }, 'WebSocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    socket.on('pong', () => (connection.alive = true));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => send(connection, data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              deps.log.error(
                { err: error, requestId: connection.requestId },
                'WebSocket message failed',
              );
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      connection,
    );
    socket.once('close', (code, reason) => {
      deps.metrics.websocketConnections.dec();
      void closed(code, String(reason));
    });
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
