// GraphQL over HTTP (graphql-yoga): masked unexpected errors and a client error code on every error.
import { createYoga, type Plugin } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Metrics } from '../metrics.js';
import { DomainError, errorCodeOf, isErrorCode, UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { StaticCostRule } from './cost.js';
import { IntrospectionDepthRule } from './introspection-depth.js';
import { useJitExecution } from './jit.js';
import { useSubscriptionsOverWebSocketOnly } from './subscription-transport.js';

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
} as const;

export function createGraphQLServer(options: {
  schema: GraphQLSchema;
  log: Logger;
  graphiql: boolean;
  introspection: boolean;
  metrics: Metrics;
  /** A query not answered within this is answered UNAVAILABLE (0: no deadline). */
  deadlineMs: number;
  /** Plugins after the server's own (tests; see fastPathGaps). */
  extraPlugins?: Plugin[];
}) {
  const { log } = options;
  const configure = (plugins: Plugin[]) =>
    createYoga<ServerContext, Context>({
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
      plugins,
    });
  const yoga = configure([
    EnvelopArmorPlugin({
      maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
      maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
      maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: true },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
      // The cost, counting list sizes, is Pothos complexity's (builder.ts, cost.ts).
      costLimit: { enabled: false },
      // Suggestions are hidden by useNoSuggestions, enum values too.
      blockFieldSuggestion: { enabled: false },
    }),
    useStaticLimits(),
    ...(options.introspection ? [] : [useNoIntrospection(), useNoSuggestions()]),
    useErrorCodes(),
    useJitExecution(options.schema),
    useExecutionDeadline(options.deadlineMs),
    useOperationMetrics(options.metrics),
    useSubscriptionsOverWebSocketOnly(),
    ...(options.extraPlugins ?? []),
  ]);
  // What yoga adds by itself for these options, to tell the plugins above from yoga's own.
  const bare = configure([]);
  return Object.assign(yoga, { fastPathGaps: fastPathGaps(yoga, bare) });
}

/**
 * Hooks of yoga's HTTP pipeline, which the fast path (http.ts) does not run, and how many of them
 * it does the work of itself: useErrorCodes' onResultProcess (addErrorCodes).
 */
const REQUEST_HOOKS = {
  onRequest: 0,
  onRequestParse: 0,
  onParams: 0,
  onResultProcess: 1,
  onResponse: 0,
};

/**
 * The request-level hooks the server's plugins add that the fast path would skip, e.g.
 * `onRequest ×1`; the fast path answers nothing while there is any, so a plugin added later is
 * never silently bypassed.
 */
function fastPathGaps(yoga: object, bare: object): string[] {
  const count = (server: object, hook: string) =>
    (server as { plugins: Record<string, unknown>[] }).plugins.filter((p) => p[hook]).length;
  return Object.entries(REQUEST_HOOKS).flatMap(([hook, mirrored]) => {
    const added = count(yoga, hook) - count(bare, hook) - mirrored;
    return added > 0 ? [`${hook} ×${added}`] : [];
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

/**
 * A query that is not done within `ms` is answered UNAVAILABLE, and what it still resolves is
 * dropped. Mutations are not cut short: their statements have deadlines of their own that roll them
 * back, so a mutation is never answered as failed while its change may still land.
 */
export function useExecutionDeadline(ms: number): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (ms <= 0 || getOperationAST(args.document, args.operationName)?.operation !== 'query')
        return;
      setExecuteFn((executeArgs) => {
        const running = executeFn(executeArgs);
        if (!(running instanceof Promise)) return running;
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                data: null,
                errors: [
                  new UnavailableError(
                    `The query took longer than ${ms / 1000} s; try again in a moment`,
                    { retryAfterSeconds: 1 },
                  ),
                ],
              }),
            ms,
          );
        });
        return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
      });
    },
  };
}

function useStaticLimits(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(IntrospectionDepthRule);
      addValidationRule(StaticCostRule);
    },
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Without introspection, errors do not hint at the schema either (field, type and enum names). */
function useNoSuggestions(): Plugin {
  const hide = (errors: readonly Error[]) => {
    for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
  };
  return {
    onValidate:
      () =>
      ({ result }) =>
        hide(result),
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        for (const r of 'errors' in result ? [result] : []) hide(r.errors ?? []);
      },
    }),
  };
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
