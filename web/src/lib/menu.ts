// The customer's live menu: applies menuUpdated events (stock, price, name, new items).

export interface MenuEntry {
  id: string;
}

/** Replaces the item with the same id in place, or appends a newly created one. */
export function upsertMenuItem<T extends MenuEntry>(items: readonly T[], incoming: T): T[] {
  const index = items.findIndex((item) => item.id === incoming.id);
  if (index === -1) return [...items, incoming];
  const next = [...items];
  next[index] = incoming;
  return next;
}

/** Stock change between two versions of an item, for a gentle "just sold" hint. */
export function stockDelta(
  before: { inStore: number } | undefined,
  after: { inStore: number },
): number {
  return before ? after.inStore - before.inStore : 0;
}
