/**
 * Two approvals in one region committing at the same time must both reach the region's rollup. On PostgreSQL
 * the transactions really overlap (separate connections); on PGlite they queue, which the test tolerates.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { indicatorRollups, reports } from "@/db/schema";
import { refreshOrganisationYear } from "@/lib/indicators/facts";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1, ReportSummary } from "@/lib/reports/types";
import { createTenant } from "./support/factories";

const YEAR = 2022;

describe("rollups under concurrent approvals", () => {
  it("keeps every organisation's fact in the region's sum", async () => {
    const db = await getDb();
    const t = await createTenant("race");
    const orgs = [t.orgId, t.otherMunicipalityOrgId];
    for (const [i, organisationId] of orgs.entries()) {
      await db.insert(reports).values({
        organisationId,
        year: YEAR,
        quarter: 4,
        status: "approved",
        form1: { learners10to18: 100 * (i + 1) } as Form1,
        forms: emptyForms(),
        summary: { learnersAny: 10 * (i + 1), activeProgrammes: 1 } as ReportSummary,
        documentsComplete: true,
      });
    }
    // Each transaction refreshes, then holds its locks a while before committing, so that they overlap.
    await Promise.all(
      orgs.map((organisationId) =>
        db.transaction(async (tx) => {
          await refreshOrganisationYear(tx, organisationId, YEAR);
          await tx.execute(sql`select pg_sleep(0.2)`);
        }),
      ),
    );
    const [region] = await db
      .select()
      .from(indicatorRollups)
      .where(
        and(
          eq(indicatorRollups.level, "region"),
          eq(indicatorRollups.territoryId, t.regionId),
          eq(indicatorRollups.year, YEAR),
        ),
      );
    expect(region).toMatchObject({ covered: 2, learnersAny: 30, learners: 300 });
  });
});
