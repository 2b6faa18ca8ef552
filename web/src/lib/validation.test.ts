import { describe, expect, it } from 'vitest';
import {
  hasErrors,
  isAcceptableImageUrl,
  validateCredentials,
  validateMenuDraft,
} from './validation';

describe('validateCredentials', () => {
  it('accepts the demo accounts', () => {
    expect(validateCredentials('alice', 'alice-pass')).toEqual({});
    expect(validateCredentials('Pizza Palace', 'pizza-pass')).toEqual({});
  });

  it('explains short names and passwords', () => {
    expect(validateCredentials('al', 'short')).toEqual({
      name: 'Names are 3 to 40 characters long.',
      password: 'Passwords have at least 8 characters.',
    });
    expect(validateCredentials('   ', '')).toEqual({
      name: 'Enter your name.',
      password: 'Enter your password.',
    });
    expect(validateCredentials('x'.repeat(41), 'p'.repeat(201)).password).toMatch(/at most 200/);
  });
});

describe('validateMenuDraft', () => {
  const good = {
    name: 'Margherita',
    price: '9.50',
    inStore: '12',
    imageUrl: '/images/margherita.svg',
  };

  it('accepts a well-formed item', () => {
    expect(validateMenuDraft(good)).toEqual({});
    expect(hasErrors(validateMenuDraft({ ...good, price: '0', inStore: '0', imageUrl: '' }))).toBe(
      false,
    );
  });

  it('puts a message on each bad field', () => {
    expect(
      validateMenuDraft({ name: ' ', price: '9.999', inStore: '1.5', imageUrl: 'ftp://x' }),
    ).toEqual({
      name: 'Give the item a name.',
      price: 'Use a number with at most two decimals, like 9.50.',
      inStore: 'Stock is a whole number of 0 or more.',
      imageUrl: 'Use an http(s) address, a path starting with /, or leave it empty.',
    });
    expect(validateMenuDraft({ ...good, price: '-1' }).price).toBe('The price cannot be negative.');
    expect(validateMenuDraft({ ...good, name: 'x'.repeat(101) }).name).toBe(
      'At most 100 characters.',
    );
    expect(validateMenuDraft({ ...good, inStore: '' }).inStore).toMatch(/Enter the stock/);
  });

  it('knows which image addresses the app can show', () => {
    expect(isAcceptableImageUrl('https://example.com/a.png')).toBe(true);
    expect(isAcceptableImageUrl('/images/pepperoni.svg')).toBe(true);
    expect(isAcceptableImageUrl('//evil.example/a.png')).toBe(false);
    expect(isAcceptableImageUrl('javascript:alert(1)')).toBe(false);
    expect(isAcceptableImageUrl('')).toBe(true);
  });
});
