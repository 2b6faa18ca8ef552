// Row shapes as the drivers return them, and their conversion to the views services hand out.
import type {
  BusinessView,
  MenuItemView,
  OrderLineView,
  OrderState,
  OrderView,
} from '../domain/types.js';

export interface MenuItemRow {
  id: string;
  business_id: string;
  business_name: string;
  business_image_url: string;
  name: string;
  image_url: string;
  price: string;
  in_store: number;
}

export interface OrderRow {
  id: string;
  state: OrderState;
  quantity: number;
  unit_price: string;
  user_id: string;
  user_name: string;
  business_id: string;
  menu_item_id: string;
  created_at: Date;
  updated_at: Date;
  accepted_at: Date | null;
  started_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  // joined menu item and business
  item_name: string;
  item_image_url: string;
  item_price: string;
  item_in_store: number;
  business_name: string;
  business_image_url: string;
  note: string | null;
  /** The order's lines as JSON (LINES_JSON), in their order. */
  lines: LineRow[];
}

/** One line of an order as LINES_JSON builds it. */
export interface LineRow {
  id: string;
  quantity: number;
  unit_price: number | string;
  note: string | null;
  name: string;
  image_url: string;
  price: number | string;
  in_store: number;
}

/**
 * The lines of the orders of `alias` as a JSON array, each with its menu item now: `lines` is a
 * relation with order_id, position, menu_item_id, quantity, unit_price and note; `items` one with
 * the menu items' id, name, image_url, price and in_store.
 */
export function linesJson(alias: string, lines = 'order_lines', items = 'menu_items'): string {
  return `(SELECT json_agg(json_build_object('id', l.menu_item_id, 'quantity', l.quantity,
            'unit_price', l.unit_price, 'note', l.note, 'name', li.name, 'image_url', li.image_url,
            'price', li.price, 'in_store', li.in_store) ORDER BY l.position)
     FROM ${lines} l JOIN ${items} li ON li.id = l.menu_item_id WHERE l.order_id = ${alias}.id)`;
}

export const MENU_ITEM_COLUMNS = `m.id, m.business_id, b.name AS business_name, b.image_url AS business_image_url,
  m.name, m.image_url, m.price::text AS price, m.in_store`;

export const ORDER_COLUMNS = `o.id, o.state, o.quantity, o.unit_price::text AS unit_price, o.user_id,
  u.name AS user_name, o.business_id, o.menu_item_id, o.created_at, o.updated_at, o.accepted_at,
  o.started_at, o.due_at, o.finished_at, m.name AS item_name, m.image_url AS item_image_url,
  m.price::text AS item_price, m.in_store AS item_in_store, b.name AS business_name,
  b.image_url AS business_image_url, o.note, ${linesJson('o')} AS lines`;

export const ORDER_FROM = `orders o
  JOIN users u ON u.id = o.user_id
  JOIN menu_items m ON m.id = o.menu_item_id
  JOIN businesses b ON b.id = o.business_id`;

export function toMenuItemView(row: MenuItemRow): MenuItemView {
  return {
    id: row.id,
    name: row.name,
    imageUrl: row.image_url,
    price: Number(row.price),
    inStore: row.in_store,
    business: { id: row.business_id, name: row.business_name, imageUrl: row.business_image_url },
  };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** An order without its queue estimate; the orders service adds that. */
export function toOrderView(row: OrderRow): OrderView {
  const business: BusinessView = {
    id: row.business_id,
    name: row.business_name,
    imageUrl: row.business_image_url,
  };
  const lines: OrderLineView[] = row.lines.map((line) => ({
    menuItem: {
      id: line.id,
      name: line.name,
      imageUrl: line.image_url,
      price: Number(line.price),
      inStore: line.in_store,
      business,
    },
    quantity: line.quantity,
    unitPrice: Number(line.unit_price),
    note: line.note,
  }));
  const cents = lines.reduce((sum, l) => sum + Math.round(l.unitPrice * 100) * l.quantity, 0);
  return {
    id: row.id,
    state: row.state,
    quantity: row.quantity,
    unitPrice: Number(row.unit_price),
    lines,
    note: row.note,
    total: cents / 100,
    userId: row.user_id,
    userName: row.user_name,
    menuItem: {
      id: row.menu_item_id,
      name: row.item_name,
      imageUrl: row.item_image_url,
      price: Number(row.item_price),
      inStore: row.item_in_store,
      business,
    },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    acceptedAt: iso(row.accepted_at),
    startedAt: iso(row.started_at),
    dueAt: iso(row.due_at),
    finishedAt: iso(row.finished_at),
    queuePosition: null,
    estimatedReadyAt: null,
  };
}
