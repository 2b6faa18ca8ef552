// The servers the scenarios measure, from the run's pool: Orderly and the baselines process per
// store, and the bare ws broadcaster. Each PostgreSQL server works in a schema of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Fixture } from '../fixture.js';
import type { BenchWorker } from '../lib/workers.js';
import type { BenchConfig } from './types.js';

export type Store = 'pglite' | 'postgres';
export type OrderlyReady = { port: number; fixture: Fixture };
export type BaselinesReady = {
  port: number;
  b0Bytes: number;
  b0MenuBytes: number;
  fixture: Fixture;
};
export type RawWsReady = { port: number };

export function orderly(config: BenchConfig, store: Store = 'pglite') {
  return config.pool.get<OrderlyReady>(`orderly-${store}`, orderlyOptions(config, store));
}

export function freshOrderly(config: BenchConfig) {
  return config.pool.fresh<OrderlyReady>('orderly-fresh', orderlyOptions(config, 'pglite'));
}

export function baselines(config: BenchConfig, store: Store = 'pglite') {
  return config.pool.get<BaselinesReady>(`baselines-${store}`, {
    script: 'bench/servers/baselines.ts',
    env: databaseEnv(config, store),
  });
}

export function rawWs(config: BenchConfig, fresh: boolean): Promise<BenchWorker<RawWsReady>> {
  const options = { script: 'bench/servers/raw-ws.ts' };
  return fresh ? config.pool.fresh('raw-ws', options) : config.pool.get('raw-ws', options);
}

function orderlyOptions(config: BenchConfig, store: Store) {
  return {
    script: 'bench/servers/orderly.ts',
    env: databaseEnv(config, store),
    nodeArgs: config.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${config.profileDir}`] : [],
  };
}

export function databaseEnv(config: BenchConfig, store: Store) {
  if (store === 'pglite') return { BENCH_DATABASE_URL: 'memory://' };
  if (!config.postgresUrl) throw new Error('no PostgreSQL for this run');
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  config.schemas.push(schema);
  const url = new URL(config.postgresUrl);
  url.searchParams.set('schema', schema);
  return { BENCH_DATABASE_URL: url.toString() };
}

/** Drops the schemas the run's PostgreSQL servers worked in. */
export async function dropSchemas(config: BenchConfig): Promise<void> {
  if (!config.postgresUrl || config.schemas.length === 0) return;
  const client = new pg.Client({ connectionString: config.postgresUrl });
  await client.connect();
  try {
    for (const schema of config.schemas)
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
