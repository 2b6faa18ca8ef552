// The History screen's filters as the API's arguments: local calendar days to a time range.
import type { OrderState } from '../../gql/graphql';

export interface HistoryFilters {
  state: OrderState | '';
  /** yyyy-mm-dd from a date input, '' for no bound. */
  from: string;
  to: string;
  search: string;
}

export interface HistoryArgs {
  state: OrderState | null;
  since: string | null;
  until: string | null;
  search: string | null;
}

function localMidnight(day: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** `from` and `to` both count whole days: since the start of `from`, until the end of `to`. */
export function historyArgs(filters: HistoryFilters): HistoryArgs {
  const search = filters.search.trim();
  return {
    state: filters.state === '' ? null : filters.state,
    since: localMidnight(filters.from),
    until: localMidnight(filters.to, 1),
    search: search === '' ? null : search,
  };
}

/** The reason of the order's last rejection or cancellation, if it was given one. */
export function closingReason(history: readonly { to: OrderState; reason: string | null }[]) {
  const closing = [...history]
    .reverse()
    .find((event) => event.to === 'REJECTED' || event.to === 'CANCELLED');
  return closing?.reason ?? null;
}

/** "1 order", "12 orders". */
export function ordersLabel(count: number): string {
  return `${count} ${count === 1 ? 'order' : 'orders'}`;
}
