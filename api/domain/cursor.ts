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

const EVENT_PREFIX = 'e1:';

/** The cursor of a stored event (its id in the event log). */
export function encodeEventCursor(eventId: string | number | bigint): string {
  return Buffer.from(`${EVENT_PREFIX}${eventId}`, 'utf8').toString('base64url');
}

/** The event id a cursor names, or null when it is not one of ours. */
export function decodeEventCursor(cursor: string): string | null {
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(EVENT_PREFIX)) return null;
  const id = text.slice(EVENT_PREFIX.length);
  return /^[0-9]{1,18}$/.test(id) ? id : null;
}
