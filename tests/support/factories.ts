import { hash } from "@node-rs/argon2";
import { getDb } from "@/db";
import { municipalities, organisations, regions, users } from "@/db/schema";
import type { Role, SessionUser } from "@/lib/auth/roles";

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

function uid() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export interface Tenant {
  regionId: number;
  municipalityId: number;
  siblingMunicipalityId: number;
  orgId: number;
  siblingOrgId: number;
  otherMunicipalityOrgId: number;
  users: Record<Role | "siblingCurator" | "siblingCoordinator", SessionUser>;
}

/** A region of its own for one suite: two municipalities, three organisations, a user of every role (federal: of none). */
export async function createTenant(label = "t"): Promise<Tenant> {
  const db = await getDb();
  const id = `${label}-${uid()}`;
  const [region] = await db
    .insert(regions)
    .values({ name: `Тестовая область ${id}`, code: id })
    .returning();
  const [muni, sibling] = await db
    .insert(municipalities)
    .values([
      { regionId: region.id, name: `Район А ${id}`, slug: `a-${id}` },
      { regionId: region.id, name: `Район Б ${id}`, slug: `b-${id}` },
    ])
    .returning();
  const [org, siblingOrg, otherOrg] = await db
    .insert(organisations)
    .values([
      {
        municipalityId: muni.id,
        fullName: "Школа № 1",
        shortName: "СОШ № 1",
        slug: `s1-${id}`,
        learners10to18: 300,
        teachingStaff: 40,
        youngTeachers: 5,
      },
      {
        municipalityId: muni.id,
        fullName: "Школа № 2",
        shortName: "СОШ № 2",
        slug: `s2-${id}`,
        learners10to18: 200,
        teachingStaff: 30,
        youngTeachers: 3,
      },
      {
        municipalityId: sibling.id,
        fullName: "Школа № 3",
        shortName: "СОШ № 3",
        slug: `s3-${id}`,
        learners10to18: 100,
        teachingStaff: 20,
        youngTeachers: 2,
      },
    ])
    .returning();
  const pw = await (passwordHash ??= hash(TEST_PASSWORD));
  const make = async (role: Role, key: string, scope: Partial<SessionUser>) => {
    const [u] = await db
      .insert(users)
      .values({ email: `${key}-${id}@test.local`, name: `${key} ${id}`, role, passwordHash: pw, ...scope })
      .returning();
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role,
      organisationId: u.organisationId,
      municipalityId: u.municipalityId,
      regionId: u.regionId,
    };
  };
  return {
    regionId: region.id,
    municipalityId: muni.id,
    siblingMunicipalityId: sibling.id,
    orgId: org.id,
    siblingOrgId: siblingOrg.id,
    otherMunicipalityOrgId: otherOrg.id,
    users: {
      curator: await make("curator", "curator", { organisationId: org.id }),
      siblingCurator: await make("curator", "curator2", { organisationId: siblingOrg.id }),
      coordinator: await make("coordinator", "coord", { municipalityId: muni.id }),
      siblingCoordinator: await make("coordinator", "coord2", { municipalityId: sibling.id }),
      ministry: await make("ministry", "ministry", { regionId: region.id }),
      admin: await make("admin", "admin", { regionId: region.id }),
      // The federal level belongs to no region: it sees every one (figures only, never personal data).
      federal: await make("federal", "federal", {}),
    },
  };
}
