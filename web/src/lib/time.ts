// Countdown, progress and duration maths for ETAs and ticket timers.

export function toMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Milliseconds until `eta`, never negative; null without an ETA. */
export function remainingMs(eta: string | null | undefined, now: number): number | null {
  const target = toMs(eta);
  return target === null ? null : Math.max(0, target - now);
}

/** Share of the way from `start` to `end` at `now`, clamped to 0…1. */
export function progressBetween(
  start: string | null | undefined,
  end: string | null | undefined,
  now: number,
): number {
  const from = toMs(start);
  const to = toMs(end);
  if (from === null || to === null) return 0;
  if (to <= from) return now >= to ? 1 : 0;
  return Math.min(1, Math.max(0, (now - from) / (to - from)));
}

/** `m:ss`, or `h:mm:ss` past an hour; rounds up so "0:00" only shows at the end. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/** Short human duration: "8 s", "3 min", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatClock(iso: string, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "5 s ago", "3 min ago", then a clock time. */
export function formatAgo(iso: string, now: number, locale?: string): string {
  const at = toMs(iso);
  if (at === null) return '';
  const elapsed = now - at;
  if (elapsed < 5_000) return 'just now';
  if (elapsed < 3_600_000) return `${formatDuration(elapsed)} ago`;
  return formatClock(iso, locale);
}

/** The customer's view of `queuePosition` (0 = in the oven, 1 = next to start). */
export function queueText(queuePosition: number | null | undefined): string | null {
  if (queuePosition === null || queuePosition === undefined) return null;
  if (queuePosition <= 0) return 'In the oven now';
  if (queuePosition === 1) return 'You are next in line';
  const ahead = queuePosition - 1;
  return `${ahead} ${ahead === 1 ? 'order' : 'orders'} ahead of you`;
}

export interface Eta {
  remainingMs: number;
  /** "Ready in about 1:20" or "Any moment now" once the ETA has passed. */
  text: string;
}

export function etaFor(estimatedReadyAt: string | null | undefined, now: number): Eta | null {
  const remaining = remainingMs(estimatedReadyAt, now);
  if (remaining === null) return null;
  if (remaining === 0) return { remainingMs: 0, text: 'Any moment now' };
  return { remainingMs: remaining, text: `Ready in about ${formatCountdown(remaining)}` };
}

/**
 * How long a pending order would take if accepted now: the server's estimate as read at `readAt`,
 * never shorter than one prep time. Held still while pending (an estimate, not a countdown).
 */
export function pendingEstimateMs(
  estimatedReadyAt: string | null | undefined,
  readAt: number,
  prepTimeMs = 0,
): number | null {
  const target = toMs(estimatedReadyAt);
  if (target === null) return null;
  return Math.max(target - readAt, prepTimeMs);
}

/** "usually ~12 min", or "usually under a minute". */
export function usuallyText(ms: number): string {
  if (ms < 45_000) return 'usually under a minute';
  return `usually ~${Math.max(1, Math.round(ms / 60_000))} min`;
}
