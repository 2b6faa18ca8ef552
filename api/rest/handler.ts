// Runs a REST route: body in, its GraphQL operation executed in-process, renamed result or a coded error out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { BadRequestError, DomainError, errorCodeOf } from '../errors.js';
import type { Context } from '../graphql/context.js';
import { createJitExecutor } from '../graphql/jit.js';
import { readJsonObject } from '../http/body.js';
import { sendError, sendJson } from '../http/respond.js';
import type { Logger } from '../logger.js';
import type { z } from 'zod';
import { REST_ROUTES, type RestRoute } from './routes.js';

export interface RestDeps {
  schema: GraphQLSchema;
  /** Builds the same context a GraphQL request gets; throws UNAUTHENTICATED for a bad token. */
  contextFor(req: IncomingMessage, requestId: string): Promise<Context>;
  log: Logger;
}

interface CompiledRoute {
  route: RestRoute;
  document: DocumentNode;
}

export const REST_PATHS = new Set(REST_ROUTES.map((r) => r.path));

export function createRestHandler(deps: RestDeps) {
  const execute = createJitExecutor(deps.schema);
  const routes = new Map<string, CompiledRoute>();
  for (const route of REST_ROUTES) {
    const document = parse(route.operation);
    const errors = validate(deps.schema, document);
    if (errors.length > 0) throw new Error(`REST ${route.path}: ${errors[0]!.message}`);
    routes.set(`${route.method} ${route.path}`, { route, document });
  }

  return async function handleRest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<boolean> {
    if (!REST_PATHS.has(url.pathname)) return false;
    const compiled = routes.get(`${req.method} ${url.pathname}`);
    if (!compiled) {
      const allowed = REST_ROUTES.find((r) => r.path === url.pathname)!.method;
      sendJson(
        res,
        405,
        { error: { code: 'BAD_REQUEST', message: `Use ${allowed} for this route` } },
        { allow: allowed },
      );
      return true;
    }
    const { route, document } = compiled;
    try {
      const body = route.method === 'POST' ? await readJsonObject(req) : {};
      if (route.body) {
        const checked = route.body.safeParse(body);
        if (!checked.success) {
          const issue = checked.error.issues[0]!;
          const field = issue.path.join('.');
          throw new BadRequestError(describeIssue(issue, body), { field });
        }
      }
      const contextValue = await deps.contextFor(req, requestId);
      const variableValues = route.variables({
        body,
        query: url.searchParams,
        headers: req.headers,
      });
      const result = await execute({ schema: deps.schema, document, variableValues, contextValue });
      const error = result.errors?.[0];
      if (error) {
        const code = errorCodeOf(error);
        if (code === 'INTERNAL') {
          deps.log.error(
            { err: error.originalError ?? error, requestId, route: route.path },
            'REST route failed',
          );
          sendError(res, 'INTERNAL', 'Something went wrong on our side');
        } else {
          const {
            code: _code,
            http: _http,
            ...extra
          } = (error.extensions ?? {}) as Record<string, unknown>;
          const renamed = restNames(route, error.message, extra.field);
          sendError(
            res,
            code,
            renamed.message,
            renamed.field ? { ...extra, field: renamed.field } : extra,
          );
        }
        return true;
      }
      sendJson(res, route.status, route.respond(result.data as Record<string, unknown>));
    } catch (error) {
      if (error instanceof DomainError) {
        const { code: _code, http: _http, ...extra } = error.extensions as Record<string, unknown>;
        sendError(res, error.code, error.message, extra, error.status);
      } else {
        deps.log.error({ err: error, requestId, route: route.path }, 'REST route failed');
        sendError(res, 'INTERNAL', 'Something went wrong on our side');
      }
    }
    return true;
  };
}

/**
 * A service error names GraphQL inputs (`items[0].inStore`, field `items.0.inStore`); a REST caller
 * sent `m_instore`. Renames the field path and the name the message starts with.
 */
export function restNames(
  route: Pick<RestRoute, 'fieldNames'>,
  message: string,
  field: unknown,
): { message: string; field: string | undefined } {
  const names = route.fieldNames ?? {};
  const rename = (name: string) => (Object.hasOwn(names, name) ? names[name]! : name);
  return {
    message: message.replace(
      /^((?:\w+\[\d+\]\.)*)(\w+)\b/,
      (_all, prefix: string, name: string) => prefix.replace(/\w+(?=\[)/g, rename) + rename(name),
    ),
    field: typeof field === 'string' ? field.split('.').map(rename).join('.') : undefined,
  };
}

/** A body check's first complaint in a partner's words: `m_id is required`, `quantity must be a number`. */
export function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // One of several forms (a one-item order or a basket): speak of the form the caller meant,
    // the first that lacks none of its fields, else the last (the oldest).
    const missing = (e: z.core.$ZodIssue) =>
      e.code === 'invalid_type' && valueAt(body, e.path) === undefined;
    const meant = issue.errors.find((errors) => !errors.some(missing)) ?? issue.errors.at(-1)!;
    if (meant[0])
      return describeIssue({ ...meant[0], path: [...issue.path, ...meant[0].path] }, body);
  }
  const field = issue.path.map(String).join('.') || 'body';
  if (issue.code === 'invalid_type') {
    if (valueAt(body, issue.path) === undefined) return `${field} is required`;
    // A fraction where a whole number belongs: the schema's own words say which.
    if (issue.expected === 'int') return `${field}: ${issue.message}`;
    const kind = issue.expected === 'array' ? 'list' : issue.expected;
    const expected = `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
    return `${field} must be ${expected}`;
  }
  return `${field}: ${issue.message}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = body;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}
