// GraphQL over WebSocket (graphql-transport-ws) on /graphql: the token from connectionParams,
// re-checked on every subscribe, and the socket closed with 4401 when it expires.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { OperationResult } from 'graphql-ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Viewer } from '../services/types.js';
import type { AuthService } from '../services/auth.service.js';
import type { Context } from './context.js';
import type { ServerContext } from './yoga.js';

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_GOING_AWAY = 1001;

interface ConnectionExtra {
  viewer: (Viewer & { expiresAt: number }) | null;
  requestId: string;
  address: string;
  expiryTimer?: NodeJS.Timeout;
}

export interface WebSocketDeps {
  yoga: YogaServerInstance<ServerContext, Context>;
  auth: AuthService;
  makeContext(viewer: Viewer | null, requestId: string, address: string): Context;
  addressOf(req: IncomingMessage): string;
  newRequestId(req: IncomingMessage): string;
  metrics: Metrics;
  log: Logger;
  maxPayload: number;
}

export function createWebSocketServer(deps: WebSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: deps.maxPayload,
  });
  const extras = new WeakMap<object, ConnectionExtra>();
  const extraOf = (ctx: { extra: object }) => {
    let extra = extras.get(ctx.extra);
    if (!extra) {
      const request = (ctx.extra as { request: IncomingMessage }).request;
      extra = {
        viewer: null,
        requestId: deps.newRequestId(request),
        address: deps.addressOf(request),
      };
      extras.set(ctx.extra, extra);
    }
    return extra;
  };

  const server = useServer<
    Record<string, unknown> | undefined,
    { socket: WebSocket; request: IncomingMessage }
  >(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onConnect: async (ctx) => {
        const extra = extraOf(ctx);
        const authorization =
          ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (authorization === undefined || authorization === null || authorization === '')
          return true;
        const token =
          typeof authorization === 'string' ? authorization.replace(/^Bearer\s+/i, '') : '';
        try {
          extra.viewer = await deps.auth.verify(token);
        } catch {
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: invalid or expired token');
          return false;
        }
        const socket = ctx.extra.socket;
        const msLeft = extra.viewer.expiresAt - Date.now();
        extra.expiryTimer = setTimeout(
          () => socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired'),
          Math.min(msLeft, 2 ** 31 - 1),
        );
        extra.expiryTimer.unref();
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(extraOf(ctx).expiryTimer);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const extra = extraOf(ctx);
        if (extra.viewer && extra.viewer.expiresAt <= Date.now()) {
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired');
          return [
            new GraphQLError('Your session has expired', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ];
        }
        const context = deps.makeContext(extra.viewer, extra.requestId, extra.address);
        const enveloped = deps.yoga.getEnveloped({ makeContext: async () => context });
        let document;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          return [badRequest(error)];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors.map((e: GraphQLError) => withCode(e));
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
        return args;
      },
      onOperation: () => {
        deps.metrics.activeSubscriptions.inc();
      },
      onComplete: () => {
        deps.metrics.activeSubscriptions.dec();
      },
    },
    wss,
    10_000,
  );

  wss.on('connection', (socket) => {
    deps.metrics.websocketConnections.inc();
    socket.once('close', () => deps.metrics.websocketConnections.dec());
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    /** Closes every socket with 1001 (going away) so clients reconnect elsewhere. */
    async close() {
      for (const client of wss.clients) client.close(CLOSE_GOING_AWAY, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

interface Enveloped {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
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
