// The kitchen as its own process (`npm run kitchen`, with KITCHEN=off on the API processes). With
// KITCHEN_METRICS_PORT it serves /metrics (its transitions, the accepted→completed histogram and
// process figures; the live queue gauges come from the API's /metrics) and /healthz.
import { createServer, type Server } from 'node:http';
import { loadConfig, ConfigError } from '../api/config.js';
import { composeCore } from '../api/core.js';
import { sendJson } from '../api/http/respond.js';
import { createLogger, type Logger } from '../api/logger.js';
import { createMetrics, type Metrics } from '../api/metrics.js';
import { systemClock } from '../api/services/clock.js';
import { DataDirLockedError, startupRefusal } from '../api/store/db-errors.js';

async function serveMetrics(metrics: Metrics, port: number, host: string, log: Logger) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      metrics.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        (error: unknown) => {
          log.error({ err: error }, 'metrics failed');
          res.writeHead(500).end();
        },
      );
    } else if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

function portOf(server: Server | undefined): number | undefined {
  const address = server?.address();
  return address && typeof address === 'object' ? address.port : undefined;
}

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel).child({ component: 'kitchen' });
  const { db, metrics, bus, kitchenSettings, kitchen, webhookDelivery } = await composeCore(
    config,
    { clock: systemClock, log, poolSize: 4, cooks: true, metrics: () => createMetrics() },
  );
  const metricsServer: Server | undefined =
    config.kitchenMetricsPort === undefined
      ? undefined
      : await serveMetrics(metrics, config.kitchenMetricsPort, config.host, log);
  await kitchen?.start();
  webhookDelivery.start();
  log.info(
    { database: db.kind, ...kitchenSettings, metricsPort: portOf(metricsServer) },
    'kitchen is cooking',
  );
  const shutdown = async () => {
    await kitchen?.stop();
    await webhookDelivery.stop();
    metricsServer?.close();
    await bus.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`orderly kitchen: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof DataDirLockedError) {
    console.error(
      `orderly kitchen: DATA_DIR ${error.dataDir} is in use by ${error.holder}. PGlite serves one ` +
        'process: run the kitchen inline (KITCHEN=inline on the API, the default), or put the API ' +
        'and the kitchen on PostgreSQL (DATABASE_URL=postgres://…).',
    );
    process.exit(2);
  }
  const refusal = startupRefusal(error);
  if (refusal !== undefined) {
    console.error(`orderly kitchen: ${refusal}`);
    process.exit(2);
  }
  throw error;
}
