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

/** A time as the drivers return it: a Date, or ISO 8601 text where the SQL formats it (isoText). */
type Time = Date | string;

/**
 * An order as the statements read it. The parts a list did not ask for (OrderFields) are absent:
 * the customer's name, the first item, the business, the lines, the total.
 */
export interface OrderRow {
  id: string;
  state: OrderState;
  quantity: number;
  unit_price: string;
  user_id: string;
  user_name?: string;
  business_id: string;
  menu_item_id: string;
  created_at: Time;
  updated_at: Time;
  accepted_at: Time | null;
  started_at: Time | null;
  due_at: Time | null;
  finished_at: Time | null;
  // joined menu item and business
  item_name?: string;
  item_image_url?: string;
  item_price?: string;
  item_in_store?: number;
  business_name?: string;
  business_image_url?: string;
  note: string | null;
  /** The order's lines as JSON (linesJson), in their order. */
  lines?: LineRow[];
  /** The sum of the lines, in cents. */
  total_cents?: number;
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

/**
 * A timestamptz as ISO 8601 text in UTC with milliseconds (2026-11-26T10:15:00.000Z), the form the
 * API answers with: it passes from PostgreSQL to JSON without being parsed or formatted on the way.
 */
export const isoText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What the order line `l` comes to, in cents: its unit price in whole cents, times its quantity. */
export const LINE_CENTS = 'round(l.unit_price * 100) * l.quantity';

/** The sum of an order's lines in cents. */
export const totalCents = (alias: string) =>
  `(SELECT sum(${LINE_CENTS})::int FROM order_lines l WHERE l.order_id = ${alias}.id)`;

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

const iso = (t: Time | null) => (t === null ? null : typeof t === 'string' ? t : t.toISOString());

/**
 * An order without its queue estimate (the orders service adds that). Parts the row lacks, because
 * the list did not ask for them, are left empty: a list asks for every part its reader reads.
 */
export function toOrderView(row: OrderRow): OrderView {
  const business: BusinessView = {
    id: row.business_id,
    name: row.business_name ?? '',
    imageUrl: row.business_image_url ?? '',
  };
  const lines: OrderLineView[] = (row.lines ?? []).map((line) => ({
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
  const cents =
    row.total_cents ??
    lines.reduce((sum, l) => sum + Math.round(l.unitPrice * 100) * l.quantity, 0);
  return {
    id: row.id,
    state: row.state,
    quantity: row.quantity,
    unitPrice: Number(row.unit_price),
    lines,
    note: row.note,
    total: cents / 100,
    userId: row.user_id,
    userName: row.user_name ?? '',
    menuItem: {
      id: row.menu_item_id,
      name: row.item_name ?? '',
      imageUrl: row.item_image_url ?? '',
      price: Number(row.item_price ?? 0),
      inStore: row.item_in_store ?? 0,
      business,
    },
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    acceptedAt: iso(row.accepted_at),
    startedAt: iso(row.started_at),
    dueAt: iso(row.due_at),
    finishedAt: iso(row.finished_at),
    queuePosition: null,
    estimatedReadyAt: null,
  };
}
