// SQL for the two kinds of account: customers (users) and businesses.
import type { Role } from '../services/types.js';
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

export async function accountExists(q: Queryable, role: Role, id: string): Promise<boolean> {
  const rows = await q.query(`SELECT 1 FROM ${TABLE[role]} WHERE id = $1`, [id]);
  return rows.length === 1;
}
