-- The order lifecycle, v2: a move may carry a reason (reject, cancel), and the system moves orders too
-- (pending orders nobody accepted in time).

ALTER TABLE order_events ADD COLUMN reason text;

ALTER TABLE order_events DROP CONSTRAINT order_events_actor_check;

ALTER TABLE order_events ADD CONSTRAINT order_events_actor_check
  CHECK (actor IN ('user', 'business', 'kitchen', 'system'));
