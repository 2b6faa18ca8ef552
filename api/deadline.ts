// Time-boxing a call whose caller must answer anyway (health probes, metric scrapes).

/** `promise`'s value, or `fallback` when it fails or takes longer than `ms` (it is left to settle). */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(resolve, ms, fallback)));
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
