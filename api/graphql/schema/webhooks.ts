// A business's webhook: set, removed, and its latest deliveries.
import type { WebhookDeliveryView, WebhookView } from '../../services/webhooks.service.js';
import { DELIVERIES_LISTED, MAX_DELIVERIES_LISTED } from '../../domain/limits.js';
import { builder } from '../builder.js';
import { viewerOf } from '../context.js';

const WebhookDeliveryRef = builder.objectRef<WebhookDeliveryView>('WebhookDelivery').implement({
  description: 'The latest attempt at delivering one event.',
  fields: (t) => ({
    eventCursor: t.exposeString('eventCursor', {
      description: 'The cursor of the event (its Orderly-Event-Id).',
    }),
    status: t.exposeInt('status', {
      nullable: true,
      description: 'The HTTP status of the last answer; null before one, or when none came.',
    }),
    attempts: t.exposeInt('attempts'),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.deliveredAt }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it is tried (again); null once delivered or given up.',
      resolve: (d) => d.nextAttemptAt,
    }),
  }),
});

const WebhookRef = builder.objectRef<WebhookView>('Webhook').implement({
  description: 'Where every transition of the business’s orders is POSTed, signed.',
  fields: (t) => ({
    url: t.exposeString('url'),
    secret: t.exposeString('secret', {
      nullable: true,
      description: 'The signing secret: only in setWebhook’s answer, never again.',
    }),
    failing: t.exposeBoolean('failing', {
      description: 'A delivery was given up after a day of retries; the next success clears it.',
    }),
    deliveries: t.field({
      type: [WebhookDeliveryRef],
      description: `The latest deliveries, newest first (first: 1–${MAX_DELIVERIES_LISTED}).`,
      args: { first: t.arg.int({ defaultValue: DELIVERIES_LISTED }) },
      resolve: (hook, args, ctx) =>
        ctx.services.webhooks.deliveries(viewerOf(ctx), hook.businessId, args.first ?? undefined),
    }),
  }),
});

builder.queryField('webhook', (t) =>
  t.field({
    type: WebhookRef,
    nullable: true,
    description: "The business's webhook; null when none is set.",
    authScopes: { business: true },
    resolve: (_root, _args, ctx) => ctx.services.webhooks.webhook(viewerOf(ctx)),
  }),
);

builder.mutationFields((t) => ({
  setWebhook: t.field({
    type: WebhookRef,
    description:
      'Sets the business’s one webhook URL (https; public addresses only unless WEBHOOK_ALLOW_PRIVATE=1) and a new secret, shown only here.',
    authScopes: { business: true },
    args: { url: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.webhooks.setWebhook(viewerOf(ctx), args.url),
  }),
  removeWebhook: t.field({
    type: 'Boolean',
    description: 'Removes the webhook and its pending deliveries; false when there was none.',
    authScopes: { business: true },
    resolve: (_root, _args, ctx) => ctx.services.webhooks.removeWebhook(viewerOf(ctx)),
  }),
}));
