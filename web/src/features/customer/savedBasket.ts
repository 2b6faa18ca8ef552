// A basket across reloads: what localStorage keeps, read back defensively, and checked against the
// menu as it is now (items gone, stock lower, prices changed), telling the customer what changed.
import { formatPrice } from '../../lib/money';
import { EMPTY_BASKET, lineQuantity, type Basket, type BasketLine, type StockItem } from './basket';

export function basketStorageKey(customerId: string, businessId: string): string {
  return `orderly.basket.${customerId}.${businessId}`;
}

function withMenuDetails(line: BasketLine, item: StockItem): BasketLine {
  return line.name === item.name && line.price === item.price
    ? line
    : { ...line, name: item.name, price: item.price };
}

/** Names and prices as the menu has them now; the same basket when nothing changed. */
export function refreshBasket(basket: Basket, menu: readonly StockItem[]): Basket {
  const byId = new Map(menu.map((item) => [item.id, item]));
  let changed = false;
  const lines = basket.lines.map((line) => {
    const item = byId.get(line.menuItemId);
    const next = item ? withMenuDetails(line, item) : line;
    if (next !== line) changed = true;
    return next;
  });
  return changed ? { ...basket, lines } : basket;
}

export interface Restored {
  basket: Basket;
  /** What changed since the basket was filled, in sentences for the customer. */
  notices: string[];
}

/**
 * A basket read back after a reload, checked against the menu as it is now: lines whose item has
 * gone are dropped, lines the stock no longer covers are lowered to what is left (dropped when
 * nothing is), and prices are brought up to date. The customer is told about each change.
 */
export function restoreBasket(basket: Basket, menu: readonly StockItem[]): Restored {
  const byId = new Map(menu.map((item) => [item.id, item]));
  const notices = new Set<string>();
  const used = new Map<string, number>();
  const lines: BasketLine[] = [];
  let changed = false;
  for (const line of basket.lines) {
    const item = byId.get(line.menuItemId);
    if (!item) {
      notices.add(`${line.name} is no longer on the menu, so we took it out of your basket.`);
      changed = true;
      continue;
    }
    if (item.price !== line.price) {
      notices.add(`${item.name} now costs ${formatPrice(item.price)}.`);
    }
    let next = withMenuDetails(line, item);
    const quantity = lineQuantity(line);
    if (quantity !== null) {
      const free = Math.max(0, item.inStore - (used.get(item.id) ?? 0));
      if (free === 0) {
        notices.add(
          `${item.name} has sold out since you added it, so we took it out of your basket.`,
        );
        changed = true;
        continue;
      }
      if (quantity > free) {
        notices.add(`Only ${item.inStore} ${item.name} left, so we lowered your basket to match.`);
        next = { ...next, quantity: String(free) };
      }
      used.set(item.id, (used.get(item.id) ?? 0) + Math.min(quantity, free));
    }
    if (next !== line) changed = true;
    lines.push(next);
  }
  return { basket: changed ? { ...basket, lines } : basket, notices: [...notices] };
}

/** What localStorage keeps; null when there is nothing worth keeping. */
export function serializeBasket(basket: Basket): string | null {
  if (basket.lines.length === 0 && basket.note === '') return null;
  return JSON.stringify({ version: 1, ...basket });
}

const isString = (value: unknown): value is string => typeof value === 'string';

function parseLine(value: unknown): BasketLine | null {
  if (typeof value !== 'object' || value === null) return null;
  const line = value as Record<string, unknown>;
  const price = line['price'];
  const quantity = line['quantity'];
  if (
    !isString(line['key']) ||
    !isString(line['menuItemId']) ||
    !isString(line['name']) ||
    typeof price !== 'number' ||
    !Number.isFinite(price) ||
    !(isString(quantity) || typeof quantity === 'number')
  ) {
    return null;
  }
  return {
    key: line['key'],
    menuItemId: line['menuItemId'],
    name: line['name'],
    price,
    quantity: String(quantity),
    note: isString(line['note']) ? line['note'] : '',
  };
}

/** A basket from localStorage; anything unreadable is an empty basket, never an error. */
export function parseBasket(raw: string | null): Basket {
  if (raw === null) return EMPTY_BASKET;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_BASKET;
  }
  if (typeof value !== 'object' || value === null) return EMPTY_BASKET;
  const stored = value as Record<string, unknown>;
  if (stored['version'] !== 1 || !Array.isArray(stored['lines'])) return EMPTY_BASKET;
  const lines = stored['lines'].map(parseLine).filter((line) => line !== null);
  const keys = new Set(lines.map((line) => line.key));
  if (keys.size !== lines.length) return EMPTY_BASKET;
  const attempt = stored['attempt'] as Record<string, unknown> | null | undefined;
  return {
    lines,
    note: isString(stored['note']) ? stored['note'] : '',
    attempt:
      attempt && isString(attempt['key']) && isString(attempt['fingerprint'])
        ? { key: attempt['key'], fingerprint: attempt['fingerprint'] }
        : null,
  };
}
