import { describe, expect, it } from 'vitest';
import { closingReason, historyArgs, ordersLabel } from './history';

describe('History filters', () => {
  it('turns whole local days into a time range, the last day included', () => {
    const args = historyArgs({
      state: 'COMPLETED',
      from: '2026-03-01',
      to: '2026-03-07',
      search: '',
    });
    expect(args.state).toBe('COMPLETED');
    expect(args.since).toBe(new Date(2026, 2, 1).toISOString());
    expect(args.until).toBe(new Date(2026, 2, 8).toISOString());
    expect(args.search).toBeNull();
  });

  it('sends no bound for empty fields and trims the search', () => {
    expect(historyArgs({ state: '', from: '', to: '', search: '  alice ' })).toEqual({
      state: null,
      since: null,
      until: null,
      search: 'alice',
    });
  });

  it('finds the reason a business or customer gave when the order closed', () => {
    expect(
      closingReason([
        { to: 'PENDING', reason: null },
        { to: 'REJECTED', reason: 'Sold out' },
      ]),
    ).toBe('Sold out');
    expect(closingReason([{ to: 'COMPLETED', reason: null }])).toBeNull();
  });

  it('counts orders in words', () => {
    expect(ordersLabel(1)).toBe('1 order');
    expect(ordersLabel(12)).toBe('12 orders');
  });
});
