/** Saving targets shows the new plan on the public pages at once, through the same caches visitors read. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as embedPage } from "@/app/embed/org/[slug]/route";
import { getDb } from "@/db";
import { organisations, regions } from "@/db/schema";
import { saveTargetsAction } from "@/lib/indicators/actions";
import { orgPublicData } from "@/lib/public/loaders";
import { openTerritory } from "@/lib/public/open-data";
import type { PublicIndicators } from "@/lib/public/types";
import { indicatorYears } from "@/lib/settings";
import { createTenant, type Tenant } from "./support/factories";
import { targetsStamp } from "./support/periods";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-tagged-cache"));

let t: Tenant;
let slug: string;
let code: string;
let year: number;

beforeAll(async () => {
  t = await createTenant("plan-public");
  const db = await getDb();
  [{ slug }] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, t.orgId));
  [{ code }] = await db.select({ code: regions.code }).from(regions).where(eq(regions.id, t.regionId));
  year = (await indicatorYears()).to;
});

const planOf = (indicators: PublicIndicators | undefined) =>
  indicators?.rows.find((r) => r.code === "N1")?.cells.find((c) => c.year === year)?.plan ?? null;

const embedHtml = async () =>
  (
    await embedPage(new Request(`http://localhost/embed/org/${slug}`), {
      params: Promise.resolve({ slug }),
    })
  ).text();

describe("saving targets", () => {
  it("shows the new plan on the organisation's page, its embed and the open data at once", async () => {
    // Read once first: every public loader now holds a cached copy without a plan.
    expect(planOf((await orgPublicData(t.orgId))?.indicators)).toBeNull();
    expect(planOf((await openTerritory(code, null))?.indicators)).toBeNull();
    expect(await embedHtml()).toContain(`${year}: факт нет данных, план не задан`);

    signInAs(t.users.admin);
    const saved = await saveTargetsAction({
      territory: "region",
      version: await targetsStamp(t.regionId),
      [`v:N1:${year}`]: "55",
    });
    expect(saved).toMatchObject({ ok: true, data: { changed: 1 } });

    expect(planOf((await orgPublicData(t.orgId))?.indicators)).toBe(55);
    expect(planOf((await openTerritory(code, null))?.indicators)).toBe(55);
    expect(await embedHtml()).toMatch(new RegExp(`${year}: факт нет данных, план 55`));
  });

  it("shows the municipality's own plan in place of the region's", async () => {
    signInAs(t.users.admin);
    const saved = await saveTargetsAction({
      territory: String(t.municipalityId),
      version: await targetsStamp(t.regionId, t.municipalityId),
      [`v:N1:${year}`]: "60",
    });
    expect(saved.ok).toBe(true);
    const cell = (await orgPublicData(t.orgId))?.indicators.rows
      .find((r) => r.code === "N1")
      ?.cells.find((c) => c.year === year);
    expect(cell).toMatchObject({ plan: 60, planSource: "municipality" });
    expect(await embedHtml()).toMatch(new RegExp(`${year}: факт нет данных, план 60`));
  });
});
