// GraphQL over HTTP (graphql-yoga): masked unexpected errors and a client error code on every error.
import { createYoga, type Plugin } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  type GraphQLSchema,
} from 'graphql';
import type { Metrics } from '../metrics.js';
import { DomainError, errorCodeOf, isErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { useJitExecution } from './jit.js';

export interface ServerContext {
  /** Builds the operation's context; for HTTP from the Authorization header, for WebSocket from the connection. */
  makeContext: () => Promise<Context>;
}

const DEFAULT_QUERY = `# Welcome to Orderly's GraphQL API. Log in with a mutation such as
#   mutation { userLogin(name: "alice", password: "alice-pass") { token } }
# then add the header  {"Authorization": "Bearer <token>"}  below to act as that account.

query Businesses {
  businesses {
    id
    name
    menu { id name price inStore }
  }
}
`;

/** Bounds on one operation, checked before it runs (over HTTP and WebSocket alike). */
export const QUERY_LIMITS = {
  maxDepth: 6,
  maxAliases: 10,
  maxTokens: 1_500,
  maxDirectives: 20,
  // graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level): a full order with its item,
  // business, kitchen and history costs about 80; the limit leaves room for a page of such.
  maxCost: 600,
} as const;

export function createGraphQLServer(options: {
  schema: GraphQLSchema;
  log: Logger;
  graphiql: boolean;
  introspection: boolean;
  metrics: Metrics;
}) {
  const { log } = options;
  return createYoga<ServerContext, Context>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    // GraphiQL bundled (no CDN), loaded on first use; subscriptions in it go over graphql-ws.
    graphiql: options.graphiql
      ? { title: 'Orderly GraphiQL', subscriptionsProtocol: 'WS', defaultQuery: DEFAULT_QUERY }
      : false,
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    landingPage: false,
    logging: false,
    cors: false,
    context: ({ makeContext }) => makeContext(),
    maskedErrors: { maskError: createMaskError(log) },
    batching: false,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
        maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
        maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: true },
        maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
        costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true },
        blockFieldSuggestion: { enabled: !options.introspection },
      }),
      ...(options.introspection ? [] : [useNoIntrospection()]),
      useErrorCodes(),
      useJitExecution(options.schema),
      useOperationMetrics(options.metrics),
    ],
  });
}

export const MASKED_MESSAGE = 'Unexpected error.';

/** Domain and request errors pass; anything unexpected is logged and answered as INTERNAL. */
export function createMaskError(log: Logger) {
  return function maskError(error: unknown, message: string = MASKED_MESSAGE): Error {
    const graphqlError = error instanceof GraphQLError ? error : null;
    const original = graphqlError?.originalError ?? error;
    if (original instanceof DomainError) return original;
    if (graphqlError && errorCodeOf(graphqlError) !== 'INTERNAL') return graphqlError;
    log.error({ err: original }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(message, {
      ...(graphqlError ? { nodes: graphqlError.nodes, path: graphqlError.path } : {}),
      extensions: { code: 'INTERNAL' },
    });
  };
}

/** Request errors (syntax, validation, variables) carry BAD_REQUEST like every other refusal. */
function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) addErrorCodes(r);
    },
  };
}

/** Gives every error of a result its client error code (also used by the fast path in http.ts). */
export function addErrorCodes<R>(result: R): R {
  const errors = (result as { errors?: readonly GraphQLError[] }).errors;
  for (const e of errors ?? []) {
    if (!(e instanceof GraphQLError) || isErrorCode(e.extensions?.code)) continue;
    (e.extensions as Record<string, unknown>).code = errorCodeOf(e);
  }
  return result;
}

function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Execution time of each query and mutation, by type and (bounded) operation name. */
export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName);
      return {
        onExecuteDone() {
          metrics.graphqlOperations.observe(
            {
              type: operation?.operation ?? 'unknown',
              operation: metrics.operationLabel(operation?.name?.value ?? args.operationName),
            },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
