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
