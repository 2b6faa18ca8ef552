// Property-based fuzzing of every REST route and every GraphQL mutation: hostile input always gets a
// SPEC status and error body, never a 500, and the database is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gql, loginBusiness, loginUser, rest } from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';
import { snapshot } from '../helpers/snapshot.js';
import { SPEC_ERROR_CODES } from '../../api/errors.js';
import { ORDER_STATES } from '../../api/domain/types.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SPEC_CODES: string[] = SPEC_ERROR_CODES;
const VALID_ITEM = '<the valid menu item>';
const VALID_STATES: string[] = ['', ...ORDER_STATES];
const UNKNOWN_ID = fc.uuid().map((u) => u.replace(/^.{8}/, 'ffffffff'));

const nasty = fc.constantFrom(
  "' OR '1'='1' --",
  '"; DROP TABLE orders; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '../../../../etc/passwd',
  '\u0000\u0001\u001f',
  '🍕'.repeat(300),
  'x'.repeat(5_000),
  '',
  ' ',
  'null',
  '__proto__',
  '{"$gt":""}',
);
const weirdNumber = fc.constantFrom(
  0,
  -1,
  -0,
  1.5,
  0.1 + 0.2,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 1,
  1001,
  1e21,
  5e-324,
);
const deep = fc
  .integer({ min: 50, max: 2_000 })
  .map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
/** Values that are wrong in some way for almost any field. */
const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  weirdNumber,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  nasty,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  deep,
);
/** Raw bodies that are not a JSON object. */
const rawBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    'NaN',
    '{"quantity": NaN}',
    '[]',
    'null',
    '"text"',
    '123',
    '',
    '{"a":1}}',
    '\u0000',
  ),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => '{"a":' + '['.repeat(n) + ']'.repeat(n) + '}'),
);

/** A body built from valid values where at least one field is made hostile or missing, plus stray fields. */
function brokenBody(
  valid: Record<string, unknown>,
  invalid: Record<string, fc.Arbitrary<unknown>>,
) {
  const keys = Object.keys(valid);
  return fc
    .record({
      broken: fc.subarray(keys, { minLength: 1 }),
      missing: fc.boolean(),
      values: fc.record(invalid),
      extra: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), {
        maxKeys: 3,
      }),
    })
    .map(({ broken, missing, values, extra }) => {
      const body: Record<string, unknown> = { ...extra, ...valid };
      for (const key of broken) {
        if (missing && broken.length === 1) delete body[key];
        else body[key] = values[key];
      }
      return body;
    });
}

const notAQuantity = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 1001 }),
  fc.double({ noNaN: true }).filter((d) => !Number.isInteger(d)),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer()),
);
const notAnId = fc.oneof(
  UNKNOWN_ID,
  fc.string({ maxLength: 40 }),
  nasty,
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string()),
);

describe('fuzzing', () => {
  let server: TestServer;
  let base: string;
  let user: string;
  let biz: string;
  let itemId: string;
  let before: string;
  let cases = 0;

  beforeAll(async () => {
    // Default login throttling: fuzzed logins soon hit RATE_LIMITED, which is a SPEC answer too.
    server = await startServer({ loginMaxFailures: 5 });
    base = server.url;
    user = (await loginUser(base, 'alice', 'alice-pass')).token;
    biz = (await loginBusiness(base, 'Pizza Palace', 'pizza-pass')).token;
    itemId = (await demoIds(base))['Pizza Palace']!.menu[0]!.id;
    before = await snapshot(server.app.db);
  });
  afterAll(async () => {
    await server?.stop();
    console.info(`fuzzing: ${cases} cases`);
  });

  async function expectRefused(
    method: 'GET' | 'POST',
    path: string,
    options: Parameters<typeof rest>[3],
    allowed: number[],
  ) {
    const r = await rest(base, method, path, options);
    cases++;
    if (
      !allowed.includes(r.status) ||
      !SPEC_CODES.includes(r.body?.error?.code) ||
      typeof r.body?.error?.message !== 'string'
    ) {
      throw new Error(
        `${method} ${path} ${JSON.stringify(options).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`,
      );
    }
  }

  const token = (right: () => string) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined).map(() => right()) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, 'garbage', 'a.b.c') },
      { weight: 1, arbitrary: fc.constant(undefined).map(() => (right() === user ? biz : user)) },
    );

  const routes: [
    string,
    'GET' | 'POST',
    string,
    () => fc.Arbitrary<Parameters<typeof rest>[3]>,
    number[],
  ][] = [
    [
      '/user_login',
      'POST',
      '/user_login',
      () =>
        fc.oneof(
          brokenBody(
            { u_name: 'alice', u_password: 'alice-pass' },
            { u_name: hostile, u_password: hostile.filter((p) => p !== 'alice-pass') },
          ).map((body) => ({ body })),
          rawBody.map((raw) => ({ raw })),
        ),
      [400, 401, 413, 415, 429],
    ],
    [
      '/business_login',
      'POST',
      '/business_login',
      () =>
        fc.oneof(
          brokenBody(
            { e_name: 'Pizza Palace', e_password: 'pizza-pass' },
            { e_name: hostile, e_password: hostile.filter((p) => p !== 'pizza-pass') },
          ).map((body) => ({ body })),
          rawBody.map((raw) => ({ raw })),
        ),
      [400, 401, 413, 415, 429],
    ],
    [
      '/order',
      'POST',
      '/order',
      () =>
        fc
          .record({
            body: brokenBody(
              { m_id: itemId, quantity: 1 },
              { m_id: notAnId, quantity: notAQuantity },
            ),
            token: token(() => user),
            key: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          })
          .map(({ body, token, key }) => ({
            body,
            token,
            headers: key === undefined ? {} : { 'idempotency-key': key },
          })),
      [400, 401, 403, 404, 409, 413],
    ],
    [
      '/cancel_order',
      'POST',
      '/cancel_order',
      () =>
        fc.oneof(
          fc.record({
            body: brokenBody({ o_id: '' }, { o_id: notAnId }),
            token: token(() => user),
          }),
          rawBody.map((raw) => ({ raw, token: user })),
        ),
      [400, 401, 403, 404, 409, 413, 415],
    ],
    [
      '/get_orders',
      'GET',
      '/get_orders',
      () =>
        fc
          .record({
            state: fc
              .oneof(fc.string({ maxLength: 30 }), nasty)
              .filter((s) => !VALID_STATES.includes(s.toLowerCase())),
            token: token(() => user),
          })
          .map(({ state, token }) => ({ token, query: state })),
      [400, 401],
    ],
    [
      '/set-menu-and-instore',
      'POST',
      '/set-menu-and-instore',
      () =>
        fc.oneof(
          fc.record({
            body: fc.oneof(
              brokenBody(
                { items: [] },
                { items: hostile.filter((v) => !Array.isArray(v) || v.length > 0) },
              ),
              fc
                .array(
                  brokenBody(
                    { m_name: 'Fuzz', m_img_url: '', m_price: 1, m_instore: 1 },
                    {
                      m_name: fc.oneof(
                        fc.constant(''),
                        fc.string({ minLength: 101, maxLength: 200 }),
                        fc.integer(),
                        fc.constant(null),
                        fc.constant(' padded '),
                      ),
                      m_img_url: fc.oneof(
                        fc.constantFrom(
                          'javascript:alert(1)',
                          'ftp://x',
                          '//evil',
                          'data:text/html,x',
                          'not a url',
                        ),
                        fc.integer(),
                      ),
                      m_price: fc.oneof(
                        fc.double({ max: -0.01, noNaN: true }),
                        fc.constantFrom(1.005, 0.001, 1e13, '1'),
                        fc.constant(null),
                      ),
                      m_instore: fc.oneof(
                        fc.integer({ max: -1 }),
                        fc.constantFrom(1.5, 2 ** 31, '3'),
                        fc.constant(null),
                      ),
                    },
                  ),
                  { minLength: 1, maxLength: 4 },
                )
                .map((items) => ({ items })),
            ),
            token: token(() => biz),
          }),
          rawBody.map((raw) => ({ raw, token: biz })),
        ),
      [400, 401, 403, 404, 413, 415],
    ],
  ];

  for (const [name, method, path, arbitrary, allowed] of routes) {
    it(`REST ${name}: ${RUNS} hostile requests, all refused with a SPEC error`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary(), async (options) => {
          const { query, ...rest } = options as typeof options & { query?: string };
          const target = query === undefined ? path : `${path}?state=${encodeURIComponent(query)}`;
          await expectRefused(method, target, rest, allowed);
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot(server.app.db)).toBe(before);
      // A login route checks a password hash (argon2, by design slow) for each of its requests.
    }, 120_000);
  }

  const mutations: [
    string,
    string,
    fc.Arbitrary<Record<string, unknown>>,
    () => string | undefined,
  ][] = [
    [
      'placeOrder',
      'mutation($m: ID!, $q: Int!, $k: String) { placeOrder(menuItemId: $m, quantity: $q, idempotencyKey: $k) { id } }',
      brokenBody({ m: VALID_ITEM, q: 1 }, { m: notAnId, q: notAQuantity }),
      () => user,
    ],
    [
      'cancelOrder',
      'mutation($id: ID!) { cancelOrder(id: $id) { id } }',
      fc.record({ id: notAnId }),
      () => user,
    ],
    [
      'acceptOrder',
      'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
      fc.record({ id: notAnId }),
      () => biz,
    ],
    [
      'rejectOrder',
      'mutation($id: ID!) { rejectOrder(id: $id) { id } }',
      fc.record({ id: notAnId }),
      () => biz,
    ],
    [
      'completeOrder',
      'mutation($id: ID!) { completeOrder(id: $id) { id } }',
      fc.record({ id: notAnId }),
      () => biz,
    ],
    [
      'setMenuAndInstore',
      'mutation($items: [MenuItemInput!]!) { setMenuAndInstore(items: $items) { id } }',
      fc.record({
        items: fc.oneof(
          hostile.filter((v) => !Array.isArray(v) || v.length > 0),
          fc.array(
            brokenBody(
              { name: 'Fuzz', imageUrl: '', price: 1, inStore: 1 },
              {
                name: fc.oneof(
                  fc.constant(''),
                  fc.string({ minLength: 101, maxLength: 150 }),
                  fc.integer(),
                ),
                imageUrl: fc.constantFrom('javascript:x', 'ftp://x', 7),
                price: fc.constantFrom(-1, 1.001, 'x', null),
                inStore: fc.constantFrom(-1, 0.5, 'x', 2 ** 40),
              },
            ),
            { minLength: 1, maxLength: 3 },
          ),
        ),
      }),
      () => biz,
    ],
    [
      'signUpUser',
      'mutation($n: String!, $p: String!) { signUpUser(name: $n, password: $p) { token } }',
      brokenBody(
        { n: 'fuzzer-ok', p: 'long-enough-1' },
        {
          n: fc.oneof(
            fc.string({ maxLength: 2 }),
            fc.string({ minLength: 41, maxLength: 80 }),
            fc.constantFrom(' lead', 'tab\there', 'alice'),
            fc.integer(),
          ),
          p: fc.oneof(
            fc.string({ maxLength: 7 }),
            fc.string({ minLength: 201, maxLength: 260 }),
            fc.integer(),
            fc.constant(null),
          ),
        },
      ).filter(
        (v) =>
          !(
            v.n === 'fuzzer-ok' &&
            typeof v.p === 'string' &&
            [...v.p].length >= 8 &&
            [...v.p].length <= 200
          ),
      ),
      () => undefined,
    ],
    [
      'signUpBusiness',
      'mutation($n: String!, $p: String!) { signUpBusiness(name: $n, password: $p) { token } }',
      brokenBody(
        { n: 'Fuzz Foods', p: 'long-enough-1' },
        {
          n: fc.oneof(fc.string({ maxLength: 2 }), fc.constantFrom('Pizza Palace', '\u0000bad')),
          p: fc.string({ maxLength: 7 }),
        },
      ),
      () => undefined,
    ],
    [
      'userLogin',
      'mutation($n: String!, $p: String!) { userLogin(name: $n, password: $p) { token } }',
      fc.record({ n: hostile, p: hostile }),
      () => undefined,
    ],
    [
      'businessLogin',
      'mutation($n: String!, $p: String!) { businessLogin(name: $n, password: $p) { token } }',
      fc.record({ n: hostile, p: hostile }),
      () => undefined,
    ],
  ];

  for (const [name, query, variables, tokenOf] of mutations) {
    it(`GraphQL ${name}: ${RUNS} hostile calls, all refused with a SPEC code`, async () => {
      await fc.assert(
        fc.asyncProperty(variables, async (generated) => {
          // The valid item's id is known only now; it stands in where a field is left valid.
          const vars = JSON.parse(
            JSON.stringify(generated).replaceAll(`"${VALID_ITEM}"`, JSON.stringify(itemId)),
          );
          const r = await gql(base, query, vars, tokenOf());
          cases++;
          const code = r.errors?.[0]?.extensions?.code;
          const landed = r.data && Object.values(r.data).some((v) => v !== null);
          if (r.status >= 500 || !code || !SPEC_CODES.includes(code) || landed) {
            throw new Error(
              `${name} ${JSON.stringify(vars).slice(0, 300)} → ${r.status} ${JSON.stringify(r).slice(0, 300)}`,
            );
          }
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot(server.app.db)).toBe(before);
    });
  }
});
