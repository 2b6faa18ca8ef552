// Whether a business takes orders: a pause with an optional reason and an optional time it ends by
// itself. Placement refuses orders while paused (the placement statement reads the same columns).
import { MAX_REASON_LENGTH } from '../domain/limits.js';
import type { BusinessView, OrderingView, Viewer } from '../domain/types.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors.js';
import type { EventBus } from '../pubsub.js';
import type { Db } from '../store/db.js';
import * as store from '../store/menus.store.js';
import { isoAt, type Clock } from './clock.js';
import { readThrough, type PublicReads } from './public-reads.js';
import { optionalText } from './validate.js';

export class OrderingService {
  private readonly reads: PublicReads;

  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      pubsub: EventBus;
      /** Where each business's ordering is kept between changes; without it, read every time. */
      reads?: PublicReads;
    },
  ) {
    this.reads = deps.reads ?? readThrough();
  }

  /** Each business's ordering now, by id. */
  orderingOf(ids: readonly string[]): Promise<Map<string, OrderingView>> {
    // Kept until a pause or resume is announced, or until the pause's own end.
    return this.reads.ordering.getMany(ids, async (missing) => {
      const pauses = await store.pausesOf(this.deps.db, missing);
      const now = this.deps.clock.now();
      return new Map(missing.map((id) => [id, toOrdering(pauses.get(id), now)]));
    });
  }

  async pauseOrders(viewer: Viewer, reasonInput: unknown, untilInput: unknown) {
    const business = requireBusiness(viewer);
    const reason = optionalText(reasonInput, 'reason', MAX_REASON_LENGTH);
    const now = this.deps.clock.now();
    let until: string | null = null;
    if (untilInput !== undefined && untilInput !== null) {
      const time =
        untilInput instanceof Date ? untilInput.getTime() : Date.parse(String(untilInput));
      if (!Number.isFinite(time) || time <= now) {
        throw new BadRequestError('until must be a time in the future', { field: 'until' });
      }
      until = isoAt(time);
    }
    return this.write(business, { pausedAt: isoAt(now), reason, until });
  }

  resumeOrders(viewer: Viewer) {
    return this.write(requireBusiness(viewer), { pausedAt: null, reason: null, until: null });
  }

  private async write(
    businessId: string,
    pause: { pausedAt: string | null; reason: string | null; until: string | null },
  ): Promise<BusinessView> {
    const business = (await store.setPause(this.deps.db, businessId, pause))
      ? await store.findBusiness(this.deps.db, businessId)
      : null;
    if (!business) throw new NotFoundError('business not found');
    this.deps.pubsub.publish('businessUpdated', businessId, 'ordering');
    return business;
  }
}

function requireBusiness(viewer: Viewer): string {
  if (viewer.role !== 'business') throw new ForbiddenError('Only a business can pause its orders');
  return viewer.id;
}

function toOrdering(pause: store.PauseRow | undefined, now: number): OrderingView {
  const until = pause?.paused_until ? new Date(pause.paused_until).getTime() : null;
  const paused = pause?.paused_at != null && (until === null || until > now);
  return paused
    ? { open: false, reason: pause.pause_reason, until: until === null ? null : isoAt(until) }
    : { open: true, reason: null, until: null };
}
