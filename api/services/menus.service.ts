// Menus and stock: what anyone may read, and the all-or-nothing upsert a business makes.
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as store from '../store/menus.store.js';
import { isoAt, type Clock } from './clock.js';
import { LIST_KEY, readThrough, type PublicReads } from './public-reads.js';
import type { BusinessView, MenuItemView, Viewer } from '../domain/types.js';
import { isUuid, requireId, requireText } from './validate.js';
import {
  ITEM_NAME_MAX,
  MAX_MENU_ITEMS,
  MAX_MENU_ITEMS_PER_REQUEST,
  MAX_STOCK,
  isImageUrl,
  priceProblem,
} from '../domain/limits.js';

export interface MenuItemInput {
  id?: unknown;
  name: unknown;
  imageUrl: unknown;
  price: unknown;
  /** Optional on an update: left out, the stock stays as it is. */
  inStore?: unknown;
  /** On an update that sets stock: the stock it was read at; refused with CONFLICT if it moved. */
  expectedInStore?: unknown;
}

export class MenusService {
  private readonly reads: PublicReads;

  constructor(
    private readonly deps: {
      db: Db;
      pubsub: EventBus;
      clock: Clock;
      /** Production: image URLs must be https (or same-origin paths). */
      production?: boolean;
      /** Where businesses and menus are kept between changes; without it, read every time. */
      reads?: PublicReads;
    },
  ) {
    this.reads = deps.reads ?? readThrough();
  }

  businesses(): Promise<BusinessView[]> {
    return this.reads.businessList.get(LIST_KEY, () => store.listBusinesses(this.deps.db));
  }

  async business(id: unknown): Promise<BusinessView | null> {
    if (!isUuid(id)) return null;
    const key = id.toLowerCase();
    return this.reads.businesses.get(key, () => store.findBusiness(this.deps.db, key));
  }

  async menu(businessId: unknown): Promise<MenuItemView[]> {
    const id = requireId(businessId, 'business');
    const menu = await this.reads.menus.get(id, () => store.menuOfBusiness(this.deps.db, id));
    if (!menu) throw new NotFoundError('business not found');
    return menu;
  }

  /** The menus of businesses already found (the Business.menu field, batched per request). */
  async menusOf(businessIds: readonly string[]): Promise<MenuItemView[]> {
    const menus = await this.reads.menus.getMany(businessIds, async (missing) => {
      const byBusiness = new Map(missing.map((id) => [id, [] as MenuItemView[]]));
      for (const item of await store.menusOf(this.deps.db, missing)) {
        byBusiness.get(item.business.id)?.push(item);
      }
      return byBusiness;
    });
    return businessIds.flatMap((id) => menus.get(id) ?? []);
  }

  /** Updates the items that carry an id and creates the others; all of them or none. */
  async setMenuAndInstore(viewer: Viewer, items: unknown): Promise<MenuItemView[]> {
    const writes = validateItems(items, this.deps.production ?? false);
    const now = isoAt(this.deps.clock.now());
    const ids = await this.deps.db.transaction(async (tx) => {
      const saved: string[] = [];
      for (const [index, item] of writes.entries()) {
        if (!item.id) {
          if (item.inStore === null) {
            throw new BadRequestError(`items[${index}].inStore: a new item needs its stock`, {
              field: `items.${index}.inStore`,
            });
          }
          saved.push(
            await store.insertMenuItem(tx, viewer.id, { ...item, inStore: item.inStore }, now),
          );
          continue;
        }
        const updated = await store.updateMenuItem(tx, viewer.id, item.id, item, now);
        if (updated === 'missing') {
          throw new NotFoundError(`items[${index}].id: no such item on your menu`, {
            field: `items.${index}.id`,
          });
        }
        if (updated === 'stock moved') {
          const current = await store.stockOfItem(tx, item.id);
          throw new ConflictError(
            `items[${index}].inStore: the stock changed to ${current} since it was read; nothing was saved`,
            { field: `items.${index}.inStore`, currentInStore: current },
          );
        }
        saved.push(item.id);
      }
      if ((await store.countMenuItems(tx, viewer.id)) > MAX_MENU_ITEMS) {
        throw new BadRequestError(`items: a menu holds at most ${MAX_MENU_ITEMS} items`, {
          field: 'items',
        });
      }
      return saved;
    });
    const views = await store.menuItemViews(this.deps.db, ids);
    for (const view of views) this.deps.pubsub.publish('menuUpdated', viewer.id, view);
    return views;
  }
}

type ValidItem = store.MenuItemUpdate & { id: string | null };

function validateItems(items: unknown, production: boolean): ValidItem[] {
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
      name = requireText(item.name, 'name', 1, ITEM_NAME_MAX);
    } catch (error) {
      fail('name', (error as Error).message.replace(/^name /, ''));
    }
    const imageUrl =
      typeof item.imageUrl === 'string' ? item.imageUrl : fail('imageUrl', 'must be a string');
    if (!isImageUrl(imageUrl, production))
      fail(
        'imageUrl',
        production
          ? 'must be empty, an https URL or a path starting with /'
          : 'must be empty, an http(s) URL or a path starting with /',
      );
    const price = typeof item.price === 'number' ? item.price : NaN;
    const priceError = priceProblem(price);
    if (priceError) fail('price', priceError);
    const cents = Math.round(price * 100);
    const stock = (field: 'inStore' | 'expectedInStore'): number | null => {
      const value = item[field];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        fail(field, 'must be a whole number ≥ 0');
      }
      if ((value as number) > MAX_STOCK) fail(field, `must be at most ${MAX_STOCK}`);
      return value as number;
    };
    const inStore = stock('inStore');
    const expectedInStore = stock('expectedInStore');
    if (expectedInStore !== null && inStore === null) {
      fail('expectedInStore', 'goes with the new inStore');
    }
    return { id, name, imageUrl, price: (cents / 100).toFixed(2), inStore, expectedInStore };
  });
}
