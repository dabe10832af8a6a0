import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execRows, migrateDb, openDb, type DbHandle } from "@/db/client";
import { seedDemo } from "@/lib/demo";
import { DEMO_CITY_NAME, DEMO_CURATOR_SCHOOL } from "@/lib/demo/accounts";
import { overdueRoadmapItems } from "@/lib/roadmap/queries";

const TODAY = new Date("2026-11-22T12:00:00Z");
const SMALL = { municipalities: 4, organisations: 24, citySchools: 8, learnerScale: 0.3 };

describe("the demo region's roadmaps", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openDb({ dataDir: "memory://" });
    await migrateDb(h);
    await seedDemo(h.db, { today: TODAY, size: SMALL });
  });
  afterAll(async () => h?.close());

  it("has a roadmap for the region, every municipality and most organisations, built from seed 001's items", async () => {
    const [c] = await execRows<{
      region: number;
      munis: number;
      orgs: number;
      all_orgs: number;
      sections: number;
    }>(
      h.db,
      sql`select count(*) filter (where organisation_id is null and municipality_id is null)::int as region,
            count(distinct municipality_id)::int as munis, count(distinct organisation_id)::int as orgs,
            (select count(*) from organisations)::int as all_orgs,
            count(*) filter (where is_section)::int as sections
          from roadmap_items`,
    );
    expect(c.region).toBeGreaterThan(5);
    expect(c.munis).toBe(4);
    expect(c.orgs).toBeGreaterThanOrEqual(Math.floor(c.all_orgs * 0.6));
    expect(c.sections).toBeGreaterThan(c.orgs * 3);
    const [curator] = await execRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from roadmap_items r join organisations o on o.id = r.organisation_id where o.short_name = ${DEMO_CURATOR_SCHOOL}`,
    );
    expect(curator.n).toBeGreaterThan(10);
  });

  it("keeps most past items done with their date, and some overdue for the city's coordinator to see", async () => {
    const [s] = await execRows<{ done: number; open_past: number; bad_done: number }>(
      h.db,
      sql`select count(*) filter (where status = 'done')::int as done,
            count(*) filter (where status in ('planned','in_progress') and due_date < '2026-01-01')::int as open_past,
            count(*) filter (where status = 'done' and (done_date is null or done_date > '2026-11-22'))::int as bad_done
          from roadmap_items where not is_section`,
    );
    expect(s.done).toBeGreaterThan(s.open_past * 3);
    expect(s.open_past).toBeGreaterThan(0);
    expect(s.bad_done).toBe(0);
    const [city] = await execRows<{ id: number; region_id: number }>(
      h.db,
      sql`select id, region_id from municipalities where name = ${DEMO_CITY_NAME}`,
    );
    const overdue = await overdueRoadmapItems(h.db, {
      regionId: city.region_id,
      municipalityId: city.id,
      levels: ["organisation"],
      today: "2026-11-22",
    });
    expect(overdue.length).toBeGreaterThan(0);
  });
});
