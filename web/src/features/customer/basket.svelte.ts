// One customer's basket at one restaurant as reactive state, kept in localStorage on every change
// and followed across tabs. The rules are the pure functions of basket.ts and savedBasket.ts.
import { randomKey, readText, writeText } from '../../lib/prefs';
import {
  EMPTY_BASKET,
  addToBasket,
  attemptFor,
  removeLine,
  setOrderNote,
  updateLine,
  type Basket,
  type Placement,
  type StockItem,
} from './basket';
import {
  basketStorageKey,
  parseBasket,
  refreshBasket,
  restoreBasket,
  serializeBasket,
} from './savedBasket';

export class BasketStore {
  basket = $state.raw<Basket>(EMPTY_BASKET);
  /** What changed while the customer was away (after a reload), until they dismiss it. */
  notices = $state.raw<readonly string[]>([]);
  readonly #storageKey: string;

  constructor(customerId: string, businessId: string) {
    this.#storageKey = basketStorageKey(customerId, businessId);
    this.basket = parseBasket(readText(this.#storageKey));
  }

  #set(next: Basket): void {
    if (next === this.basket) return;
    this.basket = next;
    writeText(this.#storageKey, serializeBasket(next));
  }

  add(item: StockItem, quantity: number): void {
    this.#set(addToBasket(this.basket, item, quantity));
  }

  setQuantity(key: string, quantity: string): void {
    this.#set(updateLine(this.basket, key, { quantity }));
  }

  setLineNote(key: string, note: string): void {
    this.#set(updateLine(this.basket, key, { note }));
  }

  remove(key: string): void {
    this.#set(removeLine(this.basket, key));
  }

  setNote(note: string): void {
    this.#set(setOrderNote(this.basket, note));
  }

  /** The first menu after a reload: drops or lowers what the menu no longer covers, and says so. */
  restore(menu: readonly StockItem[]): void {
    const restored = restoreBasket(this.basket, menu);
    this.#set(restored.basket);
    if (restored.notices.length > 0) this.notices = [...this.notices, ...restored.notices];
  }

  /** Live menu changes: names and prices follow; quantities are the customer's to change. */
  refresh(menu: readonly StockItem[]): void {
    this.#set(refreshBasket(this.basket, menu));
  }

  dismissNotices(): void {
    this.notices = [];
  }

  /** The idempotency key to place the basket with; remembered (across a reload too) until it is answered. */
  beginAttempt(placement: Placement): string {
    const attempt = attemptFor(this.basket, placement, randomKey);
    this.#set({ ...this.basket, attempt });
    return attempt.key;
  }

  /** The server answered without placing the order: the next attempt is a new request. */
  endAttempt(): void {
    if (this.basket.attempt) this.#set({ ...this.basket, attempt: null });
  }

  clear(): void {
    this.#set(EMPTY_BASKET);
    this.notices = [];
  }

  /** Follows the same basket edited in another tab; returns the function that stops it. */
  followOtherTabs(): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key === this.#storageKey) this.basket = parseBasket(event.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }
}
