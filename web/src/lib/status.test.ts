import { describe, expect, it } from 'vitest';
import type { OrderState } from '../gql/graphql';
import { isFinalState, orderAlert, shortId, statusLook, stockLabel, timelineSteps } from './status';

const states: OrderState[] = [
  'PENDING',
  'ACCEPTED',
  'PROCESSING',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
];

describe('statusLook', () => {
  it('gives every state its own tone, icon and label', () => {
    const looks = states.map(statusLook);
    expect(new Set(looks.map((look) => look.tone)).size).toBe(states.length);
    expect(new Set(looks.map((look) => look.icon)).size).toBe(states.length);
    for (const look of looks) expect(look.label).toMatch(/^[A-Z][a-z]+$/);
  });

  it('knows the final states', () => {
    expect(states.filter(isFinalState)).toEqual(['COMPLETED', 'CANCELLED', 'REJECTED']);
  });
});

describe('timelineSteps', () => {
  const createdAt = '2026-01-01T12:00:00.000Z';
  const history = [
    { at: createdAt, to: 'PENDING' as const },
    { at: '2026-01-01T12:00:05.000Z', to: 'ACCEPTED' as const },
    { at: '2026-01-01T12:00:06.000Z', to: 'PROCESSING' as const },
  ];

  it('marks steps done, current and upcoming while cooking', () => {
    const steps = timelineSteps({ state: 'PROCESSING', createdAt, history });
    expect(steps.map((step) => [step.label, step.progress, step.at])).toEqual([
      ['Placed', 'done', createdAt],
      ['Accepted', 'done', '2026-01-01T12:00:05.000Z'],
      ['Cooking', 'current', '2026-01-01T12:00:06.000Z'],
      ['Ready', 'upcoming', null],
    ]);
  });

  it('marks every step done once ready', () => {
    const steps = timelineSteps({
      state: 'COMPLETED',
      createdAt,
      history: [...history, { at: '2026-01-01T12:00:16.000Z', to: 'COMPLETED' }],
    });
    expect(steps.every((step) => step.progress === 'done')).toBe(true);
  });

  it('stops after Placed for a cancelled or declined order', () => {
    const cancelled = timelineSteps({
      state: 'CANCELLED',
      createdAt,
      history: [history[0]!, { at: '2026-01-01T12:00:02.000Z', to: 'CANCELLED' }],
    });
    expect(cancelled.map((step) => [step.label, step.progress])).toEqual([
      ['Placed', 'done'],
      ['Cancelled', 'stopped'],
    ]);
    expect(timelineSteps({ state: 'REJECTED', createdAt, history: [] })[1]?.label).toBe('Declined');
  });
});

describe('stockLabel', () => {
  it('reads like a shop shelf', () => {
    expect(stockLabel(0)).toBe('Sold out');
    expect(stockLabel(3)).toBe('Only 3 left');
    expect(stockLabel(40)).toBe('40 in stock');
  });
});

describe('shortId', () => {
  it('keeps numeric ids and shortens UUIDs for tickets', () => {
    expect(shortId('42')).toBe('42');
    expect(shortId('ca379daa-ebb6-43e2-9f81-79a82ba934ee')).toBe('CA379D');
  });
});

describe('orderAlert', () => {
  const order = (state: OrderState) => ({
    state,
    lines: [{ quantity: 2, menuItem: { name: 'Margherita' } }],
    business: { name: 'Pizza Palace' },
  });

  it('announces what the kitchen did, in words', () => {
    expect(orderAlert('PENDING', order('ACCEPTED'))?.message).toBe(
      'Pizza Palace accepted your 2 × Margherita.',
    );
    expect(orderAlert('PROCESSING', order('COMPLETED'))).toEqual({
      kind: 'success',
      message: 'Your 2 × Margherita is ready!',
    });
    expect(orderAlert(undefined, order('REJECTED'))?.kind).toBe('error');
  });

  it('says when the system rejected an order nobody confirmed in time', () => {
    const forgotten = {
      ...order('REJECTED'),
      history: [
        { to: 'PENDING' as const, actor: 'USER' as const },
        { to: 'REJECTED' as const, actor: 'SYSTEM' as const },
      ],
    };
    expect(orderAlert('PENDING', forgotten)?.message).toBe(
      'Pizza Palace did not confirm your 2 × Margherita in time. You have not been charged.',
    );
  });

  it('names a basket by its first item and the number of other lines', () => {
    const basket = {
      ...order('PROCESSING'),
      lines: [
        { quantity: 1, menuItem: { name: 'Margherita' } },
        { quantity: 2, menuItem: { name: 'Garlic Bread' } },
      ],
    };
    expect(orderAlert('ACCEPTED', basket)?.message).toBe(
      'Your order of Margherita + 1 more is in the oven.',
    );
  });

  it('stays quiet about the customer’s own actions and queue moves', () => {
    expect(orderAlert(undefined, order('PENDING'))).toBeNull();
    expect(orderAlert('PENDING', order('CANCELLED'))).toBeNull();
    expect(orderAlert('ACCEPTED', order('ACCEPTED'))).toBeNull();
  });
});
