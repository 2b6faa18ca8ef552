// Opaque, stable positions in a newest-first list of orders: the order's creation time and id.
// Cursors are base64url text; one a client made up or mangled is refused, never guessed at.

export interface OrderPosition {
  /** ISO time the order was created. */
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFIX = 'o1:';

export function encodeOrderCursor(position: OrderPosition): string {
  return Buffer.from(`${PREFIX}${position.at}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeOrderCursor(cursor: string): OrderPosition | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const [at, id, ...rest] = text.slice(PREFIX.length).split('|');
  if (rest.length > 0 || !at || !id || !UUID.test(id)) return null;
  const time = Date.parse(at);
  if (Number.isNaN(time) || new Date(time).toISOString() !== at) return null;
  return { at, id };
}

// Event cursors follow commit order: `e2:<xid>:<id>`, the writing transaction's id, then the event's
// id. `e1:<id>` (the id alone) is what the first version handed out; it is still accepted, and the
// stream looks up that event's place.
const EVENT_PREFIX_V1 = 'e1:';
const EVENT_PREFIX = 'e2:';

/** A place in the commit-ordered event log. `xid` is null for an `e1:` cursor (to be looked up). */
export interface EventPosition {
  xid: string | null;
  id: string;
}

/** The cursor of a stored event: its writing transaction and its id in the event log. */
export function encodeEventPosition(position: { xid: string; id: string }): string {
  return Buffer.from(`${EVENT_PREFIX}${position.xid}:${position.id}`, 'utf8').toString('base64url');
}

/** An id-only cursor (`e1:`); live wake-ups carry it, the stream hands out `e2:` ones. */
export function encodeEventCursor(eventId: string | number | bigint): string {
  return Buffer.from(`${EVENT_PREFIX_V1}${eventId}`, 'utf8').toString('base64url');
}

const NUMBER = /^[0-9]{1,19}$/;
const MAX_BIGINT = 2n ** 63n - 1n;

/** The place a cursor names, or null when it is not one of ours. */
export function decodeEventCursor(cursor: string): EventPosition | null {
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(EVENT_PREFIX_V1)) {
    const id = text.slice(EVENT_PREFIX_V1.length);
    return NUMBER.test(id) && BigInt(id) <= MAX_BIGINT ? { xid: null, id } : null;
  }
  if (!text.startsWith(EVENT_PREFIX)) return null;
  const [xid, id, ...rest] = text.slice(EVENT_PREFIX.length).split(':');
  if (rest.length > 0 || !xid || !id || !NUMBER.test(xid) || !NUMBER.test(id)) return null;
  if (BigInt(id) > MAX_BIGINT || BigInt(xid) > MAX_BIGINT) return null;
  return { xid, id };
}
