// Row shapes as the drivers return them, and their conversion to the views services hand out.
import type { BusinessView, MenuItemView, OrderState, OrderView } from '../services/types.js';

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
}

export const MENU_ITEM_COLUMNS = `m.id, m.business_id, b.name AS business_name, b.image_url AS business_image_url,
  m.name, m.image_url, m.price::text AS price, m.in_store`;

export const ORDER_COLUMNS = `o.id, o.state, o.quantity, o.unit_price::text AS unit_price, o.user_id,
  u.name AS user_name, o.business_id, o.menu_item_id, o.created_at, o.updated_at, o.accepted_at,
  o.started_at, o.due_at, o.finished_at, m.name AS item_name, m.image_url AS item_image_url,
  m.price::text AS item_price, m.in_store AS item_in_store, b.name AS business_name,
  b.image_url AS business_image_url`;

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
  return {
    id: row.id,
    state: row.state,
    quantity: row.quantity,
    unitPrice: Number(row.unit_price),
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
