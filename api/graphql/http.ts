// GraphQL over HTTP without yoga's fetch layer, for the common request: POST /graphql with a JSON
// body holding a query or mutation, answered as JSON. Parsing and validation are yoga's envelop,
// cached per query text (documents.ts); the context, the execution and its hooks (masked errors,
// metrics, graphql-jit) are envelop's too, and a result with errors goes through yoga's own result
// processor. Whatever else arrives returns false and yoga answers it: GET, GraphiQL, SSE and
// multipart, subscriptions, unusual bodies, syntax errors, no single operation, a bad token; those go
// through serveThroughYoga. Yoga-level hooks (onRequest, onRequestParse, onParams, onResultProcess,
// onResponse) do not run here: yoga's own are request parsing and parameter checks, which this file
// mirrors, and the server's own plugins add none but error codes (mirrored too). A plugin that adds
// one turns the fast path off (yoga.ts, fastPathGaps), so it applies to every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { processRegularResult, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from './context.js';
import type { DocumentCache } from './documents.js';
import type { KeptOperation, PublicAnswers } from './public-answers.js';
import { addErrorCodes, type ServerContext } from './yoga.js';

type JsonMediaType = 'application/json' | 'application/graphql-response+json';

interface Params {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

export interface FastPathDeps {
  /** With the request-level hooks the fast path would skip (yoga.ts); while any, it answers nothing. */
  yoga: YogaServerInstance<ServerContext, Context> & { fastPathGaps: readonly string[] };
  documents: DocumentCache;
  makeContext(req: IncomingMessage, requestId: string): Promise<Context>;
  /** Kept answers to anonymous queries of public data (public-answers.ts). */
  answers?: PublicAnswers;
  /** Told of an answer served from `answers`, as the execution would have told it. */
  onKeptAnswer?(operation: KeptOperation): void;
}

export type GraphQLFastPath = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  requestId: string,
) => Promise<boolean>;

export function createGraphQLFastPath(deps: FastPathDeps): GraphQLFastPath {
  const { yoga, documents } = deps;

  const open = yoga.fastPathGaps.length === 0;
  return async function serveGraphQL(req, res, body, requestId) {
    if (!open || req.method !== 'POST' || !isJsonBody(req.headers['content-type'])) return false;
    const mediaType = negotiate(req.headers.accept);
    if (!mediaType) return false;
    const text = body.toString('utf8');
    // An anonymous request whose answer is kept: found by its body, before any parsing.
    const answers = req.headers.authorization ? undefined : deps.answers;
    const kept = answers?.get(text);
    if (kept) {
      deps.onKeptAnswer?.(kept.operation);
      sendAnswer(res, kept.payload, mediaType);
      return true;
    }
    const params = parseParams(text);
    if (!params) return false;
    const prepared = documents.prepare(params.query);
    if (!('document' in prepared)) return false;
    const { document } = prepared;
    const operation = getOperationAST(document, params.operationName);
    if (!operation || operation.operation === 'subscription') return false;
    // A refusal known from the text (kept with it, e.g. a query over the cost limit): answered
    // here, as yoga answers it, without building a context.
    if ('validationErrors' in prepared) {
      await answer(res, { errors: prepared.validationErrors }, mediaType);
      return true;
    }
    // Taken before executing: an answer is kept only if nothing it read changed meanwhile.
    const reads = answers?.readsOf(document, operation, params.variables);
    const stamp = reads ? answers!.stamp(reads.businesses) : null;

    const enveloped = yoga.getEnveloped({ makeContext: () => deps.makeContext(req, requestId) });
    let contextValue: Context;
    try {
      contextValue = (await enveloped.contextFactory()) as Context;
    } catch {
      return false; // a refused token: yoga builds the context again and answers with its status
    }
    const args: ExecutionArgs = {
      schema: enveloped.schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    };
    const result = (await enveloped.execute(args)) as ExecutionResult & {
      stringify?: (result: ExecutionResult) => string;
    };
    if (!result.errors && !result.extensions) {
      const payload = (result.stringify ?? JSON.stringify)(result);
      if (stamp) {
        const name = operation.name?.value ?? params.operationName;
        answers!.keep(text, payload, stamp, { type: operation.operation, name });
      }
      sendAnswer(res, payload, mediaType);
      return true;
    }
    await answer(res, result, mediaType);
    return true;
  };

  /** A result with errors, through yoga's own result processor (its status and body). */
  async function answer(res: ServerResponse, result: ExecutionResult, mediaType: JsonMediaType) {
    const response = processRegularResult(addErrorCodes(result), yoga.fetchAPI, mediaType);
    const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
    response.headers.forEach((value, name) => (headers[name] = value));
    const text = await response.text();
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(response.status, headers);
    res.end(text);
  }
}

/** A result without errors, already serialized: 200 with its media type; `headers` go with it. */
export function sendAnswer(
  res: ServerResponse,
  payload: string,
  mediaType: JsonMediaType,
  headers: Record<string, string> = {},
) {
  res.writeHead(200, {
    'content-type': `${mediaType}; charset=utf-8`,
    'content-length': Buffer.byteLength(payload),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(payload);
}

/** `application/json`, optionally with `charset=utf-8`: what yoga's POST JSON parser reads. */
export function isJsonBody(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.toLowerCase().split(';');
  if (type!.trim() !== 'application/json') return false;
  return params.every((p) => p.trim() === 'charset=utf-8');
}

const PROCESSORS: { regular: boolean; mediaTypes: string[] }[] = [
  { regular: false, mediaTypes: ['text/event-stream'] },
  { regular: false, mediaTypes: ['multipart/mixed'] },
  { regular: true, mediaTypes: ['application/graphql-response+json', 'application/json'] },
];

/**
 * The media type yoga would answer a single result with (its result-processor negotiation: the last
 * match wins), or null when that is not plain JSON.
 */
export function negotiate(accept: string | undefined): JsonMediaType | null {
  const key = accept ?? '';
  const known = negotiated.get(key);
  if (known !== undefined) return known;
  const chosen = negotiateOnce(accept);
  // Clients send a handful of Accept headers; a stranger's endless variety is not remembered.
  if (negotiated.size < 256 && key.length <= 256) negotiated.set(key, chosen);
  return chosen;
}

const negotiated = new Map<string, JsonMediaType | null>();

function negotiateOnce(accept: string | undefined): JsonMediaType | null {
  const asked: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset === 'charset=utf-8') asked.push(mediaType!);
  }
  asked.reverse();
  let chosen: { regular: boolean; mediaType: string } | null = null;
  for (const processor of PROCESSORS) {
    for (const want of asked) {
      const [wantType, wantSub] = want.split('/');
      for (const mediaType of processor.mediaTypes) {
        const [type, sub] = mediaType.split('/');
        if ((wantType === '*' || wantType === type) && (wantSub === '*' || wantSub === sub)) {
          chosen = { regular: processor.regular, mediaType };
        }
      }
    }
  }
  return chosen?.regular ? (chosen.mediaType as JsonMediaType) : null;
}

/** The request's parameters when they are exactly what yoga accepts without comment; else null. */
function parseParams(body: string): Params | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { query, variables, operationName, extensions, ...rest } = parsed as Record<
    string,
    unknown
  >;
  if (Object.keys(rest).length > 0 || extensions !== undefined) return null;
  if (typeof query !== 'string') return null;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return null;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return null;
  }
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: operationName ?? undefined,
  };
}

/** Any other /graphql request (GET, GraphiQL, multipart, SSE…) through yoga's fetch API. */
export async function serveThroughYoga(
  yoga: YogaServerInstance<ServerContext, Context>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer | undefined,
  makeContext: () => Promise<Context>,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const response = await yoga.fetch(
    url,
    { method: req.method ?? 'GET', headers, ...(body ? { body: new Uint8Array(body) } : {}) },
    { makeContext },
  );
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => (outHeaders[name] = value));
  const isPage = (outHeaders['content-type'] ?? '').startsWith('text/html');
  res.writeHead(
    response.status,
    isPage ? outHeaders : { ...outHeaders, 'x-content-type-options': 'nosniff' },
  );
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    res.write(next.value);
  res.end();
}
