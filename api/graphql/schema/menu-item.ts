// Menu items: reading menus, the business's all-or-nothing upsert, and live stock.
import type { MenuItemView } from '../../domain/types.js';
import { NotFoundError } from '../../errors.js';
import { builder } from '../builder.js';
import { BusinessRef } from './viewer.js';

export const MenuItemRef = builder.objectRef<MenuItemView>('MenuItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    imageUrl: t.exposeString('imageUrl'),
    price: t.exposeFloat('price'),
    inStore: t.exposeInt('inStore'),
    business: t.field({ type: BusinessRef, resolve: (item) => item.business }),
  }),
});

builder.objectField(BusinessRef, 'menu', (t) =>
  // One query for the menus of every business in the answer, not one per business.
  t.loadableGroup({
    type: MenuItemRef,
    load: (ids: string[], ctx) => ctx.services.menus.menusOf(ids),
    group: (item) => item.business.id,
    resolve: (business) => business.id,
  }),
);

const MenuItemInput = builder.inputType('MenuItemInput', {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: true }),
    imageUrl: t.string({ required: true }),
    price: t.float({ required: true }),
    inStore: t.int({
      description: 'Required for a new item; left out on an update, the stock stays.',
    }),
    expectedInStore: t.int({
      description:
        'On an update that sets inStore: the stock it was read at (CONFLICT if it moved).',
    }),
  }),
});

builder.queryField('menu', (t) =>
  t.field({
    type: [MenuItemRef],
    args: { businessId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.menus.menu(args.businessId),
  }),
);

builder.mutationField('setMenuAndInstore', (t) =>
  t.field({
    type: [MenuItemRef],
    authScopes: { business: true },
    args: { items: t.arg({ type: [MenuItemInput], required: true }) },
    resolve: (_root, args, ctx) => ctx.services.menus.setMenuAndInstore(ctx.viewer!, args.items),
  }),
);

builder.subscriptionField('menuUpdated', (t) =>
  t.field({
    type: MenuItemRef,
    args: { businessId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const business = await ctx.services.menus.business(args.businessId);
      if (!business) throw new NotFoundError('business not found');
      return ctx.pubsub.subscribe('menuUpdated', business.id);
    },
    resolve: (item) => item,
  }),
);
