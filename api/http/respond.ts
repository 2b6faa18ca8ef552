// Writing responses: JSON bodies, the error body `{"error":{"code","message"}}`, and the headers every response carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, ERROR_STATUS, type ErrorCode } from '../errors.js';

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; " +
    "font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(payload);
}

export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  status: number = ERROR_STATUS[code],
) {
  const headers: Record<string, string> = {};
  // Both refusals that end by waiting say how long: a throttled login and a dependency that is down.
  if (
    (code === 'RATE_LIMITED' || code === 'UNAVAILABLE') &&
    typeof extra.retryAfterSeconds === 'number'
  ) {
    headers['retry-after'] = String(extra.retryAfterSeconds);
  }
  sendJson(res, status, errorBody(code, message, extra), headers);
}

/** The client's address: the socket's, or the proxy's forwarded one when we sit behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
