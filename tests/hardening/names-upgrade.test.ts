// Upgrading to look-alike keys (migration 007) in place: a database of the previous release that
// already holds look-alike accounts upgrades without failing; the oldest keeps the name's look,
// every account still logs in by its exact name, and nobody new can take a look that is held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey } from '../../api/domain/name-key.js';
import { hashPassword } from '../../api/services/passwords.js';
import { openDb, type Db } from '../../api/store/db.js';
import { gql, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { diskTargets } from '../helpers/stores.js';
import { migrate } from '../../api/store/migrate.js';

/** Previous release's accounts, oldest first: look-alikes its exact-text uniqueness let in. */
const USERS = ['alice', 'ALICE', 'ａｌｉｃｅ', 'alic\u0435', 'mallory'];
const BUSINESSES = ['Pizza Palace', 'Pizza\u00a0Palace', 'Pizza Pal\u0430ce'];

async function previousRelease(db: Db) {
  await migrate(db, { before: '007' });
  const hash = await hashPassword('old-release-pass');
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (const [i, name] of USERS.entries()) {
    await db.query(`INSERT INTO users (name, password_hash, created_at) VALUES ($1, $2, $3)`, [
      name,
      hash,
      new Date(base + i * 60_000).toISOString(),
    ]);
  }
  for (const [i, name] of BUSINESSES.entries()) {
    await db.query(`INSERT INTO businesses (name, password_hash, created_at) VALUES ($1, $2, $3)`, [
      name,
      hash,
      new Date(base + i * 60_000).toISOString(),
    ]);
  }
}

for (const target of diskTargets('orderly-names')) {
  const available = target.name === 'pglite' || Boolean(target.databaseUrl);
  describe.skipIf(!available)(`look-alike keys upgrade a populated ${target.name}`, () => {
    let server: TestServer;
    let keys: { name: string; name_key: string | null }[];

    beforeAll(async () => {
      const db = await openDb({ url: target.databaseUrl, dataDir: target.dataDir });
      try {
        await previousRelease(db);
      } finally {
        await db.close();
      }
      server = await startServer({
        databaseUrl: target.databaseUrl,
        dataDir: target.dataDir,
        seed: false,
      });
      keys = await server.app.db.query(
        `SELECT name, name_key FROM users UNION ALL SELECT name, name_key FROM businesses`,
      );
    });
    afterAll(async () => {
      await server?.stop();
      await target.cleanup();
    });

    it('gives the oldest of each look-alike group its key and marks the later ones', () => {
      const keyOf = Object.fromEntries(keys.map((k) => [k.name, k.name_key]));
      expect(keyOf['alice']).toBe(nameKey('alice'));
      expect(keyOf['mallory']).toBe(nameKey('mallory'));
      expect(keyOf['Pizza Palace']).toBe(nameKey('Pizza Palace'));
      for (const later of [...USERS.slice(1, 4), ...BUSINESSES.slice(1)]) {
        const key = keyOf[later] ?? '';
        expect(key.startsWith('\u0001'), JSON.stringify(later)).toBe(true);
        expect(key.slice(1)).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('logs every old account in by its exact name, and a look-alike finds the oldest', async () => {
      for (const name of USERS) {
        const r = await rest(server.url, 'POST', '/user_login', {
          body: { u_name: name, u_password: 'old-release-pass' },
        });
        expect(r.status, JSON.stringify(name)).toBe(200);
        expect(r.body.u_name).toBe(name);
      }
      for (const name of BUSINESSES) {
        const r = await rest(server.url, 'POST', '/business_login', {
          body: { e_name: name, e_password: 'old-release-pass' },
        });
        expect(r.status, JSON.stringify(name)).toBe(200);
        expect(r.body.e_name).toBe(name);
      }
      const byLook = await rest(server.url, 'POST', '/user_login', {
        body: { u_name: 'Alice', u_password: 'old-release-pass' },
      });
      expect(byLook.body.u_name).toBe('alice');
    });

    it('refuses a new sign-up that looks like a held name', async () => {
      const r = await gql(
        server.url,
        'mutation { signUpUser(name: "AlIcE", password: "new-release-pass") { id } }',
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });
  });
}
