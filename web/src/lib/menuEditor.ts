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
  }));
}

export function blankRow(key: string): EditorRow {
  return { key, id: null, saved: null, draft: { name: '', price: '', inStore: '0', imageUrl: '' } };
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
    return [...rows, { key: item.id, id: item.id, saved: incoming, draft: { ...incoming } }];
  const row = rows[index]!;
  const draft = { ...row.draft };
  for (const field of FIELDS) {
    if (row.saved === null || sameValue(field, row.draft[field], row.saved[field]))
      draft[field] = incoming[field];
  }
  const next = [...rows];
  next[index] = { ...row, saved: incoming, draft };
  return next;
}

export function toMenuItemInput(row: EditorRow): MenuItemInput {
  const input: MenuItemInput = {
    name: row.draft.name.trim(),
    price: Number(row.draft.price.trim()),
    inStore: Number(row.draft.inStore.trim()),
    imageUrl: row.draft.imageUrl.trim(),
  };
  if (row.id !== null) input.id = row.id;
  return input;
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
      ? { key: item.id, id: item.id, saved: draftFromItem(item), draft: draftFromItem(item) }
      : row;
    // A live event may already have appended the freshly created item; keep one row per id.
    if (updated.id !== null && seen.has(updated.id)) continue;
    if (updated.id !== null) seen.add(updated.id);
    next.push(updated);
  }
  return next;
}
