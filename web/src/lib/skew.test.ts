import { describe, expect, it } from 'vitest';
import { addSample, estimateSkew, SKEW_SAMPLES } from './skew';

describe('clock skew', () => {
  it('ignores differences that are only network delay', () => {
    expect(estimateSkew([])).toBe(0);
    expect(estimateSkew([120, 340, 80])).toBe(0);
  });

  it('finds a clock that runs ahead or behind, trusting the fastest round trip', () => {
    expect(estimateSkew([90_250, 90_080, 90_400])).toBe(90_080);
    expect(estimateSkew([-119_900, -119_700])).toBe(-119_900);
  });

  it('keeps only recent samples', () => {
    let samples: number[] = [];
    for (let i = 0; i < SKEW_SAMPLES + 5; i += 1) samples = addSample(samples, i);
    expect(samples).toHaveLength(SKEW_SAMPLES);
    expect(samples[0]).toBe(5);
  });
});
