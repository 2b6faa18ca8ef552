// Two gates in front of handlers: the metrics token, and the body types a GraphQL POST may have.
import { timingSafeEqual } from 'node:crypto';
import { UnsupportedMediaTypeError } from '../errors.js';

/** With no token configured, anyone may scrape; with one, only `Bearer <token>`. */
export function isAuthorizedScrape(authorization: string | undefined, token: string | undefined) {
  if (token === undefined) return true;
  const given = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const GRAPHQL_BODIES = new Set(['application/json', 'application/graphql-response+json']);

/**
 * A GraphQL POST must be JSON. Forms (urlencoded, multipart) and text/plain are what a page on
 * another origin can post without a CORS preflight; refusing them is the CSRF defence.
 */
export function requireGraphQLBody(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!GRAPHQL_BODIES.has(type)) {
    throw new UnsupportedMediaTypeError('Send GraphQL requests as application/json');
  }
}
