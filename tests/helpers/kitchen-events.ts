// Reads the kitchen's stored history to check capacity and order from what actually happened.
import type { Db } from '../../api/store/db.js';

export interface CookingSpan {
  orderId: string;
  started: number;
  completed: number | null;
  processingEvents: number;
  completedEvents: number;
}

export async function cookingSpans(db: Db, businessId: string): Promise<CookingSpan[]> {
  const rows = await db.query<{ order_id: string; to_state: string; at: Date }>(
    `SELECT e.order_id, e.to_state, e.at FROM order_events e JOIN orders o ON o.id = e.order_id
      WHERE o.business_id = $1 AND e.to_state IN ('processing', 'completed') ORDER BY e.id`,
    [businessId],
  );
  const spans = new Map<string, CookingSpan>();
  for (const row of rows) {
    const span = spans.get(row.order_id) ?? {
      orderId: row.order_id,
      started: NaN,
      completed: null,
      processingEvents: 0,
      completedEvents: 0,
    };
    const at = new Date(row.at).getTime();
    if (row.to_state === 'processing') {
      span.started = at;
      span.processingEvents++;
    } else {
      span.completed = at;
      span.completedEvents++;
    }
    spans.set(row.order_id, span);
  }
  return [...spans.values()].sort((a, b) => a.started - b.started);
}

/** The most orders in the oven at one instant (a completion at t frees its slot for a start at t). */
export function maxConcurrent(spans: readonly CookingSpan[]): number {
  const marks: [number, number][] = [];
  for (const s of spans) {
    marks.push([s.started, +1]);
    if (s.completed !== null) marks.push([s.completed, -1]);
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, delta] of marks) {
    now += delta;
    max = Math.max(max, now);
  }
  return max;
}
