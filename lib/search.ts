/** A LIKE pattern that finds `text` anywhere, with %, _ and \ taken literally. Pure. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * Which page of `total` rows, `size` to a page, a list shows when `requested` is asked for: the number of pages
 * (at least 1), the page (a whole number from 1 to the last; anything else — NaN, 0, past the end — is clamped)
 * and the offset of its first row. Pure.
 */
export function pageWindow(total: number, size: number, requested: unknown) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(Number(requested)) || 1), pages);
  return { pages, page, offset: (page - 1) * size };
}
