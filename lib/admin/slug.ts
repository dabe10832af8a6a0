import { eq, like, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { municipalities, organisations } from "@/db/schema";
import { slugify } from "@/lib/translit";

const LEGAL_FORMS = new Set([
  "mbou",
  "mkou",
  "maou",
  "mou",
  "gbou",
  "gou",
  "bou",
  "kou",
  "chou",
  "bpou",
  "gapou",
  "gbpou",
  "mbudo",
  "mbu",
  "mau",
  "oo",
]);

/** Pure: the latin slug of a name (no legal-form prefix), at most 60 characters. */
export function nameSlug(name: string): string {
  const words = slugify(name).split("-").filter(Boolean);
  const meaningful = words.filter((w) => !LEGAL_FORMS.has(w));
  return (meaningful.length ? meaningful : words).join("-").slice(0, 60).replace(/-+$/, "");
}

/** Pure: an organisation's slug base, like the demo's: the municipality's slug, then the short name. */
export function organisationSlugBase(municipalitySlug: string, shortName: string): string {
  return [municipalitySlug.slice(0, 40), nameSlug(shortName)].filter(Boolean).join("-");
}

/** Pure: `base`, or `base-2`, `base-3`… — the first one not in `taken`. */
export function freeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A slug from `base` that no municipality (or organisation) has yet, nor any of `reserved`. */
export async function uniqueSlug(
  tx: DbOrTx,
  table: "municipalities" | "organisations",
  base: string,
  reserved: Iterable<string> = [],
): Promise<string> {
  const t = table === "municipalities" ? municipalities : organisations;
  const root = base || (table === "municipalities" ? "mo" : "org");
  const rows = await tx
    .select({ slug: t.slug })
    .from(t)
    .where(or(eq(t.slug, root), like(t.slug, `${root}-%`)));
  return freeSlug(root, [...rows.map((r) => r.slug), ...reserved]);
}
