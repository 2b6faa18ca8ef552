// Prometheus metrics: process defaults plus what the domain does. Live figures (orders by state,
// queues, slots) are read from the database at scrape time, so every process reports the truth.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queryable } from './store/db.js';
import type { OrderState } from './domain/types.js';
import { within } from './deadline.js';
import type { DependencyHealth } from './pubsub.js';

interface KitchenRow {
  business_id: string;
  name: string;
  queued: number;
  cooking: number;
}

/** Live figures wait this long for the database; without an answer they are left out, and /metrics still answers. */
const SCRAPE_DEADLINE_MS = 1_000;

export interface MetricsOptions {
  /** Operation names that are labels of their own (the clients' operations); others are `other`. */
  operationNames?: ReadonlySet<string>;
}

export function createMetrics(db?: Queryable, options: MetricsOptions = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'orderly_' });
  const operationNames = options.operationNames ?? new Set<string>();

  const metrics = {
    registry,
    httpRequests: new Histogram({
      name: 'orderly_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlOperations: new Histogram({
      name: 'orderly_graphql_operation_duration_seconds',
      help: 'GraphQL operation execution time by operation type and name',
      labelNames: ['type', 'operation'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    ordersPlaced: new Counter({
      name: 'orderly_orders_placed_total',
      help: 'Orders placed',
      registers: [registry],
    }),
    ordersOutOfStock: new Counter({
      name: 'orderly_orders_out_of_stock_total',
      help: 'Orders refused because there was not enough stock',
      registers: [registry],
    }),
    orderTransitions: new Counter({
      name: 'orderly_order_transitions_total',
      help: 'Order state transitions by target state (cancelled, rejected, completed, …)',
      labelNames: ['to'] as const,
      registers: [registry],
    }),
    acceptedToCompleted: new Histogram({
      name: 'orderly_order_accepted_to_completed_seconds',
      help: 'Time from acceptance to completion of an order',
      buckets: [1, 2.5, 5, 10, 15, 20, 30, 45, 60, 120, 300, 600],
      registers: [registry],
    }),
    publicReads: new Counter({
      name: 'orderly_public_reads_total',
      help: 'Public reads (businesses, business, menu, ordering) by answer: hit (from memory), miss (from the store, then kept) or bypass (from the store while events cannot cross processes)',
      labelNames: ['read', 'result'] as const,
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'orderly_websocket_connections',
      help: 'Open GraphQL WebSocket connections',
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: 'orderly_active_subscriptions',
      help: 'Active GraphQL subscriptions',
      registers: [registry],
    }),
    websocketRefusals: new Counter({
      name: 'orderly_websocket_refusals_total',
      help: 'WebSocket connections and subscriptions refused or dropped by a cap, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    /** Reports the bytes queued for sending to WebSocket clients (slow readers hold them). */
    watchWebSocketBuffers(bufferedBytes: () => number) {
      new Gauge({
        name: 'orderly_websocket_buffered_bytes',
        help: 'Bytes queued for WebSocket clients that have not taken them yet',
        registers: [registry],
        collect() {
          this.set(bufferedBytes());
        },
      });
    },
    /** Reports whether events cross processes (1) or not (0); only when Redis is configured. */
    watchRedis(health: () => DependencyHealth) {
      if (health() === 'off') return;
      new Gauge({
        name: 'orderly_redis_up',
        help: 'Whether both Redis connections of the event bus are ready (1) or not (0)',
        registers: [registry],
        collect() {
          this.set(health() === 'up' ? 1 : 0);
        },
      });
    },
    /** The label of an operation name: one of the known names, `anonymous` or `other`. */
    operationLabel(name: string | null | undefined): string {
      if (!name) return 'anonymous';
      return operationNames.has(name) ? name : 'other';
    },
  };

  if (db) {
    new Gauge({
      name: 'orderly_orders',
      help: 'Orders by current state',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const rows = await within(
          db.query<{ state: OrderState; n: number }>(
            'SELECT state, count(*)::int AS n FROM orders GROUP BY state',
          ),
          SCRAPE_DEADLINE_MS,
          [],
        );
        this.reset();
        for (const row of rows) this.set({ state: row.state }, row.n);
      },
    });
    // Both kitchen gauges come from one query; a scrape collects them together and shares it.
    let kitchenScrape: Promise<KitchenRow[]> | undefined;
    const kitchenRows = () =>
      (kitchenScrape ??= within(
        db.query<KitchenRow>(
          `SELECT b.id AS business_id, b.name,
                  count(*) FILTER (WHERE o.state = 'accepted')::int AS queued,
                  count(*) FILTER (WHERE o.state = 'processing')::int AS cooking
             FROM businesses b LEFT JOIN orders o
               ON o.business_id = b.id AND o.state IN ('accepted', 'processing')
            GROUP BY b.id, b.name`,
        ),
        SCRAPE_DEADLINE_MS,
        [],
      ).finally(() => (kitchenScrape = undefined)));
    const kitchenGauge = (name: string, help: string, figure: 'queued' | 'cooking') =>
      new Gauge({
        name,
        help,
        labelNames: ['business_id', 'business'] as const,
        registers: [registry],
        async collect() {
          const rows = await kitchenRows();
          this.reset();
          for (const r of rows)
            this.set({ business_id: r.business_id, business: r.name }, r[figure]);
        },
      });
    kitchenGauge(
      'orderly_kitchen_queue_length',
      'Accepted orders waiting for a kitchen slot, per business',
      'queued',
    );
    kitchenGauge(
      'orderly_kitchen_slots_in_use',
      'Kitchen slots cooking an order, per business',
      'cooking',
    );
  }
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
