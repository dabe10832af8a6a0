/** Ids beyond PostgreSQL's integer range are «not found» with a Russian message, never a database error. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTenant, type Tenant } from "./support/factories";
import { getExport, postImport, xlsxFile, MENTEE_HEADER } from "./support/register-files";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const HUGE = 99_999_999_999;
let t: Tenant;
beforeAll(async () => {
  t = await createTenant("huge");
});

describe("ids too large for the database", () => {
  it("actions answer in Russian without an internal error", async () => {
    signInAs(t.users.admin);
    const { updatePersonAction } = await import("@/lib/registry/persons/actions");
    const { submitReportAction } = await import("@/lib/reports/actions");
    const { updateOrganisationCardAction } = await import("@/lib/organisations/actions");
    const { archiveDocumentAction } = await import("@/lib/registry/documents/actions");
    const { restoreEventAction } = await import("@/lib/registry/events/actions");
    const results = [
      await archiveDocumentAction({ id: HUGE, organisationId: t.orgId, updatedAt: "вчера" }),
      await restoreEventAction({ id: HUGE, organisationId: t.orgId }),
      await updatePersonAction({
        id: HUGE,
        organisationId: HUGE,
        updatedAt: "вчера",
        surname: "А",
        name: "Б",
        category: "teacher",
      }),
      await submitReportAction({ reportId: HUGE, version: 1 }),
      await updateOrganisationCardAction({
        id: t.orgId,
        updatedAt: "не дата",
        fullName: "Школа № 1",
        shortName: "СОШ № 1",
        address: "",
        directorName: "",
        phone: "",
        email: "",
        website: "",
        learners10to18: 1,
        teachingStaff: 1,
        youngTeachers: 0,
        curatorName: "",
        curatorContact: "",
      }),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.formError ?? "").toMatch(/[а-я]/i);
      expect(r.formError ?? "").not.toMatch(/внутренней ошибки/);
    }
  });

  it("the register export and import routes answer 4xx", async () => {
    signInAs(t.users.admin);
    expect((await getExport("mentees", HUGE)).status).toBeLessThan(500);
    const bytes = await xlsxFile([MENTEE_HEADER]);
    expect((await postImport({ bytes, kind: "mentees", org: HUGE })).status).toBeLessThan(500);
  });
});
