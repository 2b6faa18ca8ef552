// PostgreSQL through a pg pool, with deadlines on every connection and a dropped connection costing
// one call at most: a read, or a transaction that provably did not commit, is run again on a new
// connection, and no client's 'error' event is ever left without a listener.
import pg from 'pg';
import type { DependencyWatch } from '../outages.js';
import type { Db, DbDeadlines, QueryOptions, Queryable } from './db.js';
import { StatementNames } from './statement-names.js';
import { failure, unavailability } from './db-errors.js';

const RETRYABLE = new Set(['40001', '40P01', '55P03']); // serialization failure, deadlock, lock timeout
const LOCK_NOT_AVAILABLE = '55P03';
const ATTEMPTS = 5;
/** A transaction whose connection dropped before it committed is run again this often. */
const ATTEMPTS_AFTER_DROP = 3;
/** The client waits this much longer than the server's statement_timeout for an answer. */
const CLIENT_MARGIN_MS = 1_000;

/** A statement that changes nothing, so that running it twice is harmless. */
function isRead(sql: string): boolean {
  return (
    /^\s*(SELECT|WITH|SHOW|VALUES|TABLE)\b/i.test(sql) &&
    !/\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval)\b/i.test(sql)
  );
}

type Outcome<T> =
  | { committed: true; result: T }
  | {
      committed: false;
      error: unknown;
      /** The connection is dead or stalled: closed, never pooled again. */
      broken: boolean;
      /** Set when the work was done and COMMIT sent, but its answer was lost. */
      sentCommit?: { result: T; xid: string };
    };

export async function openPostgres(
  rawUrl: string,
  poolSize: number,
  deadlines: DbDeadlines,
  watch: DependencyWatch,
): Promise<Db> {
  // `?schema=name` isolates a run (tests) in its own schema of a shared database.
  const url = new URL(rawUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name "${schema}"`);
  }
  const connection: pg.ClientConfig = {
    connectionString: url.toString(),
    connectionTimeoutMillis: deadlines.connectMs,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({
    ...connection,
    max: poolSize,
    // The server's deadlines are start-up parameters of every connection (0 leaves one off).
    statement_timeout: deadlines.statementMs,
    lock_timeout: deadlines.lockMs,
    idle_in_transaction_session_timeout: deadlines.idleInTransactionMs,
    // The client's own, for a server that answers nothing (stalled, or cut off by the network),
    // where statement_timeout cannot fire.
    ...(deadlines.statementMs ? { query_timeout: deadlines.statementMs + CLIENT_MARGIN_MS } : {}),
  });
  pool.on('error', (error) => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    if (unavailability(error) !== null) watch.failed(error);
  });

  async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client(connection);
    client.on('error', () => undefined); // its query fails too, and reports it
    try {
      await client.connect();
      return await use(client);
    } catch (error) {
      throw failure(watch, error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  if (schema) await withClient((admin) => admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));

  /** Whether a transaction whose COMMIT got no answer committed; null when that cannot be told. */
  async function commitOutcome(xid: string): Promise<boolean | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const { rows } = await pool.query<{ status: string | null }>(
          'SELECT txid_status($1::bigint) AS status',
          [xid],
        );
        if (rows[0]?.status === 'committed') return true;
        if (rows[0]?.status === 'aborted') return false;
        // 'in progress': its backend is still on its way out.
      } catch (error) {
        if (unavailability(error) !== 'dropped') return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  }

  const names = new StatementNames('q');
  /** pg's query config: with a name, each connection parses and plans the statement once. */
  const statementOf = (sql: string, params?: readonly unknown[], options?: QueryOptions) => {
    const name = options?.prepare ? names.nameOf(sql) : null;
    return { text: sql, values: params as unknown[], ...(name ? { name } : {}) };
  };

  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const statement = statementOf(sql, params, options);
      for (let attempt = 1; ; attempt++) {
        try {
          const rows = (await pool.query(statement)).rows as T[];
          watch.succeeded();
          return rows;
        } catch (error) {
          if (attempt === 1 && unavailability(error) === 'dropped' && isRead(sql)) continue;
          // A statement that timed out waiting for a lock did nothing: once more is safe.
          if (attempt === 1 && (error as { code?: string }).code === LOCK_NOT_AVAILABLE) continue;
          throw failure(watch, error);
        }
      }
    },
    async transaction(work, options = {}) {
      if (options.unbounded) {
        // A connection of its own, without the pool's deadlines.
        const outcome = await withClient((client) => runTransaction(client, work, statementOf));
        if (outcome.committed) return outcome.result;
        throw failure(watch, outcome.error);
      }
      for (let attempt = 1; ; attempt++) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw failure(watch, error);
        }
        const outcome = await runTransaction(client, work, statementOf);
        client.release(!outcome.committed && outcome.broken ? new Error('broken') : undefined);
        if (outcome.committed) {
          watch.succeeded();
          return outcome.result;
        }
        const { error, sentCommit } = outcome;
        const code = (error as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < ATTEMPTS) continue;
        if (unavailability(error) === 'dropped') {
          // Before COMMIT the server rolled it back; after, its status says whether it committed.
          const committed = sentCommit ? await commitOutcome(sentCommit.xid) : false;
          if (committed === true) return sentCommit!.result;
          if (committed === false && attempt < ATTEMPTS_AFTER_DROP) continue;
        }
        throw failure(watch, error);
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        watch.succeeded();
        return true;
      } catch (error) {
        failure(watch, error);
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** One transaction on a checked-out client (pooled, or a dedicated one for migrations). */
async function runTransaction<T>(
  client: pg.ClientBase,
  work: (tx: Queryable) => Promise<T>,
  statementOf: (sql: string, params?: readonly unknown[], options?: QueryOptions) => pg.QueryConfig,
): Promise<Outcome<T>> {
  let lost: Error | undefined;
  // A checked-out client has no listener of the pool's: without one, a connection dropped between
  // two statements would be an uncaught 'error' event, and would end the process.
  const onError = (error: Error) => void (lost ??= error);
  client.on('error', onError);
  let xid: string | undefined;
  let done: { result: T } | undefined;
  try {
    // The transaction's id comes in BEGIN's round trip; it tells later whether a lost COMMIT held.
    const began = (await client.query(
      'BEGIN; SELECT txid_current()::text AS xid',
    )) as unknown as pg.QueryResult<{ xid: string }>[];
    xid = began[1]?.rows[0]?.xid;
    done = {
      result: await work({
        query: async (sql, params, options) =>
          (await client.query(statementOf(sql, params, options))).rows,
      }),
    };
    await client.query('COMMIT');
    return { committed: true, result: done.result };
  } catch (error) {
    const kind = unavailability(lost ?? error);
    // Over a dead or stalled connection a ROLLBACK only waits; closing it rolls back as well.
    const broken = lost !== undefined || (kind !== null && kind !== 'timeout' && kind !== 'full');
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    return {
      committed: false,
      error: lost ?? error,
      broken,
      ...(done && xid ? { sentCommit: { result: done.result, xid } } : {}),
    };
  } finally {
    client.off('error', onError);
  }
}
