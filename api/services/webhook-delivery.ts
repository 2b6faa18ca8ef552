// The webhook delivery worker, run in every API process and in the stand-alone kitchen: claims due
// outbox rows (several processes share them, each attempted by one), POSTs each signed event to its
// business's URL at an address checked on this attempt, and records the answer; failures are retried
// with exponential backoff for at least a day, each order's events strictly in order.
import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { encodeEventPosition } from '../domain/cursor.js';
import type { OrderView } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { toRestOrder } from '../rest/routes.js';
import type { Db } from '../store/db.js';
import * as store from '../store/webhooks.store.js';
import { isoAt, type Clock } from './clock.js';
import {
  checkedAddress,
  resolveHost,
  WebhookTargetError,
  type Resolve,
  type ResolvedAddress,
} from './webhook-address.js';

/** How long one delivery may take, connecting included. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Failures are retried at least this long after the event, then given up (the webhook is failing). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** No wait between two attempts is longer than this. */
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/** The part of an answer kept to show the business. */
const EXCERPT_CHARS = 200;
const BATCH = 32;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WebhookDeliveryDeps {
  db: Db;
  /** The orders as they are now, for the event bodies. */
  ordersOf(ids: readonly string[]): Promise<OrderView[]>;
  log: Logger;
  clock: Clock;
  retryBaseMs: number;
  allowPrivate: boolean;
  /** How long the worker sleeps when nothing is due. */
  pollMs: number;
  timers?: Timers;
  resolve?: Resolve;
  timeoutMs?: number;
  retryWindowMs?: number;
}

export interface PostAnswer {
  status: number | null;
  excerpt: string;
}

export class WebhookDelivery {
  private running = false;
  private loop: Promise<void> | undefined;
  private sleeping: { handle: unknown; wake: () => void } | undefined;
  private readonly timers: Timers;
  private readonly agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: 16 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
  };

  constructor(private readonly deps: WebhookDeliveryDeps) {
    this.timers = deps.timers ?? realTimers;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeping?.wake();
    await this.loop;
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Claims and attempts what is due now; how many attempts it made. */
  async deliverDue(): Promise<number> {
    const now = this.deps.clock.now();
    const timeoutMs = this.deps.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    const claimed = await store.claimDue(this.deps.db, {
      now: isoAt(now),
      // Past the attempt's own deadline: a worker that died mid-attempt leaves it to another then.
      leaseUntil: isoAt(now + 2 * timeoutMs),
      limit: BATCH,
    });
    if (claimed.length === 0) return 0;
    const orders = new Map(
      (
        await this.deps.ordersOf([
          ...new Set(claimed.filter((c) => !c.body).map((c) => c.order_id)),
        ])
      ).map((o) => [o.id, o]),
    );
    await Promise.all(claimed.map((delivery) => this.attempt(delivery, orders)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let attempted = 0;
      try {
        attempted = await this.deliverDue();
      } catch (error) {
        this.deps.log.warn({ err: error }, 'webhook deliveries could not be claimed');
      }
      if (!this.running) break;
      if (attempted < BATCH) await this.sleep(this.deps.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.timers.clearTimeout(handle);
        this.sleeping = undefined;
        resolve();
      };
      const handle = this.timers.setTimeout(wake, ms);
      this.sleeping = { handle, wake };
    });
  }

  private async attempt(
    delivery: store.ClaimedDelivery,
    orders: ReadonlyMap<string, OrderView>,
  ): Promise<void> {
    const cursor = encodeEventPosition({ xid: delivery.xid, id: delivery.event_id });
    const order = orders.get(delivery.order_id);
    // The body is made once, on the first attempt, so that every retry sends the same bytes.
    const body =
      delivery.body ??
      JSON.stringify({
        cursor,
        type: `order.${delivery.to_state}`,
        order: order ? restOrderOf(order) : { o_id: delivery.order_id },
        at: new Date(delivery.at).toISOString(),
      });
    let answer: PostAnswer;
    try {
      const url = new URL(delivery.url);
      const address = await checkedAddress(url, {
        allowPrivate: this.deps.allowPrivate,
        resolve: this.deps.resolve ?? resolveHost,
      });
      const t = Math.floor(this.deps.clock.now() / 1000);
      answer = await this.post(url, address, body, {
        'content-type': 'application/json',
        'user-agent': 'Orderly-Webhooks/2',
        'orderly-event-id': cursor,
        'orderly-signature': signature(delivery.secret, t, body),
      });
    } catch (error) {
      answer = {
        status: null,
        excerpt:
          error instanceof WebhookTargetError
            ? `refused: ${error.message}`
            : `no answer: ${describe(error)}`,
      };
    }
    const now = this.deps.clock.now();
    const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
    const age = now - new Date(delivery.created_at).getTime();
    const window = this.deps.retryWindowMs ?? RETRY_WINDOW_MS;
    const delay = Math.min(
      this.deps.retryBaseMs * 2 ** Math.min(delivery.attempts - 1, 30),
      MAX_RETRY_DELAY_MS,
    );
    const result: store.AttemptOutcome['result'] = ok
      ? { delivered: true }
      : age >= window
        ? { givenUp: true }
        : { retryAt: isoAt(now + delay) };
    try {
      await store.settleAttempt(this.deps.db, {
        id: delivery.id,
        attempts: delivery.attempts,
        status: answer.status,
        excerpt: answer.excerpt,
        body,
        at: isoAt(now),
        result,
      });
    } catch (error) {
      // The lease runs out and the delivery is attempted again: at least once.
      this.deps.log.warn({ err: error, delivery: delivery.id }, 'webhook attempt not recorded');
    }
    const level = ok ? 'debug' : 'info';
    this.deps.log[level](
      {
        businessId: delivery.business_id,
        delivery: delivery.id,
        attempt: delivery.attempts,
        status: answer.status,
        ...('givenUp' in result ? { givenUp: true } : {}),
      },
      ok ? 'webhook delivered' : 'webhook attempt failed',
    );
  }

  /** POSTs to the checked address (the URL's host names it for TLS and Host); redirects are answers. */
  private post(
    url: URL,
    address: ResolvedAddress,
    body: string,
    headers: Record<string, string>,
  ): Promise<PostAnswer> {
    const timeoutMs = this.deps.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const https = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (https ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        agent: https ? this.agents.https : this.agents.http,
        lookup,
      });
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      request.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.once('response', (response: IncomingMessage) => {
        let excerpt = '';
        let settled = false;
        const settle = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? null,
            excerpt: excerpt.slice(0, EXCERPT_CHARS),
          });
        };
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          excerpt += chunk;
          // The rest of a long answer is not read: the excerpt is all that is kept.
          if (excerpt.length >= EXCERPT_CHARS) {
            settle();
            response.destroy();
          }
        });
        response.once('end', settle);
        response.once('close', settle);
        response.once('error', settle);
      });
      request.end(body);
    });
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs its webhooks. */
export function signature(secret: string, t: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return (typeof code === 'string' ? `${code} ` : '') + message.slice(0, 150);
}

function restOrderOf(o: OrderView) {
  return toRestOrder({
    id: o.id,
    state: o.state.toUpperCase(),
    quantity: o.quantity,
    unitPrice: o.unitPrice,
    total: o.total,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    acceptedAt: o.acceptedAt,
    startedAt: o.startedAt,
    completedAt: o.state === 'completed' ? o.finishedAt : null,
    queuePosition: o.queuePosition,
    estimatedReadyAt: o.estimatedReadyAt,
    menuItem: { id: o.menuItem.id, name: o.menuItem.name },
    business: { id: o.menuItem.business.id, name: o.menuItem.business.name },
    customer: { id: o.userId, name: o.userName },
    note: o.note,
    lines: o.lines.map((l) => ({
      menuItem: { id: l.menuItem.id, name: l.menuItem.name },
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      note: l.note,
    })),
  });
}
