// A tenant's stream of stored order events in commit order: every event after a cursor, read from
// the store page by page, then on. Live events are only wake-ups: after one, the stream reads the
// store after its place again, up to the commit horizon, so it hands out each event once, in the
// order of the log, and never moves its place past an event a running transaction may still add.
import { decodeEventCursor } from '../domain/cursor.js';
import type { OrderEventView, Viewer } from '../domain/types.js';
import { BadRequestError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as store from '../store/orders.store.js';

/** Stored events read from the store at a time. */
const PAGE = 500;
/** While events wait behind a running transaction, the store is read again after this, doubling. */
const HELD_BACK_FIRST_MS = 10;
const HELD_BACK_MAX_MS = 1_000;

export function orderEventStream(
  deps: { db: Db; pubsub: EventBus },
  viewer: Viewer,
  after: unknown,
): AsyncIterableIterator<OrderEventView> {
  let cursor: ReturnType<typeof decodeEventCursor> = null;
  if (after !== undefined && after !== null) {
    cursor = typeof after === 'string' ? decodeEventCursor(after) : null;
    if (cursor === null)
      throw new BadRequestError('after is not a cursor of this stream', { field: 'after' });
  }
  // Listen first, then find the place: whatever commits from here on wakes the stream.
  const live =
    viewer.role === 'user'
      ? deps.pubsub.subscribe('userOrderEvent', viewer.id)
      : deps.pubsub.subscribe('businessOrderEvent', viewer.id);
  const owner = {
    column: viewer.role === 'user' ? 'user_id' : 'business_id',
    id: viewer.id,
  } as const;
  const given = cursor;
  const start: Promise<store.LogPosition> = !given
    ? store.eventHorizon(deps.db)
    : given.xid !== null
      ? Promise.resolve({ xid: given.xid, id: given.id })
      : // A first-version cursor: its event's place; an id the log does not hold sorts with the old ones.
        store.eventPosition(deps.db, given.id).then((p) => p ?? { xid: '0', id: given.id });
  start.catch(() => undefined); // reported by next()

  let position: store.LogPosition | null = null;
  let page: OrderEventView[] = [];
  let dirty = true;
  let ended = false;
  let liveEnded = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let heldBackMs = HELD_BACK_FIRST_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const poke = () => {
    dirty = true;
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  // Wake-ups that arrive while the store is read fold into one more read.
  void (async () => {
    try {
      for (;;) {
        const next = await live.next();
        if (next.done) break;
        poke();
      }
    } catch (error) {
      failure = error;
    }
    liveEnded = true;
    poke();
  })();

  return {
    async next(): Promise<IteratorResult<OrderEventView>> {
      position ??= await start;
      while (!ended) {
        if (page.length > 0) return { value: page.shift()!, done: false };
        if (failure) throw failure;
        if (liveEnded) break;
        if (!dirty) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        dirty = false;
        const read = await store.eventsAfter(deps.db, owner, position, PAGE);
        if (ended) break;
        page = read.events.map((e) => e.event);
        position = read.events.at(-1)?.position ?? position;
        if (read.events.length === PAGE) dirty = true;
        if (read.heldBack) {
          clearTimeout(retry);
          retry = setTimeout(poke, heldBackMs);
          heldBackMs = Math.min(heldBackMs * 2, HELD_BACK_MAX_MS);
        } else {
          heldBackMs = HELD_BACK_FIRST_MS;
        }
      }
      return { value: undefined, done: true };
    },
    async return() {
      ended = true;
      page = [];
      clearTimeout(retry);
      wake?.();
      await live.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
