import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssue, restNames } from './handler.js';
import { PlaceOrderBody, SetMenuBody } from './schemas.js';

describe('restNames', () => {
  const route = { fieldNames: { inStore: 'm_instore', name: 'm_name', menuItemId: 'm_id' } };

  it('renames the field path and the name the message starts with', () => {
    expect(restNames(route, 'items[2].inStore: must be at most 5', 'items.2.inStore')).toEqual({
      message: 'items[2].m_instore: must be at most 5',
      field: 'items.2.m_instore',
    });
    expect(restNames(route, 'menuItemId must be a string', 'menuItemId')).toEqual({
      message: 'm_id must be a string',
      field: 'm_id',
    });
  });

  it('leaves other words, unknown fields and routes without names alone', () => {
    expect(restNames(route, 'name taken: try another name', undefined)).toEqual({
      message: 'm_name taken: try another name',
      field: undefined,
    });
    expect(restNames(route, 'This item is sold out', undefined).message).toBe(
      'This item is sold out',
    );
    expect(restNames(route, 'quantity must be an integer', 'quantity').field).toBe('quantity');
    expect(restNames({}, 'items[0].price: bad', 'items.0.price')).toEqual({
      message: 'items[0].price: bad',
      field: 'items.0.price',
    });
    expect(restNames(route, 'constructor x', 'constructor').field).toBe('constructor');
  });
});

describe('describeIssue', () => {
  const issueOf = (schema: z.ZodType, body: unknown) => {
    const checked = schema.safeParse(body);
    if (checked.success) throw new Error('expected a complaint');
    return describeIssue(checked.error.issues[0]!, body);
  };

  it("names a missing or mistyped field in the partner's words", () => {
    expect(issueOf(PlaceOrderBody, {})).toBe('m_id is required');
    expect(issueOf(PlaceOrderBody, { m_id: 5, quantity: 1 })).toBe('m_id must be a string');
    expect(issueOf(PlaceOrderBody, { m_id: 'x', quantity: 'two' })).toBe(
      'quantity must be a number',
    );
    expect(issueOf(SetMenuBody, { items: {} })).toBe('items must be a list');
    expect(issueOf(SetMenuBody, { items: [7] })).toBe('items.0 must be an object');
    expect(
      issueOf(SetMenuBody, { items: [{ m_name: 'A', m_img_url: '', m_price: 1, m_instore: 2.5 }] }),
    ).toBe('items.0.m_instore: must be a whole number from 0 to 2147483647');
  });
});
