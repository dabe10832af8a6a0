/**
 * A data cache that keeps what a loader returned until one of its tags is revalidated, as Next.js does: for tests
 * that a write drops exactly what it changed. In a test file: vi.mock("next/cache", () => import(…this file)).
 */
const entries = new Map<string, { value: unknown; tags: string[] }>();

export function unstable_cache<A extends unknown[], T>(
  load: (...args: A) => Promise<T>,
  keyParts: string[] = [],
  options: { tags?: string[] } = {},
): (...args: A) => Promise<T> {
  return async (...args) => {
    const key = JSON.stringify([keyParts, args]);
    const kept = entries.get(key);
    if (kept) return kept.value as T;
    const value = await load(...args);
    // Next.js keeps a JSON copy: what comes back is never the object the loader made.
    entries.set(key, { value: JSON.parse(JSON.stringify(value ?? null)), tags: options.tags ?? [] });
    return value;
  };
}

export function revalidateTag(tag: string) {
  for (const [key, entry] of entries) if (entry.tags.includes(tag)) entries.delete(key);
}

export function revalidatePath() {}
