// SQL for the two kinds of account: customers (users) and businesses. A name is unique by its
// look-alike key (name_key, api/domain/name-key.ts) as well as by its exact text.
import type { Role } from '../domain/types.js';
import { nameKey } from '../domain/name-key.js';
import type { Db, Queryable } from './db.js';

const TABLE: Record<Role, string> = { user: 'users', business: 'businesses' };
/** Any advisory-lock id other than migrate's: one process keys old rows at a time. */
const BACKFILL_LOCK_KEY = 727_007;

export interface AccountRow {
  id: string;
  name: string;
  password_hash: string;
}

/**
 * The account a person logging in means: the one with exactly this name, else the one whose name
 * looks the same (`ALICE`, `ａｌｉｃｅ` find alice). Exact text wins, so an account from before
 * look-alike keys that shares its look with an older one still finds itself.
 */
export async function findAccount(
  q: Queryable,
  role: Role,
  name: string,
): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(
    `SELECT id, name, password_hash FROM ${TABLE[role]} WHERE name = $1 OR name_key = $2
     ORDER BY name = $1 DESC LIMIT 1`,
    [name, nameKey(name)],
  );
  return rows[0] ?? null;
}

/** Creates an account; null when the name, or a name that looks the same, is taken. */
export async function insertAccount(
  q: Queryable,
  role: Role,
  name: string,
  passwordHash: string,
  imageUrl = '',
): Promise<string | null> {
  const key = nameKey(name);
  const rows =
    role === 'business'
      ? await q.query<{ id: string }>(
          `INSERT INTO businesses (name, name_key, password_hash, image_url) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING id`,
          [name, key, passwordHash, imageUrl],
        )
      : await q.query<{ id: string }>(
          `INSERT INTO users (name, name_key, password_hash) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING id`,
          [name, key, passwordHash],
        );
  return rows[0]?.id ?? null;
}

/** The account's current name; null when no such account exists (any more). */
export async function accountName(q: Queryable, role: Role, id: string): Promise<string | null> {
  const rows = await q.query<{ name: string }>(`SELECT name FROM ${TABLE[role]} WHERE id = $1`, [
    id,
  ]);
  return rows[0]?.name ?? null;
}

/**
 * Keys the accounts that have no look-alike key yet (made before migration 007, or inserted by a
 * writer that does not key), oldest first. A key already held goes to the older account; the later
 * one gets a marker no name can produce (a control character and its id), so the unique index holds
 * and it still logs in by its exact name. Returns how many accounts were keyed, and how many marked.
 */
export async function backfillNameKeys(db: Db): Promise<{ keyed: number; marked: number }> {
  return db.transaction(
    async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BACKFILL_LOCK_KEY]);
      let keyed = 0;
      let marked = 0;
      for (const table of Object.values(TABLE)) {
        const rows = await tx.query<{ id: string; name: string }>(
          `SELECT id, name FROM ${table} WHERE name_key IS NULL ORDER BY created_at, id`,
        );
        for (const row of rows) {
          const key = nameKey(row.name);
          const [updated] = await tx.query<{ marked: boolean }>(
            `UPDATE ${table} SET name_key = CASE
               WHEN EXISTS (SELECT 1 FROM ${table} WHERE name_key = $2) THEN chr(1) || id::text
               ELSE $2 END
           WHERE id = $1 RETURNING name_key <> $2 AS marked`,
            [row.id, key],
          );
          keyed++;
          if (updated?.marked) marked++;
        }
      }
      return { keyed, marked };
    },
    { unbounded: true },
  );
}
