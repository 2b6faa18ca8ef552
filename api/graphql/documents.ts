// Parsed and validated documents, kept per query text. Parsing and validation are yoga's envelop
// (graphql-armor limits, the production introspection rule), which depend on the text alone, so
// the HTTP fast path and every WebSocket subscribe of a known text skip both.
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Context } from './context.js';
import type { ServerContext } from './yoga.js';

/** Distinct query texts kept; the oldest goes first. */
const KEPT = 1_000;

export type Prepared =
  | { query: string; document: DocumentNode }
  | { query: string; parseError: unknown }
  | { query: string; document: DocumentNode; validationErrors: readonly GraphQLError[] };

export function createDocumentCache(yoga: YogaServerInstance<ServerContext, Context>) {
  const prepared = new Map<string, Prepared>();
  const schema = yoga.getEnveloped({} as ServerContext).schema as GraphQLSchema;

  return {
    /** The schema the documents were validated against. */
    schema,

    prepare(query: string): Prepared {
      let entry = prepared.get(query);
      if (entry) return entry;
      const enveloped = yoga.getEnveloped({} as ServerContext);
      try {
        const document = enveloped.parse(query);
        const errors = enveloped.validate(enveloped.schema, document);
        entry =
          errors.length > 0 ? { query, document, validationErrors: errors } : { query, document };
      } catch (error) {
        entry = { query, parseError: error };
      }
      if (prepared.size >= KEPT) prepared.delete(prepared.keys().next().value!);
      prepared.set(query, entry);
      return entry;
    },

    /** The kept copy of a known query text, so that long-lived subscriptions share one string. */
    intern(query: string): string {
      return prepared.get(query)?.query ?? query;
    },
  };
}

export type DocumentCache = ReturnType<typeof createDocumentCache>;
