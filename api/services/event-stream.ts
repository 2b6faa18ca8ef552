// A tenant's stream of stored order events: every event after a cursor, read from the store page
// by page, then the live ones, with nothing lost at the seam and nothing sent twice.
import { decodeEventCursor } from '../domain/cursor.js';
import type { OrderEventView, Viewer } from '../domain/types.js';
import { BadRequestError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as store from '../store/orders.store.js';

/** Stored events read from the store at a time while catching up. */
const REPLAY_PAGE = 500;

export function orderEventStream(
  deps: { db: Db; pubsub: EventBus },
  viewer: Viewer,
  after: unknown,
): AsyncIterableIterator<OrderEventView> {
  let lastId: bigint | null = null;
  if (after !== undefined && after !== null) {
    const id = typeof after === 'string' ? decodeEventCursor(after) : null;
    if (id === null)
      throw new BadRequestError('after is not a cursor of this stream', { field: 'after' });
    lastId = BigInt(id);
  }
  // Listen first, then read: an event committed while the store is read is queued live, and
  // dropped there if the read already sent it.
  const live =
    viewer.role === 'user'
      ? deps.pubsub.subscribe('userOrderEvent', viewer.id)
      : deps.pubsub.subscribe('businessOrderEvent', viewer.id);
  const owner = {
    column: viewer.role === 'user' ? 'user_id' : 'business_id',
    id: viewer.id,
  } as const;
  let page: OrderEventView[] = [];
  let replaying = lastId !== null;
  let ended = false;

  const idOf = (event: OrderEventView) => BigInt(decodeEventCursor(event.cursor)!);
  return {
    async next(): Promise<IteratorResult<OrderEventView>> {
      while (!ended) {
        if (page.length > 0) return { value: page.shift()!, done: false };
        if (replaying) {
          const rows = await store.eventsAfter(deps.db, owner, String(lastId), REPLAY_PAGE);
          page = rows.map((r) => r.event);
          if (rows.length > 0) lastId = BigInt(rows.at(-1)!.id);
          if (rows.length < REPLAY_PAGE) replaying = false;
          continue;
        }
        const next = await live.next();
        if (next.done) break;
        const id = idOf(next.value);
        if (lastId !== null && id <= lastId) continue;
        lastId = id;
        return { value: next.value, done: false };
      }
      return { value: undefined, done: true };
    },
    async return() {
      ended = true;
      page = [];
      await live.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
