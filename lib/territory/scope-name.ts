import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { cachedFigures, DIRECTORY_TAG, registersTag } from "@/lib/indicators/cache";

/** An organisation's short name, kept until the organisation changes. */
export function organisationName(id: number): Promise<string> {
  return cachedFigures(["name", "organisation", id], [registersTag(id)], async () => {
    const db = await getDb();
    const [o] = await db
      .select({ n: organisations.shortName })
      .from(organisations)
      .where(eq(organisations.id, id));
    return o?.n ?? "";
  });
}

/** A municipality's name, kept until a directory changes. */
export function municipalityName(id: number): Promise<string> {
  return cachedFigures(["name", "municipality", id], [DIRECTORY_TAG], async () => {
    const db = await getDb();
    const [m] = await db
      .select({ n: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, id));
    return m?.n ?? "";
  });
}

/** A region's name, kept until a directory changes. */
export function regionName(id: number): Promise<string> {
  return cachedFigures(["name", "region", id], [DIRECTORY_TAG], async () => {
    const db = await getDb();
    const [r] = await db.select({ n: regions.name }).from(regions).where(eq(regions.id, id));
    return r?.n ?? "";
  });
}

/** The name of the user's scope: organisation, municipality, region or (the federal level) the country (once per request). */
export const scopeName = cache(async (user: SessionUser): Promise<string> => {
  if (user.role === "federal") return "Российская Федерация";
  if (user.organisationId) return organisationName(user.organisationId);
  if (user.municipalityId) return municipalityName(user.municipalityId);
  if (user.regionId) return regionName(user.regionId);
  return "";
});
