// What a webhook URL may look like, before any address is looked up. Plain data and pure functions
// only: the web app's settings form imports this file too.

export const WEBHOOK_URL_MAX = 2048;

/**
 * Why a URL cannot be a webhook, or null when its shape is fine: https (or http when private
 * targets are allowed, for development and tests), a host, no credentials, no fragment.
 */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  if (value.length === 0) return 'is required';
  if (value.length > WEBHOOK_URL_MAX) return `must be at most ${WEBHOOK_URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return 'must be an https URL';
  }
  if (url.hostname === '') return 'must name a host';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.hash !== '') return 'must not have a #fragment';
  return null;
}
