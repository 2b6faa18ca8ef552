// Amplification: the worst nested anonymous query the limits let through parsing (every alias,
// the deepest nesting of lists) is answered or refused in under 50 ms, and /healthz stays within 2×
// of its idle latency while a client keeps sending it.
import { hammer } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import { orderly } from './servers.js';
import { compare, type BenchConfig, type ScenarioResult } from './types.js';

/** Ten aliases (the alias limit) of the menus of every business's menu, to the depth limit. */
export const WORST_NESTED_QUERY = `{ ${Array.from(
  { length: 10 },
  (_, i) =>
    `b${i}: businesses { menu { business { menu { business { id name imageUrl } id name price inStore imageUrl } } } }`,
).join(' ')} }`;

const ANSWER_BUDGET_MS = 50;

export async function amplificationScenario(config: BenchConfig): Promise<ScenarioResult> {
  const server = await orderly(config);
  const base = `http://127.0.0.1:${server.ready.port}`;
  const attack = {
    url: `${base}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: WORST_NESTED_QUERY }),
  };
  const health = { url: `${base}/healthz` };
  // The same load of the cheapest query there is: what four busy clients cost the server anyway.
  const trivial = { ...attack, body: JSON.stringify({ query: '{ __typename }' }) };
  const probe = await fetch(attack.url, {
    method: 'POST',
    headers: attack.headers,
    body: attack.body,
  });
  const answer = await probe.text();
  const refused = (JSON.parse(answer) as { errors?: unknown[] }).errors !== undefined;
  config.log(`amplification: the worst query: ${probe.status}, ${answer.slice(0, 200)}`);

  await hammer(attack, { seconds: config.warmupSeconds, connections: 4 });
  const idle: number[] = [];
  const busy: number[] = [];
  const underAttack: number[] = [];
  const attackP99: number[] = [];
  for (let run = 0; run < config.runs; run++) {
    idle.push((await hammer(health, { seconds: config.seconds, connections: 1 })).p99Ms);
    const [, b] = await Promise.all([
      hammer(trivial, { seconds: config.seconds, connections: 4 }),
      hammer(health, { seconds: config.seconds, connections: 1 }),
    ]);
    busy.push(b.p99Ms);
    const [a, h] = await Promise.all([
      hammer(attack, { seconds: config.seconds, connections: 4 }),
      hammer(health, { seconds: config.seconds, connections: 1 }),
    ]);
    if (h.non2xx || h.errors)
      throw new Error(`/healthz failed under attack: ${JSON.stringify(h.statusCodes)}`);
    attackP99.push(a.p99Ms);
    underAttack.push(h.p99Ms);
    config.log(
      `amplification: run ${run + 1} attack p99 ${a.p99Ms} ms, /healthz p99 ${h.p99Ms} ms`,
    );
  }
  // autocannon reports whole milliseconds: a p99 of 0 would make any ratio infinite.
  const idleP99 = Math.max(1, median(idle));
  const busyP99 = Math.max(1, median(busy));
  return {
    baselines: [
      {
        id: 'B-healthz',
        what: '/healthz p99 on the same server, idle',
        value: idleP99,
        unit: 'ms',
        runs: idle,
      },
      {
        id: 'B-healthz-busy',
        what: '/healthz p99 while 4 clients send `{ __typename }` as fast as they can',
        value: busyP99,
        unit: 'ms',
        runs: busy,
      },
    ],
    rows: [
      compare(
        {
          id: 'amplification-answer',
          scenario: `Worst nested anonymous query (${refused ? 'refused' : 'answered'}, ${answer.length} bytes), p99 with 4 clients sending it`,
          value: median(attackP99),
          unit: 'ms',
          runs: attackP99,
          baseline: `budget ${ANSWER_BUDGET_MS} ms`,
          target: { atMost: 1 },
        },
        ANSWER_BUDGET_MS,
      ),
      compare(
        {
          id: 'amplification-healthz',
          scenario: '/healthz p99 while those clients keep sending it, against idle',
          value: median(underAttack),
          unit: 'ms',
          runs: underAttack,
          baseline: 'B-healthz',
          target: { atMost: 2 },
        },
        idleP99,
      ),
      compare(
        {
          id: 'amplification-healthz-busy',
          scenario:
            '/healthz p99 while those clients keep sending it, against the cheapest query sent the same way',
          value: median(underAttack),
          unit: 'ms',
          runs: underAttack,
          baseline: 'B-healthz-busy',
          target: { atMost: 2 },
        },
        busyP99,
      ),
    ],
  };
}
