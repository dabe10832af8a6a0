/**
 * The current year is in view: every indicator view runs from the programme's first year to this year by
 * default (the 2021–2024 programme period stays a preset), and a year asked for outside the span widens it
 * instead of being silently replaced by another year.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadIndicator } from "@/lib/indicators/chart-data";
import { loadTable } from "@/lib/indicators/page-data";
import { yearSpan } from "@/lib/indicators/params";
import { orgPublicData } from "@/lib/public/loaders";
import { currentYear, indicatorYears, programmeYears } from "@/lib/settings";
import { createTenant, type Tenant } from "./support/factories";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const params = (q: Record<string, string>) => (k: string) => q[k];
const YEAR = currentYear();

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("year");
});

describe("the years in view", () => {
  it("run from the programme's start to the current year by default", async () => {
    expect(await programmeYears()).toEqual({ from: 2021, to: 2024 });
    expect(await indicatorYears()).toEqual({ from: 2021, to: Math.max(2024, YEAR) });
    expect(await indicatorYears(new Date("2027-06-01T00:00:00Z"))).toEqual({ from: 2021, to: 2027 });
    // The year begins in the easternmost zone first.
    expect(currentYear(new Date("2026-12-31T14:00:00Z"))).toBe(2027);
  });

  it("widen to a year asked for outside them, never clamp it", () => {
    const setting = { from: 2021, to: 2024 };
    expect(yearSpan(params({ year: "2026" }), setting)).toEqual({ from: 2021, to: 2026 });
    expect(yearSpan(params({ year: "2019" }), setting)).toEqual({ from: 2019, to: 2024 });
    expect(yearSpan(params({ from: "2022", to: "2023", year: "2025" }), setting)).toEqual({
      from: 2022,
      to: 2025,
    });
    // Too wide: the asked year stays inside the cut span.
    expect(yearSpan(params({ from: "2000", to: "2040", year: "2005" }), setting)).toEqual({
      from: 2000,
      to: 2019,
    });
    expect(yearSpan(params({ from: "2000", to: "2040" }), setting)).toEqual({ from: 2021, to: 2040 });
  });

  it("the indicator table, the chart page and the school's public page show the current year", async () => {
    const table = await loadTable(t.users.ministry, params({}));
    expect(table.years.at(-1)).toBe(Math.max(2024, YEAR));
    const chart = await loadIndicator(t.users.ministry, params({ year: String(YEAR) }), "N1");
    expect(chart.year).toBe(YEAR);
    expect(chart.years).toContain(YEAR);
    const far = await loadIndicator(t.users.ministry, params({ year: String(YEAR + 3) }), "N1");
    expect(far.year).toBe(YEAR + 3);
    expect(far.to).toBe(YEAR + 3);
    const page = await orgPublicData(t.orgId);
    expect(page?.indicators.years.at(-1)).toBe(Math.max(2024, YEAR));
  });
});
