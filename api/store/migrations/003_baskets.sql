-- Baskets: an order has 1–20 lines (an item, a quantity, the unit price when ordered, a note) and a
-- note of its own. Orders placed before this migration become one-line baskets. The order keeps
-- menu_item_id (its first line's item) and quantity (all its lines together) for older readers.

CREATE TABLE order_lines (
  order_id     uuid NOT NULL REFERENCES orders (id),
  position     smallint NOT NULL CHECK (position BETWEEN 1 AND 20),
  menu_item_id uuid NOT NULL REFERENCES menu_items (id),
  quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  unit_price   numeric(12, 2) NOT NULL,
  note         text CHECK (char_length(note) <= 200),
  PRIMARY KEY (order_id, position)
);

INSERT INTO order_lines (order_id, position, menu_item_id, quantity, unit_price)
SELECT id, 1, menu_item_id, quantity, unit_price FROM orders;

ALTER TABLE orders ADD COLUMN note text CHECK (char_length(note) <= 200);
