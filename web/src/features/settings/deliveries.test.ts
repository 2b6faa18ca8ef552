import { describe, expect, it } from 'vitest';
import { deliveryLook } from './deliveries';

const at = '2026-01-02T18:30:00.000Z';

describe('deliveryLook', () => {
  it('says delivered, with the answer and the number of attempts', () => {
    const look = deliveryLook({ status: 200, attempts: 3, deliveredAt: at, nextAttemptAt: null });
    expect(look.tone).toBe('ok');
    expect(look.label).toBe('Delivered');
    expect(look.detail).toMatch(/^HTTP 200 at .+ · 3 attempts$/);
  });

  it('says when a failing delivery is tried next, and why it failed', () => {
    const look = deliveryLook({ status: null, attempts: 1, deliveredAt: null, nextAttemptAt: at });
    expect(look).toMatchObject({ tone: 'retrying', label: 'Retrying' });
    expect(look.detail).toMatch(/^no answer · 1 attempt · next at /);
  });

  it('tells a delivery not tried yet from one given up', () => {
    expect(
      deliveryLook({ status: null, attempts: 0, deliveredAt: null, nextAttemptAt: at }).tone,
    ).toBe('waiting');
    expect(
      deliveryLook({ status: 500, attempts: 15, deliveredAt: null, nextAttemptAt: null }),
    ).toMatchObject({ tone: 'failed', label: 'Given up' });
  });
});
