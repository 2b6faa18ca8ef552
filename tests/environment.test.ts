// Suites that need PostgreSQL, Redis, Chromium, nginx, the Ansible tools or (to inject faults) a
// PostgreSQL and a redis-server of their own skip themselves where those are missing, so that
// `npm test` runs on a bare laptop. CI must not pass that way: `.ci/run` sets ORDERLY_REQUIRE_ALL=1,
// and then this file fails for each thing a suite would have skipped for.
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hasActionValidator, hasCommand } from './delivery/support/tools.js';
import { hasPostgresTools } from './faults/support/postgres.js';
import { hasRedisServer } from './faults/support/redis.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './helpers/stores.js';

const required = process.env.ORDERLY_REQUIRE_ALL === '1';

function reachable(url: string | undefined, defaultPort: number): Promise<boolean> {
  if (!url) return Promise.resolve(false);
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) || defaultPort });
    socket.setTimeout(3_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe.runIf(required)('everything the suites need is here (ORDERLY_REQUIRE_ALL=1)', () => {
  it('has PostgreSQL and Redis', async () => {
    expect(TEST_DATABASE_URL, 'TEST_DATABASE_URL').toBeDefined();
    expect(TEST_REDIS_URL, 'TEST_REDIS_URL').toBeDefined();
    expect(await reachable(TEST_DATABASE_URL, 5432), 'PostgreSQL answers').toBe(true);
    expect(await reachable(TEST_REDIS_URL, 6379), 'Redis answers').toBe(true);
  });

  it('has Chromium for the browser suites', () => {
    expect(existsSync('/usr/bin/chromium'), '/usr/bin/chromium').toBe(true);
  });

  it('has a PostgreSQL and a redis-server to start, stall and kill for the fault suites', () => {
    expect(hasPostgresTools, 'initdb and pg_ctl (and runuser when root)').toBe(true);
    expect(hasRedisServer, 'redis-server').toBe(true);
  });

  it('has the delivery tools', () => {
    const tools = ['nginx', 'ansible-playbook', 'ansible-lint', 'yamllint', 'start-stop-daemon'];
    expect(tools.filter((tool) => !hasCommand(tool))).toEqual([]);
    expect(hasActionValidator, '@action-validator/cli').toBe(true);
  });
});
