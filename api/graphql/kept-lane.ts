// The shortest way through the server, for the request it answers most: an anonymous query of
// public data whose answer is kept (public-answers.ts), such as a menu or the list of businesses.
// It gives the answer, status and headers the whole path gives (the differential test in
// kept-lane.test.ts holds it to that), in fewer steps: no URL object, no router, no execution
// machinery, the body taken as the parser buffered it. Anything it cannot answer goes on down the
// whole path, with the body if it was read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BODY_LIMIT_BYTES, bufferedBody } from '../http/body.js';
import { allowedOriginHeaders } from '../http/cors.js';
import { isJsonBody, negotiate, sendAnswer } from './http.js';
import type { KeptOperation, PublicAnswers } from './public-answers.js';

export interface KeptLaneDeps {
  answers: PublicAnswers;
  corsOrigins: ReadonlySet<string>;
  /** False while the GraphQL fast path is off (a plugin's request hooks would be skipped). */
  open: boolean;
  /** Told of each answer served, as the execution would have told it. */
  onKeptAnswer(operation: KeptOperation): void;
}

/** Served; or the body read for the whole path; or nothing read (the body is still arriving). */
export type LaneResult = 'served' | Buffer | null;

export interface KeptLane {
  /** Whether the request may have a kept answer, from its line and headers alone. */
  applies(req: IncomingMessage): boolean;
  /**
   * Answers from what is kept, called a microtask after the request arrived, when a body sent
   * with the headers has been buffered whole.
   */
  serve(req: IncomingMessage, res: ServerResponse, requestId: string): LaneResult;
}

export function createKeptLane(deps: KeptLaneDeps): KeptLane {
  const { answers, corsOrigins } = deps;
  return {
    applies(req) {
      if (!deps.open || req.method !== 'POST' || req.url !== '/graphql') return false;
      if (req.headers.authorization) return false;
      const declared = Number(req.headers['content-length']);
      return (
        declared > 0 &&
        declared <= BODY_LIMIT_BYTES &&
        isJsonBody(req.headers['content-type']) &&
        negotiate(req.headers.accept) !== null
      );
    },

    serve(req, res, requestId) {
      if (req.socket.destroyed) return null;
      const body = bufferedBody(req);
      if (!body) return null;
      const kept = answers.get(body.toString('utf8'));
      if (!kept) return body;
      deps.onKeptAnswer(kept.operation);
      sendAnswer(res, kept.payload, negotiate(req.headers.accept)!, {
        'x-request-id': requestId,
        // As the whole path names them: the compression middleware adds Accept-Encoding itself
        // for a client that accepts an encoding, after Origin.
        vary: req.headers['accept-encoding'] ? 'Origin' : 'Accept-Encoding, Origin',
        ...allowedOriginHeaders(req.headers.origin, corsOrigins),
      });
      return 'served';
    },
  };
}
