/** The page a form goes to after a success. Pure: used by the form (with JavaScript) and its action (without). */

/** The hidden field that names the page to go to after a success: `{id}` etc. are filled from the result. */
export const NEXT_FIELD = "$next";

/**
 * A path on this site (never «//host» or «/\host»), with `{key}` filled from the saved record («{id}»); null
 * when the template is not such a path or the record lacks a key.
 */
export function nextPath(template: unknown, data: unknown): string | null {
  if (typeof template !== "string" || !/^\/(?![/\\])/.test(template) || template.length > 2000) return null;
  const fields = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  let missing = false;
  const path = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = fields[key];
    if (typeof value === "string" || typeof value === "number") return encodeURIComponent(String(value));
    missing = true;
    return "";
  });
  return missing ? null : path;
}
