// One SQL interface over embedded PGlite and PostgreSQL: the same migrations and queries run on both.
// Every failure that means the database is away, full or too slow leaves here as UNAVAILABLE
// (db-errors.ts), and each outage is logged once when it starts and once when it ends.
import type { DbDeadlineSettings } from '../config.js';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from '../logger.js';
import { watchDependency } from '../outages.js';
import { openPglite } from './db-pglite.js';
import { openPostgres } from './db-postgres.js';

export interface QueryOptions {
  /**
   * Run as a named prepared statement: parsed and planned once per connection, then only bound and
   * executed. For the hot statements, whose text comes from a small fixed set.
   */
  prepare?: boolean;
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
}

/** A statement and its parameters, as the store builds it. */
export interface Statement {
  text: string;
  values: unknown[];
}

export interface TransactionOptions {
  /**
   * No statement or lock deadline: for migrations, which may rewrite a large table or wait for
   * another process's migration.
   */
  unbounded?: boolean;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DbDeadlines = DbDeadlineSettings;

export const DEFAULT_DEADLINES: DbDeadlines = {
  connectMs: 2_000,
  statementMs: 5_000,
  lockMs: 2_000,
  idleInTransactionMs: 10_000,
};

export interface OpenDbOptions {
  /** undefined → PGlite on disk in dataDir; memory:// → PGlite in memory; postgres://… → PostgreSQL. */
  url: string | undefined;
  dataDir: string;
  poolSize?: number;
  /**
   * PGlite in memory: start from this data directory (a dumpDataDir tar) instead of running initdb,
   * or run on this PGlite, opened by the caller (the benchmarks' baselines also query it directly).
   */
  pgliteTemplate?: Blob | PGlite;
  /** PostgreSQL only: PGlite runs in this process's thread, where a statement cannot be interrupted. */
  deadlines?: DbDeadlines;
  /** Where outages of the database are logged. */
  log?: Logger;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  const { url } = options;
  const watch = watchDependency('database', options.log);
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return openPostgres(url, options.poolSize ?? 10, options.deadlines ?? DEFAULT_DEADLINES, watch);
  }
  return openPglite(
    url === 'memory://' ? undefined : options.dataDir,
    options.pgliteTemplate,
    watch,
  );
}
