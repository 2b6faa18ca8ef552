// How the app reads the live connection's life: why a WebSocket closed, and how long to wait to retry.

/** 4401: token expired mid-session or refused at connect; 4403: refused at connect. */
export const AUTH_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 4403]);

export type CloseKind = 'auth' | 'idle' | 'blip';

export function closeCode(event: unknown): number | null {
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const code = (event as { code: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

/** auth: back to login; idle: a normal close with nothing subscribed; blip: reconnect quietly. */
export function classifyClose(event: unknown): CloseKind {
  const code = closeCode(event);
  if (code !== null && AUTH_CLOSE_CODES.has(code)) return 'auth';
  if (code === 1000) return 'idle';
  return 'blip';
}

/** Exponential backoff from 300 ms, capped at 5 s, with up to 300 ms of jitter. */
export function retryDelayMs(retries: number, random: number = Math.random()): number {
  return Math.min(5_000, 300 * 2 ** retries) + random * 300;
}
