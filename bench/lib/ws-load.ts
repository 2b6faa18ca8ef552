// Many WebSocket clients in the load process: bare `ws` sockets for B4, graphql-transport-ws
// subscribers for Orderly. Each records when the next message reaches it (CLOCK_MONOTONIC µs).
import WebSocket from 'ws';
import { monotonicMicros } from './worker-side.js';

export interface SwarmOptions {
  url: string;
  /** graphql-transport-ws: authorise with this token and subscribe to this document. */
  graphql?: { token: string; query: string };
}

export class Swarm {
  readonly sockets: WebSocket[] = [];
  private received = new Float64Array(0);
  private got = new Uint8Array(0);
  private count = 0;
  private armed = false;
  private onAll: (() => void) | undefined;
  lastMessage: string | undefined;

  constructor(private readonly options: SwarmOptions) {}

  get size() {
    return this.sockets.length;
  }

  /** Opens sockets (and subscriptions) until there are `n`; `parallel` handshakes at a time. */
  async grow(n: number, parallel = 50): Promise<void> {
    const received = new Float64Array(n);
    received.set(this.received.subarray(0, Math.min(n, this.received.length)));
    this.received = received;
    const got = new Uint8Array(n);
    got.set(this.got.subarray(0, Math.min(n, this.got.length)));
    this.got = got;
    let next = this.sockets.length;
    const worker = async () => {
      while (next < n) await this.open(next++);
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  private open(index: number): Promise<void> {
    const { url, graphql } = this.options;
    return new Promise((resolve, reject) => {
      const socket = graphql
        ? new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false })
        : new WebSocket(url, { perMessageDeflate: false });
      this.sockets[index] = socket;
      let ready = !graphql;
      socket.once('error', reject);
      socket.once('open', () => {
        if (!graphql) return resolve();
        socket.send(
          JSON.stringify({
            type: 'connection_init',
            payload: { authorization: `Bearer ${graphql.token}` },
          }),
        );
      });
      socket.once('close', (code) => {
        if (!ready) reject(new Error(`socket ${index} closed with ${code} before it was ready`));
      });
      socket.on('message', (data: Buffer) => {
        if (!ready) {
          const message = JSON.parse(String(data)) as { type: string };
          if (message.type !== 'connection_ack') return reject(new Error(String(data)));
          ready = true;
          socket.send(
            JSON.stringify({ id: 'board', type: 'subscribe', payload: { query: graphql!.query } }),
          );
          return resolve();
        }
        if (!this.armed || this.got[index]) return;
        this.got[index] = 1;
        this.received[index] = monotonicMicros();
        if (index === 0) this.lastMessage = String(data);
        if (++this.count === this.sockets.length) this.onAll?.();
      });
    });
  }

  /**
   * Expects one message on every socket; `publish` makes the server send it and returns the server's
   * publish time. Resolves with each socket's publish-to-receive latency (µs) and the last arrival.
   */
  async deliver(
    publish: () => Promise<number>,
    timeoutMs = 30_000,
  ): Promise<{ latencies: Float64Array; spanMicros: number }> {
    this.got.fill(0);
    this.count = 0;
    this.armed = true;
    const all = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`only ${this.count} of ${this.sockets.length} sockets received the event`),
          ),
        timeoutMs,
      );
      this.onAll = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const tPub = await publish();
    await all;
    this.armed = false;
    const latencies = new Float64Array(this.sockets.length);
    let last = 0;
    for (let i = 0; i < latencies.length; i++) {
      latencies[i] = this.received[i]! - tPub;
      if (latencies[i]! > last) last = latencies[i]!;
    }
    return { latencies, spanMicros: last };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === WebSocket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.terminate();
          }),
      ),
    );
    this.sockets.length = 0;
  }
}

/**
 * Subscribe/complete pairs at a steady rate over a few graphql-transport-ws connections: each tick
 * completes what the previous tick subscribed and subscribes anew.
 */
export async function churn(options: {
  url: string;
  token: string;
  query: string;
  connections: number;
  pairsPerSecond: number;
  seconds: number;
}): Promise<{ pairs: number; perSecond: number }> {
  const sockets = await Promise.all(
    Array.from(
      { length: options.connections },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(options.url, 'graphql-transport-ws', {
            perMessageDeflate: false,
          });
          socket.once('error', reject);
          socket.once('open', () =>
            socket.send(
              JSON.stringify({
                type: 'connection_init',
                payload: { authorization: `Bearer ${options.token}` },
              }),
            ),
          );
          socket.once('message', () => resolve(socket));
        }),
    ),
  );
  const subscribe = JSON.stringify({ type: 'subscribe', payload: { query: options.query } });
  let open: { socket: WebSocket; id: string }[] = [];
  let pairs = 0;
  let sequence = 0;
  const started = performance.now();
  const completeOpen = () => {
    for (const { socket, id } of open) socket.send(`{"id":"${id}","type":"complete"}`);
    pairs += open.length;
    open = [];
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      completeOpen();
      if (elapsed >= options.seconds) {
        clearInterval(timer);
        return resolve();
      }
      const due = Math.floor(elapsed * options.pairsPerSecond) - pairs;
      for (let i = 0; i < due; i++) {
        const socket = sockets[sequence % sockets.length]!;
        const id = `churn-${sequence++}`;
        socket.send(`{"id":"${id}",${subscribe.slice(1)}`);
        open.push({ socket, id });
      }
    }, 10);
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const socket of sockets) socket.terminate();
  return { pairs, perSecond: pairs / seconds };
}
