// A business's webhook: one URL that every transition of its orders is POSTed to, signed with a
// secret only setWebhook's answer shows. Deliveries are made by webhook-delivery.ts.
import { randomBytes } from 'node:crypto';
import { encodeEventPosition } from '../domain/cursor.js';
import { DELIVERIES_LISTED, MAX_DELIVERIES_LISTED } from '../domain/limits.js';
import { webhookUrlProblem } from '../domain/webhook-url.js';
import type { Viewer } from '../domain/types.js';
import { BadRequestError, ForbiddenError } from '../errors.js';
import type { Db } from '../store/db.js';
import * as store from '../store/webhooks.store.js';
import { isoAt, type Clock } from './clock.js';
import { requireInteger } from './validate.js';
import {
  checkedAddress,
  resolveHost,
  WebhookTargetError,
  type Resolve,
} from './webhook-address.js';

export interface WebhookView {
  businessId: string;
  url: string;
  /** Only in setWebhook's answer. */
  secret: string | null;
  failing: boolean;
}

export interface WebhookDeliveryView {
  eventCursor: string;
  status: number | null;
  attempts: number;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  givenUp: boolean;
  excerpt: string | null;
}

export class WebhooksService {
  private readonly resolve: Resolve;

  constructor(
    private readonly deps: { db: Db; clock: Clock; allowPrivate: boolean; resolve?: Resolve },
  ) {
    this.resolve = deps.resolve ?? resolveHost;
  }

  async webhook(viewer: Viewer): Promise<WebhookView | null> {
    const row = await store.webhookOf(this.deps.db, requireBusiness(viewer));
    return row && { businessId: row.business_id, url: row.url, secret: null, failing: row.failing };
  }

  async setWebhook(viewer: Viewer, urlInput: unknown): Promise<WebhookView> {
    const businessId = requireBusiness(viewer);
    if (typeof urlInput !== 'string') {
      throw new BadRequestError('url must be a string', { field: 'url' });
    }
    const problem = webhookUrlProblem(urlInput.trim(), this.deps.allowPrivate);
    if (problem) throw new BadRequestError(`url ${problem}`, { field: 'url', reason: problem });
    const url = new URL(urlInput.trim());
    try {
      await checkedAddress(url, { allowPrivate: this.deps.allowPrivate, resolve: this.resolve });
    } catch (error) {
      if (!(error instanceof WebhookTargetError)) throw error;
      throw new BadRequestError(`url cannot be used: ${error.message}`, {
        field: 'url',
        reason: 'address',
      });
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const row = await store.upsertWebhook(this.deps.db, {
      businessId,
      url: url.toString(),
      secret,
      at: isoAt(this.deps.clock.now()),
    });
    return { businessId, url: row.url, secret: row.secret, failing: row.failing };
  }

  removeWebhook(viewer: Viewer): Promise<boolean> {
    const businessId = requireBusiness(viewer);
    return this.deps.db.transaction((tx) => store.deleteWebhook(tx, businessId));
  }

  /** The latest attempts at a business's deliveries, newest first. */
  async deliveries(
    viewer: Viewer,
    businessId: string,
    first: unknown = DELIVERIES_LISTED,
  ): Promise<WebhookDeliveryView[]> {
    if (requireBusiness(viewer) !== businessId) throw new ForbiddenError('Not your webhook');
    const limit = requireInteger(first, 'first', 1, MAX_DELIVERIES_LISTED);
    const rows = await store.latestDeliveries(this.deps.db, businessId, limit);
    return rows.map((r) => ({
      eventCursor: encodeEventPosition({ xid: r.xid, id: r.event_id }),
      status: r.status,
      attempts: r.attempts,
      deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
      nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
      givenUp: r.given_up_at !== null,
      excerpt: r.excerpt,
    }));
  }
}

function requireBusiness(viewer: Viewer): string {
  if (viewer.role !== 'business') throw new ForbiddenError('Only a business has a webhook');
  return viewer.id;
}
