/** The four required documents: the curator's checklist and form 1 of the report judge them by one rule. */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents } from "@/db/schema";
import { systemOrg } from "@/lib/auth/scoped";
import { requiredDocumentsStatus } from "@/lib/organisations/queries";
import { buildForm1 } from "@/lib/reports/compute";
import { quarterIn } from "@/lib/clock";
import { createTenant, type Tenant } from "./support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("reqdocs");
});

describe("required documents", () => {
  it("a document dated in the future counts neither on the curator's home nor in the current report", async () => {
    const db = await getDb();
    const org = await systemOrg(db, t.orgId);
    const base = { organisationId: t.orgId, number: "1", title: "Приказ", inForce: true, public: false };
    await db.insert(documents).values([
      { ...base, type: "model_introduction", date: "2024-01-10" },
      { ...base, type: "regulation_approval", date: "2024-01-10" },
      { ...base, type: "pairs_assignment", date: "2024-01-10" },
      // Signed ahead of time: in force only from next year.
      { ...base, type: "personalised_programme", date: "2099-01-10" },
    ]);
    const status = await requiredDocumentsStatus(org);
    const { form1, documentsComplete } = await buildForm1(db, org, quarterIn("Europe/Moscow"));
    expect(status.missing).toEqual(["personalised_programme"]);
    expect(form1.documents.personalised_programme.present).toBe(false);
    expect(documentsComplete).toBe(false);
  });
});
