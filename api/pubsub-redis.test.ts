// The bus across processes, on a real Redis: two buses stand for two processes. A topic's listener
// hears every routing id from every process before the subscribers do, and a process that could not
// send events says so to every other once it is back.
import { afterAll, describe, expect, it } from 'vitest';
import { cuttableProxy } from '../tests/faults/support/proxy.js';
import { hasRedisServer, startOwnRedis } from '../tests/faults/support/redis.js';
import { TEST_REDIS_URL } from '../tests/helpers/stores.js';
import type { MenuItemView } from './domain/types.js';
import { createBus, type Bus } from './pubsub.js';

const item = (id: string) => ({ id }) as MenuItemView;
const businessId = () => crypto.randomUUID();

describe.skipIf(!TEST_REDIS_URL)('the bus through Redis', () => {
  const buses: Bus[] = [];
  const bus = async (url = TEST_REDIS_URL!) => {
    const created = createBus(url);
    buses.push(created);
    await created.whenUp(5_000);
    return created;
  };
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  it('hands a listener every business’s events from another process, before its subscribers get them', async () => {
    const [a, b] = [await bus(), await bus()];
    const [watched, unwatched] = [businessId(), businessId()];
    const heard: string[] = [];
    await a.pubsub.listen('menuUpdated', (id, payload) => heard.push(`${id}/${payload.id}`));
    const subscriber = a.pubsub.subscribe('menuUpdated', watched);
    const heardFirst: boolean[] = [];
    const delivered = (async () => {
      for await (const payload of subscriber) {
        heardFirst.push(heard.includes(`${watched}/${payload.id}`));
        if (payload.id === 'i3') return;
      }
    })();

    b.pubsub.publish('menuUpdated', unwatched, item('i1'));
    b.pubsub.publish('menuUpdated', watched, item('i2'));
    b.pubsub.publish('menuUpdated', watched, item('i3'));
    await delivered;
    // Other suites may publish on this Redis too.
    const ours = heard.filter((h) => h.startsWith(watched) || h.startsWith(unwatched));
    expect(ours).toEqual([`${unwatched}/i1`, `${watched}/i2`, `${watched}/i3`]);
    expect(heardFirst).toEqual([true, true]);
  });

  it('hands a listener this process’s own events as they are published', async () => {
    const a = await bus();
    const id = businessId();
    const heard: string[] = [];
    await a.pubsub.listen('businessUpdated', (business, change) =>
      heard.push(`${business}/${change}`),
    );
    a.pubsub.publish('businessUpdated', id, 'ordering');
    expect(heard).toEqual([`${id}/ordering`]);
  });

  it.skipIf(!hasRedisServer)(
    'tells every process when one could not send events, once it is back',
    async () => {
      // A Redis of the test's own: no other suite's report can reach these buses.
      const redis = await startOwnRedis();
      const proxy = await cuttableProxy(new URL(redis.url));
      try {
        const a = await bus(redis.url);
        const b = await bus(proxy.url);
        const lostOnA = new Promise<void>((resolve) => a.onEventsLost(resolve));
        const order: string[] = [];
        const interrupted = new Promise<void>((resolve) => {
          b.onEventsLost(() => order.push('lost'));
          b.onInterrupted(() => (order.push('interrupted'), resolve()));
        });

        proxy.cut();
        await interrupted;
        expect(order).toEqual(['lost', 'interrupted']);
        expect(b.health()).toBe('down');
        b.pubsub.publish('menuUpdated', businessId(), item('dropped'));

        proxy.restore();
        await b.whenUp(20_000);
        expect(b.health()).toBe('up');
        await lostOnA;
      } finally {
        await proxy.close();
        await redis.kill();
      }
    },
  );
});
