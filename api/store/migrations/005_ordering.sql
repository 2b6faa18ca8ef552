-- Pausing: a business may stop taking orders, with a reason shown to customers and an optional time
-- at which it reopens by itself (read as a time, so it holds across processes and restarts).

ALTER TABLE businesses ADD COLUMN paused_at timestamptz;

ALTER TABLE businesses ADD COLUMN pause_reason text CHECK (char_length(pause_reason) <= 200);

ALTER TABLE businesses ADD COLUMN paused_until timestamptz;

-- The cap on open (pending or accepted) orders per customer and business: a count kept by every move
-- in the same statement, so a burst of placements is refused exactly at the cap without a lock.
CREATE TABLE open_orders (
  user_id     uuid NOT NULL REFERENCES users (id),
  business_id uuid NOT NULL REFERENCES businesses (id),
  n           integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (user_id, business_id)
);

INSERT INTO open_orders (user_id, business_id, n)
SELECT user_id, business_id, count(*) FROM orders
 WHERE state IN ('pending', 'accepted') GROUP BY user_id, business_id;

-- Pending orders by age, for the system's timeout.
CREATE INDEX orders_pending_idx ON orders (created_at) WHERE state = 'pending';
