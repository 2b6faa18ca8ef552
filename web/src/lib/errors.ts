// Turns GraphQL/network failures into sentences a customer or a cook understands.
import type { OrderState } from '../gql/graphql';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OUT_OF_STOCK',
  'INVALID_STATE',
  'CONFLICT',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type FailureKind = ErrorCode | 'NETWORK' | 'UNKNOWN';

/** The part of urql's CombinedError this module reads (kept structural so tests need no urql). */
export interface ErrorLike {
  networkError?: unknown;
  graphQLErrors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export type UserAction =
  | 'login'
  | 'signUp'
  | 'load'
  | 'placeOrder'
  | 'cancelOrder'
  | 'acceptOrder'
  | 'rejectOrder'
  | 'completeOrder'
  | 'saveMenu';

export interface ErrorContext {
  action: UserAction;
  /** Stock we last saw for the item being ordered (for OUT_OF_STOCK). */
  inStore?: number | null;
  /** State we last saw for the order being acted on (for INVALID_STATE). */
  state?: OrderState | null;
  /** Name the short item in an OUT_OF_STOCK message (a basket has several). */
  nameItem?: boolean;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function failureKind(error: ErrorLike): FailureKind {
  for (const graphQLError of error.graphQLErrors ?? []) {
    const code = graphQLError.extensions?.['code'];
    if (isErrorCode(code)) return code;
  }
  if (error.networkError) return 'NETWORK';
  return 'UNKNOWN';
}

export function isUnauthenticated(error: ErrorLike): boolean {
  return failureKind(error) === 'UNAUTHENTICATED';
}

/** How long the server asks us to wait (`extensions.retryAfterSeconds`), or null when it does not say. */
export function retryAfterSeconds(error: ErrorLike): number | null {
  for (const graphQLError of error.graphQLErrors ?? []) {
    const seconds = graphQLError.extensions?.['retryAfterSeconds'];
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0)
      return Math.ceil(seconds);
  }
  return null;
}

/** A wait as people say it: "45 s", "4 min 30 s", "2 min", "1 h 5 min". */
export function formatWait(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes >= 60) {
    const rest = minutes % 60;
    return rest === 0
      ? `${Math.floor(minutes / 60)} h`
      : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The login screen's lock-out line, counting down to `until`. */
export function lockoutMessage(until: number, now: number): string {
  return `Too many attempts — try again in ${formatWait((until - now) / 1000)}`;
}

function firstMessage(error: ErrorLike): string {
  return error.graphQLErrors?.[0]?.message ?? '';
}

/** The server may say how many are left (`extensions.available`); that beats what the page last saw. */
function availableStock(error: ErrorLike): number | null {
  for (const graphQLError of error.graphQLErrors ?? []) {
    const available = graphQLError.extensions?.['available'];
    if (typeof available === 'number' && Number.isInteger(available) && available >= 0)
      return available;
  }
  return null;
}

export interface ShortItem {
  menuItemId: string | null;
  /** The item's name, as the server named it. */
  name: string | null;
}

/** The item an OUT_OF_STOCK refusal is about (`extensions.menuItemId` and `item`). */
export function shortItem(error: ErrorLike): ShortItem | null {
  for (const graphQLError of error.graphQLErrors ?? []) {
    if (graphQLError.extensions?.['code'] !== 'OUT_OF_STOCK') continue;
    const id = graphQLError.extensions['menuItemId'];
    const name = graphQLError.extensions['item'];
    return {
      menuItemId: typeof id === 'string' ? id : null,
      name: typeof name === 'string' && name !== '' ? name : null,
    };
  }
  return null;
}

function outOfStockMessage(inStore: number | null | undefined, item: string | null): string {
  if (inStore === 0)
    return item ? `Sorry, ${item} has just sold out.` : 'Sorry, this has just sold out.';
  if (typeof inStore === 'number' && inStore > 0) {
    return `Sorry, only ${inStore}${item ? ` ${item}` : ''} left. Lower the quantity and try again.`;
  }
  return item
    ? `Sorry, there is not enough ${item} in stock for that quantity.`
    : 'Sorry, there is not enough in stock for that quantity.';
}

function invalidStateMessage(context: ErrorContext): string {
  switch (context.action) {
    case 'cancelOrder':
      if (context.state === 'CANCELLED') return 'This order is already cancelled.';
      if (context.state === 'REJECTED') return 'The business has already declined this order.';
      return 'The kitchen has accepted your order, so it can no longer be cancelled.';
    case 'acceptOrder':
    case 'rejectOrder':
      return 'This order is no longer waiting — the customer may have cancelled it.';
    case 'completeOrder':
      return 'This order is no longer in the oven.';
    default:
      return 'This order has moved on in the meantime; the screen shows where it is now.';
  }
}

function notFoundMessage(action: UserAction): string {
  switch (action) {
    case 'placeOrder':
      return 'That item is no longer on the menu.';
    case 'cancelOrder':
    case 'acceptOrder':
    case 'rejectOrder':
    case 'completeOrder':
      return 'We could not find that order.';
    case 'saveMenu':
      return 'One of these items no longer exists. Reload the menu and try again.';
    default:
      return 'We could not find what you were looking for.';
  }
}

function badRequestMessage(error: ErrorLike, action: UserAction): string {
  const detail = firstMessage(error);
  if (action === 'saveMenu') return 'Some fields need fixing before the menu can be saved.';
  return detail ? `Please check what you entered: ${detail}` : 'Please check what you entered.';
}

/** One sentence for a toast or a form message; never a bare code. */
export function describeError(error: ErrorLike, context: ErrorContext): string {
  const kind = failureKind(error);
  switch (kind) {
    case 'BAD_REQUEST':
      return badRequestMessage(error, context.action);
    case 'UNAUTHENTICATED':
      return context.action === 'login'
        ? 'That name and password do not match. Check them and try again.'
        : 'Your session has expired. Please log in again.';
    case 'FORBIDDEN':
      return 'Your account is not allowed to do that. Are you logged in with the right kind of account?';
    case 'NOT_FOUND':
      return notFoundMessage(context.action);
    case 'OUT_OF_STOCK':
      return outOfStockMessage(
        availableStock(error) ?? context.inStore,
        context.nameItem ? (shortItem(error)?.name ?? null) : null,
      );
    case 'INVALID_STATE':
      return invalidStateMessage(context);
    case 'CONFLICT':
      return context.action === 'signUp'
        ? 'That name is already taken. Please choose another one.'
        : 'Someone changed this at the same time. Please try again.';
    case 'RATE_LIMITED':
      return context.action === 'login' || context.action === 'signUp'
        ? 'Too many attempts. Please wait a minute, then try again.'
        : 'That was a lot of requests at once. Please wait a moment, then try again.';
    case 'NETWORK':
      return 'Orderly cannot be reached right now. Check your connection and try again.';
    case 'UNKNOWN':
      return 'Something went wrong on our side. Please try again.';
  }
}

export interface FieldError {
  /** Dotted path as the server sends it, e.g. `items.1.price`. */
  field: string;
  message: string;
}

const bracketPath = /^(items)\[(\d+)\]\.(\w+)\s*:\s*(.+)$/;

/** Field-level BAD_REQUEST errors, from `extensions.field` or a message like `items[1].price: …`. */
export function fieldErrors(error: ErrorLike): FieldError[] {
  const result: FieldError[] = [];
  for (const graphQLError of error.graphQLErrors ?? []) {
    if (graphQLError.extensions?.['code'] !== 'BAD_REQUEST') continue;
    const match = bracketPath.exec(graphQLError.message);
    const field = graphQLError.extensions['field'];
    const message = match?.[4] ?? graphQLError.message;
    if (typeof field === 'string' && field !== '') {
      result.push({ field, message });
    } else if (match) {
      result.push({ field: `${match[1]}.${match[2]}.${match[3]}`, message });
    }
  }
  return result;
}
