// Demo data for a first start outside production: the README's accounts and two menus with local images.
import type { Db } from '../store/db.js';
import { hashPassword } from './passwords.js';

const SEED_LOCK = 727_002;

interface DemoBusiness {
  name: string;
  password: string;
  imageUrl: string;
  menu: { name: string; imageUrl: string; price: string; inStore: number }[];
}

export const DEMO_USERS = [
  { name: 'alice', password: 'alice-pass' },
  { name: 'bob', password: 'bob-pass' },
];

export const DEMO_BUSINESSES: DemoBusiness[] = [
  {
    name: 'Pizza Palace',
    password: 'pizza-pass',
    imageUrl: '/images/pizza-palace.svg',
    menu: [
      { name: 'Margherita', imageUrl: '/images/margherita.svg', price: '9.50', inStore: 20 },
      { name: 'Pepperoni', imageUrl: '/images/pepperoni.svg', price: '11.00', inStore: 15 },
      {
        name: 'Quattro Formaggi',
        imageUrl: '/images/quattro-formaggi.svg',
        price: '12.50',
        inStore: 10,
      },
      { name: 'Garlic Bread', imageUrl: '/images/garlic-bread.svg', price: '4.25', inStore: 30 },
    ],
  },
  {
    name: 'Sushi Bar',
    password: 'sushi-pass',
    imageUrl: '/images/sushi-bar.svg',
    menu: [
      { name: 'Salmon Nigiri', imageUrl: '/images/salmon-nigiri.svg', price: '6.80', inStore: 25 },
      {
        name: 'California Roll',
        imageUrl: '/images/california-roll.svg',
        price: '8.90',
        inStore: 18,
      },
      { name: 'Miso Soup', imageUrl: '/images/miso-soup.svg', price: '3.50', inStore: 40 },
      { name: 'Tuna Sashimi', imageUrl: '/images/tuna-sashimi.svg', price: '13.20', inStore: 8 },
    ],
  },
];

/** Seeds once: when there is no account at all. Returns whether it seeded. */
export async function seedDemoData(db: Db): Promise<boolean> {
  const users = await Promise.all(
    DEMO_USERS.map(async (u) => ({ ...u, hash: await hashPassword(u.password) })),
  );
  const businesses = await Promise.all(
    DEMO_BUSINESSES.map(async (b) => ({ ...b, hash: await hashPassword(b.password) })),
  );
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM businesses) AS n',
    );
    if (Number(n) > 0) return false;
    for (const user of users) {
      await tx.query('INSERT INTO users (name, password_hash) VALUES ($1, $2)', [
        user.name,
        user.hash,
      ]);
    }
    for (const business of businesses) {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO businesses (name, password_hash, image_url) VALUES ($1, $2, $3) RETURNING id',
        [business.name, business.hash, business.imageUrl],
      );
      for (const [position, item] of business.menu.entries()) {
        await tx.query(
          `INSERT INTO menu_items (business_id, name, image_url, price, in_store, position)
           VALUES ($1, $2, $3, $4::numeric, $5, $6)`,
          [row!.id, item.name, item.imageUrl, item.price, item.inStore, position + 1],
        );
      }
    }
    return true;
  });
}
