import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeferredActions } from './deferred';

describe('actions with an undo window', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends an action once its window has passed, not before', () => {
    const sent: string[] = [];
    const actions = new DeferredActions(5_000);
    actions.schedule('a', () => sent.push('a'));
    vi.advanceTimersByTime(4_999);
    expect(sent).toEqual([]);
    expect(actions.has('a')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['a']);
    expect(actions.has('a')).toBe(false);
  });

  it('sends nothing at all when undone within the window', () => {
    const sent: string[] = [];
    const actions = new DeferredActions(5_000);
    actions.schedule('a', () => sent.push('a'));
    vi.advanceTimersByTime(3_000);
    expect(actions.undo('a')).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
    expect(actions.undo('a')).toBe(false);
  });

  it('keeps one pending send per order, the latest', () => {
    const sent: string[] = [];
    const actions = new DeferredActions(5_000);
    actions.schedule('a', () => sent.push('first'));
    actions.schedule('a', () => sent.push('second'));
    vi.advanceTimersByTime(5_000);
    expect(sent).toEqual(['second']);
  });

  it('sends whatever is still waiting at once when flushed, and only once', () => {
    const sent: string[] = [];
    const actions = new DeferredActions(5_000);
    actions.schedule('a', () => sent.push('a'));
    actions.schedule('b', () => sent.push('b'));
    actions.flush();
    expect(sent).toEqual(['a', 'b']);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual(['a', 'b']);
  });
});
