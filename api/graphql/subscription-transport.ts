// Subscriptions are served over WebSocket only (ws.ts), where a socket is closed when its token
// expires; yoga would otherwise also stream them over HTTP (server-sent events), where nothing
// ends a stream at its token's expiry. Over HTTP a subscription is answered with this refusal.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const SUBSCRIPTIONS_OVER_WEBSOCKET =
  'Subscriptions are served over WebSocket only: connect to /graphql with the graphql-transport-ws subprotocol';

/** Envelop's subscribe runs only for HTTP: WebSocket subscriptions go through fanout.ts. */
export function useSubscriptionsOverWebSocketOnly(): Plugin {
  return {
    onSubscribe({ setResultAndStopExecution }) {
      setResultAndStopExecution({
        errors: [
          new GraphQLError(SUBSCRIPTIONS_OVER_WEBSOCKET, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          }),
        ],
      });
    },
  };
}
