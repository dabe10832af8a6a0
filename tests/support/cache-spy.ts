/**
 * Records every tag the app invalidates in the shared data cache (lib/cache), then invalidates it for real:
 * `vi.mock("@/lib/cache", (original) => recordInvalidations(original, invalidated))`, where `invalidated` is a
 * hoisted vi.fn() called once per tag.
 */
import type * as Cache from "@/lib/cache";

export async function recordInvalidations(
  importOriginal: () => Promise<unknown>,
  record: (tag: string) => void,
) {
  const actual = (await importOriginal()) as typeof Cache;
  return {
    ...actual,
    invalidateTags: async (tags: string[]) => {
      for (const tag of tags) record(tag);
      return actual.invalidateTags(tags);
    },
  };
}
