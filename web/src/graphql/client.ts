// The urql client: HTTP for queries and mutations, graphql-ws for subscriptions, both same-origin
// on /graphql and both carrying the session's current token. A refreshed token reaches the open
// socket as the payload of a ping, so the server extends it and its subscriptions carry on.
import {
  Client,
  fetchExchange,
  makeOperation,
  mapExchange,
  subscriptionExchange,
} from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from '../lib/errors';
import { classifyClose, closeCode, retryDelayMs } from '../lib/socket';

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface ClientHooks {
  /** The session's access token now (it changes at every refresh), or null for a guest. */
  token(): string | null;
  /** The server refused `token` (HTTP UNAUTHENTICATED or WebSocket 4401): refresh it. */
  onUnauthenticated(token: string): void;
  /** The server refused this connection for good (WebSocket 4403). */
  onForbidden(): void;
  /** Resolves when a refresh under way has finished: the socket reconnects with its token. */
  settled(): Promise<void>;
  onSocketStatus(status: SocketStatus): void;
  /** The socket came back after an unexpected drop: lists should refetch what they missed. */
  onReconnected(): void;
}

export interface OrderlyClient {
  client: Client;
  /** Sends the current token over the open socket, if the socket still has an older one. */
  reauthenticate(): void;
  dispose(): void;
}

/** The part of the browser's WebSocket this module uses. */
interface OpenSocket {
  readonly readyState: number;
  send(data: string): void;
}

function bearer(token: string | null): string | null {
  return token ? `Bearer ${token}` : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function createOrderlyClient(hooks: ClientHooks): OrderlyClient {
  let disposed = false;
  let socket: OpenSocket | null = null;
  /** The token the server holds for the open (or opening) socket. */
  let socketToken: string | null = null;

  function reauthenticate(): void {
    const token = hooks.token();
    if (!socket || socket.readyState !== WebSocket.OPEN || !token || token === socketToken) return;
    socket.send(JSON.stringify({ type: 'ping', payload: { authorization: bearer(token) } }));
    socketToken = token;
  }

  const ws: WsClient = createWsClient({
    url: socketUrl(window.location),
    // Read at every (re)connect, so a reconnect carries the token of the latest refresh.
    connectionParams: () => {
      socketToken = hooks.token();
      const authorization = bearer(socketToken);
      return authorization ? { authorization } : {};
    },
    lazy: true,
    lazyCloseTimeout: 5_000,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Network blips are retried forever (with backoff), and an expired token after a refresh; a
    // connection refused for good is final.
    shouldRetry: (event) =>
      classifyClose(event) !== 'auth' || (closeCode(event) === 4401 && hooks.token() !== null),
    retryWait: async (retries) => {
      await hooks.settled();
      await sleep(retryDelayMs(retries));
    },
    on: {
      connecting: (isRetry) => {
        if (!disposed) hooks.onSocketStatus(isRetry ? 'reconnecting' : 'connecting');
      },
      connected: (opened, _payload, wasRetry) => {
        if (disposed) return;
        socket = opened as OpenSocket;
        // Refreshed while the socket was connecting: hand the server the newer token now.
        reauthenticate();
        hooks.onSocketStatus('connected');
        if (wasRetry) hooks.onReconnected();
      },
      closed: (event) => {
        socket = null;
        if (disposed) return;
        const refused = socketToken;
        switch (classifyClose(event)) {
          case 'auth':
            if (closeCode(event) === 4403) {
              hooks.onForbidden();
              hooks.onSocketStatus('idle');
            } else if (refused) {
              hooks.onUnauthenticated(refused);
              hooks.onSocketStatus('reconnecting');
            } else {
              hooks.onSocketStatus('idle');
            }
            break;
          case 'idle':
            hooks.onSocketStatus('idle'); // lazy close: nothing is subscribed any more
            break;
          case 'blip':
            hooks.onSocketStatus('reconnecting');
            break;
        }
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    exchanges: [
      mapExchange({
        // Each request carries the token of its moment, and remembers it: a refusal is of that one.
        onOperation(operation) {
          const sentToken = hooks.token();
          const authorization = bearer(sentToken);
          return makeOperation(operation.kind, operation, {
            ...operation.context,
            sentToken,
            fetchOptions: { headers: authorization ? { authorization } : {} },
          });
        },
        onResult(result) {
          const token: unknown = result.operation.context['sentToken'];
          if (typeof token === 'string' && result.error && isUnauthenticated(result.error))
            hooks.onUnauthenticated(token);
          return result;
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, {
                next: (value) => sink.next(value as Parameters<typeof sink.next>[0]),
                complete: () => sink.complete(),
                // A closed socket arrives as its CloseEvent; urql expects an Error.
                error: (error: unknown) =>
                  sink.error(
                    error instanceof Error
                      ? error
                      : new Error(`The live connection closed (${closeCode(error) ?? 'no code'})`),
                  ),
              });
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    reauthenticate,
    dispose() {
      disposed = true;
      void ws.dispose();
    },
  };
}
