/** Links of the public pages carry «версия для слабовидящих» as `?vi=1` (no cookies). Pure. */

/** Whether a request asks for the version for the visually impaired. */
export function isVi(value: string | string[] | null | undefined): boolean {
  return (Array.isArray(value) ? value[0] : value) === "1";
}

/** The same address with `vi=1` when the version is on (before any #fragment). */
export function withVi(href: string, vi: boolean): string {
  if (!vi) return href;
  const [path, hash] = href.split("#", 2);
  const joined = `${path}${path.includes("?") ? "&" : "?"}vi=1`;
  return hash != null ? `${joined}#${hash}` : joined;
}

/** The switch: to the version for the visually impaired, or back (`vi=0` also clears the remembered choice). */
export function viToggleHref(path: string, vi: boolean): string {
  return `${path}?vi=${vi ? "0" : "1"}`;
}

export const orgPath = (slug: string) => `/org/${slug}`;
export const embedPath = (slug: string) => `/embed/org/${slug}`;
export const openPath = (code?: string, municipality?: string) =>
  ["/open", code, municipality].filter(Boolean).join("/");
