import {
  execute,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { createLogger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import { createBus } from '../pubsub.js';
import type { OrderView } from '../domain/types.js';
import { audienceOf, createFanout, envelopedExecute, type Subscriber } from './fanout.js';
import { createGraphQLServer, createMaskError } from './yoga.js';

/** A schema whose subscription resolver counts its executions and shows who executed it. */
function countingSchema() {
  const executions = { count: 0 };
  const Event = new GraphQLObjectType({
    name: 'Event',
    fields: {
      id: { type: GraphQLString },
      seenBy: {
        type: GraphQLString,
        resolve: (_event, _args, ctx: { viewer: string }) => ctx.viewer,
      },
      secret: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('connection string postgres://admin:hunter2@db');
        },
      },
      gone: {
        type: GraphQLString,
        resolve: () => {
          throw new NotFoundError('order not found');
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        events: {
          type: Event,
          args: { topic: { type: GraphQLString } },
          subscribe: (_root, args: { topic: string }, ctx: { bus: ReturnType<typeof createBus> }) =>
            ctx.bus.pubsub.subscribe('businessOrderUpdated', args.topic),
          resolve: (event: unknown) => {
            executions.count++;
            return event;
          },
        },
      },
    }),
  });
  return { schema, executions };
}

class TestSubscriber implements Subscriber {
  readonly received: string[] = [];
  constructor(
    readonly key: string,
    private readonly context: unknown,
  ) {}
  contextFor() {
    return this.context;
  }
  sendPayload(payload: string) {
    this.received.push(payload);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('subscription fan-out', () => {
  it('executes each event once per operation and audience, and sends everyone the same payload', async () => {
    const { schema, executions } = countingSchema();
    const bus = createBus(undefined);
    const fanout = createFanout({ maskError: (e) => e as Error, execute });
    const document = parse('subscription($t: String) { events(topic: $t) { id seenBy } }');
    const operation = { schema, document, variableValues: { t: 'b1' } };
    const start = async (viewer: string) => {
      const subscriber = new TestSubscriber(fanout.keyOf(operation, viewer), { bus, viewer });
      const stream = await fanout.subscribe(operation, subscriber);
      if (!(Symbol.asyncIterator in stream)) throw new Error('refused');
      void stream.next();
      return { subscriber, stream };
    };
    const alike = await Promise.all(Array.from({ length: 50 }, () => start('business:b1')));
    const other = await start('business:b2');

    bus.pubsub.publish('businessOrderUpdated', 'b1', { id: 'o1' } as OrderView);
    await tick();
    expect(executions.count).toBe(2);
    const [first] = alike[0]!.subscriber.received;
    expect(JSON.parse(first!)).toEqual({ data: { events: { id: 'o1', seenBy: 'business:b1' } } });
    for (const { subscriber } of alike) expect(subscriber.received).toEqual([first]);
    expect(JSON.parse(other.subscriber.received[0]!)).toEqual({
      data: { events: { id: 'o1', seenBy: 'business:b2' } },
    });

    // A new event object is a new execution, even with the same content.
    bus.pubsub.publish('businessOrderUpdated', 'b1', { id: 'o1' } as OrderView);
    await tick();
    expect(executions.count).toBe(4);

    // Leaving ends the source at once and sends nothing more.
    await alike[0]!.stream.return!();
    expect(await alike[0]!.stream.next()).toMatchObject({ done: true });
    bus.pubsub.publish('businessOrderUpdated', 'b1', { id: 'o2' } as OrderView);
    await tick();
    expect(alike[0]!.subscriber.received).toHaveLength(2);
    expect(alike[1]!.subscriber.received).toHaveLength(3);
  });

  it('keys operations by audience, document, operation name and variables', () => {
    const { schema } = countingSchema();
    const fanout = createFanout({ maskError: (e) => e as Error, execute });
    const document = parse('subscription($t: String) { events(topic: $t) { id } }');
    const key = (variableValues: Record<string, unknown>, audience: string) =>
      fanout.keyOf({ schema, document, variableValues }, audience);
    expect(key({ t: 'a' }, 'user:1')).toBe(key({ t: 'a' }, 'user:1'));
    expect(key({ t: 'a' }, 'user:1')).not.toBe(key({ t: 'a' }, 'user:2'));
    expect(key({ t: 'a' }, 'user:1')).not.toBe(key({ t: 'b' }, 'user:1'));
    const again = parse('subscription($t: String) { events(topic: $t) { id } }');
    expect(
      fanout.keyOf({ schema, document: again, variableValues: { t: 'a' } }, 'user:1'),
    ).not.toBe(key({ t: 'a' }, 'user:1'));
    expect(audienceOf(null)).toBe('anonymous');
    expect(audienceOf({ role: 'business', id: 'x', name: 'X' })).toBe('business:x');
  });

  it('answers a refused subscription with its masked errors', async () => {
    const { schema } = countingSchema();
    const fanout = createFanout({ maskError: () => new Error('masked'), execute });
    const document = parse('subscription { events { id } }');
    const operation = { schema, document };
    const refused = (await fanout.subscribe(
      operation,
      new TestSubscriber('k', { bus: null, viewer: 'x' }),
    )) as ExecutionResult;
    expect(refused.errors?.map((e) => e.message)).toEqual(['masked']);
  });

  it('runs payloads through the server’s envelop: errors masked and coded, each execution counted', async () => {
    const { schema } = countingSchema();
    const log = createLogger('silent');
    const metrics = createMetrics(undefined, { operationNames: new Set(['Watch']) });
    const yoga = createGraphQLServer({
      schema,
      log,
      graphiql: false,
      introspection: true,
      metrics,
      deadlineMs: 0,
    });
    const fanout = createFanout({
      maskError: createMaskError(log),
      execute: envelopedExecute(yoga),
    });
    const bus = createBus(undefined);
    const document = parse('subscription Watch { events(topic: "b1") { id secret gone } }');
    const operation = { schema, document, operationName: 'Watch' };
    const subscribers = [1, 2].map(
      () => new TestSubscriber(fanout.keyOf(operation, 'user:1'), { bus, viewer: 'user:1' }),
    );
    for (const subscriber of subscribers) {
      const stream = await fanout.subscribe(operation, subscriber);
      if (!(Symbol.asyncIterator in stream)) throw new Error('refused');
      void stream.next();
    }

    bus.pubsub.publish('businessOrderUpdated', 'b1', { id: 'o1' } as OrderView);
    await tick();
    const payload = JSON.parse(subscribers[0]!.received[0]!) as ExecutionResult;
    expect(payload.data).toEqual({ events: { id: 'o1', secret: null, gone: null } });
    expect(payload.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['Unexpected error.', 'INTERNAL'],
      ['order not found', 'NOT_FOUND'],
    ]);
    expect(payload.errors?.[0]?.path).toEqual(['events', 'secret']);
    expect(JSON.stringify(payload)).not.toContain('hunter2');
    expect(subscribers[1]!.received).toEqual(subscribers[0]!.received);
    const counted = await metrics.registry.getSingleMetricAsString(
      'orderly_graphql_operation_duration_seconds',
    );
    expect(counted).toContain(
      'orderly_graphql_operation_duration_seconds_count{type="subscription",operation="Watch"} 1',
    );
  });
});
