import { describe, expect, it } from 'vitest';
import { restNames } from './handler.js';

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
