// Orders: the customer's and the business's views, every transition, and the live streams.
import { NotFoundError } from '../../errors.js';
import { startWith } from '../../pubsub.js';
import type { OrderView } from '../../services/types.js';
import { builder } from '../builder.js';
import { viewerOf, type Context } from '../context.js';
import { ActorEnum, OrderStateEnum } from './enums.js';
import { MenuItemRef } from './menu-item.js';
import { BusinessRef, UserRef } from './viewer.js';

const OrderEventRef = builder
  .objectRef<{
    at: string;
    from: OrderView['state'] | null;
    to: OrderView['state'];
    actor: 'user' | 'business' | 'kitchen';
  }>('OrderEvent')
  .implement({
    fields: (t) => ({
      at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
      from: t.expose('from', { type: OrderStateEnum, nullable: true }),
      to: t.expose('to', { type: OrderStateEnum }),
      actor: t.expose('actor', { type: ActorEnum }),
    }),
  });

const date = (value: string | null) => value;

export const OrderRef = builder.objectRef<OrderView>('Order').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.expose('state', { type: OrderStateEnum }),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.exposeFloat('unitPrice'),
    total: t.float({ resolve: (o) => Math.round(o.unitPrice * 100 * o.quantity) / 100 }),
    menuItem: t.field({ type: MenuItemRef, resolve: (o) => o.menuItem }),
    business: t.field({ type: BusinessRef, resolve: (o) => o.menuItem.business }),
    customer: t.field({ type: UserRef, resolve: (o) => ({ id: o.userId, name: o.userName }) }),
    createdAt: t.field({ type: 'DateTime', resolve: (o) => o.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (o) => o.updatedAt }),
    acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => date(o.acceptedAt) }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => date(o.startedAt) }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (o) => (o.state === 'completed' ? o.finishedAt : null),
    }),
    queuePosition: t.exposeInt('queuePosition', { nullable: true }),
    estimatedReadyAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (o) => date(o.estimatedReadyAt),
    }),
    history: t.field({
      type: [OrderEventRef],
      resolve: (o, _args, ctx) => ctx.services.orders.history(o.id),
    }),
  }),
});

builder.queryFields((t) => ({
  order: t.field({
    type: OrderRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.orders.getOrder(viewerOf(ctx), args.id),
  }),
  orders: t.field({
    type: [OrderRef],
    authScopes: { authenticated: true },
    args: { state: t.arg({ type: OrderStateEnum }) },
    resolve: (_root, args, ctx) => ctx.services.orders.listOrders(viewerOf(ctx), args.state),
  }),
}));

const meta = (ctx: Context) => ({ requestId: ctx.requestId });

builder.mutationFields((t) => {
  const id = { id: t.arg.id({ required: true }) };
  /** A move of an existing order, by its owner's role; the rules are the orders service's. */
  const transition = (
    authScopes: { user: true } | { business: true },
    move: 'cancelOrder' | 'acceptOrder' | 'rejectOrder' | 'completeOrder',
  ) =>
    t.field({
      type: OrderRef,
      authScopes,
      args: id,
      resolve: (_root, args, ctx) => ctx.services.orders[move](viewerOf(ctx), args.id, meta(ctx)),
    });
  return {
    placeOrder: t.field({
      type: OrderRef,
      authScopes: { user: true },
      args: {
        menuItemId: t.arg.id({ required: true }),
        quantity: t.arg.int({ required: true }),
        idempotencyKey: t.arg.string(),
      },
      resolve: (_root, args, ctx) => ctx.services.orders.placeOrder(viewerOf(ctx), args, meta(ctx)),
    }),
    cancelOrder: transition({ user: true }, 'cancelOrder'),
    acceptOrder: transition({ business: true }, 'acceptOrder'),
    rejectOrder: transition({ business: true }, 'rejectOrder'),
    completeOrder: transition({ business: true }, 'completeOrder'),
  };
});

/** One order's stream: its current state first, then every change. */
async function oneOrder(ctx: Context, id: string): Promise<AsyncIterable<OrderView>> {
  // Listen before reading the current state, so no change falls between the two.
  const changes = ctx.pubsub.subscribe('orderUpdated', id);
  const current = await ctx.services.orders.getOrder(viewerOf(ctx), id);
  if (!current) {
    await changes.return?.();
    throw new NotFoundError('order not found');
  }
  return startWith(current, changes);
}

builder.subscriptionFields((t) => ({
  orderUpdated: t.field({
    type: OrderRef,
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    subscribe: (_root, args, ctx) => {
      const viewer = viewerOf(ctx);
      if (args.id) return oneOrder(ctx, args.id);
      return viewer.role === 'user'
        ? ctx.pubsub.subscribe('userOrderUpdated', viewer.id)
        : ctx.pubsub.subscribe('businessOrderUpdated', viewer.id);
    },
    resolve: (order) => order,
  }),
  newOrder: t.field({
    type: OrderRef,
    authScopes: { business: true },
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe('newOrder', viewerOf(ctx).id),
    resolve: (order) => order,
  }),
}));
