import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";

/** The name of the user's scope: organisation, municipality, region or (the federal level) the country. */
export async function scopeName(user: SessionUser): Promise<string> {
  const db = await getDb();
  if (user.organisationId) {
    const [o] = await db
      .select({ n: organisations.shortName })
      .from(organisations)
      .where(eq(organisations.id, user.organisationId));
    return o?.n ?? "";
  }
  if (user.municipalityId) {
    const [m] = await db
      .select({ n: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, user.municipalityId));
    return m?.n ?? "";
  }
  if (user.role === "federal") return "Российская Федерация";
  if (user.regionId) {
    const [r] = await db.select({ n: regions.name }).from(regions).where(eq(regions.id, user.regionId));
    return r?.n ?? "";
  }
  return "";
}
