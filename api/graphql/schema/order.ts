// Orders: the customer's and the business's views, every transition, and the live streams.
import { NotFoundError } from '../../errors.js';
import { startWith } from '../../pubsub.js';
import type { OrderEventView, OrderLineView, OrderView, Viewer } from '../../domain/types.js';
import { ORDERS_LIST_MAX } from '../../domain/limits.js';
import { nextActions } from '../../services/order-lifecycle.js';
import { builder } from '../builder.js';
import { orderFieldsOf } from '../order-fields.js';
import { viewerOf, type Context } from '../context.js';
import { ActorEnum, OrderActionEnum, OrderStateEnum } from './enums.js';
import { MenuItemRef } from './menu-item.js';
import { BusinessRef, UserRef } from './viewer.js';

export const OrderRef = builder.objectRef<OrderView>('Order');
const OrderEventRef = builder.objectRef<OrderEventView>('OrderEvent');

OrderEventRef.implement({
  description: 'One stored transition of an order.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description: 'Opaque and increasing: resume orderEvents(after:) from the last one seen.',
    }),
    order: t.field({
      type: OrderRef,
      description: 'The order as it is now.',
      resolve: async (e, _args, ctx) => {
        const order = await ctx.services.orders.getOrder(viewerOf(ctx), e.orderId);
        if (!order) throw new NotFoundError('order not found');
        return order;
      },
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    from: t.expose('from', { type: OrderStateEnum, nullable: true }),
    to: t.expose('to', { type: OrderStateEnum }),
    actor: t.expose('actor', { type: ActorEnum }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why the order was rejected or cancelled, when the business or customer said.',
    }),
  }),
});

const OrderLineRef = builder.objectRef<OrderLineView>('OrderLine').implement({
  description: 'One line of a basket: an item, how many, and a note for the kitchen.',
  fields: (t) => ({
    menuItem: t.field({ type: MenuItemRef, resolve: (l) => l.menuItem }),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.exposeFloat('unitPrice', { description: 'The price of one when ordered.' }),
    total: t.float({ resolve: (l) => (Math.round(l.unitPrice * 100) * l.quantity) / 100 }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const OrderLineInput = builder.inputType('OrderLineInput', {
  fields: (t) => ({
    menuItemId: t.id({ required: true }),
    quantity: t.int({ required: true, description: '1 to 1000' }),
    note: t.string({ description: 'For the kitchen; at most 200 characters.' }),
  }),
});

OrderRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.expose('state', { type: OrderStateEnum }),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.exposeFloat('unitPrice'),
    total: t.exposeFloat('total', { description: 'The sum of the lines.' }),
    menuItem: t.field({
      type: MenuItemRef,
      description: "The first line's item.",
      resolve: (o) => o.menuItem,
    }),
    lines: t.field({ type: [OrderLineRef], resolve: (o) => o.lines }),
    note: t.exposeString('note', { nullable: true }),
    business: t.field({ type: BusinessRef, resolve: (o) => o.menuItem.business }),
    customer: t.field({ type: UserRef, resolve: (o) => ({ id: o.userId, name: o.userName }) }),
    createdAt: t.field({ type: 'DateTime', resolve: (o) => o.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (o) => o.updatedAt }),
    acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.acceptedAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.startedAt }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (o) => (o.state === 'completed' ? o.finishedAt : null),
    }),
    queuePosition: t.exposeInt('queuePosition', { nullable: true }),
    estimatedReadyAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (o) => o.estimatedReadyAt,
    }),
    nextActions: t.field({
      type: [OrderActionEnum],
      description: 'What the viewer may do to this order now, from the order lifecycle.',
      resolve: (o, _args, ctx) => nextActions(o.state, ctx.viewer?.role ?? null),
    }),
    // One query for the history of every order in the answer.
    history: t.loadableGroup({
      type: OrderEventRef,
      load: (ids: string[], ctx) => ctx.services.orders.histories(ids),
      group: (event) => event.orderId,
      resolve: (o) => o.id,
    }),
  }),
});

builder.queryFields((t) => ({
  order: t.field({
    type: OrderRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) =>
      ctx.services.orders.getOrder(viewerOf(ctx), args.id, orderFieldsOf(info)),
  }),
  orders: t.field({
    type: [OrderRef],
    description: `The viewer's newest orders (a customer's own; a business's): first is 1–${ORDERS_LIST_MAX}, all ${ORDERS_LIST_MAX} when not given. Older ones: orderHistory.`,
    authScopes: { authenticated: true },
    args: { state: t.arg({ type: OrderStateEnum }), first: t.arg.int() },
    resolve: (_root, args, ctx, info) =>
      ctx.services.orders.listOrders(viewerOf(ctx), args.state, args.first, orderFieldsOf(info)),
  }),
}));

const metaOf = (ctx: Context) => ({ requestId: ctx.requestId });

builder.mutationFields((t) => {
  const id = t.arg.id({ required: true });
  const reason = t.arg.string();
  /**
   * A move of an order at the viewer's request. The scope is the early refusal; the lifecycle
   * (order-lifecycle.ts) decides who may make which move.
   */
  const move = <Args extends { id: typeof id; reason?: typeof reason }>(
    scope: 'user' | 'business',
    args: Args,
    run: (
      orders: Context['services']['orders'],
      viewer: Viewer,
      args: { id: string; reason?: string | null },
      meta: ReturnType<typeof metaOf>,
    ) => Promise<OrderView>,
  ) =>
    t.field({
      type: OrderRef,
      authScopes: scope === 'user' ? { user: true } : { business: true },
      args,
      resolve: (_root, values, ctx) =>
        run(ctx.services.orders, viewerOf(ctx), values as { id: string }, metaOf(ctx)),
    });
  return {
    placeOrder: t.field({
      type: OrderRef,
      authScopes: { user: true },
      description:
        'Either menuItemId and quantity (a one-line order), or lines (1–20, one business). Notes: at most 200 characters.',
      args: {
        menuItemId: t.arg.id(),
        quantity: t.arg.int(),
        lines: t.arg({ type: [OrderLineInput] }),
        note: t.arg.string(),
        idempotencyKey: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        ctx.services.orders.placeOrder(viewerOf(ctx), args, metaOf(ctx)),
    }),
    cancelOrder: move('user', { id, reason }, (orders, viewer, args, m) =>
      orders.cancelOrder(viewer, args.id, args.reason, m),
    ),
    acceptOrder: move('business', { id }, (orders, viewer, args, m) =>
      orders.acceptOrder(viewer, args.id, m),
    ),
    rejectOrder: move('business', { id, reason }, (orders, viewer, args, m) =>
      orders.rejectOrder(viewer, args.id, args.reason, m),
    ),
    completeOrder: move('business', { id }, (orders, viewer, args, m) =>
      orders.completeOrder(viewer, args.id, m),
    ),
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
  orderEvents: t.field({
    type: OrderEventRef,
    description:
      "Every stored transition of the viewer's orders, in order. With after (a cursor seen before), first every event since, from the store, then live ones: nothing lost across a reconnect.",
    authScopes: { authenticated: true },
    args: { after: t.arg.string() },
    subscribe: (_root, args, ctx) => ctx.services.orders.eventStream(viewerOf(ctx), args.after),
    resolve: (event) => event,
  }),
  newOrder: t.field({
    type: OrderRef,
    authScopes: { business: true },
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe('newOrder', viewerOf(ctx).id),
    resolve: (order) => order,
  }),
}));
