// Prometheus metrics: process defaults plus what the domain does.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'orderly_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'orderly_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    ordersPlaced: new Counter({
      name: 'orderly_orders_placed_total',
      help: 'Orders placed',
      registers: [registry],
    }),
    orderTransitions: new Counter({
      name: 'orderly_order_transitions_total',
      help: 'Order state transitions by target state',
      labelNames: ['to'] as const,
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
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
