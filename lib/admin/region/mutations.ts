import "server-only";
import { eq } from "drizzle-orm";
import { regions } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion } from "@/lib/auth/scoped";
import type { TimeZone } from "@/lib/clock";
import { writeTransaction } from "@/lib/derived";

/**
 * Sets the region's time zone: from now on its «today», deadlines and displayed times follow it.
 * One field, the last choice wins: there is nothing for an optimistic lock to protect.
 */
export async function setRegionTimeZone(actor: SessionUser, region: AdminRegion, timeZone: TimeZone) {
  return writeTransaction(async (tx, changes) => {
    const [current] = await tx
      .select({ timeZone: regions.timeZone })
      .from(regions)
      .where(eq(regions.id, region.id))
      .for("no key update");
    if (current.timeZone === timeZone) return { timeZone, changed: false };
    await tx.update(regions).set({ timeZone }).where(eq(regions.id, region.id));
    await audit(tx, {
      userId: actor.id,
      action: "update",
      entity: "region",
      entityId: region.id,
      changes: { timeZone: [current.timeZone, timeZone] },
    });
    // Public pages show the region's dates (approval days, the current year).
    changes.region(region.id);
    return { timeZone, changed: true };
  });
}
