import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A browser's audio as it behaves before and after the person's first tap. */
class FakeAudioContext {
  static created = 0;
  state: 'suspended' | 'running' = 'suspended';
  currentTime = 0;
  destination = {};
  notes = 0;
  constructor() {
    FakeAudioContext.created += 1;
  }
  async resume() {
    this.state = 'running';
  }
  createOscillator() {
    this.notes += 1;
    const node = {
      type: 'sine',
      frequency: { setValueAtTime: () => undefined },
      connect: () => node,
      start: () => undefined,
      stop: () => undefined,
    };
    return node;
  }
  createGain() {
    const node = {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: () => node,
    };
    return node;
  }
}

describe('the new-order chime', () => {
  beforeAll(() => {
    (globalThis as unknown as { window: unknown }).window = { AudioContext: FakeAudioContext };
  });
  afterAll(() => {
    delete (globalThis as unknown as { window?: unknown }).window;
  });

  it('says sound is blocked until a tap, plays nothing meanwhile, and plays once allowed', async () => {
    const { chimeStatus, playChime, unlockChime } = await import('./chime');
    expect(chimeStatus()).toBe('blocked');
    expect(playChime()).toBe(false);
    expect(await unlockChime()).toBe('ready');
    expect(playChime()).toBe(true);
    expect(FakeAudioContext.created).toBe(1);
  });
});
