// The whole order history, paged: a Relay-style connection, newest first, with keyset cursors.
import {
  HISTORY_PAGE_DEFAULT,
  HISTORY_PAGE_MAX,
  MAX_HISTORY_SEARCH_LENGTH,
  SYNC_PAGE_MAX,
} from '../../domain/limits.js';
import type { OrderPage } from '../../services/orders.service.js';
import { builder } from '../builder.js';
import { orderFieldsOf } from '../order-fields.js';
import { viewerOf } from '../context.js';
import { OrderStateEnum } from './enums.js';
import { OrderRef } from './order.js';

const PageInfoRef = builder
  .objectRef<Pick<OrderPage, 'hasNextPage' | 'endCursor'>>('PageInfo')
  .implement({
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage'),
      endCursor: t.exposeString('endCursor', { nullable: true }),
    }),
  });

const OrderEdgeRef = builder.objectRef<OrderPage['edges'][number]>('OrderEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: OrderRef, resolve: (edge) => edge.node }),
  }),
});

const OrderConnectionRef = builder.objectRef<OrderPage>('OrderConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [OrderEdgeRef], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (page) => page }),
    totalCount: t.int({
      description: 'Orders matching the filters, on every page.',
      resolve: (page) => page.totalCount(),
    }),
    totalAmount: t.float({
      description:
        'The money of the orders matching the filters (the sum of their totals), on every page.',
      resolve: (page) => page.totalAmount(),
    }),
  }),
});

builder.queryFields((t) => {
  const page = (first: { default: number; max: number }, description: string) =>
    t.field({
      type: OrderConnectionRef,
      description,
      authScopes: { authenticated: true },
      args: {
        first: t.arg.int({ defaultValue: first.default }),
        after: t.arg.string(),
        state: t.arg({ type: OrderStateEnum }),
        since: t.arg({ type: 'DateTime' }),
        until: t.arg({ type: 'DateTime' }),
        search: t.arg.string({
          description: `An order number's first digits or part of a customer's name, at most ${MAX_HISTORY_SEARCH_LENGTH} characters.`,
        }),
      },
      resolve: (_root, args, ctx, info) =>
        ctx.services.orders.orderHistory(
          viewerOf(ctx),
          args,
          first,
          orderFieldsOf(info, ['edges', 'node']),
        ),
    });
  return {
    orderHistory: page(
      { default: HISTORY_PAGE_DEFAULT, max: HISTORY_PAGE_MAX },
      `The viewer's whole history, newest first (a customer's own orders; a business's): first is 1–${HISTORY_PAGE_MAX}; since ≤ created < until.`,
    ),
    orderSync: page(
      { default: SYNC_PAGE_MAX, max: SYNC_PAGE_MAX },
      `The same history in pages of up to ${SYNC_PAGE_MAX}, for partner tools that sync it (REST /get_orders).`,
    ),
  };
});
