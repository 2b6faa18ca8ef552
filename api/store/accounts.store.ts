// SQL for the two kinds of account: customers (users) and businesses.
import type { Role } from '../domain/types.js';
import type { Queryable } from './db.js';

const TABLE: Record<Role, string> = { user: 'users', business: 'businesses' };

export interface AccountRow {
  id: string;
  name: string;
  password_hash: string;
}

export async function findAccount(
  q: Queryable,
  role: Role,
  name: string,
): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(
    `SELECT id, name, password_hash FROM ${TABLE[role]} WHERE name = $1`,
    [name],
  );
  return rows[0] ?? null;
}

/** Creates an account; null when the name is taken. */
export async function insertAccount(
  q: Queryable,
  role: Role,
  name: string,
  passwordHash: string,
  imageUrl = '',
): Promise<string | null> {
  const rows =
    role === 'business'
      ? await q.query<{ id: string }>(
          `INSERT INTO businesses (name, password_hash, image_url) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO NOTHING RETURNING id`,
          [name, passwordHash, imageUrl],
        )
      : await q.query<{ id: string }>(
          `INSERT INTO users (name, password_hash) VALUES ($1, $2)
           ON CONFLICT (name) DO NOTHING RETURNING id`,
          [name, passwordHash],
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
