// Named prepared statements behave as plain ones do on both stores: same rows, same errors, a
// failed statement leaves the connection usable, and transactions still commit or roll back whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../tests/helpers/stores.js';
import { openDb, type Db } from './db.js';
import { MAX_PREPARED_STATEMENTS } from './statement-names.js';

for (const target of storeTargets()) {
  describe.skipIf(!target.databaseUrl)(`prepared statements on ${target.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openDb({ url: target.databaseUrl, dataDir: '/nonexistent' });
      await db.query(
        `CREATE TABLE t (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int NOT NULL,
                         tags text[], at timestamptz NOT NULL DEFAULT now())`,
      );
    });
    afterAll(async () => {
      await db?.close();
      await target.cleanup();
    });

    const read = 'SELECT n, tags FROM t WHERE n = ANY($1::int[]) ORDER BY n';

    it('answers as the same statement run plain, each time with its own parameters', async () => {
      await db.query(
        'INSERT INTO t (n, tags) SELECT g, ARRAY[g::text, NULL] FROM generate_series(1, 5) g',
        [],
        {
          prepare: true,
        },
      );
      for (const wanted of [[1, 2], [5], [], [3, 4, 9]]) {
        const plain = await db.query(read, [wanted]);
        expect(await db.query(read, [wanted], { prepare: true })).toEqual(plain);
      }
      const [row] = await db.query<{ n: number; none: null }>(
        'SELECT $1::int AS n, $2::text AS none',
        [7, null],
        { prepare: true },
      );
      expect(row).toEqual({ n: 7, none: null });
    });

    it('keeps the statement prepared on its connection, by name', async () => {
      const marked = 'SELECT $1::int AS marked';
      const prepared = await db.transaction(async (tx) => {
        await tx.query(marked, [1], { prepare: true });
        await tx.query(marked, [2], { prepare: true });
        return tx.query<{ name: string; statement: string }>(
          'SELECT name, statement FROM pg_prepared_statements WHERE statement = $1',
          [marked],
        );
      });
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^[pq]\d+$/);
    });

    it('reports a failing statement and keeps the connection usable', async () => {
      const divide = 'SELECT 10 / $1::int AS q';
      await expect(db.query(divide, [0], { prepare: true })).rejects.toThrow(/division by zero/);
      expect(await db.query(divide, [5], { prepare: true })).toEqual([{ q: 2 }]);
      await expect(db.query('SELECT nope FROM t', [], { prepare: true })).rejects.toThrow(/nope/);
      expect(await db.query('SELECT count(*)::int AS c FROM t', [], { prepare: true })).toEqual([
        { c: 5 },
      ]);
    });

    it('commits or rolls back a transaction whole', async () => {
      const insert = 'INSERT INTO t (n) VALUES ($1) RETURNING n';
      await expect(
        db.transaction(async (tx) => {
          await tx.query(insert, [100], { prepare: true });
          await tx.query(insert, [null], { prepare: true }); // n is NOT NULL
        }),
      ).rejects.toThrow(/null value/);
      await db.transaction(async (tx) => {
        await tx.query(insert, [101], { prepare: true });
      });
      const rows = await db.query<{ n: number }>(read, [[100, 101]], { prepare: true });
      expect(rows.map((r) => r.n)).toEqual([101]);
    });

    it('runs statements past the prepared set unnamed, with the same answers', async () => {
      for (let i = 0; i <= MAX_PREPARED_STATEMENTS; i++) {
        const [row] = await db.query<{ v: number }>(`SELECT $1::int + ${i} AS v`, [1], {
          prepare: true,
        });
        expect(row!.v).toBe(i + 1);
      }
    });
  });
}
