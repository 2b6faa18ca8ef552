// The OpenAPI 3.1 document of the REST routes, generated from the route table and its zod schemas.
import { createDocument } from 'zod-openapi';
import { ERROR_STATUS } from '../errors.js';
import { REST_ROUTES } from './routes.js';
import { ErrorBody } from './schemas.js';

const WHO: Record<string, string> = {
  anyone: 'Anyone; no token needed.',
  user: 'A customer: `Authorization: Bearer <token from /user_login>`.',
  business: 'A business: `Authorization: Bearer <token from /business_login>`.',
  'user or business':
    'Either role: a customer sees their own orders, a business all of its orders.',
};

const ERROR_MEANING: Record<string, string> = {
  BAD_REQUEST: 'Malformed or invalid input (BAD_REQUEST); nothing was changed',
  UNAUTHENTICATED: 'No valid token, or wrong name or password (UNAUTHENTICATED)',
  FORBIDDEN: 'The token is of the other role (FORBIDDEN)',
  NOT_FOUND: "No such item or order of yours (NOT_FOUND; another tenant's look the same)",
  OUT_OF_STOCK: 'Not enough in stock (OUT_OF_STOCK)',
  INVALID_STATE: 'The order is not in a state for this (INVALID_STATE)',
  RATE_LIMITED: 'Too many failed logins; see Retry-After (RATE_LIMITED)',
  UNAVAILABLE:
    'A dependency (the database, its disk) is down, full or too slow; send it again after Retry-After (UNAVAILABLE)',
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= build();
  return cached;
}

function build() {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: ErrorBody } },
  });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of REST_ROUTES) {
    const responses: Record<string, unknown> = {
      [String(route.status)]: {
        description: 'Success',
        content: { 'application/json': { schema: route.response } },
      },
      '400': error(ERROR_MEANING.BAD_REQUEST!),
      // Any route may meet a database that is down.
      '503': error(ERROR_MEANING.UNAVAILABLE!),
    };
    if (route.method === 'POST') {
      responses['413'] = error('The body is larger than 64 KiB (code BAD_REQUEST)');
      responses['415'] = error('The body is not application/json (code BAD_REQUEST)');
    }
    for (const code of route.errors) {
      const status = String(ERROR_STATUS[code]);
      responses[status] ??= error(ERROR_MEANING[code] ?? code);
    }
    paths[route.path] = {
      [route.method.toLowerCase()]: {
        operationId: route.operation.match(/(?:mutation|query)\s+(\w+)/)?.[1],
        summary: route.summary,
        description: `Who: ${WHO[route.who]}\n\nRuns the GraphQL operation below in-process:\n\n\`\`\`graphql\n${route.operation.trim()}\n\`\`\``,
        tags: [
          route.path.includes('login')
            ? 'Sessions'
            : route.path.includes('menu')
              ? 'Menus'
              : 'Orders',
        ],
        ...(route.who === 'anyone' ? { security: [] } : {}),
        ...(route.query || route.headers
          ? {
              requestParams: {
                ...(route.query ? { query: route.query } : {}),
                ...(route.headers ? { header: route.headers } : {}),
              },
            }
          : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: route.body } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Orderly REST compatibility API',
      version: '1.0.0',
      description:
        'Six routes for partner tools, each a thin layer over the GraphQL API at /graphql: the same rules, ' +
        'permissions and error codes. Field names are those of the original tables.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    tags: [
      { name: 'Sessions', description: 'Log in to get a token' },
      { name: 'Orders', description: 'Place, cancel and list orders' },
      { name: 'Menus', description: 'A business manages its menu and stock' },
    ],
    paths: paths as never,
  });
}
