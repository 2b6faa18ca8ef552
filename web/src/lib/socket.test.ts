import { describe, expect, it } from 'vitest';
import { classifyClose, retryDelayMs } from './socket';

describe('classifyClose', () => {
  it('sends people to login when the server refuses the token', () => {
    expect(classifyClose({ code: 4401, reason: 'Unauthorized' })).toBe('auth');
    expect(classifyClose({ code: 4403, reason: 'Forbidden' })).toBe('auth');
  });

  it('stays calm on a normal lazy close and reconnects on anything else', () => {
    expect(classifyClose({ code: 1000 })).toBe('idle');
    expect(classifyClose({ code: 1006 })).toBe('blip');
    expect(classifyClose(new Error('socket hang up'))).toBe('blip');
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially and caps at five seconds', () => {
    expect(retryDelayMs(0, 0)).toBe(300);
    expect(retryDelayMs(3, 0)).toBe(2_400);
    expect(retryDelayMs(10, 0)).toBe(5_000);
    expect(retryDelayMs(0, 1)).toBe(600);
  });
});
