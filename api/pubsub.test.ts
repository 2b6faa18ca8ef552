import { describe, expect, it } from 'vitest';
import { createBus, startWith, SUBSCRIBER_BACKLOG_LIMIT } from './pubsub.js';
import type { MenuItemView, OrderView } from './domain/types.js';

const order = (id: string) => ({ id }) as OrderView;

describe('event bus', () => {
  it('hands every subscriber of a topic the same payload object, in order', async () => {
    const { pubsub } = createBus(undefined);
    const a = pubsub.subscribe('businessOrderUpdated', 'b1');
    const b = pubsub.subscribe('businessOrderUpdated', 'b1');
    const elsewhere = pubsub.subscribe('businessOrderUpdated', 'b2');
    const first = order('1');
    pubsub.publish('businessOrderUpdated', 'b1', first);
    pubsub.publish('businessOrderUpdated', 'b1', order('2'));
    const [a1, b1] = [await a.next(), await b.next()];
    expect(a1.value).toBe(first);
    expect(b1.value).toBe(first);
    expect((await a.next()).value).toMatchObject({ id: '2' });
    pubsub.publish('businessOrderUpdated', 'b2', order('3'));
    expect((await elsewhere.next()).value).toMatchObject({ id: '3' });
  });

  it('ends a subscription at once when asked, even while it waits', async () => {
    const { pubsub } = createBus(undefined);
    const stream = pubsub.subscribe('kitchenWake');
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    pubsub.publish('kitchenWake', 'b1');
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('fails a subscriber that falls too far behind instead of queueing without end', async () => {
    const { pubsub } = createBus(undefined);
    const slow = pubsub.subscribe('userOrderUpdated', 'u1');
    for (let i = 0; i <= SUBSCRIBER_BACKLOG_LIMIT; i++) {
      pubsub.publish('userOrderUpdated', 'u1', order(String(i)));
    }
    for (let i = 0; i < SUBSCRIBER_BACKLOG_LIMIT; i++) await slow.next();
    await expect(slow.next()).rejects.toThrow('fell too far behind');
  });

  it('startWith gives the first value, then the rest, and ends the rest when it ends', async () => {
    const { pubsub } = createBus(undefined);
    const rest = pubsub.subscribe('orderUpdated', 'o1');
    const stream = startWith(order('current'), rest);
    expect((await stream.next()).value).toMatchObject({ id: 'current' });
    pubsub.publish('orderUpdated', 'o1', order('changed'));
    expect((await stream.next()).value).toMatchObject({ id: 'changed' });
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toMatchObject({ done: true });
  });

  it('hands a listener every routing id’s events, before the subscribers get them', async () => {
    const { pubsub } = createBus(undefined);
    const heard: string[] = [];
    await pubsub.listen('menuUpdated', (businessId, item) =>
      heard.push(`${businessId}/${item.id}`),
    );
    const subscriber = pubsub.subscribe('menuUpdated', 'b1');
    pubsub.publish('menuUpdated', 'b2', { id: 'i1' } as MenuItemView);
    pubsub.publish('menuUpdated', 'b1', { id: 'i2' } as MenuItemView);
    expect(heard).toEqual(['b2/i1', 'b1/i2']);
    expect((await subscriber.next()).value).toMatchObject({ id: 'i2' });
  });
});
