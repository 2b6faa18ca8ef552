// Form rules checked in the browser before anything is sent: the server's own limits
// (api/domain/limits.ts), in words for people. The server checks them again.
import {
  ITEM_NAME_MAX,
  MAX_PRICE,
  MAX_STOCK,
  NAME_MAX,
  NAME_MIN,
  PASSWORD_MAX,
  PASSWORD_MIN,
  charLength,
  hasControlCharacters,
  isImageUrl,
} from '../../../api/domain/limits';
import { hasHiddenCharacters } from '../../../api/domain/names';

export { ITEM_NAME_MAX, NAME_MAX, NAME_MIN, PASSWORD_MAX, PASSWORD_MIN };

export interface CredentialErrors {
  name?: string;
  password?: string;
}

/** Signing up also refuses what the server refuses in new names (api/domain/names.ts). */
export function validateCredentials(
  name: string,
  password: string,
  purpose: 'login' | 'signUp' = 'login',
): CredentialErrors {
  const errors: CredentialErrors = {};
  const trimmed = name.trim();
  const nameLength = charLength(trimmed);
  if (nameLength === 0) errors.name = 'Enter your name.';
  else if (nameLength < NAME_MIN || nameLength > NAME_MAX) {
    errors.name = `Names are ${NAME_MIN} to ${NAME_MAX} characters long.`;
  } else if (hasControlCharacters(trimmed)) {
    errors.name = 'Names cannot contain control characters.';
  } else if (purpose === 'signUp' && hasHiddenCharacters(trimmed)) {
    errors.name = 'Names cannot contain invisible or text-direction characters.';
  }
  const passwordLength = charLength(password);
  if (passwordLength === 0) errors.password = 'Enter your password.';
  else if (passwordLength < PASSWORD_MIN) {
    errors.password = `Passwords have at least ${PASSWORD_MIN} characters.`;
  } else if (passwordLength > PASSWORD_MAX) {
    errors.password = `Passwords have at most ${PASSWORD_MAX} characters.`;
  }
  return errors;
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
  return isImageUrl(value.trim());
}

export function validateMenuDraft(draft: MenuDraft): MenuDraftErrors {
  const errors: MenuDraftErrors = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = 'Give the item a name.';
  else if (charLength(name) > ITEM_NAME_MAX) errors.name = `At most ${ITEM_NAME_MAX} characters.`;
  else if (hasControlCharacters(name)) errors.name = 'No control characters, please.';

  const price = draft.price.trim();
  if (price === '') errors.price = 'Enter a price.';
  else if (!/^\d+(\.\d{1,2})?$/.test(price)) {
    errors.price = /^-/.test(price)
      ? 'The price cannot be negative.'
      : 'Use a number with at most two decimals, like 9.50.';
  } else if (Number(price) > MAX_PRICE) errors.price = `At most ${MAX_PRICE}.`;

  const stock = draft.inStore.trim();
  if (stock === '') errors.inStore = 'Enter the stock (0 if sold out).';
  else if (!/^\d+$/.test(stock)) errors.inStore = 'Stock is a whole number of 0 or more.';
  else if (Number(stock) > MAX_STOCK) errors.inStore = `At most ${MAX_STOCK}.`;

  if (!isAcceptableImageUrl(draft.imageUrl)) {
    errors.imageUrl = 'Use an http(s) address, a path starting with /, or leave it empty.';
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some((value) => value !== undefined);
}
