/** Who manages which accounts, read from the rules table (lib/auth/rules, «manageUsers»). Pure. */
import { ROLES, type Role, type SessionUser } from "@/lib/auth/roles";
import { reaches, RULES, type Reach } from "@/lib/auth/rules";

/** Where an account works: the municipality (curator: of its organisation) and the region. */
export interface ScopeRef {
  role: Role;
  municipalityId: number | null;
  regionId: number | null;
}

const WIDTH: Record<Reach, number> = { none: 0, organisation: 1, municipality: 2, region: 3, country: 4 };

/**
 * Roles the actor may give: with the region's reach every role of the region (never the federal level, which
 * sees every region); below it, only roles that work at a narrower place than the actor's reach (a coordinator
 * gives curators, never another coordinator).
 */
export function assignableRoles(actor: SessionUser): Role[] {
  const reach: Reach = RULES.manageUsers[actor.role];
  if (reach === "none") return [];
  if (reach === "region") return ROLES.filter((role) => WIDTH[RULES.viewOrganisation[role]] <= WIDTH.region);
  return ROLES.filter((role) => WIDTH[RULES.viewOrganisation[role]] < WIDTH[reach]);
}

/**
 * Whether the actor manages every account of the region (the admin). Only such a manager is shown a reset
 * link of a working account: anyone else could use it to act as that account's owner.
 */
export function managesRegion(actor: SessionUser): boolean {
  return RULES.manageUsers[actor.role] === "region";
}

/** Whether the actor manages an account: a role the actor may give, at a place within the actor's reach. */
export function canManageUser(actor: SessionUser, target: ScopeRef): boolean {
  return (
    target.regionId != null &&
    assignableRoles(actor).includes(target.role) &&
    reaches(actor, "manageUsers", { municipalityId: target.municipalityId, regionId: target.regionId })
  );
}
