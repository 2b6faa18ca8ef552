// Who is asking (me), and the two kinds of account: customers and businesses with their kitchens.
import type { BusinessView, OrderingView } from '../../domain/types.js';
import { viewerOf } from '../context.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';

export interface UserShape {
  id: string;
  name: string;
}

type ViewerShape = UserShape | BusinessView;

export const ViewerRef = builder.interfaceRef<ViewerShape>('Viewer').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (v) => ('imageUrl' in v ? 'business' : 'user') }),
  }),
  resolveType: (value) => ('imageUrl' in value ? 'Business' : 'User'),
});

export const UserRef = builder.objectRef<UserShape>('User').implement({
  interfaces: [ViewerRef],
  fields: () => ({}),
});

const OrderingRef = builder.objectRef<OrderingView>('Ordering').implement({
  description: 'Whether the business takes orders now; while paused, why and until when.',
  fields: (t) => ({
    open: t.exposeBoolean('open'),
    reason: t.exposeString('reason', { nullable: true }),
    until: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.until }),
  }),
});

export const BusinessRef = builder.objectRef<BusinessView>('Business').implement({
  interfaces: [ViewerRef],
  fields: (t) => ({
    imageUrl: t.exposeString('imageUrl'),
    // One query for whether every business in the answer takes orders.
    ordering: t.loadable({
      type: OrderingRef,
      load: async (ids: string[], ctx) => {
        const ordering = await ctx.services.ordering.orderingOf(ids);
        return ids.map((id) => ordering.get(id)!);
      },
      resolve: (b) => b.id,
    }),
  }),
});

builder.mutationFields((t) => ({
  pauseOrders: t.field({
    type: BusinessRef,
    description: 'Stop taking orders, with a reason customers see and a time to reopen by itself.',
    authScopes: { business: true },
    args: { reason: t.arg.string(), until: t.arg({ type: 'DateTime' }) },
    resolve: (_root, args, ctx) =>
      ctx.services.ordering.pauseOrders(viewerOf(ctx), args.reason, args.until),
  }),
  resumeOrders: t.field({
    type: BusinessRef,
    authScopes: { business: true },
    resolve: (_root, _args, ctx) => ctx.services.ordering.resumeOrders(viewerOf(ctx)),
  }),
}));

builder.queryFields((t) => ({
  me: t.field({
    type: ViewerRef,
    nullable: true,
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return null;
      if (viewer.role === 'user') return { id: viewer.id, name: viewer.name };
      return ctx.services.menus.business(viewer.id);
    },
  }),
  businesses: t.field({
    type: [BusinessRef],
    resolve: (_root, _args, ctx) => ctx.services.menus.businesses(),
  }),
  business: t.field({
    type: BusinessRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.menus.business(args.id),
  }),
}));
