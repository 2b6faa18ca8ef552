import { describe, expect, it } from 'vitest';
import { isImageUrl } from './limits.js';

describe('image URLs', () => {
  it('takes https, same-origin paths and nothing in production; plain http only outside it', () => {
    for (const production of [false, true]) {
      expect(isImageUrl('', production)).toBe(true);
      expect(isImageUrl('/images/pizza.svg', production)).toBe(true);
      expect(isImageUrl('https://cdn.example/pizza.png', production)).toBe(true);
      expect(isImageUrl('//evil.example/x.png', production)).toBe(false);
      expect(isImageUrl('javascript:alert(1)', production)).toBe(false);
    }
    expect(isImageUrl('http://tracker.example/pixel.png')).toBe(true);
    expect(isImageUrl('http://tracker.example/pixel.png', true)).toBe(false);
    expect(isImageUrl('HTTP://tracker.example/pixel.png', true)).toBe(false);
  });
});
