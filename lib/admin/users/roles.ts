/** Who manages which accounts (spec/domain.md, «Roles»). Pure. */
import type { Role, SessionUser } from "@/lib/auth/roles";

/** Where an account works: the municipality (curator: of its organisation) and the region. */
export interface ScopeRef {
  role: Role;
  municipalityId: number | null;
  regionId: number | null;
}

/** The admin manages every account of the region; a coordinator the curators of the municipality. Pure. */
export function canManageUser(actor: SessionUser, target: ScopeRef): boolean {
  if (actor.role === "admin") return actor.regionId != null && target.regionId === actor.regionId;
  if (actor.role === "coordinator")
    return (
      target.role === "curator" &&
      actor.municipalityId != null &&
      target.municipalityId === actor.municipalityId
    );
  return false;
}

/** Roles the actor may give. */
export function assignableRoles(actor: SessionUser): Role[] {
  if (actor.role === "admin") return ["curator", "coordinator", "ministry", "admin"];
  if (actor.role === "coordinator") return ["curator"];
  return [];
}
