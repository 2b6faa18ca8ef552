// Applies the SQL files in ./migrations in order, once each, under a lock so that processes starting together agree.
import { readdir, readFile } from 'node:fs/promises';
import type { Db, Queryable } from './db.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const LOCK_KEY = 727_001; // arbitrary, stable advisory-lock id for migrations

/**
 * Applies what is missing; with `before`, only the migrations named below it (the schema of an
 * earlier release, for upgrade tests).
 */
export async function migrate(db: Db, options: { before?: string } = {}): Promise<string[]> {
  const { before } = options;
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql') && (before === undefined || f < before))
    .sort();
  // Unbounded: a migration may rewrite a large table, or wait for another process's migration.
  return db.transaction((tx) => applyMissing(tx, files), { unbounded: true });
}

async function applyMissing(tx: Queryable, files: string[]): Promise<string[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
  await tx.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       name text PRIMARY KEY,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const done = new Set(
    (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
    for (const statement of splitStatements(sql)) await tx.query(statement);
    await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    applied.push(file);
  }
  return applied;
}

/** Splits a migration on semicolons at line ends; migrations keep one statement per `;`-terminated block. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
