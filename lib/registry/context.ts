import "server-only";
import { pageScope } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches } from "@/lib/auth/rules";
import { organisationCard, scopeOrg, type RegisterOrg } from "@/lib/auth/scoped";

/**
 * The organisation whose registers a page shows: the curator's own, or (coordinator, admin) the one named by
 * `?org=`. The ministry and anyone out of scope get «not found». `scope` is what the register queries take;
 * `canEdit` is false for coordinators.
 */
export async function registryContext(user: SessionUser, orgParam: string | string[] | undefined) {
  const id =
    user.role === "curator" ? user.organisationId : Number(Array.isArray(orgParam) ? orgParam[0] : orgParam);
  const scope: RegisterOrg = await pageScope(scopeOrg(user, id, "registers"));
  // The scope check read this row already: no statement of its own.
  const row = await organisationCard(scope);
  return {
    scope,
    org: row.org,
    municipality: row.municipality,
    canEdit: reaches(user, "editOrganisation", { organisationId: scope.id, ...scope }),
    /** Query suffix that keeps the chosen organisation in links ("" for a curator). */
    orgQuery: user.role === "curator" ? "" : `org=${scope.id}`,
  };
}

/** Appends the organisation query to a path. */
export function withOrg(path: string, orgQuery: string): string {
  if (!orgQuery) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${orgQuery}`;
}
