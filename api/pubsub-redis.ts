// Events between processes through Redis (@graphql-yoga/redis-event-target), and what an outage
// means: events cross only while both connections are ready. When either drops, listeners hear of
// it at once (the bus ends live subscribers so that clients refetch), publishing drops events
// instead of hoarding them, and the outage is logged once when it starts and once when it ends.
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
  /** Runs `listener` each time events stop crossing (not before they first did). */
  onDown(listener: () => void): void;
  /** Resolves once events cross, or after `ms`, whichever comes first. */
  whenUp(ms: number): Promise<void>;
  close(): void;
}

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
      dropped = 0;
      for (const resolve of upWaiters) resolve();
      upWaiters.clear();
    } else {
      watch.failed(new Error('a Redis connection closed'));
      for (const listener of downListeners) listener();
    }
  };
  for (const client of ready.keys()) {
    client.on('ready', () => (ready.set(client, true), update()));
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
      publishClient.publish(channel, JSON.stringify(payload)).catch(() => void dropped++);
      return true;
    },
    listen(channel, deliver) {
      const listener = (event: Event) => deliver((event as CustomEvent).detail);
      target.addEventListener(channel, listener as never);
      return () => target.removeEventListener(channel, listener as never);
    },
    onDown(listener) {
      downListeners.add(listener);
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
