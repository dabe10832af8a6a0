/**
 * The organisations' list (/orgs) a page at a time: a region of hundreds or thousands of organisations is filtered,
 * counted and paged in SQL, inside the user's reach.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import { ORG_LIST_PAGE, listOrganisations, municipalitiesInReach } from "@/lib/organisations/queries";
import { createTenant, type Tenant } from "./support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("orglist");
  const db = await getDb();
  // 120 more schools in the tenant's first municipality: three pages for the ministry and the coordinator.
  await db.insert(organisations).values(
    Array.from({ length: 120 }, (_, i) => ({
      municipalityId: t.municipalityId,
      fullName: `Гимназия № ${100 + i}`,
      shortName: `Гимназия № ${100 + i}`,
      slug: `g${i}-${t.orgId}`,
      kind: "school" as const,
    })),
  );
});

describe("listOrganisations", () => {
  it("gives the ministry its region a page at a time, with the total counted in SQL", async () => {
    const first = await listOrganisations(t.users.ministry);
    expect(first.total).toBe(123);
    expect(first.pages).toBe(Math.ceil(123 / ORG_LIST_PAGE));
    expect(first.rows).toHaveLength(ORG_LIST_PAGE);
    const last = await listOrganisations(t.users.ministry, { page: first.pages });
    expect(last.rows).toHaveLength(123 - ORG_LIST_PAGE * (first.pages - 1));
    // No row on two pages.
    const ids = new Set(first.rows.map((r) => r.id));
    expect(last.rows.some((r) => ids.has(r.id))).toBe(false);
    // A page past the end shows the last one.
    expect((await listOrganisations(t.users.ministry, { page: 9999 })).page).toBe(first.pages);
  });

  it("filters by name, municipality and kind, and keeps a coordinator in the municipality", async () => {
    expect((await listOrganisations(t.users.ministry, { q: "гимназия № 10" })).total).toBe(10);
    const other = await listOrganisations(t.users.ministry, { municipalityId: t.siblingMunicipalityId });
    expect(other.rows.map((r) => r.id)).toEqual([t.otherMunicipalityOrgId]);
    expect((await listOrganisations(t.users.coordinator)).total).toBe(122);
    expect(
      (await listOrganisations(t.users.coordinator, { municipalityId: t.siblingMunicipalityId })).total,
    ).toBe(0);
    expect((await listOrganisations(t.users.ministry, { kind: "college" })).total).toBe(0);
    // An unknown kind is no filter, not an error.
    expect((await listOrganisations(t.users.ministry, { kind: "drop table" })).total).toBe(123);
    // Nor is a name every object has (it once reached the database as an enum value: a 500).
    expect((await listOrganisations(t.users.ministry, { kind: "toString" })).total).toBe(123);
  });

  it("offers the region's municipalities as a filter only to a region-wide role", async () => {
    expect((await municipalitiesInReach(t.users.ministry)).map((m) => m.id).sort()).toEqual(
      [t.municipalityId, t.siblingMunicipalityId].sort(),
    );
    expect(await municipalitiesInReach(t.users.coordinator)).toEqual([]);
  });
});
