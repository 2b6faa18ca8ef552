// A business's kitchen: its slots, its queue, and the all-day count of what is still to cook.
import type { ItemCountView } from '../../domain/types.js';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { MenuItemRef } from './menu-item.js';
import { BusinessRef } from './viewer.js';

const ItemCountRef = builder.objectRef<ItemCountView>('ItemCount').implement({
  fields: (t) => ({
    menuItem: t.field({ type: MenuItemRef, resolve: (c) => c.menuItem }),
    quantity: t.exposeInt('quantity'),
  }),
});

interface KitchenShape {
  businessId: string;
}

/** Every kitchen's queue and oven in the answer, in one query (both fields read it). */
const kitchenLoads = createContextCache(
  (ctx: Context) =>
    new DataLoader(async (ids: readonly string[]) => {
      const loads = await ctx.services.orders.kitchenLoads(ids);
      return ids.map((id) => loads.get(id)!);
    }),
);
const loadOf = (ctx: Context, kitchen: KitchenShape) => kitchenLoads(ctx).load(kitchen.businessId);

const KitchenRef = builder.objectRef<KitchenShape>('Kitchen').implement({
  description: "A business's kitchen: its slots and what is in them now.",
  fields: (t) => ({
    capacity: t.int({ resolve: (_k, _a, ctx) => ctx.services.kitchen.capacity }),
    prepTimeMs: t.int({ resolve: (_k, _a, ctx) => ctx.services.kitchen.prepMs }),
    queueLength: t.int({ resolve: async (k, _a, ctx) => (await loadOf(ctx, k)).queued }),
    cooking: t.int({ resolve: async (k, _a, ctx) => (await loadOf(ctx, k)).cooking }),
    allDay: t.field({
      type: [ItemCountRef],
      description:
        'Per item, the quantity still to cook: the lines of pending and accepted orders, most first. Only for the business itself.',
      resolve: (k, _a, ctx) => ctx.services.orders.allDay(ctx.viewer, k.businessId),
    }),
  }),
});

builder.objectField(BusinessRef, 'kitchen', (t) =>
  t.field({ type: KitchenRef, resolve: (b) => ({ businessId: b.id }) }),
);
