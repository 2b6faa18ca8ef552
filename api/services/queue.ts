// The kitchen's queue model: where each live order stands and when it should be ready.

export interface QueueInput {
  now: number;
  capacity: number;
  prepMs: number;
  /** Orders in the oven with their due times (epoch ms). */
  cooking: readonly { id: string; dueAt: number }[];
  /** Orders waiting for a slot, first to start first: accepted ones, then pending ones. */
  waiting: readonly string[];
}

export interface QueueSpot {
  position: number;
  readyAt: number;
}

export function estimateQueue(input: QueueInput): Map<string, QueueSpot> {
  const { now, capacity, prepMs } = input;
  const spots = new Map<string, QueueSpot>();
  // Each slot is represented by the time it becomes free.
  const slotFreeAt: number[] = [];
  for (const order of input.cooking) {
    const readyAt = Math.max(order.dueAt, now);
    spots.set(order.id, { position: 0, readyAt });
    slotFreeAt.push(readyAt);
  }
  while (slotFreeAt.length < capacity) slotFreeAt.push(now);
  slotFreeAt.sort((a, b) => a - b);

  input.waiting.forEach((id, index) => {
    // Take the slot that frees first; slots beyond capacity (after a capacity cut) just queue behind.
    const start = Math.max(slotFreeAt.shift() ?? now, now);
    const readyAt = start + prepMs;
    spots.set(id, { position: index + 1, readyAt });
    insertSorted(slotFreeAt, readyAt);
  });
  return spots;
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] ?? 0) > value) i--;
  list.splice(i, 0, value);
}

/**
 * The spot of an order joining the end of the line behind `ahead` waiting orders: what
 * `estimateQueue` gives the last of `ahead + 1` waiting orders, without listing the others.
 */
export function spotAtEnd(
  input: Omit<QueueInput, 'cooking' | 'waiting'> & { cooking: readonly number[]; ahead: number },
): QueueSpot {
  const { now, capacity, prepMs, ahead } = input;
  const slots = input.cooking.map((dueAt) => Math.max(dueAt, now));
  while (slots.length < capacity) slots.push(now);
  slots.sort((a, b) => a - b);
  // Each waiting order takes the slot that frees first and holds it prepMs, so the starts are the
  // merged runs slot, slot + prepMs, …; when every slot frees within one prepMs of the first, the
  // merge is plain round robin.
  const first = slots[0]!;
  const last = slots[slots.length - 1]!;
  if (last - first <= prepMs) {
    const start = slots[ahead % slots.length]! + Math.floor(ahead / slots.length) * prepMs;
    return { position: ahead + 1, readyAt: start + prepMs };
  }
  let start = now;
  for (let i = 0; i <= ahead; i++) {
    start = Math.max(slots.shift() ?? now, now);
    insertSorted(slots, start + prepMs);
  }
  return { position: ahead + 1, readyAt: start + prepMs };
}
