// One SQL interface over embedded PGlite and PostgreSQL: the same migrations and queries run on both.
import { mkdirSync } from 'node:fs';
import pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** undefined → PGlite on disk in dataDir; memory:// → PGlite in memory; postgres://… → PostgreSQL. */
  url: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PGlite in memory: start from this data directory (a dumpDataDir tar) instead of running initdb. */
  pgliteTemplate?: Blob;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  const { url } = options;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.poolSize ?? 10);
  return openPglite(url === 'memory://' ? undefined : options.dataDir, options.pgliteTemplate);
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

async function openPostgres(rawUrl: string, poolSize: number): Promise<Db> {
  // `?schema=name` isolates a run (tests) in its own schema of a shared database.
  const url = new URL(rawUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  if (schema) {
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const run = async <T>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ) => (await client.query(sql, params as unknown[])).rows as T[];

  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ query: (sql, params) => run(client, sql, params) });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (error as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 5) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir
    ? new PGlite(`${dataDir}/pglite`)
    : new PGlite(template ? { loadDataDir: template } : undefined);
  await db.waitReady;
  let closed = false;
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: async <T>(sql: string, params?: readonly unknown[]) =>
            (await tx.query<T>(sql, params as unknown[])).rows,
        }),
      );
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async ping() {
      if (closed) return false;
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
