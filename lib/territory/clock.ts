import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { regionAtLookup } from "@/lib/auth/sessions";
import { clockIn, DEFAULT_TIME_ZONE, type Clock } from "@/lib/clock";
import { cachedFigures, DIRECTORY_TAG } from "@/lib/indicators/cache";

/** The region's time zone (set by its admin); the default when the region is unknown. */
export async function regionZone(db: DbOrTx, regionId: number | null | undefined): Promise<string> {
  if (regionId == null) return DEFAULT_TIME_ZONE;
  const [row] = await db.select({ zone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  return row?.zone ?? DEFAULT_TIME_ZONE;
}

type UserPlace = Pick<SessionUser, "regionId" | "municipalityId" | "organisationId">;

/** The region the user works in: their own (ministry, admin), their municipality's or organisation's. */
export async function userRegionId(db: DbOrTx, user: UserPlace): Promise<number | null> {
  if (user.regionId != null) return user.regionId;
  if (user.municipalityId != null) {
    const [row] = await db
      .select({ regionId: municipalities.regionId })
      .from(municipalities)
      .where(eq(municipalities.id, user.municipalityId));
    return row?.regionId ?? null;
  }
  if (user.organisationId != null) {
    const [row] = await db
      .select({ regionId: municipalities.regionId })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, user.organisationId));
    return row?.regionId ?? null;
  }
  return null;
}

// Read once per request (React cache): a page and its components ask for the same clock several times.
// The zone itself is kept across requests until a directory changes (the admin's change of the zone is one,
// lib/admin/region/mutations.ts): nearly every page asks for it.
const regionZoneOnce = cache((id: number) =>
  cachedFigures(["zone", id], [DIRECTORY_TAG], async () => regionZone(await getDb(), id)),
);
const userRegionIdOnce = cache(
  async (regionId: number | null, municipalityId: number | null, organisationId: number | null) =>
    userRegionId(await getDb(), { regionId, municipalityId, organisationId }),
);

/**
 * The region the user works in, read once per request: the user's clock and the periods of their pages ask
 * for it, and the region's zone is then the same read as `regionClock`'s.
 */
export function sessionRegionId(user: UserPlace): Promise<number | null> {
  // The session's lookup read it with the user: no statement of its own.
  const known = regionAtLookup(user);
  if (known !== undefined) return Promise.resolve(known);
  return userRegionIdOnce(user.regionId, user.municipalityId, user.organisationId);
}

/** The clock of a region. */
export async function regionClock(regionId: number): Promise<Clock> {
  return clockIn(await regionZoneOnce(regionId));
}

/** The clock of the region the user works in. */
export async function userClock(user: SessionUser): Promise<Clock> {
  const regionId = await sessionRegionId(user);
  return regionId == null ? clockIn(DEFAULT_TIME_ZONE) : regionClock(regionId);
}
