// What a customer is told while a restaurant has paused taking orders, and when to look again.
import type { ErrorLike } from '../../lib/errors';
import { formatClock, toMs } from '../../lib/time';

export interface OrderingLike {
  open: boolean;
  reason: string | null;
  until: string | null;
}

const DAY_MS = 86_400_000;

/** "until 19:30", "until Thu 09:00" when it is not today, or "for now" without a time. */
function untilText(until: string | null, now: number, locale?: string): string {
  const at = toMs(until);
  if (at === null || until === null) return 'for now';
  const clock = formatClock(until, locale);
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  if (sameDay || at - now < 0) return `until ${clock}`;
  const day = new Date(at).toLocaleDateString(locale, { weekday: 'short' });
  return at - now < 6 * DAY_MS ? `until ${day} ${clock}` : `until ${formatDate(at, locale)}`;
}

function formatDate(at: number, locale?: string): string {
  return new Date(at).toLocaleDateString(locale, { day: 'numeric', month: 'short' });
}

/** "Not taking orders until 19:30 — Out of dough"; null while the restaurant is open. */
export function pauseText(ordering: OrderingLike, now: number, locale?: string): string | null {
  if (ordering.open) return null;
  const reason = ordering.reason?.trim();
  const base = `Not taking orders ${untilText(ordering.until, now, locale)}`;
  return reason ? `${base} — ${reason}` : base;
}

/** How long until a pause ends by itself (to look again then); null when open or open-ended. */
export function reopensInMs(ordering: OrderingLike, now: number): number | null {
  if (ordering.open) return null;
  const at = toMs(ordering.until);
  return at === null ? null : Math.max(0, at - now);
}

/** The pause a CLOSED refusal of placeOrder describes (its `reason` and `until`), or null. */
export function closedOrdering(error: ErrorLike): OrderingLike | null {
  for (const graphQLError of error.graphQLErrors ?? []) {
    const extensions = graphQLError.extensions;
    if (extensions?.['code'] !== 'CLOSED') continue;
    const reason = extensions['reason'];
    const until = extensions['until'];
    return {
      open: false,
      reason: typeof reason === 'string' && reason !== '' ? reason : null,
      until: typeof until === 'string' && toMs(until) !== null ? until : null,
    };
  }
  return null;
}
