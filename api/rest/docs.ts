// The REST reference: /openapi.json, and Swagger UI at /docs from the bundled swagger-ui-dist (no CDN).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi.js';
import { SECURITY_HEADERS, sendJson } from '../http/respond.js';

const SWAGGER_DIR = path.dirname(
  fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')),
);
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui-standalone-preset.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Orderly REST API reference</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

// A file of its own, so the page runs under a CSP without inline script.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  tryItOutEnabled: true,
  persistAuthorization: true,
  validatorUrl: null,
});
`;

export async function serveDocs(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === '/openapi.json') {
    sendJson(res, 200, openApiDocument(), { 'cache-control': 'no-cache' });
    return true;
  }
  if (pathname === '/docs' || pathname === '/docs/')
    return send(res, 'text/html; charset=utf-8', PAGE);
  if (pathname === '/docs/init.js') return send(res, 'text/javascript; charset=utf-8', INIT);
  const name = pathname.startsWith('/docs/') ? pathname.slice('/docs/'.length) : '';
  const type = ASSETS.get(name);
  if (!type) return false;
  const file = path.join(SWAGGER_DIR, name);
  const info = await stat(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': info.size,
    'cache-control': 'public, max-age=86400',
  });
  createReadStream(file).pipe(res);
  return true;
}

function send(res: ServerResponse, type: string, body: string): true {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
  });
  res.end(body);
  return true;
}
