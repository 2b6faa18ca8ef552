// Answers compressed (Brotli or gzip, as the client accepts) when they are worth it: JSON from
// GraphQL and REST, the API reference. Static files come precompressed (static.ts); event streams
// and small answers go as they are.
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import { addVary } from './cors.js';

/** Below this an answer is sent as it is: compressing would cost more than it saves. */
const THRESHOLD_BYTES = 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function withCompression(handle: Handler): Handler {
  const compress = compression({
    threshold: THRESHOLD_BYTES,
    filter: (req, res) =>
      !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') &&
      compression.filter(req, res),
  });
  return (req, res) => {
    // A client that accepts no encoding gets none: the middleware's wrapping is skipped, and the
    // answer still says it varies by Accept-Encoding, as a compressed one would.
    if (!req.headers['accept-encoding']) {
      addVary(res, 'Accept-Encoding');
      return handle(req, res);
    }
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () =>
      handle(req, res),
    );
  };
}
