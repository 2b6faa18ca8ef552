-- Paged history: newest first by (created_at, id), per customer and per business, with or without a
-- state filter, so that the first page costs the same however long the history is.

CREATE INDEX orders_business_page_idx ON orders (business_id, created_at DESC, id DESC);

CREATE INDEX orders_business_state_page_idx ON orders (business_id, state, created_at DESC, id DESC);

CREATE INDEX orders_user_page_idx ON orders (user_id, created_at DESC, id DESC);

DROP INDEX orders_business_idx;

DROP INDEX orders_user_idx;
