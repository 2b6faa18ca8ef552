// Re-reads something no subscription carries (a restaurant's pause) on the signals a person gives:
// coming back to the tab or window, and every so often while the tab is in view.
export const LOOK_AGAIN_MS = 20_000;

/** Calls `refresh` when the tab becomes visible or focused, and every `everyMs` while visible. */
export function lookAgain(refresh: () => void, everyMs = LOOK_AGAIN_MS): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  const timer = setInterval(onVisible, everyMs);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', onVisible);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', onVisible);
  };
}

/** Calls `refresh` once, just after `inMs` (a pause's end); null means never. */
export function lookAgainAt(refresh: () => void, inMs: number | null): () => void {
  if (inMs === null) return () => {};
  // setTimeout overflows past ~24.8 days; the periodic look covers such pauses.
  const timer = setTimeout(refresh, Math.min(inMs + 500, 2_000_000_000));
  return () => clearTimeout(timer);
}
