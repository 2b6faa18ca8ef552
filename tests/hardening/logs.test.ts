// A full run at the most verbose level: no password, hash or token in any log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger.js';
import {
  gql,
  gqlOk,
  loginBusiness,
  loginUser,
  record,
  rest,
  wsClient,
} from '../helpers/clients.js';
import { demoIds, startServer, type TestServer } from '../helpers/server.js';

describe('logs', () => {
  const lines: string[] = [];
  const secrets = new Set<string>([
    'alice-pass',
    'pizza-pass',
    'wrong-password-1',
    'new-user-secret-9',
  ]);
  let server: TestServer;

  beforeAll(async () => {
    const logger = createLogger('trace', {
      destination: { write: (line: string) => void lines.push(line) },
    });
    server = await startServer({ logger, kitchenPrepMs: 150 });
  });
  afterAll(() => server?.stop());

  it('never writes a password, a hash or a token', async () => {
    const base = server.url;
    const alice = await loginUser(base, 'alice', 'alice-pass');
    const pizza = await loginBusiness(base, 'Pizza Palace', 'pizza-pass');
    secrets.add(alice.token).add(pizza.token);
    await rest(base, 'POST', '/user_login', {
      body: { u_name: 'alice', u_password: 'wrong-password-1' },
    });
    const signed = await gqlOk(
      base,
      'mutation($p: String!) { signUpUser(name: "logcheck", password: $p) { token } }',
      { p: 'new-user-secret-9' },
    );
    secrets.add(signed.signUpUser.token);
    await gql(
      base,
      'mutation { userLogin(name: "logcheck", password: "new-user-secret-9") { token } }',
    );
    await rest(base, 'GET', '/get_orders', {
      token: 'forged.' + alice.token.split('.')[1] + '.sig',
    });

    const itemId = (await demoIds(base))['Pizza Palace']!.menu[0]!.id;
    const client = wsClient(base, alice.token);
    const placed = await rest(base, 'POST', '/order', {
      token: alice.token,
      body: { m_id: itemId, quantity: 1 },
    });
    const watch = record(client, 'subscription($id: ID) { orderUpdated(id: $id) { state } }', {
      id: placed.body.o_id,
    });
    await gqlOk(
      base,
      'mutation($id: ID!) { acceptOrder(id: $id) { id } }',
      { id: placed.body.o_id },
      pizza.token,
    );
    await watch.until((v) => v.some((o) => o.state === 'COMPLETED'));
    await client.dispose();

    const hashes = await server.app.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users UNION ALL SELECT password_hash FROM businesses',
    );
    for (const h of hashes) secrets.add(h.password_hash);

    expect(lines.length).toBeGreaterThan(10);
    const leaks = lines.filter(
      (line) =>
        [...secrets].some((s) => line.includes(s)) || /\$argon2|Bearer |eyJhbGci/.test(line),
    );
    expect(leaks).toEqual([]);
    // The run was logged: requests and the kitchen's moves.
    expect(lines.some((l) => l.includes('"msg":"request"'))).toBe(true);
    expect(lines.some((l) => l.includes('kitchen moved order'))).toBe(true);
  });
});
