/** Roles and what a signed-in user carries about them. Pure: safe in client bundles. */
import type { Role } from "@/lib/vocabulary";

export { ROLE_LABELS, ROLES, type Role } from "@/lib/vocabulary";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  municipalityId: number | null;
  regionId: number | null;
}
