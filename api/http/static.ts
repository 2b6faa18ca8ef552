// Serves the built web app: hashed assets cached for a year, index.html never, SPA fallback for app routes.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS } from './respond.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The build's Brotli or gzip copy of a file (web/precompress.ts), when the client takes it. */
async function precompressed(file: string, acceptEncoding: string | string[] | undefined) {
  const accepted = new Set(
    String(acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q?.trim() !== 'q=0')
      .map(([name]) => name!.toLowerCase()),
  );
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepted.has(encoding)) continue;
    const info = await stat(file + suffix).catch(() => null);
    if (info?.isFile()) return { encoding, file: file + suffix, size: info.size };
  }
  return null;
}

export function createStaticHandler(root: string) {
  const base = path.resolve(root);
  return async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const file = path.resolve(base, '.' + path.posix.normalize(decoded));
    if (file !== base && !file.startsWith(base + path.sep)) return false;
    let target = file;
    let info = await stat(target).catch(() => null);
    if (!info?.isFile()) {
      // Client-side routes fall back to the app shell; missing files with an extension are 404s.
      if (path.extname(decoded) !== '') return false;
      target = path.join(base, 'index.html');
      info = await stat(target).catch(() => null);
      if (!info?.isFile()) return false;
    }
    const isShell = target.endsWith('index.html');
    const immutable = !isShell && decoded.startsWith('/assets/');
    const compressed = await precompressed(target, req.headers['accept-encoding']);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': compressed?.size ?? info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': info.mtime.toUTCString(),
      vary: 'Accept-Encoding',
      ...(compressed ? { 'content-encoding': compressed.encoding } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(compressed?.file ?? target).pipe(res);
    return true;
  };
}
