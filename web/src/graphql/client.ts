// The urql client: HTTP for queries and mutations, graphql-ws for subscriptions, both same-origin
// on /graphql and both carrying the session token.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from '../lib/errors';

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface ClientHooks {
  /** The server no longer accepts the token (HTTP UNAUTHENTICATED or WebSocket 4401/4403). */
  onUnauthenticated(): void;
  onSocketStatus(status: SocketStatus): void;
  /** The socket came back after an unexpected drop: lists should refetch what they missed. */
  onReconnected(): void;
}

export interface OrderlyClient {
  client: Client;
  dispose(): void;
}

const AUTH_CLOSE_CODES = new Set([4401, 4403]);

function closeCode(event: unknown): number | null {
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const code = (event as { code: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function createOrderlyClient(token: string | null, hooks: ClientHooks): OrderlyClient {
  let disposed = false;
  const authorization = token ? `Bearer ${token}` : null;

  const ws: WsClient = createWsClient({
    url: socketUrl(window.location),
    connectionParams: () => (authorization ? { authorization } : {}),
    lazy: true,
    lazyCloseTimeout: 5_000,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Network blips are retried forever (with backoff); a refused token is final.
    shouldRetry: (event) => !AUTH_CLOSE_CODES.has(closeCode(event) ?? 0),
    retryWait: (retries) => sleep(Math.min(5_000, 300 * 2 ** retries) + Math.random() * 300),
    on: {
      connecting: (isRetry) => {
        if (!disposed) hooks.onSocketStatus(isRetry ? 'reconnecting' : 'connecting');
      },
      connected: (_socket, _payload, wasRetry) => {
        if (disposed) return;
        hooks.onSocketStatus('connected');
        if (wasRetry) hooks.onReconnected();
      },
      closed: (event) => {
        if (disposed) return;
        const code = closeCode(event);
        if (code !== null && AUTH_CLOSE_CODES.has(code)) {
          if (authorization) hooks.onUnauthenticated();
          hooks.onSocketStatus('idle');
        } else if (code === 1000) {
          hooks.onSocketStatus('idle'); // lazy close: nothing is subscribed any more
        } else {
          hooks.onSocketStatus('reconnecting');
        }
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: (): RequestInit => ({ headers: authorization ? { authorization } : {} }),
    exchanges: [
      mapExchange({
        onResult(result) {
          if (authorization && result.error && isUnauthenticated(result.error))
            hooks.onUnauthenticated();
          return result;
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose() {
      disposed = true;
      void ws.dispose();
    },
  };
}
