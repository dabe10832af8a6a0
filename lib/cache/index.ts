import "server-only";
import { getHandle } from "@/db";
import { CACHE_CHANNEL as CHANNEL } from "./channel";
import { TaggedCache } from "./tagged";

/*
 * The data cache of the public pages, embed and open data: kept in each instance's memory (never on the build
 * folder's disk, so nothing outlives or crosses its database) and dropped by tag on every instance through
 * PostgreSQL's LISTEN/NOTIFY, within a moment of the commit that changed the data. On the embedded database one
 * process owns the data, so the local drop is all there is.
 */
const INSTANCE = `${process.pid}-${Math.random().toString(36).slice(2)}`;
/** NOTIFY payloads are limited to 8000 bytes: tags go in batches well under that. */
const BATCH = 50;

interface State {
  cache: TaggedCache;
  listening?: Promise<void>;
}
const KEY = Symbol.for("nastavnik.cache");

function state(): State {
  const g = globalThis as { [KEY]?: State };
  return (g[KEY] ??= { cache: new TaggedCache() });
}

function listen(s: State): Promise<void> {
  s.listening ??= (async () => {
    const handle = await getHandle();
    let subscribed = false;
    await handle.listen(
      CHANNEL,
      (payload) => {
        try {
          const message = JSON.parse(payload) as { from?: string; tags?: unknown };
          if (message.from !== INSTANCE && Array.isArray(message.tags))
            s.cache.invalidate(message.tags.map(String));
        } catch {
          s.cache.invalidate(["*"]);
        }
      },
      () => {
        // After a lost connection notifications may have been missed: start afresh.
        if (subscribed) s.cache.invalidate(["*"]);
        subscribed = true;
      },
    );
  })().catch((error) => {
    s.listening = undefined;
    throw error;
  });
  return s.listening;
}

/** The value kept under `key`, or `load()`'s, kept for `ttlSeconds` until one of `tags` is invalidated. */
export async function cached<T>(
  key: readonly string[],
  tags: readonly string[] | ((value: T) => readonly string[]),
  ttlSeconds: number,
  load: () => Promise<T>,
) {
  const s = state();
  await listen(s);
  // A JSON copy, as a cache outside the process would give: what is kept is never the object the loader made.
  return s.cache.get(JSON.stringify(key), tags, ttlSeconds, async () =>
    JSON.parse(JSON.stringify((await load()) ?? null)),
  ) as Promise<T>;
}

/** Drops the entries under `tags` here at once and on every other instance ("*": everything). Never throws. */
export async function invalidateTags(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  state().cache.invalidate(tags);
  try {
    const handle = await getHandle();
    for (let i = 0; i < tags.length; i += BATCH)
      await handle.notify(CHANNEL, JSON.stringify({ from: INSTANCE, tags: tags.slice(i, i + BATCH) }));
  } catch (error) {
    console.error("[cache] notification failed", (error as Error).name);
  }
}

/** Bumped by every invalidation here or elsewhere: in-process copies (the embed's bytes) made before are stale. */
export function cacheVersion(): number {
  return state().cache.version;
}
