/** A LIKE pattern that finds `text` anywhere, with %, _ and \ taken literally. Pure. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
