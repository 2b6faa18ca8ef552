// Form rules checked in the browser before anything is sent (the server checks them again).

export const NAME_MIN = 3;
export const NAME_MAX = 40;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const QUANTITY_MAX = 1000;
export const ITEM_NAME_MAX = 100;
const INT_MAX = 2_147_483_647;

export interface CredentialErrors {
  name?: string;
  password?: string;
}

export function validateCredentials(name: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  const trimmed = name.trim();
  if (trimmed.length === 0) errors.name = 'Enter your name.';
  else if (trimmed.length < NAME_MIN || trimmed.length > NAME_MAX) {
    errors.name = `Names are ${NAME_MIN} to ${NAME_MAX} characters long.`;
  }
  if (password.length === 0) errors.password = 'Enter your password.';
  else if (password.length < PASSWORD_MIN) {
    errors.password = `Passwords have at least ${PASSWORD_MIN} characters.`;
  } else if (password.length > PASSWORD_MAX) {
    errors.password = `Passwords have at most ${PASSWORD_MAX} characters.`;
  }
  return errors;
}

export function maxOrderQuantity(inStore: number): number {
  return Math.max(0, Math.min(QUANTITY_MAX, inStore));
}

/** Returns the problem with a typed quantity, or null when it can be ordered. */
export function validateQuantity(raw: string | number, inStore: number): string | null {
  const text = String(raw).trim();
  if (inStore <= 0) return 'Sold out for now.';
  if (text === '') return 'Enter how many you would like.';
  if (!/^\d+$/.test(text)) return 'Enter a whole number, like 1 or 2.';
  const quantity = Number(text);
  if (quantity < 1) return 'Order at least 1.';
  if (quantity > QUANTITY_MAX) return `You can order at most ${QUANTITY_MAX} at a time.`;
  if (quantity > inStore) return `Only ${inStore} left — lower the quantity.`;
  return null;
}

/** What the menu editor's inputs hold: text, as typed. */
export interface MenuDraft {
  name: string;
  price: string;
  inStore: string;
  imageUrl: string;
}

export type MenuField = keyof MenuDraft;
export type MenuDraftErrors = Partial<Record<MenuField, string>>;

export function isAcceptableImageUrl(value: string): boolean {
  const url = value.trim();
  if (url === '') return true;
  if (url.startsWith('/') && !url.startsWith('//')) return !/\s/.test(url);
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function validateMenuDraft(draft: MenuDraft): MenuDraftErrors {
  const errors: MenuDraftErrors = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = 'Give the item a name.';
  else if (name.length > ITEM_NAME_MAX) errors.name = `At most ${ITEM_NAME_MAX} characters.`;

  const price = draft.price.trim();
  if (price === '') errors.price = 'Enter a price.';
  else if (!/^\d+(\.\d{1,2})?$/.test(price)) {
    errors.price = /^-/.test(price)
      ? 'The price cannot be negative.'
      : 'Use a number with at most two decimals, like 9.50.';
  } else if (Number(price) > 1_000_000) errors.price = 'That price looks too high.';

  const stock = draft.inStore.trim();
  if (stock === '') errors.inStore = 'Enter the stock (0 if sold out).';
  else if (!/^\d+$/.test(stock)) errors.inStore = 'Stock is a whole number of 0 or more.';
  else if (Number(stock) > INT_MAX) errors.inStore = 'That stock is too large.';

  if (!isAcceptableImageUrl(draft.imageUrl)) {
    errors.imageUrl = 'Use an http(s) address, a path starting with /, or leave it empty.';
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some((value) => value !== undefined);
}
