// SQL for sessions and their refresh tokens (stored as hashes only).
import type { Role } from '../domain/types.js';
import type { Queryable } from './db.js';

export interface RefreshTokenRow {
  session_id: string;
  role: Role;
  subject_id: string;
  expires_at: Date;
  retired_at: Date | null;
  revoked_at: Date | null;
}

export async function insertSession(
  q: Queryable,
  role: Role,
  subjectId: string,
  at: string,
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO sessions (role, subject_id, created_at) VALUES ($1, $2, $3::timestamptz) RETURNING id`,
    [role, subjectId, at],
  );
  return rows[0]!.id;
}

export async function insertRefreshToken(
  q: Queryable,
  token: { hash: string; sessionId: string; issuedAt: string; expiresAt: string },
): Promise<void> {
  await q.query(
    `INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at)
     VALUES ($1, $2, $3::timestamptz, $4::timestamptz)`,
    [token.hash, token.sessionId, token.issuedAt, token.expiresAt],
  );
}

export async function findRefreshToken(
  q: Queryable,
  hash: string,
): Promise<RefreshTokenRow | null> {
  const rows = await q.query<RefreshTokenRow>(
    `SELECT t.session_id, s.role, s.subject_id, t.expires_at, t.retired_at, s.revoked_at
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
      WHERE t.token_hash = $1`,
    [hash],
  );
  return rows[0] ?? null;
}

/** Retires a live refresh token; false when it was retired already (a concurrent use, or a replay). */
export async function retireRefreshToken(q: Queryable, hash: string, at: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE refresh_tokens SET retired_at = $2::timestamptz
      WHERE token_hash = $1 AND retired_at IS NULL RETURNING token_hash`,
    [hash, at],
  );
  return rows.length === 1;
}

export async function revokeSession(q: Queryable, sessionId: string, at: string): Promise<void> {
  await q.query(
    `UPDATE sessions SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE id = $1`,
    [sessionId, at],
  );
}
