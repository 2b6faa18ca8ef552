// Embedded PGlite, in memory or on disk in DATA_DIR (held by this process alone: datadir-lock.ts).
// Its statements run in this process's thread, where no deadline can interrupt them.
import { mkdirSync } from 'node:fs';
import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import type { DependencyWatch } from '../outages.js';
import { lockDataDir, type DataDirLock } from './datadir-lock.js';
import type { Db, QueryOptions } from './db.js';
import { DataDirError, DataDirFullError, failure, unavailability } from './db-errors.js';
import { preparedStatements } from './pglite-prepared.js';

export async function openPglite(
  dataDir: string | undefined,
  template: Blob | PGliteInstance | undefined,
  watch: DependencyWatch,
): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  let lock: DataDirLock | undefined;
  let db: InstanceType<typeof PGlite>;
  try {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      lock = lockDataDir(dataDir);
    }
    db = dataDir
      ? new PGlite(`${dataDir}/pglite`)
      : template instanceof PGlite
        ? template
        : new PGlite(template ? { loadDataDir: template } : undefined);
    await db.waitReady;
  } catch (error) {
    lock?.release();
    throw dataDir ? (dataDirProblem(error, dataDir) ?? error) : error;
  }
  // A full disk under DATA_DIR is named with its path in the logs (and at start-up).
  const fail = (error: unknown) =>
    failure(watch, error, dataDir ? (dataDirProblem(error, dataDir) ?? error) : error);
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      watch.succeeded();
      return result;
    } catch (error) {
      throw fail(error);
    }
  };
  let closed = false;
  const statements = preparedStatements(db);
  return {
    kind: 'pglite',
    query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      return guarded(async () => {
        const rows = options?.prepare ? await statements.runAlone<T>(sql, params) : null;
        return rows ?? (await db.query<T>(sql, params as unknown[])).rows;
      });
    },
    transaction(work) {
      return guarded(() =>
        db.transaction((tx) =>
          work({
            query: async <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) => {
              const rows = options?.prepare
                ? await statements.runInTransaction<T>(sql, params)
                : null;
              return rows ?? (await tx.query<T>(sql, params as unknown[])).rows;
            },
          }),
        ),
      );
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
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** PGlite's file system reports errno values of WASI; Node's reports codes. */
const WASM_ERRNO: Record<number, string> = { 2: 'EACCES', 63: 'EPERM', 69: 'EROFS' };

/** A failure that is about DATA_DIR itself (full, not writable), with its path. */
function dataDirProblem(error: unknown, dataDir: string): DataDirError | undefined {
  if (error instanceof DataDirError) return error;
  if (unavailability(error) === 'full') return new DataDirFullError(dataDir);
  const { code, errno, name } = (error ?? {}) as {
    code?: unknown;
    errno?: unknown;
    name?: unknown;
  };
  const reason = name === 'ErrnoError' && typeof errno === 'number' ? WASM_ERRNO[errno] : code;
  if (reason === 'EACCES' || reason === 'EPERM')
    return new DataDirError(`cannot write to DATA_DIR ${dataDir}: permission denied`);
  if (reason === 'EROFS')
    return new DataDirError(`cannot write to DATA_DIR ${dataDir}: the file system is read-only`);
  return undefined;
}
