-- Orderly's tables. Ids are UUIDs; prices are exact numerics; every order transition is an order_events row.

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE businesses (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  image_url     text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE menu_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  business_id uuid NOT NULL REFERENCES businesses (id),
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  image_url   text NOT NULL DEFAULT '',
  price       numeric(12, 2) NOT NULL CHECK (price >= 0),
  in_store    integer NOT NULL CHECK (in_store >= 0),
  position    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX menu_items_business_idx ON menu_items (business_id, position, created_at);

CREATE TABLE orders (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id),
  business_id  uuid NOT NULL REFERENCES businesses (id),
  menu_item_id uuid NOT NULL REFERENCES menu_items (id),
  quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  unit_price   numeric(12, 2) NOT NULL,
  state        text NOT NULL DEFAULT 'pending'
               CHECK (state IN ('pending', 'accepted', 'processing', 'completed', 'cancelled', 'rejected')),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  accept_seq   bigint,
  started_at   timestamptz,
  due_at       timestamptz,
  finished_at  timestamptz
);

CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC);
CREATE INDEX orders_business_idx ON orders (business_id, created_at DESC);
CREATE SEQUENCE orders_accept_seq;

CREATE INDEX orders_live_idx ON orders (business_id, state, accept_seq)
  WHERE state IN ('pending', 'accepted', 'processing');

CREATE TABLE order_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id   uuid NOT NULL REFERENCES orders (id),
  from_state text,
  to_state   text NOT NULL,
  actor      text NOT NULL CHECK (actor IN ('user', 'business', 'kitchen')),
  actor_id   uuid,
  request_id text,
  at         timestamptz NOT NULL
);

CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE idempotency_keys (
  user_id    uuid NOT NULL REFERENCES users (id),
  key        text NOT NULL,
  order_id   uuid NOT NULL REFERENCES orders (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
