// Events between processes through Redis (@graphql-yoga/redis-event-target), and what an outage
// means: events cross only while both connections are ready. When either drops, listeners hear of
// it at once (the bus ends live subscribers so that clients refetch), publishing drops events
// instead of hoarding them, and the outage is logged once when it starts and once when it ends.
// A process that dropped events says so when it is back, so that other processes' state kept
// beside the events (the public read cache) does not outlive what it missed.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { watchDependency } from './outages.js';

/** Where events travel between processes. */
export interface Transport {
  /** Whether events cross processes right now. */
  readonly up: boolean;
  /** Publishes to every process; false when the event could not leave this one. */
  send(channel: string, payload: unknown): boolean;
  listen(channel: string, deliver: (payload: unknown) => void): () => void;
  /**
   * Hears every channel `${prefix}…`; resolves once Redis has it, so that no event published
   * afterwards is missed while events cross.
   */
  listenAll(prefix: string, deliver: (channel: string, payload: unknown) => void): Promise<void>;
  /** Runs `listener` each time events stop crossing (not before they first did). */
  onDown(listener: () => void): void;
  /** Runs `listener` when a process (this one too) reports events it could not send. */
  onLost(listener: () => void): void;
  /** Resolves once events cross, or after `ms`, whichever comes first. */
  whenUp(ms: number): Promise<void>;
  close(): void;
}

/** Where a process that dropped events says so once events cross again. */
const LOST_CHANNEL = 'orderly.events-lost';

export function createRedisTransport(url: string, log?: Logger): Transport {
  // The subscriber keeps its offline queue: SUBSCRIBE and UNSUBSCRIBE (one per topic) wait for the
  // connection to come back, and ioredis subscribes its channels again when it does.
  const subscribeClient = new Redis(url, { maxRetriesPerRequest: null });
  // The publisher has none: an event published while Redis is away fails at once, never queued.
  const publishClient = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const target = createRedisEventTarget({ publishClient, subscribeClient });
  const watch = watchDependency('redis', log);
  const ready = new Map([
    [publishClient, false],
    [subscribeClient, false],
  ]);
  const downListeners = new Set<() => void>();
  const lostListeners = new Set<() => void>();
  const patterns = new Map<string, (channel: string, payload: unknown) => void>();
  const upWaiters = new Set<() => void>();
  let up = false;
  let closing = false;
  let dropped = 0;

  const update = () => {
    const now = [...ready.values()].every(Boolean);
    if (now === up || closing) return;
    up = now;
    if (up) {
      watch.succeeded({ eventsDropped: dropped });
      if (dropped > 0) reportLost();
      dropped = 0;
      for (const resolve of upWaiters) resolve();
      upWaiters.clear();
    } else {
      watch.failed(new Error('a Redis connection closed'));
      for (const listener of downListeners) listener();
    }
  };
  const reportLost = () => void publishClient.publish(LOST_CHANNEL, '').catch(() => undefined);
  const markReady = (client: Redis) => {
    if (client.status !== 'ready') return;
    ready.set(client, true);
    update();
  };
  publishClient.on('ready', () => markReady(publishClient));
  // Ready once Redis answers a PING sent after what ioredis sends on connecting (the channels and
  // patterns to subscribe again, the queued subscriptions): from then on nothing published to
  // them is missed.
  subscribeClient.on('ready', () =>
    subscribeClient.ping().then(
      () => markReady(subscribeClient),
      () => undefined,
    ),
  );
  subscribeClient.subscribe(LOST_CHANNEL).catch(() => undefined);
  subscribeClient.on('message', (channel: string) => {
    if (channel === LOST_CHANNEL) for (const listener of lostListeners) listener();
  });
  subscribeClient.on('pmessage', (pattern: string, channel: string, message: string) => {
    let payload: unknown = null;
    try {
      if (message !== '') payload = JSON.parse(message);
    } catch {
      return; // not one of ours: a throw here would end the connection's reader
    }
    patterns.get(pattern)?.(channel, payload);
  });
  for (const client of ready.keys()) {
    client.on('close', () => (ready.set(client, false), update()));
    // ioredis reconnects on its own; an 'error' event without a listener would end the process.
    client.on('error', (error: Error) => {
      if (!up) watch.failed(error);
    });
  }

  return {
    get up() {
      return up;
    },
    send(channel, payload) {
      if (!up) {
        dropped++;
        return false;
      }
      // Published here rather than through the event target, which ignores publish's promise: that
      // rejects when the connection drops under it, and an unhandled rejection ends the process.
      publishClient.publish(channel, JSON.stringify(payload)).catch(() => {
        dropped++;
        // Failed under a connection that is still ready: say so now, not at the next outage's end.
        if (up) reportLost();
      });
      return true;
    },
    listen(channel, deliver) {
      const listener = (event: Event) => deliver((event as CustomEvent).detail);
      target.addEventListener(channel, listener as never);
      return () => target.removeEventListener(channel, listener as never);
    },
    async listenAll(prefix, deliver) {
      const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      patterns.set(pattern, deliver);
      await subscribeClient.psubscribe(pattern);
    },
    onDown(listener) {
      downListeners.add(listener);
    },
    onLost(listener) {
      lostListeners.add(listener);
    },
    whenUp(ms) {
      if (up) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          upWaiters.delete(done);
          resolve();
        }
        upWaiters.add(done);
      });
    },
    close() {
      closing = true;
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
