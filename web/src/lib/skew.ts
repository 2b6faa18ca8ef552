// Estimates how far this device's clock is from the server's, so countdowns stay right on a phone
// whose clock is off. Each sample is "received locally at − stamped by the server at", i.e. the
// skew plus the network delay (never negative), so the smallest recent sample is the best estimate.

export const SKEW_SAMPLES = 10;
/** Below this the difference is network delay or noise, not a wrong clock. */
export const SKEW_THRESHOLD_MS = 1_000;

export function addSample(samples: readonly number[], sample: number): number[] {
  return [...samples, sample].slice(-SKEW_SAMPLES);
}

export function estimateSkew(samples: readonly number[]): number {
  if (samples.length === 0) return 0;
  const best = Math.min(...samples);
  return Math.abs(best) < SKEW_THRESHOLD_MS ? 0 : best;
}
