import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { programmes } from "@/db/schema";
import { createTenant, type Tenant } from "./support/factories";
import { CONSENT, MENTEE_HEADER, postImport, xlsxFile } from "./support/register-files";
import { createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("imp-prog");
  // Two programmes of the format: the import cannot tell which one the pairs belong to.
  await createProgramme(t.orgId, { title: "Первая", format: "teacher_pupil" });
  await createProgramme(t.orgId, { title: "Вторая", format: "teacher_pupil" });
});

const file = (surname: string) =>
  xlsxFile([
    [...MENTEE_HEADER, CONSENT],
    [
      1,
      `${surname} Анна Петровна`,
      2012,
      "Запрос",
      "01.09.2025",
      "Учителева Ольга Ивановна",
      "Педагог – ученик",
      "Школа",
      "",
      "",
      "",
      "",
      "01.09.2025",
    ],
  ]);

describe("programmes made by imports", () => {
  it("reuses the programme an earlier import of the same day created, instead of making another", async () => {
    signInAs(t.users.curator);
    expect(
      (
        await postImport({
          bytes: await file("Первова"),
          kind: "mentees",
          step: "commit",
          rows: "valid",
          confirmNew: true,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await postImport({
          bytes: await file("Вторева"),
          kind: "mentees",
          step: "commit",
          rows: "valid",
          confirmNew: true,
        })
      ).status,
    ).toBe(200);
    const db = await getDb();
    const made = await db
      .select()
      .from(programmes)
      .where(and(eq(programmes.organisationId, t.orgId), like(programmes.title, "%(импорт %")));
    expect(made).toHaveLength(1);
  });
});
