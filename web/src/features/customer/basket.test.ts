import { describe, expect, it } from 'vitest';
import {
  MAX_LINES,
  MAX_NOTE_LENGTH,
  MAX_ORDER_QUANTITY,
  MAX_QUANTITY,
} from '../../../../api/domain/limits';
import {
  EMPTY_BASKET,
  addProblem,
  addToBasket,
  attemptFor,
  basketProblems,
  basketTotal,
  hasProblems,
  itemCount,
  lineOfField,
  noteProblem,
  removeLine,
  roomFor,
  setOrderNote,
  toPlacement,
  updateLine,
  type Basket,
  type StockItem,
} from './basket';

const margherita: StockItem = { id: 'm', name: 'Margherita', price: 9.5, inStore: 5 };
const garlic: StockItem = { id: 'g', name: 'Garlic Bread', price: 4.25, inStore: 2 };
const cola: StockItem = { id: 'c', name: 'Cola', price: 2, inStore: 100 };
const menu = new Map([margherita, garlic, cola].map((item) => [item.id, item]));

function basketOf(...adds: [StockItem, number][]): Basket {
  return adds.reduce(
    (basket, [item, quantity]) => addToBasket(basket, item, quantity),
    EMPTY_BASKET,
  );
}

describe('adding to the basket', () => {
  it('adds to the line of the same item, and counts items and total', () => {
    const basket = basketOf([margherita, 1], [garlic, 2], [margherita, 2]);
    expect(basket.lines.map((line) => [line.name, line.quantity])).toEqual([
      ['Margherita', '3'],
      ['Garlic Bread', '2'],
    ]);
    expect(itemCount(basket)).toBe(5);
    expect(basketTotal(basket)).toBe(37);
  });

  it('starts a new line when the item’s line carries a note', () => {
    const first = basketOf([margherita, 1]);
    const noted = updateLine(first, first.lines[0]!.key, { note: 'no onions' });
    const basket = addToBasket(noted, margherita, 1);
    expect(basket.lines.map((line) => [line.quantity, line.note])).toEqual([
      ['1', 'no onions'],
      ['1', ''],
    ]);
    expect(new Set(basket.lines.map((line) => line.key)).size).toBe(2);
  });

  it('bounds what can be added by the stock left once the basket is counted', () => {
    const basket = basketOf([garlic, 1]);
    expect(roomFor(basket, garlic.id, garlic.inStore)).toBe(1);
    expect(addProblem(EMPTY_BASKET, garlic, '5')).toBe('Only 2 left — lower the quantity.');
    expect(addProblem(basket, garlic, '2')).toBe('Only 1 more left: 1 already in your basket.');
    expect(addProblem(basket, garlic, '1')).toBeNull();
    expect(addProblem(addToBasket(basket, garlic, 1), garlic, '1')).toBe(
      'All 2 left are in your basket.',
    );
    expect(addProblem(basket, { ...garlic, inStore: 1 }, '1')).toBe(
      'The last one is in your basket.',
    );
    expect(addProblem(EMPTY_BASKET, { ...garlic, inStore: 0 }, '1')).toBe('Sold out for now.');
  });

  it('explains a typed quantity that is not one', () => {
    expect(addProblem(EMPTY_BASKET, cola, '')).toBe('Enter how many you would like.');
    expect(addProblem(EMPTY_BASKET, cola, 'two')).toBe('Enter a whole number, like 1 or 2.');
    expect(addProblem(EMPTY_BASKET, cola, '0')).toBe('Order at least 1.');
    expect(addProblem(EMPTY_BASKET, { ...cola, inStore: 5000 }, String(MAX_QUANTITY + 1))).toBe(
      `You can order at most ${MAX_QUANTITY} at a time.`,
    );
  });

  it('keeps an order within the total quantity and the number of lines', () => {
    const plenty = (id: string): StockItem => ({ id, name: `Item ${id}`, price: 1, inStore: 5000 });
    const full = basketOf([plenty('a'), MAX_ORDER_QUANTITY - 1]);
    expect(addProblem(full, plenty('b'), '2')).toBe(
      `One order holds at most ${MAX_ORDER_QUANTITY} items.`,
    );
    expect(roomFor(full, 'b', 5000)).toBe(1);

    const many = basketOf(
      ...Array.from({ length: MAX_LINES }, (_, i): [StockItem, number] => [plenty(`i${i}`), 1]),
    );
    expect(addProblem(many, plenty('new'), '1')).toMatch(`at most ${MAX_LINES} lines`);
    expect(addProblem(many, plenty('i0'), '1')).toBeNull();
  });
});

describe('editing the basket', () => {
  it('changes and removes lines and sets the order note without touching the original', () => {
    const basket = basketOf([margherita, 1], [cola, 2]);
    const [first, second] = basket.lines;
    const edited = setOrderNote(
      removeLine(updateLine(basket, first!.key, { quantity: '4' }), second!.key),
      'Ring twice',
    );
    expect(edited.lines.map((line) => line.quantity)).toEqual(['4']);
    expect(edited.note).toBe('Ring twice');
    expect(basket.lines).toHaveLength(2);
  });

  it('bounds a line’s stepper by the stock, counting the same item’s other lines', () => {
    const first = basketOf([margherita, 2]);
    const noted = updateLine(first, first.lines[0]!.key, { note: 'well done' });
    const basket = addToBasket(noted, margherita, 1);
    expect(roomFor(basket, margherita.id, margherita.inStore, basket.lines[0]!.key)).toBe(4);
    expect(roomFor(basket, margherita.id, margherita.inStore, basket.lines[1]!.key)).toBe(3);
  });
});

describe('basketProblems', () => {
  it('finds nothing wrong with a basket the stock covers', () => {
    const problems = basketProblems(basketOf([margherita, 2], [garlic, 2]), menu);
    expect(hasProblems(problems)).toBe(false);
  });

  it('flags quantities the stock no longer covers, per line, counting every line of the item', () => {
    const basket = basketOf([garlic, 2]);
    const lowered = new Map(menu).set(garlic.id, { ...garlic, inStore: 1 });
    const key = basket.lines[0]!.key;
    expect(basketProblems(basket, lowered).lines[key]).toEqual({
      quantity: 'Only 1 left — lower the quantity.',
    });

    const noted = updateLine(basket, key, { quantity: '1', note: 'crispy' });
    const twoLines = addToBasket(noted, garlic, 1);
    expect(basketProblems(twoLines, lowered).lines[twoLines.lines[1]!.key]?.quantity).toBe(
      'Only 1 left, counting your other Garlic Bread line.',
    );
    const soldOut = new Map(menu).set(garlic.id, { ...garlic, inStore: 0 });
    expect(basketProblems(basket, soldOut).lines[key]?.quantity).toBe(
      'Sold out for now — remove this line.',
    );
    const gone = new Map(menu);
    gone.delete(garlic.id);
    expect(basketProblems(basket, gone).lines[key]?.quantity).toBe(
      'No longer on the menu — remove this line.',
    );
    expect(basketProblems(basket, null).lines[key]).toBeUndefined();
  });

  it('flags half-typed quantities and notes the server would refuse', () => {
    const basket = basketOf([margherita, 1]);
    const key = basket.lines[0]!.key;
    const bad = setOrderNote(
      updateLine(basket, key, { quantity: '', note: 'x'.repeat(MAX_NOTE_LENGTH + 3) }),
      'line one\nline two',
    );
    expect(basketProblems(bad, menu)).toEqual({
      lines: {
        [key]: {
          quantity: 'Enter how many you would like.',
          note: `At most ${MAX_NOTE_LENGTH} characters: 3 too many.`,
        },
      },
      note: 'Plain text only, please: no line breaks or tabs.',
    });
    expect(basketProblems(EMPTY_BASKET, menu).basket).toBe('Your basket is empty.');
  });

  it('counts characters as people do, and ignores spaces around a note', () => {
    expect(noteProblem('🍕'.repeat(MAX_NOTE_LENGTH))).toBeNull();
    expect(noteProblem(`  ${'a'.repeat(MAX_NOTE_LENGTH)}  `)).toBeNull();
  });
});

describe('placing the basket', () => {
  it('becomes placeOrder’s lines and note, trimmed, empty notes left out', () => {
    const basket = basketOf([margherita, 2], [garlic, 1]);
    const noted = setOrderNote(
      updateLine(basket, basket.lines[0]!.key, { note: '  no onions ' }),
      '   ',
    );
    expect(toPlacement(noted)).toEqual({
      lines: [
        { menuItemId: 'm', quantity: 2, note: 'no onions' },
        { menuItemId: 'g', quantity: 1 },
      ],
    });
    expect(toPlacement(setOrderNote(noted, ' Ring twice ')).note).toBe('Ring twice');
  });

  it('retries an unchanged basket with the same idempotency key, a changed one with a new key', () => {
    let n = 0;
    const newKey = () => `key-${++n}`;
    const basket = basketOf([margherita, 2]);
    const attempt = attemptFor(basket, toPlacement(basket), newKey);
    const retried = { ...basket, attempt };
    expect(attemptFor(retried, toPlacement(retried), newKey)).toEqual(attempt);
    const changed = updateLine(retried, basket.lines[0]!.key, { quantity: '3' });
    expect(attemptFor(changed, toPlacement(changed), newKey).key).toBe('key-2');
  });

  it('finds the line a server field path names', () => {
    const basket = basketOf([margherita, 1], [garlic, 1]);
    expect(lineOfField(basket, 'lines.1.note')).toEqual({
      key: basket.lines[1]!.key,
      part: 'note',
    });
    expect(lineOfField(basket, 'lines.0')).toEqual({ key: basket.lines[0]!.key, part: 'line' });
    expect(lineOfField(basket, 'lines.7.quantity')).toBeNull();
    expect(lineOfField(basket, 'note')).toBeNull();
  });
});
