/** Roles and what a signed-in user carries about them. Pure: safe in client bundles. */
export const ROLES = ["curator", "coordinator", "ministry", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  curator: "Куратор организации",
  coordinator: "Муниципальный координатор",
  ministry: "Министерство",
  admin: "Администратор",
};

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  municipalityId: number | null;
  regionId: number | null;
}
