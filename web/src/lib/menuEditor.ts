// The menu & stock editor's rows: drafts beside what the server last said, dirty tracking,
// live updates that never trample an edit in progress, and server field errors mapped back to rows.
import type { MenuItemInput } from '../gql/graphql';
import type { FieldError } from './errors';
import {
  hasErrors,
  validateMenuDraft,
  type MenuDraft,
  type MenuDraftErrors,
  type MenuField,
} from './validation';

export interface MenuItemData {
  id: string;
  name: string;
  imageUrl: string;
  price: number;
  inStore: number;
}

export interface EditorRow {
  /** Stable key for the UI: the item id, or a local key for an unsaved new item. */
  key: string;
  id: string | null;
  /** What the server last said; null for a row not saved yet. */
  saved: MenuDraft | null;
  draft: MenuDraft;
  /** The stock the person's stock edit started from: sent as expectedInStore with a stock set. */
  readInStore: number | null;
}

const FIELDS: MenuField[] = ['name', 'price', 'inStore', 'imageUrl'];

export function draftFromItem(item: MenuItemData): MenuDraft {
  return {
    name: item.name,
    price: formatPriceInput(item.price),
    inStore: String(item.inStore),
    imageUrl: item.imageUrl,
  };
}

export function formatPriceInput(price: number): string {
  return price.toFixed(2);
}

export function rowsFromItems(items: readonly MenuItemData[]): EditorRow[] {
  return items.map((item) => ({
    key: item.id,
    id: item.id,
    saved: draftFromItem(item),
    draft: draftFromItem(item),
    readInStore: item.inStore,
  }));
}

export function blankRow(key: string): EditorRow {
  return {
    key,
    id: null,
    saved: null,
    draft: { name: '', price: '', inStore: '0', imageUrl: '' },
    readInStore: null,
  };
}

function sameValue(field: MenuField, a: string, b: string): boolean {
  if (field === 'price' || field === 'inStore') {
    const x = a.trim();
    const y = b.trim();
    if (x !== '' && y !== '' && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y)))
      return Number(x) === Number(y);
    return x === y;
  }
  return a === b;
}

export function isDirty(row: EditorRow): boolean {
  if (row.saved === null) return true;
  const saved = row.saved;
  return FIELDS.some((field) => !sameValue(field, row.draft[field], saved[field]));
}

/** Whether the save would set this row's stock (a new row always does). */
export function isStockDirty(row: EditorRow): boolean {
  return row.saved === null || !sameValue('inStore', row.draft.inStore, row.saved.inStore);
}

export function dirtyRows(rows: readonly EditorRow[]): EditorRow[] {
  return rows.filter(isDirty);
}

/**
 * A live `menuUpdated` item: fields the person has not touched follow the server; touched ones
 * keep the edit (and stay dirty). An unknown item (created elsewhere) is appended.
 */
export function applyServerItem(rows: readonly EditorRow[], item: MenuItemData): EditorRow[] {
  const incoming = draftFromItem(item);
  const index = rows.findIndex((row) => row.id === item.id);
  if (index === -1)
    return [
      ...rows,
      {
        key: item.id,
        id: item.id,
        saved: incoming,
        draft: { ...incoming },
        readInStore: item.inStore,
      },
    ];
  const row = rows[index]!;
  // A stock being edited keeps the value it was read at, so a save made from it can be refused.
  const readInStore = isStockDirty(row) ? row.readInStore : item.inStore;
  const draft = { ...row.draft };
  for (const field of FIELDS) {
    if (row.saved === null || sameValue(field, row.draft[field], row.saved[field]))
      draft[field] = incoming[field];
  }
  const next = [...rows];
  next[index] = { ...row, saved: incoming, draft, readInStore };
  return next;
}

/**
 * What the save sends for a row. Stock only when the person set it, with the stock it was read at
 * (the server refuses with CONFLICT if orders moved it since); a price or name edit leaves it alone.
 */
export function toMenuItemInput(row: EditorRow): MenuItemInput {
  const input: MenuItemInput = {
    name: row.draft.name.trim(),
    price: Number(row.draft.price.trim()),
    imageUrl: row.draft.imageUrl.trim(),
  };
  if (row.id !== null) input.id = row.id;
  if (isStockDirty(row)) {
    input.inStore = Number(row.draft.inStore.trim());
    if (row.id !== null && row.readInStore !== null) input.expectedInStore = row.readInStore;
  }
  return input;
}

/** Stock that moved since it was read, by row key: the server's `currentInStore` on CONFLICT. */
export function stockConflicts(
  errors: readonly { extensions?: Record<string, unknown> }[],
  sentKeys: readonly string[],
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const error of errors) {
    const extensions = error.extensions ?? {};
    const current = extensions['currentInStore'];
    const field = extensions['field'];
    if (extensions['code'] !== 'CONFLICT' || typeof current !== 'number') continue;
    if (typeof field !== 'string') continue;
    const [root, index] = field.split('.');
    const key = root === 'items' ? sentKeys[Number(index)] : undefined;
    if (key !== undefined) result[key] = current;
  }
  return result;
}

/**
 * The business's answer to a stock conflict: keep their number (sent next time against the
 * current stock) or take the current stock (the stock edit is dropped).
 */
export function resolveStockConflict(
  rows: readonly EditorRow[],
  key: string,
  choice: 'mine' | 'current',
  currentInStore: number,
): EditorRow[] {
  return rows.map((row) => {
    if (row.key !== key || row.saved === null) return row;
    const saved = { ...row.saved, inStore: String(currentInStore) };
    const draft = choice === 'current' ? { ...row.draft, inStore: saved.inStore } : row.draft;
    return { ...row, saved, draft, readInStore: currentInStore };
  });
}

export type RowErrors = Record<string, MenuDraftErrors>;

/** Validates the rows that would be sent; an empty object means the save can go ahead. */
export function validateRows(rows: readonly EditorRow[]): RowErrors {
  const errors: RowErrors = {};
  for (const row of dirtyRows(rows)) {
    const rowErrors = validateMenuDraft(row.draft);
    if (hasErrors(rowErrors)) errors[row.key] = rowErrors;
  }
  return errors;
}

const serverFieldNames: Record<string, MenuField> = {
  name: 'name',
  price: 'price',
  inStore: 'inStore',
  imageUrl: 'imageUrl',
  m_name: 'name',
  m_price: 'price',
  m_instore: 'inStore',
  m_img_url: 'imageUrl',
};

/** Maps `items.<i>.<field>` errors onto the rows that were sent, in the order they were sent. */
export function mapServerErrors(
  errors: readonly FieldError[],
  sentKeys: readonly string[],
): RowErrors {
  const result: RowErrors = {};
  for (const error of errors) {
    const [root, index, name] = error.field.split('.');
    if (root !== 'items' || index === undefined || name === undefined) continue;
    const key = sentKeys[Number(index)];
    const field = serverFieldNames[name];
    if (key === undefined || field === undefined) continue;
    result[key] = { ...result[key], [field]: capitalize(error.message) };
  }
  return result;
}

function capitalize(message: string): string {
  const text = message.trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** After a save: the server returns the items in the order sent; rows take their ids and values. */
export function applySaved(
  rows: readonly EditorRow[],
  sentKeys: readonly string[],
  savedItems: readonly MenuItemData[],
): EditorRow[] {
  const byKey = new Map<string, MenuItemData>();
  sentKeys.forEach((key, i) => {
    const item = savedItems[i];
    if (item) byKey.set(key, item);
  });
  const next: EditorRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const item = byKey.get(row.key);
    const updated = item
      ? {
          key: item.id,
          id: item.id,
          saved: draftFromItem(item),
          draft: draftFromItem(item),
          readInStore: item.inStore,
        }
      : row;
    // A live event may already have appended the freshly created item; keep one row per id.
    if (updated.id !== null && seen.has(updated.id)) continue;
    if (updated.id !== null) seen.add(updated.id);
    next.push(updated);
  }
  return next;
}
