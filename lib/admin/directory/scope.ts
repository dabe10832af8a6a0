import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches } from "@/lib/auth/rules";
import {
  MUNICIPALITY_NOT_FOUND,
  ORG_NOT_FOUND,
  REGION_NOT_FOUND,
  scopeAdminRegion,
  type AdminRegion,
} from "@/lib/auth/scoped";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/*
 * The directory over the rails (lib/auth/scoped): the region comes from scopeAdminRegion; rows are read locked
 * in full — archived ones too, which the admin restores — and kept only when the rules let the user administer
 * the region they lie in.
 */

/** The region a form names (a new municipality, an import), if the user administers it. */
export async function scopeDirectoryRegion(user: SessionUser, regionId: number): Promise<AdminRegion> {
  const region = await scopeAdminRegion(user);
  if (region.id !== regionId) throw new NotFoundError(REGION_NOT_FOUND);
  return region;
}

/** A municipality the user administers, locked for the transaction; `active` refuses an archived one. */
export async function lockMunicipality(
  tx: DbOrTx,
  user: SessionUser,
  id: number,
  opts: { active?: boolean } = {},
) {
  const [m] = await tx.select().from(municipalities).where(eq(municipalities.id, id)).for("no key update");
  if (!m || !reaches(user, "administerRegion", { municipalityId: m.id, regionId: m.regionId }))
    throw new NotFoundError(MUNICIPALITY_NOT_FOUND);
  if (opts.active && m.archived)
    throw new ForbiddenError("Муниципалитет в архиве: сначала верните его из архива.");
  return m;
}

/** An organisation the user administers, locked for the transaction, with its region. */
export async function lockOrganisation(tx: DbOrTx, user: SessionUser, id: number) {
  const [row] = await tx
    .select({ org: organisations, regionId: municipalities.regionId })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id))
    .for("no key update", { of: organisations });
  const place = row && {
    organisationId: row.org.id,
    municipalityId: row.org.municipalityId,
    regionId: row.regionId,
  };
  if (!place || !reaches(user, "administerRegion", place)) throw new NotFoundError(ORG_NOT_FOUND);
  return row;
}
