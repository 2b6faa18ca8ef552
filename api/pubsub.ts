// The one event bus: typed topics, in-process by default, across processes through Redis when
// REDIS_URL is set. Each process listens to a topic once and hands every event to its local
// subscribers: the same payload object to all of them, which the WebSocket fan-out relies on to
// execute a subscription once per event. Payloads are snapshots: publish a new object for a change.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { MenuItemView, OrderView } from './services/types.js';

export type Events = {
  /** Every change of one order (state, queue position or estimate). */
  orderUpdated: [orderId: string, order: OrderView];
  /** Every change of any order of a business. */
  businessOrderUpdated: [businessId: string, order: OrderView];
  /** Every change of any order of a customer. */
  userOrderUpdated: [userId: string, order: OrderView];
  /** A newly placed order, for its business. */
  newOrder: [businessId: string, order: OrderView];
  /** A menu item created or changed (price, stock, name). */
  menuUpdated: [businessId: string, item: MenuItemView];
  /** Work for a business's kitchen: an order was accepted or a slot was freed. */
  kitchenWake: [businessId: string];
};

type Topic = keyof Events;
/** The payload of a topic: the last element of its tuple (the business id for kitchenWake). */
type PayloadOf<T extends Topic> = Events[T] extends [string, infer P] ? P : Events[T][0];
/** Subscribing names the routing id for two-element topics; kitchenWake is heard whole. */
type SubscribeArgs<T extends Topic> = Events[T] extends [string, unknown] ? [T, string] : [T];

export interface EventBus {
  publish<T extends Topic>(topic: T, ...args: Events[T]): void;
  subscribe<T extends Topic>(...args: SubscribeArgs<T>): AsyncIterableIterator<PayloadOf<T>>;
}

export interface Bus {
  pubsub: EventBus;
  close(): Promise<void>;
}

/** Where events travel between processes: nowhere (in-process) or Redis. */
interface Transport {
  send(channel: string, payload: unknown): void;
  listen(channel: string, deliver: (payload: unknown) => void): () => void;
}

export function createBus(redisUrl: string | undefined): Bus {
  if (!redisUrl) return { pubsub: createEventBus(null), close: async () => undefined };
  const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // ioredis reconnects on its own; an unhandled 'error' event would crash the process.
  publishClient.on('error', () => undefined);
  subscribeClient.on('error', () => undefined);
  const target = createRedisEventTarget({ publishClient, subscribeClient });
  const transport: Transport = {
    send: (channel, payload) =>
      target.dispatchEvent(new CustomEvent(channel, { detail: payload }) as never),
    listen(channel, deliver) {
      const listener = (event: Event) => deliver((event as CustomEvent).detail);
      target.addEventListener(channel, listener as never);
      return () => target.removeEventListener(channel, listener as never);
    },
  };
  return {
    pubsub: createEventBus(transport),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** Events queued for one subscriber that is not keeping up; beyond this its stream fails. */
export const SUBSCRIBER_BACKLOG_LIMIT = 1024;

function createEventBus(transport: Transport | null): EventBus {
  const local = new Map<string, { sinks: Set<Sink<unknown>>; unlisten: () => void }>();
  const deliverLocally = (channel: string, payload: unknown) => {
    const topic = local.get(channel);
    if (topic) for (const sink of topic.sinks) sink.push(payload);
  };
  return {
    publish(topic, ...args) {
      const [channel, payload] =
        args.length === 2 ? [`${topic}:${args[0]}`, args[1]] : [topic, args[0] ?? null];
      if (transport) transport.send(channel, payload);
      else deliverLocally(channel, payload);
    },
    subscribe(...args) {
      const channel = args.length === 2 ? `${args[0]}:${args[1]}` : args[0];
      let topic = local.get(channel);
      if (!topic) {
        const unlisten = transport
          ? transport.listen(channel, (payload) => deliverLocally(channel, payload))
          : () => undefined;
        topic = { sinks: new Set(), unlisten };
        local.set(channel, topic);
      }
      const sinks = topic.sinks;
      const sink: Sink<unknown> = new Sink(() => {
        sinks.delete(sink);
        if (sinks.size === 0 && local.get(channel)?.sinks === sinks) {
          local.delete(channel);
          topic.unlisten();
        }
      });
      sinks.add(sink);
      return sink as AsyncIterableIterator<never>;
    },
  };
}

/** One subscriber's stream: a queue while it is busy, a waiting promise while it is idle. */
class Sink<T> implements AsyncIterableIterator<T> {
  private queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.queue.length < SUBSCRIBER_BACKLOG_LIMIT) {
      this.queue.push(value);
    } else {
      this.failure = new Error('The subscriber fell too far behind its events');
      this.end();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue = [];
    this.failure = null;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private end() {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ value: undefined, done: true });
  }
}

/**
 * `first`, then what `rest` yields. Unlike an async generator, ending it ends `rest` at once, even
 * while it waits for its next event.
 */
export function startWith<T>(first: T, rest: AsyncIterator<T>): AsyncIterableIterator<T> {
  let sentFirst = false;
  return {
    next() {
      if (sentFirst) return rest.next();
      sentFirst = true;
      return Promise.resolve({ value: first, done: false });
    },
    async return() {
      sentFirst = true;
      await rest.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Publishes an order's change to everyone entitled to see it. */
export function publishOrder(pubsub: EventBus, order: OrderView): void {
  pubsub.publish('orderUpdated', order.id, order);
  pubsub.publish('businessOrderUpdated', order.menuItem.business.id, order);
  pubsub.publish('userOrderUpdated', order.userId, order);
}
