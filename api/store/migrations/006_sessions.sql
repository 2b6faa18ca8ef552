-- Sessions that last a shift: a short-lived access token (a JWT, not stored) and a rotating refresh
-- token, stored only as its SHA-256. A retired refresh token presented again ends its whole session.

CREATE TABLE sessions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  role       text NOT NULL CHECK (role IN ('user', 'business')),
  subject_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions (id),
  issued_at  timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  retired_at timestamptz
);

CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
