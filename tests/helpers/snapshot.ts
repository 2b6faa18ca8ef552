// A fingerprint of everything a request could change, to prove bad input changed nothing.
import type { Db } from '../../api/store/db.js';

export async function snapshot(db: Db): Promise<string> {
  const parts = await Promise.all([
    db.query(`SELECT id, name, password_hash FROM users ORDER BY id`),
    db.query(`SELECT id, name, image_url FROM businesses ORDER BY id`),
    db.query(
      `SELECT id, business_id, name, image_url, price::text, in_store, updated_at FROM menu_items ORDER BY id`,
    ),
    db.query(`SELECT id, state, quantity, updated_at FROM orders ORDER BY id`),
    db.query(`SELECT count(*)::int AS n FROM order_events`),
    db.query(`SELECT user_id, key, order_id FROM idempotency_keys ORDER BY user_id, key`),
  ]);
  return JSON.stringify(parts);
}
