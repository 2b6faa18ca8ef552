// The simulated kitchen: each business cooks at most `capacity` orders at once, `prepMs` each,
// first accepted first started. All state is in the database; timers only say when to look again.
import type { EventBus } from '../api/pubsub.js';
import type { Logger } from '../api/logger.js';
import type { Db } from '../api/store/db.js';
import { isoAt, type Clock } from '../api/services/clock.js';
import type { OrdersService } from '../api/services/orders.service.js';
import { performMove } from '../api/services/order-lifecycle.js';
import type { MovedOrder } from '../api/store/orders.store.js';
import * as store from './kitchen.store.js';

/** What the customer reads when the system rejects an order nobody accepted. */
export const PENDING_TIMEOUT_REASON =
  'The restaurant did not confirm your order in time; nothing will be charged';

export interface KitchenDeps {
  db: Db;
  pubsub: EventBus;
  orders: OrdersService;
  clock: Clock;
  capacity: number;
  prepMs: number;
  /** Safety net for work made by another process when no event reaches us. */
  pollMs: number;
  /** A pending order nobody accepted within this is rejected by the system. */
  pendingTimeoutMs: number;
  log: Logger;
}

export interface ServeResult {
  completed: string[];
  started: string[];
}

export class Kitchen {
  private timer: NodeJS.Timeout | undefined;
  private poller: NodeJS.Timeout | undefined;
  private wakeups: AsyncIterator<string> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** When a pending order may next have waited too long (epoch ms). */
  private expiryCheckAt = 0;

  constructor(private readonly deps: KitchenDeps) {}

  /** Recovers (completes what is overdue, fills free slots), then follows events and timers. */
  async start(): Promise<void> {
    this.stopped = false;
    this.listen();
    this.poller = setInterval(() => this.wake(), this.deps.pollMs);
    this.poller.unref();
    this.wake();
    await this.idle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    clearTimeout(this.timer);
    await this.wakeups?.return?.();
    await this.running?.catch(() => undefined);
  }

  /** Asks for a pass soon; passes never overlap, and a wake during one causes another. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'kitchen pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when no pass is running or queued (tests and start-up use it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Completes due orders and starts queued ones for one business, under its lock. The time is read
   * once the lock is held, so a worker that was held up never moves orders on a stale clock.
   */
  async serve(businessId: string): Promise<ServeResult> {
    const { db, clock, capacity, prepMs } = this.deps;
    const result = await db.transaction(async (tx) => {
      if (!(await store.lockBusiness(tx, businessId)))
        return { completed: [], started: [], at: '' };
      const now = clock.now();
      const move = { actor: 'kitchen', actorId: null, at: isoAt(now) } as const;
      const due = await store.dueOrders(tx, businessId, move.at);
      const completed = await performMove(tx, 'complete', { ...move, ids: due });
      const free = capacity - (await store.countCooking(tx, businessId));
      const next = free > 0 ? await store.nextAccepted(tx, businessId, free) : [];
      const started = await performMove(tx, 'start', {
        ...move,
        ids: next,
        dueAt: isoAt(now + prepMs),
      });
      return { completed, started, at: move.at };
    });
    await this.announce(businessId, result);
    return {
      completed: result.completed.map((o) => o.id),
      started: result.started.map((o) => o.id),
    };
  }

  private async announce(
    businessId: string,
    { completed, started, at }: { completed: MovedOrder[]; started: MovedOrder[]; at: string },
  ) {
    if (completed.length === 0 && started.length === 0) return;
    const { orders, log } = this.deps;
    const causes = await store.acceptingRequests(
      this.deps.db,
      [...completed, ...started].map((o) => o.id),
    );
    // Completions first, so that no watcher ever sees more orders in the oven than there are slots.
    const changed = [
      ...(await orders.afterMove('complete', completed, { actor: 'kitchen', at }, causes)),
      ...(await orders.afterMove('start', started, { actor: 'kitchen', at }, causes)),
    ];
    for (const order of changed) {
      const requestId = causes.get(order.id);
      log.info(
        { orderId: order.id, businessId, state: order.state, requestId },
        'kitchen moved order',
      );
    }
    await orders.publishQueue(businessId, new Set(changed.map((o) => o.id)));
  }

  private async pass(): Promise<void> {
    const { db, clock } = this.deps;
    const businesses = await store.businessesWithWork(db, isoAt(clock.now()));
    for (const businessId of businesses) {
      if (this.stopped) return;
      await this.serve(businessId);
    }
    if (clock.now() >= this.expiryCheckAt) await this.expireForgotten();
    const due = await store.nextDueAt(db);
    this.scheduleNextDue(due === null ? this.expiryCheckAt : Math.min(due, this.expiryCheckAt));
  }

  /**
   * Rejects pending orders nobody accepted in time, then notes when the next one can be due: the
   * oldest pending order's deadline, or a whole timeout from now (an order placed later expires
   * later). Between those times a pass costs no query for it.
   */
  private async expireForgotten(): Promise<void> {
    const { db, clock, orders, pendingTimeoutMs } = this.deps;
    const cutoff = isoAt(clock.now() - pendingTimeoutMs);
    while (
      !this.stopped &&
      (await orders.expirePending(cutoff, PENDING_TIMEOUT_REASON)).length > 0
    );
    const oldest = await store.oldestPendingAt(db);
    this.expiryCheckAt = (oldest ?? clock.now()) + pendingTimeoutMs;
  }

  private scheduleNextDue(dueAt: number | null): void {
    clearTimeout(this.timer);
    if (dueAt === null || this.stopped) return;
    const delay = Math.max(0, dueAt - this.deps.clock.now());
    this.timer = setTimeout(() => this.wake(), delay);
  }

  private listen(): void {
    const iterator = this.deps.pubsub.subscribe('kitchenWake')[Symbol.asyncIterator]();
    this.wakeups = iterator;
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) this.wake();
    })().catch((error: unknown) => this.deps.log.error({ err: error }, 'kitchen wake-ups stopped'));
  }
}
