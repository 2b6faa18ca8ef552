import { describe, expect, it } from 'vitest';
import {
  etaFor,
  formatAgo,
  formatCountdown,
  formatDuration,
  pendingEstimateMs,
  progressBetween,
  queueText,
  remainingMs,
  usuallyText,
} from './time';

const t0 = Date.parse('2026-03-01T12:00:00.000Z');
const iso = (offsetMs: number) => new Date(t0 + offsetMs).toISOString();

describe('countdown', () => {
  it('counts down to the ETA and stops at zero', () => {
    expect(remainingMs(iso(10_000), t0)).toBe(10_000);
    expect(remainingMs(iso(10_000), t0 + 12_000)).toBe(0);
    expect(remainingMs(null, t0)).toBeNull();
  });

  it('formats like a kitchen timer, rounding up', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(9_400)).toBe('0:10');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(3_600_000 + 5_000)).toBe('1:00:05');
  });

  it('re-aims when the server moves the ETA', () => {
    const before = etaFor(iso(30_000), t0);
    const after = etaFor(iso(20_000), t0 + 1_000);
    expect(before?.text).toBe('Ready in about 0:30');
    expect(after?.text).toBe('Ready in about 0:19');
    expect(etaFor(iso(1_000), t0 + 2_000)).toEqual({ remainingMs: 0, text: 'Any moment now' });
    expect(etaFor(null, t0)).toBeNull();
  });
});

describe('progressBetween', () => {
  it('fills from start to end and clamps', () => {
    expect(progressBetween(iso(0), iso(10_000), t0 - 1)).toBe(0);
    expect(progressBetween(iso(0), iso(10_000), t0 + 2_500)).toBe(0.25);
    expect(progressBetween(iso(0), iso(10_000), t0 + 20_000)).toBe(1);
  });

  it('copes with missing or inverted times', () => {
    expect(progressBetween(null, iso(1), t0)).toBe(0);
    expect(progressBetween(iso(5), iso(5), t0 + 10)).toBe(1);
  });
});

describe('durations and queue text', () => {
  it('formats short durations', () => {
    expect(formatDuration(8_900)).toBe('8 s');
    expect(formatDuration(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatAgo(iso(0), t0 + 1_000)).toBe('just now');
    expect(formatAgo(iso(0), t0 + 90_000)).toBe('1 min ago');
  });

  it('turns queue positions into words', () => {
    expect(queueText(0)).toBe('In the oven now');
    expect(queueText(1)).toBe('You are next in line');
    expect(queueText(2)).toBe('1 order ahead of you');
    expect(queueText(4)).toBe('3 orders ahead of you');
    expect(queueText(null)).toBeNull();
  });
});

describe("a pending order's estimate", () => {
  it('is the wait as read, never shorter than one prep time', () => {
    expect(pendingEstimateMs(iso(12 * 60_000), t0, 8 * 60_000)).toBe(12 * 60_000);
    expect(pendingEstimateMs(iso(60_000), t0, 8 * 60_000)).toBe(8 * 60_000);
    expect(pendingEstimateMs(null, t0, 8 * 60_000)).toBeNull();
  });

  it('reads as an estimate, in whole minutes', () => {
    expect(usuallyText(12 * 60_000 + 20_000)).toBe('usually ~12 min');
    expect(usuallyText(50_000)).toBe('usually ~1 min');
    expect(usuallyText(4_000)).toBe('usually under a minute');
  });
});
