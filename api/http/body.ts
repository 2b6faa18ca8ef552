// Reads a request body up to a limit; the caller maps the errors to 413 and 400.
import type { IncomingMessage } from 'node:http';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors.js';

export const BODY_LIMIT_BYTES = 64 * 1024;

export async function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new PayloadTooLargeError(`The request body is larger than ${limit / 1024} KiB`);
  }
  // Most bodies arrive in the packet that carries the headers. The handler is called as the
  // headers are parsed, before the body is; one microtask later the parser has buffered such a
  // body whole, and it is taken at once (about half the cost of waiting for 'data' and 'end').
  if (declared > 0) {
    await null;
    const buffered = bufferedBody(req);
    if (buffered) return buffered;
  }
  // Events rather than async iteration: a fraction of the cost for the one-chunk bodies of most
  // requests.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(new PayloadTooLargeError(`The request body is larger than ${limit / 1024} KiB`));
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The whole declared body, if the parser has buffered all of it; else null, and nothing is read. */
export function bufferedBody(req: IncomingMessage): Buffer | null {
  const declared = Number(req.headers['content-length']);
  return declared > 0 && req.readableLength === declared ? (req.read() as Buffer) : null;
}

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** A JSON object body; anything else is refused with the matching error. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new UnsupportedMediaTypeError('Send the body as application/json');
  }
  const raw = await readBody(req);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequestError('The body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError('The body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
