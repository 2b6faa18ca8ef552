// The stores a suite runs against: PGlite in memory always, PostgreSQL when TEST_DATABASE_URL is set
// (each run in a fresh schema of its own, dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface StoreTarget {
  name: 'pglite' | 'postgres';
  /** undefined when the store is not available here (the suite is then skipped by name). */
  databaseUrl: string | undefined;
  /** Drops what the run created. */
  cleanup(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

export function pgliteTarget(): StoreTarget {
  return { name: 'pglite', databaseUrl: 'memory://', cleanup: async () => undefined };
}

/** A PostgreSQL URL pointing at a new, empty schema. */
export function postgresTarget(): StoreTarget {
  if (!TEST_DATABASE_URL)
    return { name: 'postgres', databaseUrl: undefined, cleanup: async () => undefined };
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  return {
    name: 'postgres',
    databaseUrl: url.toString(),
    async cleanup() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export function storeTargets(): StoreTarget[] {
  return [pgliteTarget(), postgresTarget()];
}

/**
 * Both stores as a restarted process meets them: PGlite on disk in its own DATA_DIR, and
 * PostgreSQL in a fresh schema (with a DATA_DIR of its own for what the app keeps there).
 */
export function diskTargets(prefix: string): (StoreTarget & { dataDir: string })[] {
  const dir = (suffix: string) => mkdtempSync(path.join(tmpdir(), `${prefix}${suffix}`));
  const pgliteDir = dir('-');
  const postgres = postgresTarget();
  const postgresDir = dir('-pg-');
  return [
    {
      name: 'pglite',
      databaseUrl: undefined,
      dataDir: pgliteDir,
      cleanup: async () => rmSync(pgliteDir, { recursive: true, force: true }),
    },
    {
      ...postgres,
      dataDir: postgresDir,
      async cleanup() {
        await postgres.cleanup();
        rmSync(postgresDir, { recursive: true, force: true });
      },
    },
  ];
}
