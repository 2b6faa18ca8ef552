// The urql client: HTTP for queries and mutations, graphql-ws for subscriptions, both same-origin
// on /graphql and both carrying the session token.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from '../lib/errors';
import { classifyClose, retryDelayMs } from '../lib/socket';

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
    shouldRetry: (event) => classifyClose(event) !== 'auth',
    retryWait: (retries) => sleep(retryDelayMs(retries)),
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
        switch (classifyClose(event)) {
          case 'auth':
            if (authorization) hooks.onUnauthenticated();
            hooks.onSocketStatus('idle');
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
