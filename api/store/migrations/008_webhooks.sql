-- Integrations. (Function bodies keep their semicolons inside lines: migrate.ts splits at a semicolon
-- that ends a line.) The event log follows commit order: each event keeps the id of the transaction
-- that wrote it, and readers serve only events of transactions older than every running one (so
-- an event committed late never lands behind a cursor already handed out). Events written before
-- this migration sort first (xid 0). Webhooks: one per business, and an outbox row per transition,
-- written by a trigger in the transition's own transaction.

ALTER TABLE order_events ADD COLUMN xid xid8 NOT NULL DEFAULT '0';

ALTER TABLE order_events ALTER COLUMN xid SET DEFAULT pg_current_xact_id();

CREATE INDEX order_events_xid_idx ON order_events (xid, id);

-- An order's events keep their order in the log: an event never sorts before the order's previous
-- one, even when its transaction took its id before the previous one's (it waited on the order).
CREATE FUNCTION order_events_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := GREATEST(NEW.xid, coalesce((SELECT e.xid FROM order_events e WHERE e.order_id = NEW.order_id
                                          ORDER BY e.id DESC LIMIT 1), '0'::xid8)); RETURN NEW; END
$$;

CREATE TRIGGER order_events_commit_order BEFORE INSERT ON order_events
  FOR EACH ROW EXECUTE FUNCTION order_events_commit_order();

CREATE TABLE webhooks (
  business_id uuid PRIMARY KEY REFERENCES businesses (id),
  url         text NOT NULL,
  secret      text NOT NULL,
  failing     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per transition of a business's order while it has a webhook. Pending while
-- next_attempt_at is set; a worker's claim moves next_attempt_at past its attempt (a lease).
CREATE TABLE webhook_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id     uuid NOT NULL REFERENCES businesses (id),
  event_id        bigint NOT NULL REFERENCES order_events (id),
  order_id        uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        int NOT NULL DEFAULT 0,
  status          int,
  excerpt         text,
  body            text,
  next_attempt_at timestamptz,
  delivered_at    timestamptz,
  given_up_at     timestamptz
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
  WHERE next_attempt_at IS NOT NULL;

CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (order_id, event_id)
  WHERE next_attempt_at IS NOT NULL;

CREATE INDEX webhook_deliveries_business_idx ON webhook_deliveries (business_id, id DESC);

CREATE FUNCTION webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (business_id, event_id, order_id, created_at, next_attempt_at)
  SELECT w.business_id, NEW.id, NEW.order_id, NEW.at, NEW.at
    FROM orders o JOIN webhooks w ON w.business_id = o.business_id
   WHERE o.id = NEW.order_id; RETURN NULL; END
$$;

CREATE TRIGGER order_events_webhook_outbox AFTER INSERT ON order_events
  FOR EACH ROW EXECUTE FUNCTION webhook_outbox();
