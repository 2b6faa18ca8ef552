import { describe, expect, it } from 'vitest';
import { EMPTY_BASKET, addToBasket, updateLine, type Basket, type StockItem } from './basket';
import {
  basketStorageKey,
  parseBasket,
  refreshBasket,
  restoreBasket,
  serializeBasket,
} from './savedBasket';

const margherita: StockItem = { id: 'm', name: 'Margherita', price: 9.5, inStore: 5 };
const garlic: StockItem = { id: 'g', name: 'Garlic Bread', price: 4.25, inStore: 4 };
const cola: StockItem = { id: 'c', name: 'Cola', price: 2, inStore: 10 };

function filled(): Basket {
  let basket = addToBasket(EMPTY_BASKET, margherita, 2);
  basket = updateLine(basket, basket.lines[0]!.key, { note: 'no onions' });
  basket = addToBasket(basket, garlic, 3);
  basket = addToBasket(basket, cola, 1);
  return { ...basket, note: 'Ring twice', attempt: { key: 'k1', fingerprint: 'f' } };
}

describe('keeping a basket in localStorage', () => {
  it('reads back what it wrote, and keeps one basket per customer and restaurant', () => {
    const basket = filled();
    expect(parseBasket(serializeBasket(basket))).toEqual(basket);
    expect(basketStorageKey('alice', 'pizza')).not.toBe(basketStorageKey('alice', 'sushi'));
    expect(basketStorageKey('alice', 'pizza')).not.toBe(basketStorageKey('bob', 'pizza'));
  });

  it('keeps nothing for an empty basket', () => {
    expect(serializeBasket(EMPTY_BASKET)).toBeNull();
  });

  it('reads anything unreadable as an empty basket', () => {
    for (const raw of [
      null,
      'not json',
      '42',
      '{"version":2,"lines":[]}',
      '{"version":1,"lines":"x"}',
      '{"version":1,"lines":[{"key":"a","menuItemId":"m","name":"M","price":1,"quantity":"1"},{"key":"a","menuItemId":"m","name":"M","price":1,"quantity":"1"}]}',
    ]) {
      expect(parseBasket(raw)).toEqual(EMPTY_BASKET);
    }
    const partly = parseBasket(
      '{"version":1,"note":"hi","lines":[{"key":"a","menuItemId":"m","name":"M","price":1,"quantity":2},{"key":"b"}]}',
    );
    expect(partly.lines.map((line) => [line.key, line.quantity, line.note])).toEqual([
      ['a', '2', ''],
    ]);
    expect(partly.note).toBe('hi');
  });
});

describe('restoreBasket', () => {
  it('changes nothing when the menu still covers the basket', () => {
    const basket = filled();
    const restored = restoreBasket(basket, [margherita, garlic, cola]);
    expect(restored.basket).toBe(basket);
    expect(restored.notices).toEqual([]);
  });

  it('drops lines whose item has gone and says so', () => {
    const restored = restoreBasket(filled(), [margherita, garlic]);
    expect(restored.basket.lines.map((line) => line.name)).toEqual(['Margherita', 'Garlic Bread']);
    expect(restored.notices).toEqual([
      'Cola is no longer on the menu, so we took it out of your basket.',
    ]);
    expect(restored.basket.note).toBe('Ring twice');
  });

  it('lowers lines to the stock left, drops sold-out ones, and says so', () => {
    const restored = restoreBasket(filled(), [
      { ...margherita, inStore: 0 },
      { ...garlic, inStore: 2 },
      cola,
    ]);
    expect(restored.basket.lines.map((line) => [line.name, line.quantity])).toEqual([
      ['Garlic Bread', '2'],
      ['Cola', '1'],
    ]);
    expect(restored.notices).toEqual([
      'Margherita has sold out since you added it, so we took it out of your basket.',
      'Only 2 Garlic Bread left, so we lowered your basket to match.',
    ]);
  });

  it('counts every line of an item against its stock, in basket order', () => {
    let basket = addToBasket(EMPTY_BASKET, garlic, 2);
    basket = updateLine(basket, basket.lines[0]!.key, { note: 'crispy' });
    basket = addToBasket(basket, garlic, 2);
    const restored = restoreBasket(basket, [{ ...garlic, inStore: 3 }]);
    expect(restored.basket.lines.map((line) => line.quantity)).toEqual(['2', '1']);
  });

  it('brings prices up to date and tells the customer', () => {
    const restored = restoreBasket(filled(), [margherita, { ...garlic, price: 5 }, cola]);
    expect(restored.basket.lines[1]?.price).toBe(5);
    expect(restored.notices).toEqual(['Garlic Bread now costs $5.00.']);
  });
});

describe('refreshBasket', () => {
  it('follows live names and prices without touching quantities', () => {
    const basket = filled();
    expect(refreshBasket(basket, [margherita, garlic, cola])).toBe(basket);
    const refreshed = refreshBasket(basket, [
      { ...margherita, name: 'Pizza Margherita', inStore: 0 },
    ]);
    expect(refreshed.lines[0]).toMatchObject({ name: 'Pizza Margherita', quantity: '2' });
  });
});
