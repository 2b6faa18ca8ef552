// Look-alike names (issue 18, attack 7): a name is unique after NFKC, case folding and Unicode's
// confusable skeleton, and may not hide control, invisible or text-direction characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey } from '../../api/domain/name-key.js';
import { nameProblem } from '../../api/domain/names.js';
import { gql, gqlOk, rest } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SIGN_UP_BUSINESS =
  'mutation($n: String!) { signUpBusiness(name: $n, password: "look-alike-pass") { name } }';
const SIGN_UP_USER =
  'mutation($n: String!) { signUpUser(name: $n, password: "look-alike-pass") { name } }';

describe('names that look the same', () => {
  it('share one key: case, width, no-break spaces, Cyrillic and digit look-alikes', () => {
    for (const name of [
      'Pizza\u00a0Palace',
      'Pizza Pal\u0430ce',
      'PIZZA PALACE',
      'ＰＩＺＺＡ　ＰＡＬＡＣＥ',
      'Pizza  Palace',
      'Pizza Pa1ace',
      'Pizza Palacе', // Cyrillic ie
    ]) {
      expect(nameKey(name), JSON.stringify(name)).toBe(nameKey('Pizza Palace'));
    }
    for (const name of ['ａｌｉｃｅ', 'alic\u0435', 'ALICE', 'Alice']) {
      expect(nameKey(name), JSON.stringify(name)).toBe(nameKey('alice'));
    }
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(nameKey('Pizza Place')).not.toBe(nameKey('Pizza Palace'));
    expect(nameKey('café')).not.toBe(nameKey('cafe'));
  });

  it('refuses control, invisible and text-direction characters', () => {
    for (const name of [
      'Pizza Palace\u200b', // zero-width space
      'Pizza\u200cPalace', // zero-width non-joiner
      'Pizza\u2060Palace', // word joiner
      '\ufeffPizza Palace', // byte order mark
      'Piz\u00adza Palace', // soft hyphen
      '\u202eecalaP azziP', // right-to-left override
      'Pizza \u2067Palace\u2069', // right-to-left isolate
      'Pizza\u0000Palace',
      'Pizza\u0085Palace',
      'Pizza\u2028Palace', // line separator
      'Pizza\u3164Palace', // Hangul filler
      'Pizza Palace\ufe0f', // variation selector
    ]) {
      expect(nameProblem(name), JSON.stringify(name)).toMatch(
        /control, invisible or text-direction/,
      );
    }
    expect(nameProblem('Pizza Palace')).toBeNull();
    expect(nameProblem('Café Ünïcode')).toBeNull();
    expect(nameProblem('ｚｏｅ')).toBeNull();
  });
});

describe('signing up and logging in with look-alike names', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('refuses a business name that looks like one taken with CONFLICT, and a hidden character with BAD_REQUEST', async () => {
    for (const name of [
      'Pizza\u00a0Palace',
      'Pizza Pal\u0430ce',
      'pizza palace',
      'ＰＩＺＺＡ ＰＡＬＡＣＥ',
    ]) {
      const r = await gql(server.url, SIGN_UP_BUSINESS, { n: name });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(name)).toBe('CONFLICT');
    }
    for (const name of ['Pizza Palace\u200b', '\u202eecalaP azziP']) {
      const r = await gql(server.url, SIGN_UP_BUSINESS, { n: name });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(name)).toBe('BAD_REQUEST');
      expect(r.errors?.[0]?.message).toBe(
        'name must not contain control, invisible or text-direction characters',
      );
    }
    // The customer's list still has one card reading "Pizza Palace".
    const { businesses } = await gqlOk<{ businesses: { name: string }[] }>(
      server.url,
      '{ businesses { name } }',
    );
    expect(businesses.filter((b) => nameKey(b.name) === nameKey('Pizza Palace'))).toHaveLength(1);
  });

  it('refuses customer names that look like alice, and keeps a new name in its NFKC form', async () => {
    for (const name of ['ａｌｉｃｅ', 'alic\u0435', 'ALICE']) {
      const r = await gql(server.url, SIGN_UP_USER, { n: name });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(name)).toBe('CONFLICT');
    }
    const zoe = await gqlOk(server.url, SIGN_UP_USER, { n: 'Ｚｏｅ' });
    expect(zoe.signUpUser.name).toBe('Zoe');
  });

  it('logs alice in by a look-alike of her name, as alice', async () => {
    const r = await rest(server.url, 'POST', '/user_login', {
      body: { u_name: 'ＡＬＩＣＥ', u_password: 'alice-pass' },
    });
    expect(r.status).toBe(200);
    expect(r.body.u_name).toBe('alice');
  });
});
