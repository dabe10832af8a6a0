/** What a user may see and do, by role and scope: readable names over the rules table (./rules). Pure. */
import type { SessionUser } from "./roles";
import { reaches } from "./rules";

export interface OrgRef {
  id: number;
  municipalityId: number;
  regionId: number;
}

const place = (org: OrgRef) => ({
  organisationId: org.id,
  municipalityId: org.municipalityId,
  regionId: org.regionId,
});

/** Organisation card, report and aggregated figures. */
export function canViewOrganisation(user: SessionUser, org: OrgRef): boolean {
  return reaches(user, "viewOrganisation", place(org));
}

/** Names and personal data in the registers: never the ministry. */
export function canReadRegisters(user: SessionUser, org: OrgRef): boolean {
  return reaches(user, "readRegisters", place(org));
}

/** Registers, programmes, documents, events, the card: the curator of the organisation, or the admin. */
export function canEditOrganisation(user: SessionUser, org: OrgRef): boolean {
  return reaches(user, "editOrganisation", place(org));
}

export function canViewMunicipality(user: SessionUser, m: { id: number; regionId: number }): boolean {
  return reaches(user, "viewMunicipality", { municipalityId: m.id, regionId: m.regionId });
}
