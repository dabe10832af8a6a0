import { describe, expect, it } from "vitest";
import { safeCallbackPath, isPublicPath } from "@/lib/auth/config";
import { canEditOrganisation, canReadRegisters, canViewOrganisation } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches, rolesWith } from "@/lib/auth/rules";
import { assignableRoles } from "@/lib/admin/users/roles";
import { coverageText, formatPercent, percent } from "@/lib/indicators/formulas";
import { quarterIn } from "@/lib/clock";
import { defaultDeadline, quarterEnd } from "@/lib/reports/domain";
import { tableRows } from "@/lib/indicators/view";
import { completeness, completenessShare, displayStatus } from "@/lib/reports/status";

const user = (role: SessionUser["role"], scope: Partial<SessionUser>): SessionUser => ({
  id: 1,
  email: "u@x.ru",
  name: "U",
  role,
  organisationId: null,
  municipalityId: null,
  regionId: null,
  ...scope,
});
const org = { id: 10, municipalityId: 5, regionId: 1 };

describe("scope", () => {
  it("lets a curator see and edit only the own organisation", () => {
    expect(canViewOrganisation(user("curator", { organisationId: 10 }), org)).toBe(true);
    expect(canViewOrganisation(user("curator", { organisationId: 11 }), org)).toBe(false);
    expect(canEditOrganisation(user("curator", { organisationId: 11 }), org)).toBe(false);
  });
  it("lets a coordinator read the municipality's registers but edit nothing", () => {
    const c = user("coordinator", { municipalityId: 5 });
    expect(canReadRegisters(c, org)).toBe(true);
    expect(canEditOrganisation(c, org)).toBe(false);
    expect(canViewOrganisation(user("coordinator", { municipalityId: 6 }), org)).toBe(false);
  });
  it("never lets the ministry read registers, nor anyone another region", () => {
    expect(canViewOrganisation(user("ministry", { regionId: 1 }), org)).toBe(true);
    expect(canReadRegisters(user("ministry", { regionId: 1 }), org)).toBe(false);
    expect(canViewOrganisation(user("admin", { regionId: 2 }), org)).toBe(false);
  });
});

describe("the federal level (country reach)", () => {
  const federal = user("federal", {});
  it("sees every region's organisations, municipalities and figures, and reads or edits nothing personal", () => {
    for (const place of [org, { id: 99, municipalityId: 77, regionId: 42 }]) {
      expect(canViewOrganisation(federal, place)).toBe(true);
      expect(canReadRegisters(federal, place)).toBe(false);
      expect(canEditOrganisation(federal, place)).toBe(false);
      expect(reaches(federal, "viewRegion", { regionId: place.regionId })).toBe(true);
      expect(reaches(federal, "viewMunicipality", place)).toBe(true);
    }
    for (const p of [
      "readRegisters",
      "editOrganisation",
      "reviewReports",
      "manageUsers",
      "readAudit",
      "administerRegion",
    ] as const)
      expect(rolesWith(p)).not.toContain("federal");
  });
  it("is never given by a region's admin, and the region roles stay inside their region", () => {
    expect(assignableRoles(user("admin", { regionId: 1 }))).not.toContain("federal");
    expect(assignableRoles(user("admin", { regionId: 1 }))).toContain("ministry");
    expect(reaches(user("ministry", { regionId: 1 }), "viewRegion", { regionId: 2 })).toBe(false);
    expect(reaches(user("admin", { regionId: 1 }), "viewRegion", { regionId: 2 })).toBe(false);
    // A region role without a region reaches nothing (never the country by accident).
    expect(reaches(user("ministry", {}), "viewRegion", { regionId: 1 })).toBe(false);
  });
});

describe("callback path", () => {
  it("keeps only path and query, never another host", () => {
    expect(safeCallbackPath("http://localhost:3000/orgs/5?x=1")).toBe("/orgs/5?x=1");
    expect(safeCallbackPath("https://evil.example/steal")).toBe("/steal");
    expect(safeCallbackPath("//evil.example")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/home");
    expect(safeCallbackPath("/login")).toBe("/home");
  });
  it("knows the public paths", () => {
    expect(isPublicPath("/login")).toBe(true);
    expect(isPublicPath("/embed/x")).toBe(true);
    expect(isPublicPath("/home")).toBe(false);
    expect(isPublicPath("/orgs/1")).toBe(false);
  });
});

describe("periods and statuses", () => {
  it("computes quarter ends and default deadlines", () => {
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe("2024-03-31");
    expect(quarterEnd({ year: 2024, quarter: 4 })).toBe("2024-12-31");
    expect(defaultDeadline({ year: 2024, quarter: 4 })).toBe("2025-01-10");
    expect(quarterIn("Europe/Moscow", new Date("2026-11-22T10:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
  });
  it("marks an unsent report overdue after the deadline only", () => {
    expect(displayStatus(null, "2026-10-10", "2026-10-10")).toBe("not_started");
    expect(displayStatus(null, "2026-10-10", "2026-10-11")).toBe("overdue");
    expect(displayStatus("returned", "2026-10-10", "2026-10-11")).toBe("overdue");
    expect(displayStatus("submitted", "2026-10-10", "2026-12-01")).toBe("submitted");
    expect(completeness(["approved", "submitted", "draft", "overdue"])).toBe(50);
    expect(completeness([])).toBeNull();
  });
  it("prints completeness as it is: 4 of 7 is «57,1 %», not a rounded 57 printed as «57,0 %»", () => {
    expect(formatPercent(completenessShare(4, 7))).toBe("57,1 %");
    expect(
      formatPercent(
        completeness(["approved", "submitted", "approved", "approved", "draft", "overdue", "returned"]),
      ),
    ).toBe("57,1 %");
  });
});

describe("indicator labels", () => {
  it("names indicator 2 after the territory whose table shows it", () => {
    const label = (level?: "region" | "municipality" | "organisation") =>
      tableRows([2024], new Map(), new Map(), ["2"], level)[0].label;
    expect(label("organisation")).toBe("Количество программ наставничества, реализуемых в организации");
    expect(label("municipality")).toBe("Количество программ наставничества, реализуемых в муниципалитете");
    expect(label("region")).toBe("Количество программ наставничества, реализуемых в регионе");
    expect(tableRows([2024], new Map(), new Map(), ["N1"], "organisation")[0].label).toBe(
      "Доля обучающихся, вовлечённых в наставничество",
    );
  });
});

describe("indicator arithmetic", () => {
  it("shows «нет данных» for a zero denominator, never NaN", () => {
    expect(percent({ numerator: 0, denominator: 0 })).toBeNull();
    expect(formatPercent(null)).toBe("нет данных");
    expect(formatPercent(percent({ numerator: 7, denominator: 10 }))).toBe("70,0 %");
    expect(coverageText({ covered: 3, total: 5 })).toBe("по данным 3 из 5 организаций");
    expect(coverageText({ covered: 1, total: 1 })).toBe("по данным 1 из 1 организации");
    expect(coverageText({ covered: 20, total: 21 })).toBe("по данным 20 из 21 организации");
    expect(coverageText({ covered: 2, total: 2 })).toBe("по данным 2 из 2 организаций");
    expect(coverageText({ covered: 11, total: 11 })).toBe("по данным 11 из 11 организаций");
    // Digits grouped by a no-break space, as the rest of the pages write counts.
    expect(coverageText({ covered: 53990, total: 54023 })).toBe(
      "по данным 53\u00a0990 из 54\u00a0023 организаций",
    );
  });
});
