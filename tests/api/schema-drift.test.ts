// schema/schema.graphql is the printed Pothos schema; a stale copy fails here (run `npm run schema`).
import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/graphql/schema/index.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the server runs', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchema(lexicographicSortSchema(schema)) + '\n');
  });

  it('keeps every name the SPEC fixes', () => {
    const sdl = printSchema(schema);
    for (const name of [
      'me: Viewer',
      'businesses: [Business!]!',
      'menu(businessId: ID!): [MenuItem!]!',
      'order(id: ID!): Order',
      // The contract's orders(state:), plus an optional page size (1–500, all 500 when not given).
      'orders(first: Int, state: OrderState): [Order!]!',
      'signUpUser(name: String!, password: String!): AuthPayload!',
      'placeOrder(idempotencyKey: String, lines: [OrderLineInput!], menuItemId: ID, note: String, quantity: Int): Order!',
      'cancelOrder(id: ID!, reason: String): Order!',
      'acceptOrder(id: ID!): Order!',
      'rejectOrder(id: ID!, reason: String): Order!',
      'completeOrder(id: ID!): Order!',
      'lines: [OrderLine!]!',
      'note: String',
      'total: Float!',
      'nextActions: [OrderAction!]!',
      'allDay: [ItemCount!]!',
      'setMenuAndInstore(items: [MenuItemInput!]!): [MenuItem!]!',
      'orderUpdated(id: ID): Order!',
      'newOrder: Order!',
      'menuUpdated(businessId: ID!): MenuItem!',
      'queuePosition: Int',
      'estimatedReadyAt: DateTime',
      'history: [OrderEvent!]!',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
