/**
 * Who may do what, and how far their reach goes: the one table of role rules (spec/domain.md, «Roles»).
 * Pure: safe in client bundles. Every scope check, action's role list and route's role list reads it.
 */
import { ROLES, type Role, type SessionUser } from "./roles";

/** How far a role's right reaches from the user's own place; «country»: every region (the federal level). */
export type Reach = "none" | "organisation" | "municipality" | "region" | "country";

export const RULES = {
  /** The organisation's card, reports and aggregated figures. */
  viewOrganisation: {
    curator: "organisation",
    coordinator: "municipality",
    ministry: "region",
    admin: "region",
    federal: "country",
  },
  /** Names and personal data in the registers: never the ministry, never the federal level. */
  readRegisters: {
    curator: "organisation",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** Registers, programmes, documents, events, the card, the report's drafting. */
  editOrganisation: {
    curator: "organisation",
    coordinator: "none",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** A municipality's figures, completeness and consolidated forms. */
  viewMunicipality: {
    curator: "none",
    coordinator: "municipality",
    ministry: "region",
    admin: "region",
    federal: "country",
  },
  /** Reviewing (returning, approving) reports. */
  reviewReports: {
    curator: "none",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** The region's figures, structure and open data (the federal level: every region's). */
  viewRegion: {
    curator: "none",
    coordinator: "none",
    ministry: "region",
    admin: "region",
    federal: "country",
  },
  /** Curators' accounts (coordinator) and every account (admin). */
  manageUsers: {
    curator: "none",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** The journal of actions. */
  readAudit: {
    curator: "none",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** The municipality's own roadmap (an organisation's follows editOrganisation). */
  editMunicipalityRoadmap: {
    curator: "none",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** The region's own roadmap. */
  editRegionRoadmap: {
    curator: "none",
    coordinator: "none",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** The bank of best practices (programmes, organisations' public contacts; no personal data). */
  viewBestPractices: {
    curator: "none",
    coordinator: "municipality",
    ministry: "region",
    admin: "region",
    federal: "none",
  },
  /** Recognising a programme as a best practice, or withdrawing it: the coordinator's level or the region's. */
  markBestPractice: {
    curator: "none",
    coordinator: "municipality",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
  /** Directory of territories and organisations, periods, targets, reopening reports. */
  administerRegion: {
    curator: "none",
    coordinator: "none",
    ministry: "none",
    admin: "region",
    federal: "none",
  },
} as const satisfies Record<string, Record<Role, Reach>>;

export type Permission = keyof typeof RULES;

/** The roles that hold a permission at all (the role gate of actions and routes). */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => RULES[permission][role] !== "none");
}

/** Where a record sits: its organisation (if any), municipality (if any) and region. */
export interface Place {
  organisationId?: number | null;
  municipalityId?: number | null;
  regionId: number;
}

/** Whether the user's reach for a permission covers a place. */
export function reaches(user: SessionUser, permission: Permission, place: Place): boolean {
  switch (RULES[permission][user.role] as Reach) {
    case "none":
      return false;
    case "organisation":
      return user.organisationId != null && place.organisationId === user.organisationId;
    case "municipality":
      return user.municipalityId != null && place.municipalityId === user.municipalityId;
    case "region":
      return user.regionId != null && place.regionId === user.regionId;
    case "country":
      return true;
  }
}
