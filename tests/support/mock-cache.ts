export function revalidatePath() {}
export function revalidateTag() {}
/** No data cache in tests: the wrapped function runs every time. */
export function unstable_cache<T>(fn: T): T {
  return fn;
}
