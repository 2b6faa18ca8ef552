// A customer's basket at one restaurant, as pure functions: lines as typed, the checks before it is
// placed (the server's own limits) and the placement it becomes. savedBasket.ts keeps it across
// reloads; basket.svelte.ts holds one basket as state.
import {
  MAX_LINES,
  MAX_NOTE_LENGTH,
  MAX_ORDER_QUANTITY,
  MAX_QUANTITY,
  charLength,
  hasControlCharacters,
} from '../../../../api/domain/limits';

export { MAX_NOTE_LENGTH };

export interface BasketLine {
  /** Stable across edits: the same item may sit on two lines (one of them "no onions"). */
  key: string;
  menuItemId: string;
  /** As last seen on the menu, so the basket reads well before the menu has loaded. */
  name: string;
  price: number;
  /** As typed, so a half-typed value is explained rather than silently fixed. */
  quantity: string;
  note: string;
}

/** The idempotency key of a placement that may have reached the server, and what it asked for. */
export interface Attempt {
  key: string;
  fingerprint: string;
}

export interface Basket {
  lines: readonly BasketLine[];
  note: string;
  attempt: Attempt | null;
}

/** What the basket needs to know about a menu item. */
export interface StockItem {
  id: string;
  name: string;
  price: number;
  inStore: number;
}

export const EMPTY_BASKET: Basket = { lines: [], note: '', attempt: null };

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** A line's quantity when it is one that can be ordered, else null. */
export function lineQuantity(line: Pick<BasketLine, 'quantity'>): number | null {
  const quantity = wholeNumber(line.quantity);
  return quantity !== null && quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

function sumQuantities(lines: readonly BasketLine[]): number {
  return lines.reduce((sum, line) => sum + (lineQuantity(line) ?? 0), 0);
}

/** How many items the basket holds (lines still being typed count for nothing). */
export function itemCount(basket: Basket): number {
  return sumQuantities(basket.lines);
}

export function lineTotal(line: BasketLine): number {
  return Math.round((lineQuantity(line) ?? 0) * line.price * 100) / 100;
}

export function basketTotal(basket: Basket): number {
  return Math.round(basket.lines.reduce((sum, line) => sum + lineTotal(line) * 100, 0)) / 100;
}

/** How many of an item the basket holds, leaving out the line `exceptKey`. */
export function quantityInBasket(basket: Basket, menuItemId: string, exceptKey?: string): number {
  return sumQuantities(
    basket.lines.filter((line) => line.menuItemId === menuItemId && line.key !== exceptKey),
  );
}

/**
 * The most one line of an item may hold: what is left in stock once the item's other lines are
 * counted, within the order's limits. Without `exceptKey`: how many more the basket can take.
 */
export function roomFor(
  basket: Basket,
  menuItemId: string,
  inStore: number,
  exceptKey?: string,
): number {
  const others = basket.lines.filter((line) => line.key !== exceptKey);
  const sameItem = sumQuantities(others.filter((line) => line.menuItemId === menuItemId));
  return Math.max(
    0,
    Math.min(MAX_QUANTITY, inStore - sameItem, MAX_ORDER_QUANTITY - sumQuantities(others)),
  );
}

function typedQuantityProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter how many you would like.';
  const quantity = wholeNumber(trimmed);
  if (quantity === null) return 'Enter a whole number, like 1 or 2.';
  if (quantity < 1) return 'Order at least 1.';
  if (quantity > MAX_QUANTITY) return `You can order at most ${MAX_QUANTITY} at a time.`;
  return null;
}

/** The line that an "Add" of this item joins: one of the same item without a note. */
function joinableLine(basket: Basket, menuItemId: string): BasketLine | undefined {
  return basket.lines.find(
    (line) =>
      line.menuItemId === menuItemId && line.note.trim() === '' && lineQuantity(line) !== null,
  );
}

/** Why `typed` of this item cannot go in the basket, or null when it can. */
export function addProblem(basket: Basket, item: StockItem, typed: string): string | null {
  if (item.inStore <= 0) return 'Sold out for now.';
  const problem = typedQuantityProblem(typed);
  if (problem) return problem;
  const quantity = wholeNumber(typed)!;
  const inBasket = quantityInBasket(basket, item.id);
  if (quantity > item.inStore - inBasket) {
    if (inBasket === 0) return `Only ${item.inStore} left — lower the quantity.`;
    if (inBasket >= item.inStore) {
      return item.inStore === 1
        ? 'The last one is in your basket.'
        : `All ${item.inStore} left are in your basket.`;
    }
    return `Only ${item.inStore - inBasket} more left: ${inBasket} already in your basket.`;
  }
  if (itemCount(basket) + quantity > MAX_ORDER_QUANTITY) {
    return `One order holds at most ${MAX_ORDER_QUANTITY} items.`;
  }
  if (!joinableLine(basket, item.id) && basket.lines.length >= MAX_LINES) {
    return `One order holds at most ${MAX_LINES} lines; add to one already in your basket.`;
  }
  return null;
}

function nextKey(basket: Basket): string {
  const used = basket.lines.map((line) => Number(/^line-(\d+)$/.exec(line.key)?.[1] ?? 0));
  return `line-${Math.max(0, ...used) + 1}`;
}

/** Adds `quantity` of an item: to its line without a note if there is one, else on a new line. */
export function addToBasket(basket: Basket, item: StockItem, quantity: number): Basket {
  const joined = joinableLine(basket, item.id);
  if (joined) {
    return {
      ...basket,
      lines: basket.lines.map((line) =>
        line === joined
          ? {
              ...line,
              name: item.name,
              price: item.price,
              quantity: String(lineQuantity(line)! + quantity),
            }
          : line,
      ),
    };
  }
  const line: BasketLine = {
    key: nextKey(basket),
    menuItemId: item.id,
    name: item.name,
    price: item.price,
    quantity: String(quantity),
    note: '',
  };
  return { ...basket, lines: [...basket.lines, line] };
}

export function updateLine(
  basket: Basket,
  key: string,
  change: Partial<Pick<BasketLine, 'quantity' | 'note'>>,
): Basket {
  return {
    ...basket,
    lines: basket.lines.map((line) => (line.key === key ? { ...line, ...change } : line)),
  };
}

export function removeLine(basket: Basket, key: string): Basket {
  return { ...basket, lines: basket.lines.filter((line) => line.key !== key) };
}

export function setOrderNote(basket: Basket, note: string): Basket {
  return { ...basket, note };
}

/** Why a note (of a line or of the order) cannot be sent, or null. */
export function noteProblem(note: string): string | null {
  const text = note.trim();
  if (hasControlCharacters(text)) return 'Plain text only, please: no line breaks or tabs.';
  const length = charLength(text);
  if (length > MAX_NOTE_LENGTH) {
    return `At most ${MAX_NOTE_LENGTH} characters: ${length - MAX_NOTE_LENGTH} too many.`;
  }
  return null;
}

export interface LineProblems {
  quantity?: string;
  note?: string;
}

export interface BasketProblems {
  lines: Record<string, LineProblems>;
  note?: string;
  basket?: string;
}

function stockProblem(
  basket: Basket,
  line: BasketLine,
  quantity: number,
  item: StockItem | undefined,
): string | null {
  if (!item) return 'No longer on the menu — remove this line.';
  if (quantity <= roomFor(basket, line.menuItemId, item.inStore, line.key)) return null;
  if (item.inStore <= 0) return 'Sold out for now — remove this line.';
  const sameItem = quantityInBasket(basket, line.menuItemId, line.key);
  if (quantity + sameItem > item.inStore) {
    return sameItem > 0
      ? `Only ${item.inStore} left, counting your other ${item.name} line.`
      : `Only ${item.inStore} left — lower the quantity.`;
  }
  return `One order holds at most ${MAX_ORDER_QUANTITY} items.`;
}

/**
 * Everything that stops the basket from being placed, per line and for the order. `menu` is the
 * menu as it is now (null while it loads): stock is checked against it, counting every line.
 */
export function basketProblems(
  basket: Basket,
  menu: ReadonlyMap<string, StockItem> | null,
): BasketProblems {
  const problems: BasketProblems = { lines: {} };
  for (const line of basket.lines) {
    const found: LineProblems = {};
    const quantity = lineQuantity(line);
    const typed = typedQuantityProblem(line.quantity);
    if (typed) found.quantity = typed;
    else if (quantity !== null && menu) {
      const stock = stockProblem(basket, line, quantity, menu.get(line.menuItemId));
      if (stock) found.quantity = stock;
    }
    const note = noteProblem(line.note);
    if (note) found.note = note;
    if (found.quantity || found.note) problems.lines[line.key] = found;
  }
  const note = noteProblem(basket.note);
  if (note) problems.note = note;
  if (basket.lines.length === 0) problems.basket = 'Your basket is empty.';
  else if (basket.lines.length > MAX_LINES) {
    problems.basket = `One order holds at most ${MAX_LINES} lines; remove ${basket.lines.length - MAX_LINES}.`;
  }
  return problems;
}

export function hasProblems(problems: BasketProblems): boolean {
  return (
    problems.basket !== undefined ||
    problems.note !== undefined ||
    Object.keys(problems.lines).length > 0
  );
}

export interface PlacementLine {
  menuItemId: string;
  quantity: number;
  note?: string;
}

/** The arguments of placeOrder, notes trimmed and left out when empty. */
export interface Placement {
  lines: PlacementLine[];
  note?: string;
}

/** The basket as placeOrder takes it; call it on a basket without problems. */
export function toPlacement(basket: Basket): Placement {
  const lines = basket.lines.map((line): PlacementLine => {
    const note = line.note.trim();
    const placed: PlacementLine = {
      menuItemId: line.menuItemId,
      quantity: lineQuantity(line) ?? 0,
    };
    if (note !== '') placed.note = note;
    return placed;
  });
  const note = basket.note.trim();
  return note === '' ? { lines } : { lines, note };
}

/**
 * The idempotency key to place `placement` with: the previous attempt's while the basket is
 * unchanged (a retry after a network failure must not order twice), otherwise a new one.
 */
export function attemptFor(basket: Basket, placement: Placement, newKey: () => string): Attempt {
  const fingerprint = JSON.stringify(placement);
  if (basket.attempt?.fingerprint === fingerprint) return basket.attempt;
  return { key: newKey(), fingerprint };
}

/** Which line (by key) and which of its fields a server field path such as `lines.1.note` names. */
export function lineOfField(
  basket: Basket,
  field: string,
): { key: string; part: 'quantity' | 'note' | 'line' } | null {
  const match = /^lines\.(\d+)(?:\.(\w+))?$/.exec(field);
  const line = match ? basket.lines[Number(match[1])] : undefined;
  if (!match || !line) return null;
  const part = match[2] === 'quantity' || match[2] === 'note' ? match[2] : 'line';
  return { key: line.key, part };
}
