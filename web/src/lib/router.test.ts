import { describe, expect, it } from 'vitest';
import { href, pageTitle, parseHash, resolveRoute, type Route } from './router';

describe('parseHash', () => {
  it('maps hashes to screens and back', () => {
    const routes: Route[] = [
      { name: 'login' },
      { name: 'businesses' },
      { name: 'menu', businessId: 'b 1' },
      { name: 'orders' },
      { name: 'order', orderId: '42' },
      { name: 'board' },
      { name: 'menuEditor' },
    ];
    for (const route of routes) expect(parseHash(href(route))).toEqual(route);
  });

  it('treats an empty hash as home and unknown paths as not found', () => {
    expect(parseHash('')).toEqual({ name: 'businesses' });
    expect(parseHash('#/')).toEqual({ name: 'businesses' });
    expect(parseHash('#/orders/')).toEqual({ name: 'orders' });
    expect(parseHash('#/nope')).toEqual({ name: 'notFound', path: '/nope' });
    expect(parseHash('#/orders/1/2')).toEqual({ name: 'notFound', path: '/orders/1/2' });
  });
});

describe('resolveRoute', () => {
  it('sends logged-out people to login', () => {
    expect(resolveRoute({ name: 'orders' }, null)).toEqual({ name: 'login' });
  });

  it('keeps each role on its own screens', () => {
    expect(resolveRoute({ name: 'board' }, 'USER')).toEqual({ name: 'businesses' });
    expect(resolveRoute({ name: 'history' }, 'USER')).toEqual({ name: 'businesses' });
    expect(parseHash('#/history')).toEqual({ name: 'history' });
    expect(href({ name: 'history' })).toBe('#/history');
    expect(resolveRoute({ name: 'orders' }, 'BUSINESS')).toEqual({ name: 'board' });
    expect(resolveRoute({ name: 'login' }, 'BUSINESS')).toEqual({ name: 'board' });
    expect(resolveRoute({ name: 'order', orderId: '1' }, 'USER')).toEqual({
      name: 'order',
      orderId: '1',
    });
  });
});

describe('pageTitle', () => {
  it('names the screen in the tab', () => {
    expect(pageTitle({ name: 'board' })).toBe('Board · Orderly');
    expect(pageTitle({ name: 'history' })).toBe('History · Orderly');
    expect(pageTitle({ name: 'order', orderId: '1' })).toBe('Your order · Orderly');
  });
});
