// Webhooks: deliveries per second from a fresh Orderly (its own process, PGlite) to a local receiver
// that answers 200 at once, and what the outbox costs placeOrder: the same REST placement load with
// a webhook set on every lane's business against runs without one, alternated in the same process.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hammer, type HttpFigures } from '../lib/http-load.js';
import { median } from '../lib/stats.js';
import type { OrderlyReady } from './servers.js';
import {
  compare,
  type BenchConfig,
  type Baseline,
  type Row,
  type ScenarioResult,
} from './types.js';

export async function webhooksScenario(config: BenchConfig): Promise<ScenarioResult> {
  const received: number[] = [];
  const receiver: Server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      received.push(performance.now());
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const server = await config.pool.fresh<OrderlyReady>('orderly-webhooks', {
    script: 'bench/servers/orderly.ts',
    env: { BENCH_DATABASE_URL: 'memory://', WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_POLL_MS: '20' },
  });
  try {
    const { fixture, port } = server.ready;
    const requests = fixture.lanes.map((lane) => ({
      method: 'POST',
      path: '/order',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lane.userToken}` },
      body: JSON.stringify({ m_id: lane.itemId, quantity: 1 }),
    }));
    const place = (seconds: number) =>
      hammer(
        { url: `http://127.0.0.1:${port}/order`, requests },
        { seconds, connections: config.connections },
      );
    const checked = (f: HttpFigures, what: string) => {
      if (f.errors || f.non2xx)
        throw new Error(`${what}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors`);
      return f;
    };
    /** Waits until the outbox is empty; the seconds it took from `since`. */
    const drained = async (since: number) => {
      const deadline = Date.now() + 120_000;
      while ((await server.call<number>('webhookBacklog', null)) > 0) {
        if (Date.now() > deadline) throw new Error('webhook deliveries did not drain');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return (performance.now() - since) / 1000;
    };

    await place(config.warmupSeconds);
    const without: number[] = [];
    const withHook: number[] = [];
    const deliveryRates: number[] = [];
    for (let run = 0; run < config.runs; run++) {
      without.push(checked(await place(config.seconds), 'without webhook').rps);
      await server.call('setWebhooks', hookUrl);
      const before = received.length;
      const placed = checked(await place(config.seconds), 'with webhook');
      withHook.push(placed.rps);
      // The backlog left when placement stops, drained at full speed: deliveries per second.
      const backlog = await server.call<number>('webhookBacklog', null);
      const drainStart = performance.now();
      const seconds = await drained(drainStart);
      const delivered = received.length - before;
      deliveryRates.push(
        backlog > 0 && seconds > 0 ? backlog / seconds : delivered / config.seconds,
      );
      await server.call('setWebhooks', null);
      config.log(
        `webhooks: run ${run + 1} place ${without.at(-1)!.toFixed(0)}/s without, ${placed.rps.toFixed(0)}/s with; ` +
          `${delivered} delivered, backlog ${backlog} drained at ${deliveryRates.at(-1)!.toFixed(0)}/s`,
      );
    }
    const baseline: Baseline = {
      id: 'B5-no-webhook',
      what: 'placeOrder over REST on the same process with no webhook set (PGlite)',
      value: median(without),
      unit: 'orders/s',
      runs: without,
    };
    const rows: Row[] = [
      {
        id: 'webhook-deliveries',
        scenario: 'Webhook deliveries to a local receiver (outbox drained after a placement run)',
        value: median(deliveryRates),
        unit: 'deliveries/s',
        runs: deliveryRates,
      },
      compare(
        {
          id: 'webhook-place-order',
          scenario:
            'placeOrder over REST with a webhook set (the outbox row in the same transaction)',
          value: median(withHook),
          unit: 'orders/s',
          runs: withHook,
          baseline: baseline.id,
          // Goal: under 10% slower than the same placement without a webhook.
          target: { atLeast: 0.9 },
        },
        baseline,
      ),
    ];
    return { rows, baselines: [baseline] };
  } finally {
    await server.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}
