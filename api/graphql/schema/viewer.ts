// Who is asking (me), and the two kinds of account: customers and businesses with their kitchens.
import type { BusinessView } from '../../services/types.js';
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

export const BusinessRef = builder.objectRef<BusinessView>('Business').implement({
  interfaces: [ViewerRef],
  fields: (t) => ({
    imageUrl: t.exposeString('imageUrl'),
  }),
});

interface KitchenShape {
  businessId: string;
}

const KitchenRef = builder.objectRef<KitchenShape>('Kitchen').implement({
  description: "A business's kitchen: its slots and what is in them now.",
  fields: (t) => ({
    capacity: t.int({ resolve: (_k, _a, ctx) => ctx.services.kitchen.capacity }),
    prepTimeMs: t.int({ resolve: (_k, _a, ctx) => ctx.services.kitchen.prepMs }),
    queueLength: t.int({
      resolve: async (k, _a, ctx) => (await ctx.services.orders.kitchenLoad(k.businessId)).queued,
    }),
    cooking: t.int({
      resolve: async (k, _a, ctx) => (await ctx.services.orders.kitchenLoad(k.businessId)).cooking,
    }),
  }),
});

builder.objectField(BusinessRef, 'kitchen', (t) =>
  t.field({ type: KitchenRef, resolve: (b) => ({ businessId: b.id }) }),
);

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
