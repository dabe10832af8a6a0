import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations, regions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { clockIn, DEFAULT_TIME_ZONE, type Clock } from "@/lib/clock";

/** The region's time zone (set by its admin); the default when the region is unknown. */
export async function regionZone(db: DbOrTx, regionId: number | null | undefined): Promise<string> {
  if (regionId == null) return DEFAULT_TIME_ZONE;
  const [row] = await db.select({ zone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  return row?.zone ?? DEFAULT_TIME_ZONE;
}

/** The time zone of the municipality's region. */
export async function municipalityZone(db: DbOrTx, municipalityId: number): Promise<string> {
  const [row] = await db
    .select({ zone: regions.timeZone })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(eq(municipalities.id, municipalityId));
  return row?.zone ?? DEFAULT_TIME_ZONE;
}

/** The time zone of the organisation's region. */
export async function organisationZone(db: DbOrTx, organisationId: number): Promise<string> {
  const [row] = await db
    .select({ zone: regions.timeZone })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(eq(organisations.id, organisationId));
  return row?.zone ?? DEFAULT_TIME_ZONE;
}

type UserPlace = Pick<SessionUser, "regionId" | "municipalityId" | "organisationId">;

/** The zone a user works in: their region's (ministry, admin), municipality's or organisation's. */
export async function userZone(db: DbOrTx, user: UserPlace): Promise<string> {
  if (user.regionId != null) return regionZone(db, user.regionId);
  if (user.municipalityId != null) return municipalityZone(db, user.municipalityId);
  if (user.organisationId != null) return organisationZone(db, user.organisationId);
  return DEFAULT_TIME_ZONE;
}

// Read once per request (React cache): a page and its components ask for the same clock several times.
const regionZoneOnce = cache(async (id: number) => regionZone(await getDb(), id));
const userZoneOnce = cache(
  async (regionId: number | null, municipalityId: number | null, organisationId: number | null) =>
    userZone(await getDb(), { regionId, municipalityId, organisationId }),
);

/** The clock of a region. */
export async function regionClock(regionId: number): Promise<Clock> {
  return clockIn(await regionZoneOnce(regionId));
}

/** The clock of the region the user works in. */
export async function userClock(user: SessionUser): Promise<Clock> {
  return clockIn(await userZoneOnce(user.regionId, user.municipalityId, user.organisationId));
}
