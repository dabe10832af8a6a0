/**
 * A bounded in-process cache of loaded values, dropped by tag. Pure (no I/O): lib/cache/index.ts connects it to
 * the database, whose notifications carry the tags other instances invalidated.
 */
interface Entry {
  value: unknown;
  tags: string[];
  expiresAt: number;
}

export class TaggedCache {
  private entries = new Map<string, Entry>();
  private byTag = new Map<string, Set<string>>();
  private pending = new Map<string, Promise<unknown>>();
  /** Bumped by every invalidation: a load that started before one is not kept (it may have read old data). */
  private generation = 0;

  constructor(
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The number of invalidations so far: in-process copies made under an older one are stale. */
  get version(): number {
    return this.generation;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The kept value of `key`, or `load()`'s (one load at a time per key), kept for `ttlSeconds` under `tags` —
   * or under the tags the loaded value names (a page knows its region only once it is read).
   */
  async get<T>(
    key: string,
    tags: readonly string[] | ((value: T) => readonly string[]),
    ttlSeconds: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) {
      // Least recently used goes first: re-insert on every hit.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    if (hit) this.remove(key);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const started = this.generation;
    const promise = load().then(
      (value) => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
        if (this.generation === started) {
          const keptTags = typeof tags === "function" ? tags(value) : tags;
          this.store(key, { value, tags: [...keptTags], expiresAt: this.now() + ttlSeconds * 1000 });
        }
        return value;
      },
      (error) => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }

  /** Drops every entry under any of `tags` ("*" drops everything). */
  invalidate(tags: readonly string[]): void {
    this.generation += 1;
    // Loads in flight may have read the old data: later callers start afresh.
    this.pending.clear();
    if (tags.includes("*")) {
      this.entries.clear();
      this.byTag.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) this.remove(key);
      this.byTag.delete(tag);
    }
  }

  private store(key: string, entry: Entry) {
    this.remove(key);
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
