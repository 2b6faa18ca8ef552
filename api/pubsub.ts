// The one event bus: typed topics, in-process by default, across processes through Redis when
// REDIS_URL is set. Each process listens to a topic once and hands every event to its local
// subscribers: the same payload object to all of them, which the WebSocket fan-out relies on to
// execute a subscription once per event. Payloads are snapshots: publish a new object for a change.
// While Redis is away no subscriber could hear of other processes' changes, so none is kept: live
// ones are ended with UNAVAILABLE and new ones refused until it is back (clients then refetch).
// State kept beside the events (the public read cache) listens to whole topics instead, and is told
// whenever events may have been lost.
import type { MenuItemView, OrderEventView, OrderView } from './domain/types.js';
import { UnavailableError } from './errors.js';
import type { Logger } from './logger.js';
import { createRedisTransport, type Transport } from './pubsub-redis.js';

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
  /** A business account created, or its orders paused or resumed. */
  businessUpdated: [businessId: string, change: BusinessChange];
  /** Work for a business's kitchen: an order was accepted or a slot was freed. */
  kitchenWake: [businessId: string];
  /** Every stored transition of a business's orders, with its cursor in the event log. */
  businessOrderEvent: [businessId: string, event: OrderEventView];
  /** Every stored transition of a customer's orders, with its cursor. */
  userOrderEvent: [userId: string, event: OrderEventView];
};

export type BusinessChange = 'created' | 'ordering';

type Topic = keyof Events;
/** Topics published per routing id (every one but kitchenWake). */
type RoutedTopic = { [T in Topic]: Events[T] extends [string, unknown] ? T : never }[Topic];
/** The payload of a topic: the last element of its tuple (the business id for kitchenWake). */
type PayloadOf<T extends Topic> = Events[T] extends [string, infer P] ? P : Events[T][0];
/** Subscribing names the routing id for two-element topics; kitchenWake is heard whole. */
type SubscribeArgs<T extends Topic> = Events[T] extends [string, unknown] ? [T, string] : [T];

export interface EventBus {
  publish<T extends Topic>(topic: T, ...args: Events[T]): void;
  subscribe<T extends Topic>(...args: SubscribeArgs<T>): AsyncIterableIterator<PayloadOf<T>>;
  /**
   * Hears every event of a topic, for every routing id and from every process, whether or not this
   * process has subscribers: an event from elsewhere before this process's subscribers get it, one
   * of this process's own at once when it is published (and again when it comes back). Resolves
   * once nothing published afterwards can be missed while events cross.
   */
  listen<T extends RoutedTopic>(
    topic: T,
    listener: (routingId: string, payload: PayloadOf<T>) => void,
  ): Promise<void>;
}

export type DependencyHealth = 'up' | 'down' | 'off';

export interface Bus {
  pubsub: EventBus;
  /** Redis: 'off' when not configured, 'down' while events cannot cross processes. */
  health(): DependencyHealth;
  /** Runs `listener` whenever events stop crossing processes, before live subscribers are ended. */
  onInterrupted(listener: () => void): void;
  /**
   * Runs `listener` whenever events may have been lost: when this process's stop crossing (before
   * onInterrupted's listeners), and when another process reports some it could not send.
   */
  onEventsLost(listener: () => void): void;
  /** Resolves once events cross processes, or after `ms` (start-up waits that long for Redis). */
  whenUp(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function createBus(redisUrl: string | undefined, options: { log?: Logger } = {}): Bus {
  if (!redisUrl) {
    return {
      pubsub: createEventBus(null),
      health: () => 'off',
      onInterrupted: () => undefined,
      onEventsLost: () => undefined,
      whenUp: async () => undefined,
      close: async () => undefined,
    };
  }
  const transport = createRedisTransport(redisUrl, options.log);
  const interrupted = new Set<() => void>();
  const lost = new Set<() => void>();
  transport.onLost(() => lost.forEach((listener) => listener()));
  const pubsub = createEventBus(transport, () => {
    lost.forEach((listener) => listener());
    interrupted.forEach((listener) => listener());
  });
  return {
    pubsub,
    health: () => (transport.up ? 'up' : 'down'),
    onInterrupted: (listener) => void interrupted.add(listener),
    onEventsLost: (listener) => void lost.add(listener),
    whenUp: (ms) => transport.whenUp(ms),
    async close() {
      transport.close();
    },
  };
}

/** Events queued for one subscriber that is not keeping up; beyond this its stream fails. */
export const SUBSCRIBER_BACKLOG_LIMIT = 1024;

/**
 * Topics whose listeners outlive an outage: a missed kitchen wake-up costs one poll of the kitchen
 * (KITCHEN_POLL_MS), and while Redis is away this process's own wake-ups still reach it.
 */
const OUTAGE_PROOF: ReadonlySet<string> = new Set<Topic>(['kitchenWake']);

const interruption = () =>
  new UnavailableError(
    'Live updates are interrupted (events cannot reach every process); fetch the current state and subscribe again shortly',
  );

function createEventBus(transport: Transport | null, onInterrupted?: () => void): EventBus {
  /** Channels with subscribers here; `unlisten` null when the topic's listener hears them. */
  const local = new Map<
    string,
    { topic: Topic; sinks: Set<Sink<unknown>>; unlisten: (() => void) | null }
  >();
  /** Topics heard whole, with their listeners and when nothing can be missed any more. */
  const listened = new Map<
    string,
    { listeners: Set<(routingId: string, payload: never) => void>; ready: Promise<void> }
  >();
  const tap = (channel: string, payload: unknown) => {
    const at = channel.indexOf(':');
    const topic = at < 0 ? undefined : listened.get(channel.slice(0, at));
    if (!topic) return;
    for (const listener of topic.listeners) listener(channel.slice(at + 1), payload as never);
  };
  const deliverLocally = (channel: string, payload: unknown) => {
    tap(channel, payload);
    const topic = local.get(channel);
    if (topic) for (const sink of topic.sinks) sink.push(payload);
  };
  const deliverHeard = (channel: string, payload: unknown) => {
    tap(channel, payload);
    const topic = local.get(channel);
    if (topic?.unlisten === null) for (const sink of topic.sinks) sink.push(payload);
  };
  transport?.onDown(() => {
    onInterrupted?.();
    for (const { topic, sinks } of [...local.values()]) {
      if (!OUTAGE_PROOF.has(topic)) for (const sink of [...sinks]) sink.fail(interruption());
    }
  });
  return {
    publish(topic, ...args) {
      const [channel, payload] =
        args.length === 2 ? [`${topic}:${args[0]}`, args[1]] : [topic, args[0] ?? null];
      // Sent: this process's listeners hear it at once, its subscribers when it comes back.
      // Not sent (Redis away): only outage-proof subscribers of this process are left to hear it.
      if (transport?.send(channel, payload)) tap(channel, payload);
      else deliverLocally(channel, payload);
    },
    listen(topic, listener) {
      let heard = listened.get(topic);
      if (!heard) {
        const ready = transport?.listenAll(`${topic}:`, deliverHeard) ?? Promise.resolve();
        heard = { listeners: new Set(), ready };
        listened.set(topic, heard);
      }
      heard.listeners.add(listener as (routingId: string, payload: never) => void);
      return heard.ready;
    },
    subscribe(...args) {
      const name = args[0];
      if (transport && !transport.up && !OUTAGE_PROOF.has(name)) throw interruption();
      const channel = args.length === 2 ? `${args[0]}:${args[1]}` : args[0];
      let topic = local.get(channel);
      if (!topic) {
        const unlisten =
          transport && !listened.has(name)
            ? transport.listen(channel, (payload) => deliverLocally(channel, payload))
            : null;
        topic = { topic: name, sinks: new Set(), unlisten };
        local.set(channel, topic);
      }
      const sinks = topic.sinks;
      const sink: Sink<unknown> = new Sink(() => {
        sinks.delete(sink);
        if (sinks.size === 0 && local.get(channel)?.sinks === sinks) {
          local.delete(channel);
          topic.unlisten?.();
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
  private waiting: {
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: Error) => void;
  } | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.queue.length < SUBSCRIBER_BACKLOG_LIMIT) {
      this.queue.push(value);
    } else {
      this.fail(new Error('The subscriber fell too far behind its events'));
    }
  }

  /** Ends the stream with `error`, after the events already queued for it. */
  fail(error: Error): void {
    if (this.ended) return;
    this.failure = error;
    this.end();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
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
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting && this.failure) waiting.reject(this.failure);
    else waiting?.resolve({ value: undefined, done: true });
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

/** Publishes a stored transition to the order's business and customer. */
export function publishOrderEvent(pubsub: EventBus, order: OrderView, event: OrderEventView): void {
  pubsub.publish('businessOrderEvent', order.menuItem.business.id, event);
  pubsub.publish('userOrderEvent', order.userId, event);
}
