// Starts Orderly from the environment; stops it cleanly on SIGTERM/SIGINT.
import { buildApp } from './app.js';
import { ConfigError } from './config.js';
import { startupRefusal } from './store/db-errors.js';

try {
  const app = await buildApp();
  await app.start();
  let signals = 0;
  const shutdown = (signal: string) => {
    if (++signals > 1) process.exit(1);
    app.log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`orderly: ${error.message}`);
    process.exit(2);
  }
  // DATA_DIR in use by another process or full, the database unreachable: said plainly, no trace.
  const refusal = startupRefusal(error);
  if (refusal !== undefined) {
    console.error(`orderly: ${refusal}`);
    process.exit(2);
  }
  throw error;
}
