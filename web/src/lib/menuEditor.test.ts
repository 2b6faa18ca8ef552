import { describe, expect, it } from 'vitest';
import {
  applySaved,
  applyServerItem,
  blankRow,
  dirtyRows,
  isDirty,
  mapServerErrors,
  resolveStockConflict,
  rowsFromItems,
  stockConflicts,
  toMenuItemInput,
  validateRows,
} from './menuEditor';

const margherita = {
  id: 'm1',
  name: 'Margherita',
  imageUrl: '/images/margherita.svg',
  price: 9.5,
  inStore: 10,
};
const pepperoni = { id: 'm2', name: 'Pepperoni', imageUrl: '', price: 11, inStore: 4 };

describe('rows and dirtiness', () => {
  it('starts clean and formats prices for the input', () => {
    const rows = rowsFromItems([margherita, pepperoni]);
    expect(rows.map((row) => row.draft.price)).toEqual(['9.50', '11.00']);
    expect(dirtyRows(rows)).toEqual([]);
  });

  it('treats 9.5 and 9.50 as the same price', () => {
    const [row] = rowsFromItems([margherita]);
    expect(isDirty({ ...row!, draft: { ...row!.draft, price: '9.5' } })).toBe(false);
    expect(isDirty({ ...row!, draft: { ...row!.draft, price: '9.75' } })).toBe(true);
  });

  it('counts a new row as dirty and sends it without an id', () => {
    const row = blankRow('new-1');
    row.draft = { name: 'Calzone', price: '12', inStore: '5', imageUrl: '' };
    expect(isDirty(row)).toBe(true);
    expect(toMenuItemInput(row)).toEqual({ name: 'Calzone', price: 12, inStore: 5, imageUrl: '' });
    expect(toMenuItemInput(rowsFromItems([margherita])[0]!)).toMatchObject({
      id: 'm1',
      price: 9.5,
    });
  });
});

describe('applyServerItem (live stock while editing)', () => {
  it('moves untouched fields and keeps the ones being edited', () => {
    const [row] = rowsFromItems([margherita]);
    const editing = [{ ...row!, draft: { ...row!.draft, price: '10' } }];
    const [next] = applyServerItem(editing, { ...margherita, inStore: 7 });
    expect(next?.draft.inStore).toBe('7');
    expect(next?.draft.price).toBe('10');
    expect(next?.saved?.inStore).toBe('7');
    expect(isDirty(next!)).toBe(true);
  });

  it('appends items created elsewhere', () => {
    const rows = applyServerItem(rowsFromItems([margherita]), pepperoni);
    expect(rows.map((row) => row.id)).toEqual(['m1', 'm2']);
  });
});

describe('validation and server errors', () => {
  it('validates only what would be sent', () => {
    const rows = rowsFromItems([{ ...margherita, name: '' }]);
    expect(validateRows(rows)).toEqual({});
    const edited = [{ ...rows[0]!, draft: { ...rows[0]!.draft, price: '1.234' } }];
    expect(Object.keys(validateRows(edited)['m1'] ?? {}).sort()).toEqual(['name', 'price']);
  });

  it('maps items.<i>.<field> back to the row that was sent at that index', () => {
    const errors = mapServerErrors(
      [
        { field: 'items.1.price', message: 'must be ≥ 0 with at most two decimals' },
        { field: 'items.0.m_name', message: 'Too long' },
        { field: 'items.9.price', message: 'ignored' },
      ],
      ['m2', 'new-1'],
    );
    expect(errors).toEqual({
      'new-1': { price: 'Must be ≥ 0 with at most two decimals.' },
      m2: { name: 'Too long.' },
    });
  });
});

describe('applySaved', () => {
  it('gives new rows their ids and clears dirtiness', () => {
    const fresh = blankRow('new-1');
    fresh.draft = { name: 'Calzone', price: '12', inStore: '5', imageUrl: '' };
    const rows = [...rowsFromItems([margherita]), fresh];
    const saved = applySaved(
      rows,
      ['new-1'],
      [{ id: 'm9', name: 'Calzone', imageUrl: '', price: 12, inStore: 5 }],
    );
    expect(saved.map((row) => row.key)).toEqual(['m1', 'm9']);
    expect(dirtyRows(saved)).toEqual([]);
  });

  it('drops a duplicate appended by a live event before the save answered', () => {
    const fresh = blankRow('new-1');
    fresh.draft = { name: 'Calzone', price: '12', inStore: '5', imageUrl: '' };
    const calzone = { id: 'm9', name: 'Calzone', imageUrl: '', price: 12, inStore: 5 };
    const withEcho = applyServerItem([fresh], calzone);
    expect(applySaved(withEcho, ['new-1'], [calzone]).map((row) => row.key)).toEqual(['m9']);
  });
});

describe('stock sets carry the stock they were read at', () => {
  it('leaves stock out of a price or name edit', () => {
    const [row] = rowsFromItems([margherita]);
    const input = toMenuItemInput({ ...row!, draft: { ...row!.draft, price: '10.50' } });
    expect(input).toEqual({
      id: 'm1',
      name: 'Margherita',
      price: 10.5,
      imageUrl: '/images/margherita.svg',
    });
  });

  it('sends expectedInStore with a stock set', () => {
    const [row] = rowsFromItems([margherita]);
    const input = toMenuItemInput({ ...row!, draft: { ...row!.draft, inStore: '15' } });
    expect(input).toMatchObject({ id: 'm1', inStore: 15, expectedInStore: 10 });
  });

  it('keeps the value read while the stock is being edited and live orders move it', () => {
    const [row] = rowsFromItems([margherita]);
    const editing = [{ ...row!, draft: { ...row!.draft, inStore: '15' } }];
    const [next] = applyServerItem(editing, { ...margherita, inStore: 8 });
    expect(next?.draft.inStore).toBe('15');
    expect(toMenuItemInput(next!)).toMatchObject({ inStore: 15, expectedInStore: 10 });
  });

  it('follows live stock while the stock is not being edited', () => {
    const [next] = applyServerItem(rowsFromItems([margherita]), { ...margherita, inStore: 8 });
    const priced = { ...next!, draft: { ...next!.draft, inStore: '12' } };
    expect(toMenuItemInput(priced)).toMatchObject({ inStore: 12, expectedInStore: 8 });
  });

  it('reads a CONFLICT answer onto the row that was sent', () => {
    const conflicts = stockConflicts(
      [
        {
          extensions: { code: 'CONFLICT', field: 'items.1.inStore', currentInStore: 8 },
        },
        { extensions: { code: 'BAD_REQUEST', field: 'items.0.price' } },
      ],
      ['m2', 'm1'],
    );
    expect(conflicts).toEqual({ m1: 8 });
  });

  it('keeps mine against the current stock, or takes the current stock', () => {
    const [row] = rowsFromItems([margherita]);
    const edited = [{ ...row!, draft: { ...row!.draft, inStore: '15' } }];
    const [mine] = resolveStockConflict(edited, 'm1', 'mine', 8);
    expect(toMenuItemInput(mine!)).toMatchObject({ inStore: 15, expectedInStore: 8 });
    const [current] = resolveStockConflict(edited, 'm1', 'current', 8);
    expect(current?.draft.inStore).toBe('8');
    expect(isDirty(current!)).toBe(false);
    expect(toMenuItemInput(current!).inStore).toBeUndefined();
  });
});
