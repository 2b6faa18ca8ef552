// One kind of read kept in memory by key: bounded, aged, shared while loading, and never filled by
// a load that began before the key was invalidated.

export type ReadAnswer = 'hit' | 'miss' | 'bypass';

interface ReadCacheOptions<V> {
  /** Whether kept answers may be served and new ones kept. */
  serving(): boolean;
  now(): number;
  capacity: number;
  maxAgeMs: number;
  /** When a value stops being true by itself (a pause's end); null: only a change ends it. */
  expiresAt?(value: V): number | null;
  counted?(answer: ReadAnswer, reads: number): void;
}

/**
 * One kind of read, by key. A load in flight is shared by the reads that miss meanwhile, and an
 * invalidation forgets it: a load that began before a change can answer the reads that joined it,
 * but is never kept.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<V | null>>();

  constructor(private readonly options: ReadCacheOptions<V>) {}

  /** The value of `key`, kept or loaded; a null load (nothing found) is not kept. */
  async get<R extends V | null>(key: string, load: () => Promise<R>): Promise<R> {
    if (!this.options.serving()) {
      this.count('bypass', 1);
      return load();
    }
    const kept = this.kept(key);
    if (kept !== undefined) {
      this.count('hit', 1);
      return kept as R;
    }
    const shared = this.loading.get(key);
    if (shared) {
      this.count('hit', 1);
      return shared as Promise<R>;
    }
    this.count('miss', 1);
    return this.track(key, load());
  }

  /** The values of `keys`, the missing ones loaded together; keys a load leaves out are absent. */
  async getMany(
    keys: readonly string[],
    load: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const unique = [...new Set(keys)];
    if (!this.options.serving()) {
      this.count('bypass', unique.length);
      return load(unique);
    }
    const values = new Map<string, V>();
    const waits: [string, Promise<V | null>][] = [];
    const missing: string[] = [];
    for (const key of unique) {
      const kept = this.kept(key);
      const shared = kept === undefined ? this.loading.get(key) : undefined;
      if (kept !== undefined) values.set(key, kept);
      else if (shared) waits.push([key, shared]);
      else missing.push(key);
    }
    this.count('hit', unique.length - missing.length);
    if (missing.length > 0) {
      this.count('miss', missing.length);
      const loaded = load(missing);
      for (const key of missing) {
        waits.push([
          key,
          this.track(
            key,
            loaded.then((found) => found.get(key) ?? null),
          ),
        ]);
      }
    }
    for (const [key, wait] of waits) {
      const value = await wait;
      if (value !== null) values.set(key, value);
    }
    return values;
  }

  /** Drops `key`, and the load in flight for it (which then answers its own reads only). */
  forget(key: string): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private kept(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.options.now() >= entry.expiresAt) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  private track<R extends V | null>(key: string, load: Promise<R>): Promise<R> {
    this.loading.set(key, load);
    load.then(
      (value) => {
        if (this.loading.get(key) !== load) return;
        this.loading.delete(key);
        if (value !== null && this.options.serving()) this.keep(key, value);
      },
      () => {
        if (this.loading.get(key) === load) this.loading.delete(key);
      },
    );
    return load;
  }

  private keep(key: string, value: V): void {
    const now = this.options.now();
    const ends = this.options.expiresAt?.(value) ?? Infinity;
    const expiresAt = Math.min(now + this.options.maxAgeMs, ends);
    if (expiresAt <= now) return;
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > this.options.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  private count(answer: ReadAnswer, reads: number): void {
    if (reads > 0) this.options.counted?.(answer, reads);
  }
}
