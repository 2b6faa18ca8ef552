// A deliberate CORS policy: the web app is same-origin, so by default no other origin may call the API
// from a browser; CORS_ORIGINS lists the ones that may (partner dashboards).
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/** Adds a request header to the answer's Vary, keeping those already named. */
export function addVary(res: ServerResponse, header: string): void {
  const current = res.getHeader('vary');
  const named = current === undefined ? [] : String(current).split(/\s*,\s*/);
  if (named.some((h) => h.toLowerCase() === header.toLowerCase())) return;
  res.setHeader('vary', [...named, header].join(', '));
}

/** Adds CORS headers for an allowed origin; answers preflights. Returns true when it answered. */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  addVary(res, 'Origin');
  const permitted = typeof origin === 'string' && allowed.has(origin);
  if (permitted) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  }
  if (req.method !== 'OPTIONS') return false;
  if (!permitted) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({ error: { code: 'FORBIDDEN', message: 'This origin may not call the API' } }),
    );
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
