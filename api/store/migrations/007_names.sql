-- Names are unique by their look-alike key (api/domain/name-key.ts: NFKC, case folding and Unicode's
-- confusable skeleton), not only by their exact text. The key is computed in TypeScript, so rows made
-- before this migration (and rows other writers insert without one) start without it and are keyed
-- by backfillNameKeys right after migrating, oldest first. Where existing accounts already share a
-- key, the oldest keeps it and each later one is marked with a key no name can have (a control
-- character and its own id): it keeps logging in by its exact name, and nobody new can take its look.

ALTER TABLE users ADD COLUMN name_key text;

ALTER TABLE businesses ADD COLUMN name_key text;

CREATE UNIQUE INDEX users_name_key_idx ON users (name_key);

CREATE UNIQUE INDEX businesses_name_key_idx ON businesses (name_key);
