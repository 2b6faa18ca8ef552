// Two API processes on one fresh PostgreSQL schema, and a pool on that schema for checking what
// they wrote: the setup of the multi-process suites.
import pg from 'pg';
import { spawnOrderly, type Child } from './processes.js';
import { postgresTarget } from './stores.js';

export interface PostgresPair {
  a: Child;
  b: Child;
  /** The processes' schema, for reading what they stored. */
  db: pg.Pool;
  databaseUrl: string;
  /** Kills both processes and drops the schema. */
  stop(): Promise<void>;
}

/** Starts both processes with `env` (DATABASE_URL is the pair's own); needs TEST_DATABASE_URL. */
export async function startPostgresPair(
  env: Record<string, string | undefined>,
): Promise<PostgresPair> {
  const target = postgresTarget();
  if (!target.databaseUrl) throw new Error('a PostgreSQL pair needs TEST_DATABASE_URL');
  const databaseUrl = target.databaseUrl;
  const a = await spawnOrderly('api', { ...env, DATABASE_URL: databaseUrl });
  const b = await spawnOrderly('api', { ...env, DATABASE_URL: databaseUrl });
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const db = new pg.Pool({ connectionString: url.toString(), options: `-c search_path=${schema}` });
  return {
    a,
    b,
    db,
    databaseUrl,
    async stop() {
      await Promise.all([a.kill('SIGKILL'), b.kill('SIGKILL')]);
      await db.end();
      await target.cleanup();
    },
  };
}
