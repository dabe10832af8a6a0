/** What a user may see and do, by role and scope (spec/domain.md, «Roles»). Pure. */
import type { SessionUser } from "./roles";

export interface OrgRef {
  id: number;
  municipalityId: number;
  regionId: number;
}

/** Organisation card, report and aggregated figures. */
export function canViewOrganisation(user: SessionUser, org: OrgRef): boolean {
  switch (user.role) {
    case "curator":
      return user.organisationId === org.id;
    case "coordinator":
      return user.municipalityId === org.municipalityId;
    case "ministry":
    case "admin":
      return user.regionId === org.regionId;
  }
}

/** Names and personal data in the registers: never the ministry. */
export function canReadRegisters(user: SessionUser, org: OrgRef): boolean {
  return user.role !== "ministry" && canViewOrganisation(user, org);
}

/** Registers, programmes, documents, events, the card: the curator of the organisation, or the admin. */
export function canEditOrganisation(user: SessionUser, org: OrgRef): boolean {
  if (user.role === "curator") return user.organisationId === org.id;
  return user.role === "admin" && user.regionId === org.regionId;
}

export function canViewMunicipality(user: SessionUser, m: { id: number; regionId: number }): boolean {
  if (user.role === "curator") return false;
  if (user.role === "coordinator") return user.municipalityId === m.id;
  return user.regionId === m.regionId;
}
