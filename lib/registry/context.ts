import { isId } from "@/lib/validation";
import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/roles";
import { canEditOrganisation, canReadRegisters } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { getOrganisation } from "@/lib/organisations/queries";

/**
 * The organisation whose registers a page shows: the curator's own, or (coordinator, admin) the one named by
 * `?org=`. The ministry and anyone out of scope get «not found». `canEdit` is false for coordinators.
 */
export async function registryContext(user: SessionUser, orgParam: string | string[] | undefined) {
  const id =
    user.role === "curator" ? user.organisationId : Number(Array.isArray(orgParam) ? orgParam[0] : orgParam);
  if (!isId(id)) notFound();
  const row = await getOrganisation(user, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const ref = { id: row.org.id, municipalityId: row.municipality.id, regionId: row.municipality.regionId };
  if (!canReadRegisters(user, ref)) notFound();
  return {
    org: row.org,
    municipality: row.municipality,
    canEdit: canEditOrganisation(user, ref),
    /** Query suffix that keeps the chosen organisation in links ("" for a curator). */
    orgQuery: user.role === "curator" ? "" : `org=${row.org.id}`,
  };
}

/** Appends the organisation query to a path. */
export function withOrg(path: string, orgQuery: string): string {
  if (!orgQuery) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${orgQuery}`;
}
