// Menus and stock: what anyone may read, and the all-or-nothing upsert a business makes.
import { BadRequestError, NotFoundError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as store from '../store/menus.store.js';
import { isoAt, type Clock } from './clock.js';
import type { BusinessView, MenuItemView, Viewer } from './types.js';
import { hasControlCharacters, isUuid, requireId, requireText } from './validate.js';

export interface MenuItemInput {
  id?: unknown;
  name: unknown;
  imageUrl: unknown;
  price: unknown;
  inStore: unknown;
}

export const MAX_MENU_ITEMS_PER_REQUEST = 500;
const MAX_PRICE = 9_999_999_999.99; // numeric(12, 2)
export const MAX_STOCK = 2_147_483_647; // integer, and GraphQL's Int

export class MenusService {
  constructor(private readonly deps: { db: Db; pubsub: EventBus; clock: Clock }) {}

  businesses(): Promise<BusinessView[]> {
    return store.listBusinesses(this.deps.db);
  }

  async business(id: unknown): Promise<BusinessView | null> {
    return isUuid(id) ? store.findBusiness(this.deps.db, id) : null;
  }

  async menu(businessId: unknown): Promise<MenuItemView[]> {
    const id = requireId(businessId, 'business');
    if (!(await store.findBusiness(this.deps.db, id)))
      throw new NotFoundError('business not found');
    return store.menuOf(this.deps.db, id);
  }

  menuItems(ids: readonly string[]): Promise<MenuItemView[]> {
    return store.menuItemViews(this.deps.db, ids);
  }

  /** Updates the items that carry an id and creates the others; all of them or none. */
  async setMenuAndInstore(viewer: Viewer, items: unknown): Promise<MenuItemView[]> {
    const writes = validateItems(items);
    const now = isoAt(this.deps.clock.now());
    const ids = await this.deps.db.transaction(async (tx) => {
      const saved: string[] = [];
      for (const [index, item] of writes.entries()) {
        if (item.id) {
          if (!(await store.updateMenuItem(tx, viewer.id, item.id, item, now))) {
            throw new NotFoundError(`items[${index}].id: no such item on your menu`, {
              field: `items.${index}.id`,
            });
          }
          saved.push(item.id);
        } else {
          saved.push(await store.insertMenuItem(tx, viewer.id, item, now));
        }
      }
      return saved;
    });
    const views = await store.menuItemViews(this.deps.db, ids);
    for (const view of views) this.deps.pubsub.publish('menuUpdated', viewer.id, view);
    return views;
  }
}

type ValidItem = store.MenuItemWrite & { id: string | null };

function validateItems(items: unknown): ValidItem[] {
  if (!Array.isArray(items)) throw new BadRequestError('items must be a list', { field: 'items' });
  if (items.length > MAX_MENU_ITEMS_PER_REQUEST) {
    throw new BadRequestError(`items: at most ${MAX_MENU_ITEMS_PER_REQUEST} per request`, {
      field: 'items',
    });
  }
  const seen = new Set<string>();
  return items.map((raw: unknown, index) => {
    const at = (field: string) => `items[${index}].${field}`;
    const fail = (field: string, message: string): never => {
      throw new BadRequestError(`${at(field)}: ${message}`, { field: `items.${index}.${field}` });
    };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new BadRequestError(`items[${index}] must be an object`, { field: `items.${index}` });
    }
    const item = raw as MenuItemInput;
    let id: string | null = null;
    if (item.id !== undefined && item.id !== null) {
      if (!isUuid(item.id)) {
        throw new NotFoundError(`${at('id')}: no such item on your menu`, {
          field: `items.${index}.id`,
        });
      }
      id = item.id.toLowerCase();
      if (seen.has(id)) fail('id', 'appears twice in this request');
      seen.add(id);
    }
    let name = '';
    try {
      name = requireText(item.name, 'name', 1, 100);
    } catch (error) {
      fail('name', (error as Error).message.replace(/^name /, ''));
    }
    const imageUrl =
      typeof item.imageUrl === 'string' ? item.imageUrl : fail('imageUrl', 'must be a string');
    if (!isImageUrl(imageUrl))
      fail('imageUrl', 'must be empty, an http(s) URL or a path starting with /');
    const price = item.price;
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
      fail('price', 'must be a number ≥ 0');
    }
    if ((price as number) > MAX_PRICE) fail('price', `must be at most ${MAX_PRICE}`);
    const cents = Math.round((price as number) * 100);
    if (Math.abs(cents - (price as number) * 100) > 1e-6) fail('price', 'at most two decimals');
    const inStore = item.inStore;
    if (typeof inStore !== 'number' || !Number.isInteger(inStore) || inStore < 0) {
      fail('inStore', 'must be a whole number ≥ 0');
    }
    if ((inStore as number) > MAX_STOCK) fail('inStore', `must be at most ${MAX_STOCK}`);
    return { id, name, imageUrl, price: (cents / 100).toFixed(2), inStore: inStore as number };
  });
}

/** Empty, an absolute http(s) URL, or a same-origin path (demo images are served locally). */
export function isImageUrl(value: string): boolean {
  if (value === '') return true;
  if (value.length > 2048 || hasControlCharacters(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !/[\s\\]/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
