// PGlite's initdb takes seconds of WASM work per server. A run makes one initialised data directory
// (kept in the temp folder per PGlite version) and every in-memory PGlite server starts from a copy.
// A server gets Orderly's handle on its database and, on PGlite, the PGlite instance behind it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openDb, type Db } from '../../api/store/db.js';
import { ROOT } from './workers.js';

/** The template's path, made if missing. */
export async function pgliteTemplate(): Promise<string> {
  const { version } = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const file = path.join(tmpdir(), `orderly-bench-pglite-${version}.tar`);
  if (existsSync(file)) return file;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.waitReady;
  const dump = await db.dumpDataDir('none');
  await db.close();
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}

/** A bench server's database: Orderly's own handle, and on PGlite the PGlite instance behind it. */
export interface BenchDatabase {
  url: string;
  /** Orderly's handle when the bench opened the database (PGlite in memory); else buildApp opens it. */
  db: Db | undefined;
  /** The PGlite instance `db` runs on, for baselines that query it without Orderly's wrapper. */
  pglite: PGlite | undefined;
}

/** In a bench server: the database named by BENCH_DATABASE_URL, from the template when in memory. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL || 'memory://';
  const template = process.env.BENCH_PGLITE_TEMPLATE;
  if (url !== 'memory://' || !template) return { url, db: undefined, pglite: undefined };
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) });
  const db = await openDb({ url, dataDir: '', pgliteTemplate: pglite });
  return { url, db, pglite };
}
