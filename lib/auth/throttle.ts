/** Failed sign-in attempts per key (e-mail or address) in a sliding window. In memory: one server process. */
export class Throttle {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Milliseconds to wait before another attempt for any of the keys, or 0. */
  waitFor(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limit)
        wait = Math.max(wait, recent[recent.length - this.limit] + this.windowMs - now);
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
