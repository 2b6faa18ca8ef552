// The bounds of everything a person types, in one place: the services enforce them, the REST
// schemas and the web app's forms check the same ones, so what a form accepts the server accepts.
// Plain data and pure functions only: the web app imports this file too.

export const NAME_MIN = 3;
export const NAME_MAX = 40;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 1000;

export const ITEM_NAME_MAX = 100;
/** numeric(12, 2) */
export const MAX_PRICE = 9_999_999_999.99;
/** integer, and GraphQL's Int */
export const MAX_STOCK = 2_147_483_647;
export const IMAGE_URL_MAX = 2048;
export const MAX_MENU_ITEMS_PER_REQUEST = 500;

/** A reason given with a reject or a cancel. */
export const MAX_REASON_LENGTH = 200;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

// Control characters (C0, DEL, C1) have no place in text shown to people.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * Empty, an absolute URL, or a same-origin path (demo images are served locally). In production the
 * URL must be https: a plain-http image on a customer's page lets anyone on the way see who looked.
 * The caller says whether it is production (the web app cannot know; the server decides).
 */
export function isImageUrl(value: string, production = false): boolean {
  if (value === '') return true;
  if (charLength(value) > IMAGE_URL_MAX || hasControlCharacters(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !/[\s\\]/.test(value);
  try {
    const url = new URL(value);
    const allowed = production ? ['https:'] : ['http:', 'https:'];
    return allowed.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A price the menu accepts: a number from 0 to MAX_PRICE with at most two decimals. */
export function priceProblem(price: number): string | null {
  if (!Number.isFinite(price) || price < 0) return 'must be a number ≥ 0';
  if (price > MAX_PRICE) return `must be at most ${MAX_PRICE}`;
  const cents = Math.round(price * 100);
  if (Math.abs(cents - price * 100) > 1e-6) return 'at most two decimals';
  return null;
}

/** Lines of one order, and the quantity of all its lines together. */
export const MAX_LINES = 20;
export const MAX_ORDER_QUANTITY = 1000;
/** A note on an order or on one of its lines. */
export const MAX_NOTE_LENGTH = 200;

/** Orders in one page of `orderHistory`, and of the bulk sync behind REST `/get_orders`. */
export const HISTORY_PAGE_DEFAULT = 50;
export const HISTORY_PAGE_MAX = 100;
export const SYNC_PAGE_MAX = 500;
/** Orders the unpaged `orders` list answers at most, newest first. */
export const ORDERS_LIST_MAX = 500;
/** What the History screen's search box sends: an order number prefix or part of a customer's name. */
export const MAX_HISTORY_SEARCH_LENGTH = 50;

/** Items on one business's menu. */
export const MAX_MENU_ITEMS = 200;

/** Webhook deliveries one `Webhook.deliveries` lists: by default, and at most. */
export const DELIVERIES_LISTED = 20;
export const MAX_DELIVERIES_LISTED = 100;
