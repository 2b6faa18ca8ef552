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

/** The headers that let a page of an allowed origin read the answer; none for any other origin. */
export function allowedOriginHeaders(
  origin: string | undefined,
  allowed: ReadonlySet<string>,
): Record<string, string> | undefined {
  if (origin === undefined || !allowed.has(origin)) return undefined;
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'x-request-id, retry-after',
  };
}

/** Adds CORS headers for an allowed origin; answers preflights. Returns true when it answered. */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: ReadonlySet<string>,
): boolean {
  addVary(res, 'Origin');
  const granted = allowedOriginHeaders(req.headers.origin, allowed);
  const permitted = granted !== undefined;
  if (granted) for (const [name, value] of Object.entries(granted)) res.setHeader(name, value);
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
