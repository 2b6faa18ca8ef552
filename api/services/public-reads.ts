// What anyone may read (the businesses, each business, its menu and whether it takes orders) kept in
// this process's memory while nothing changed, so that such a read costs no SQL. The events that
// announce a change drop what it touched, whichever process made it, before this process's
// subscribers hear of it. While events cannot cross processes every read goes to the store, and
// whatever is kept is dropped whenever events may have been lost.
import type { BusinessView, MenuItemView, OrderingView } from '../domain/types.js';
import type { Metrics } from '../metrics.js';
import type { Bus } from '../pubsub.js';
import type { Clock } from './clock.js';
import { ReadCache } from './read-cache.js';

/** Entries each kind of read keeps at most; the least recently read go first. */
export const PUBLIC_READS_KEPT = 10_000;
/**
 * However quiet the events, an entry is read again after this long: a process that wrote while cut
 * off from Redis and never came back to say so cannot leave a stale answer for longer.
 */
export const PUBLIC_READ_MAX_AGE_MS = 60_000;
/** The key of the one list of every business. */
export const LIST_KEY = 'all';

export interface PublicReads {
  readonly businessList: ReadCache<BusinessView[]>;
  readonly businesses: ReadCache<BusinessView>;
  readonly menus: ReadCache<MenuItemView[]>;
  readonly ordering: ReadCache<OrderingView>;
  /** For answers built from these reads and kept elsewhere (whole GraphQL answers). */
  readonly freshness: Freshness;
}

/** What a read covered (some businesses, or every one), and as of when. */
export interface FreshnessStamp {
  readonly epoch: number;
  readonly changes: number;
  readonly businesses: readonly string[] | null;
}

/** Tells whether something read from public data still holds, by the changes heard since. */
export interface Freshness {
  /** Whether answers may be kept and served now: every change, from any process, is heard. */
  serving(): boolean;
  /** Taken before reading `businesses` (null: every business). */
  stamp(businesses: readonly string[] | null): FreshnessStamp;
  /** Whether none of the businesses the stamp covers changed since it was taken. */
  isCurrent(stamp: FreshnessStamp): boolean;
}

export interface PublicReadsOptions {
  clock: Clock;
  metrics?: Pick<Metrics, 'publicReads'>;
  capacity?: number;
  maxAgeMs?: number;
}

/** The public reads of this process, kept until the bus announces a change to them. */
export function createPublicReads(
  bus: Pick<Bus, 'pubsub' | 'health' | 'onEventsLost'>,
  options: PublicReadsOptions,
): PublicReads {
  // Nothing is kept until the bus hears every change, from whichever process.
  let listening = false;
  const serving = () => listening && bus.health() !== 'down';
  const capacity = options.capacity ?? PUBLIC_READS_KEPT;
  const readCache = <V>(read: string, expiresAt?: (value: V) => number | null) =>
    new ReadCache<V>({
      serving,
      now: () => options.clock.now(),
      capacity,
      maxAgeMs: options.maxAgeMs ?? PUBLIC_READ_MAX_AGE_MS,
      ...(expiresAt ? { expiresAt } : {}),
      counted: (result, reads) => options.metrics?.publicReads.inc({ read, result }, reads),
    });
  const changes = new BusinessChanges(serving, capacity);
  const reads: PublicReads = {
    businessList: readCache('businesses'),
    businesses: readCache('business'),
    menus: readCache('menu'),
    ordering: readCache<OrderingView>('ordering', (o) => (o.until ? Date.parse(o.until) : null)),
    freshness: changes,
  };
  bus.onEventsLost(() => {
    changes.lost();
    for (const kind of [reads.businessList, reads.businesses, reads.menus, reads.ordering]) {
      kind.clear();
    }
  });
  void Promise.all([
    bus.pubsub.listen('menuUpdated', (businessId) => {
      changes.changed(businessId);
      reads.menus.forget(businessId);
    }),
    bus.pubsub.listen('businessUpdated', (businessId, change) => {
      changes.changed(businessId);
      switch (change) {
        case 'created':
          // Not the business itself nor its menu: "no such business" is never kept.
          reads.businessList.clear();
          return;
        case 'ordering':
          reads.ordering.forget(businessId);
          return;
        default:
          // From a process of a newer version: drop all it could have touched.
          reads.businessList.clear();
          reads.businesses.forget(businessId);
          reads.menus.forget(businessId);
          reads.ordering.forget(businessId);
      }
    }),
  ]).then(
    () => (listening = true),
    () => undefined,
  );
  return reads;
}

/**
 * Counts the changes heard, and remembers at which count each business last changed (the most
 * recent `capacity` of them; a stamp older than the ones forgotten is no longer current).
 */
class BusinessChanges implements Freshness {
  private epoch = 0;
  private changes = 0;
  private forgottenUpTo = 0;
  private readonly changedAt = new Map<string, number>();

  constructor(
    readonly serving: () => boolean,
    private readonly capacity: number,
  ) {}

  changed(businessId: string): void {
    this.changes++;
    this.changedAt.delete(businessId);
    this.changedAt.set(businessId, this.changes);
    if (this.changedAt.size > this.capacity) {
      const [oldest, at] = this.changedAt.entries().next().value!;
      this.changedAt.delete(oldest);
      this.forgottenUpTo = at;
    }
  }

  /** Events may have been lost: nothing stamped before holds. */
  lost(): void {
    this.epoch++;
    this.changedAt.clear();
  }

  stamp(businesses: readonly string[] | null): FreshnessStamp {
    return { epoch: this.epoch, changes: this.changes, businesses: businesses && [...businesses] };
  }

  isCurrent(stamp: FreshnessStamp): boolean {
    if (stamp.epoch !== this.epoch || !this.serving()) return false;
    if (stamp.businesses === null) return stamp.changes === this.changes;
    if (stamp.changes < this.forgottenUpTo) return false;
    return stamp.businesses.every((id) => (this.changedAt.get(id) ?? 0) <= stamp.changes);
  }
}

/** Reads that always go to the store: for a service built without a bus to hear changes. */
export function readThrough(): PublicReads {
  const readCache = <V>() =>
    new ReadCache<V>({ serving: () => false, now: () => 0, capacity: 0, maxAgeMs: 0 });
  return {
    businessList: readCache(),
    businesses: readCache(),
    menus: readCache(),
    ordering: readCache(),
    freshness: {
      serving: () => false,
      stamp: (businesses) => ({ epoch: 0, changes: 0, businesses }),
      isCurrent: () => false,
    },
  };
}
