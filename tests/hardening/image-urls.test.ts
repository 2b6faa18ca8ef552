// In production a menu's images are https or the app's own paths: a plain-http image would let
// anyone on the way (or its host) see which customers looked at the menu, and from where.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SET_MENU =
  'mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { imageUrl } }';

describe('image URLs in production', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer({ production: true, seed: false, jwtSecret: 'x'.repeat(40) });
    const signUp = await gqlOk<{ signUpBusiness: { token: string } }>(
      server.url,
      'mutation { signUpBusiness(name: "Image Test", password: "image-pass") { token } }',
    );
    token = signUp.signUpBusiness.token;
  });
  afterAll(() => server?.stop());

  const item = (imageUrl: string) => ({
    items: [{ name: 'Dish', imageUrl, price: 1, inStore: 1 }],
  });

  it('refuses a plain-http image URL with the field and the rule', async () => {
    const r = await gql(server.url, SET_MENU, item('http://tracker.example/pixel.png'), token);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/imageUrl: must be empty, an https URL or a path/);
  });

  it('takes an https URL and a same-origin path', async () => {
    const r = await gqlOk(
      server.url,
      SET_MENU,
      {
        items: [
          { name: 'A', imageUrl: 'https://cdn.example/a.png', price: 1, inStore: 1 },
          { name: 'B', imageUrl: '/images/b.svg', price: 1, inStore: 1 },
        ],
      },
      token,
    );
    expect(r.setMenuAndInstore).toEqual([
      { imageUrl: 'https://cdn.example/a.png' },
      { imageUrl: '/images/b.svg' },
    ]);
  });
});
