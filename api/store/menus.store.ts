// SQL for businesses and their menu items.
import type { BusinessView, MenuItemView } from '../domain/types.js';
import type { Queryable, Statement } from './db.js';
import { MENU_ITEM_COLUMNS, toMenuItemView, type MenuItemRow } from './rows.js';

const MENU_FROM = 'menu_items m JOIN businesses b ON b.id = m.business_id';

export async function menuItemView(q: Queryable, id: string): Promise<MenuItemView | null> {
  const rows = await q.query<MenuItemRow>(
    `SELECT ${MENU_ITEM_COLUMNS} FROM ${MENU_FROM} WHERE m.id = $1`,
    [id],
  );
  return rows[0] ? toMenuItemView(rows[0]) : null;
}

export async function menuItemViews(q: Queryable, ids: readonly string[]): Promise<MenuItemView[]> {
  const rows = await q.query<MenuItemRow>(
    `SELECT ${MENU_ITEM_COLUMNS} FROM ${MENU_FROM} WHERE m.id = ANY($1::uuid[])`,
    [ids],
    { prepare: true },
  );
  const byId = new Map(rows.map((r) => [r.id, toMenuItemView(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * SQL for one business's menu in its order, with the business on every row: one row without an
 * item when the menu is empty, none when there is no such business.
 */
export function menuStatement(businessId: string): Statement {
  return {
    text: `SELECT b.id AS business_id, b.name AS business_name, b.image_url AS business_image_url,
                  m.id, m.name, m.image_url, m.price::text AS price, m.in_store
             FROM businesses b LEFT JOIN menu_items m ON m.business_id = b.id
            WHERE b.id = $1::uuid
            ORDER BY m.position, m.created_at, m.id`,
    values: [businessId],
  };
}

/** A business's menu in one statement; null when there is no such business. */
export async function menuOfBusiness(
  q: Queryable,
  businessId: string,
): Promise<MenuItemView[] | null> {
  const { text, values } = menuStatement(businessId);
  const rows = await q.query<MenuItemRow | (Omit<MenuItemRow, 'id'> & { id: null })>(text, values, {
    prepare: true,
  });
  if (rows.length === 0) return null;
  return rows.flatMap((row) => (row.id === null ? [] : [toMenuItemView(row as MenuItemRow)]));
}

/** The menus of these businesses, each in its own order. */
export async function menusOf(
  q: Queryable,
  businessIds: readonly string[],
): Promise<MenuItemView[]> {
  const rows = await q.query<MenuItemRow>(
    `SELECT ${MENU_ITEM_COLUMNS} FROM ${MENU_FROM} WHERE m.business_id = ANY($1::uuid[])
      ORDER BY m.business_id, m.position, m.created_at, m.id`,
    [businessIds],
    { prepare: true },
  );
  return rows.map(toMenuItemView);
}

export async function listBusinesses(q: Queryable): Promise<BusinessView[]> {
  const rows = await q.query<{ id: string; name: string; image_url: string }>(
    'SELECT id, name, image_url FROM businesses ORDER BY name, id',
    [],
    { prepare: true },
  );
  return rows.map((r) => ({ id: r.id, name: r.name, imageUrl: r.image_url }));
}

export async function findBusiness(q: Queryable, id: string): Promise<BusinessView | null> {
  const rows = await q.query<{ id: string; name: string; image_url: string }>(
    'SELECT id, name, image_url FROM businesses WHERE id = $1',
    [id],
    { prepare: true },
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, imageUrl: row.image_url } : null;
}

export interface MenuItemWrite {
  name: string;
  imageUrl: string;
  price: string;
  inStore: number;
}

export interface MenuItemUpdate extends Omit<MenuItemWrite, 'inStore'> {
  /** null: the stock stays as it is. */
  inStore: number | null;
  /** With inStore: only if the stock is still this. */
  expectedInStore: number | null;
}

/** Updates one of the business's items: 'missing' if it is not theirs, 'stock moved' if the stock is not the one expected. */
export async function updateMenuItem(
  tx: Queryable,
  businessId: string,
  id: string,
  item: MenuItemUpdate,
  now: string,
): Promise<'updated' | 'missing' | 'stock moved'> {
  const rows = await tx.query<{ moved: boolean }>(
    `WITH target AS (
       SELECT id, in_store FROM menu_items WHERE id = $1 AND business_id = $2 FOR UPDATE
     ), changed AS (
       UPDATE menu_items m SET name = $3, image_url = $4, price = $5::numeric,
              in_store = coalesce($6::int, m.in_store), updated_at = $8::timestamptz
         FROM target
        WHERE m.id = target.id AND ($7::int IS NULL OR target.in_store = $7::int)
        RETURNING m.id
     )
     SELECT NOT EXISTS (SELECT 1 FROM changed) AS moved FROM target`,
    [id, businessId, item.name, item.imageUrl, item.price, item.inStore, item.expectedInStore, now],
  );
  if (rows.length === 0) return 'missing';
  return rows[0]!.moved ? 'stock moved' : 'updated';
}

export async function stockOfItem(q: Queryable, id: string): Promise<number | null> {
  const rows = await q.query<{ in_store: number }>(
    'SELECT in_store FROM menu_items WHERE id = $1',
    [id],
  );
  return rows[0]?.in_store ?? null;
}

/** Items on a business's menu; takes the business's menu lock first, so concurrent edits count in turn. */
export async function countMenuItems(tx: Queryable, businessId: string): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(727003, hashtext($1))', [businessId]);
  const rows = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM menu_items WHERE business_id = $1',
    [businessId],
  );
  return rows[0]?.n ?? 0;
}

export async function insertMenuItem(
  tx: Queryable,
  businessId: string,
  item: MenuItemWrite,
  now: string,
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO menu_items (business_id, name, image_url, price, in_store, position, created_at, updated_at)
     VALUES ($1, $2, $3, $4::numeric, $5,
             (SELECT coalesce(max(position), 0) + 1 FROM menu_items WHERE business_id = $1),
             $6::timestamptz, $6::timestamptz)
     RETURNING id`,
    [businessId, item.name, item.imageUrl, item.price, item.inStore, now],
  );
  return rows[0]!.id;
}

export interface PauseRow {
  paused_at: Date | null;
  pause_reason: string | null;
  paused_until: Date | null;
}

/** The pause of some businesses (none for those not paused). */
export async function pausesOf(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, PauseRow>> {
  const rows = await q.query<PauseRow & { id: string }>(
    `SELECT id, paused_at, pause_reason, paused_until FROM businesses
      WHERE id = ANY($1::uuid[]) AND paused_at IS NOT NULL`,
    [ids],
    { prepare: true },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Pauses (with a reason and an end, each optional) or, with `pausedAt` null, resumes. */
export async function setPause(
  tx: Queryable,
  businessId: string,
  pause: { pausedAt: string | null; reason: string | null; until: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE businesses SET paused_at = $2::timestamptz, pause_reason = $3, paused_until = $4::timestamptz
      WHERE id = $1 RETURNING id`,
    [businessId, pause.pausedAt, pause.reason, pause.until],
  );
  return rows.length === 1;
}
