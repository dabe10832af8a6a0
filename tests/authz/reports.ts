import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reports } from "@/db/schema";
import { systemOrg } from "@/lib/auth/scoped";
import { buildForm1, computeFromRegisters } from "@/lib/reports/compute";
import type { ReportStatus } from "@/lib/reports/status";
import { openPeriods, regionOfOrganisation } from "../support/periods";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

let quarter = 0;

/**
 * A fresh report of the organisation in the given state, in a period of its own, open in the organisation's
 * region (drafting outside an open period is refused whoever asks: tests/reports.test.ts).
 */
async function reportIn(organisationId: number, status: ReportStatus) {
  const db = await getDb();
  quarter += 1;
  const period = { year: 2000 + Math.floor(quarter / 4), quarter: (quarter % 4) + 1 };
  await openPeriods(await regionOfOrganisation(organisationId), period);
  const org = await systemOrg(db, organisationId);
  const [{ form1 }, computed] = await Promise.all([
    buildForm1(db, org, period),
    computeFromRegisters(db, org, period),
  ]);
  const [r] = await db
    .insert(reports)
    .values({ organisationId, ...period, status, form1, ...computed })
    .returning();
  return r;
}

const form1 = (r: Awaited<ReturnType<typeof reportIn>>) => ({
  directorName: "",
  phone: "",
  email: "",
  address: "",
  curatorName: "",
  learners10to18: r.form1.learners10to18,
  teachingStaff: r.form1.teachingStaff,
  youngTeachers: r.form1.youngTeachers,
});

async function exists(organisationId: number, year: number, q: number) {
  const db = await getDb();
  return (
    (
      await db
        .select()
        .from(reports)
        .where(
          and(eq(reports.organisationId, organisationId), eq(reports.year, year), eq(reports.quarter, q)),
        )
    ).length > 0
  );
}

export const rows: Record<string, MatrixRow> = {
  createReportAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { createReportAction } = await import("@/lib/reports/actions");
      const org = targetOrg(ctx);
      // A period no report of the organisation has yet, open in its region.
      let y = 2020;
      while (await exists(org, y, 1)) y += 1;
      await openPeriods(await regionOfOrganisation(org), { year: y, quarter: 1 });
      return ctx.act(() => createReportAction({ organisationId: org, period: `${y}-1` }));
    },
  },
  saveReportAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { saveReportAction } = await import("@/lib/reports/actions");
      const r = await reportIn(targetOrg(ctx), "draft");
      return ctx.act(() =>
        saveReportAction({ reportId: r.id, version: r.version, mode: "register", form1: form1(r) }),
      );
    },
  },
  submitReportAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { submitReportAction } = await import("@/lib/reports/actions");
      const r = await reportIn(targetOrg(ctx), "draft");
      return ctx.act(() =>
        submitReportAction({ reportId: r.id, version: r.version, acknowledgeWarnings: true }),
      );
    },
  },
  reviewReportAction: {
    allowed: ["coordinator", "admin"],
    attempt: async (ctx) => {
      const { reviewReportAction } = await import("@/lib/reports/actions");
      const r = await reportIn(targetOrg(ctx), "submitted");
      return ctx.act(() => reviewReportAction({ reportId: r.id, version: r.version, decision: "approve" }));
    },
  },
  reopenReportAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { reopenReportAction } = await import("@/lib/reports/actions");
      const r = await reportIn(targetOrg(ctx), "approved");
      return ctx.act(() =>
        reopenReportAction({ reportId: r.id, version: r.version, reason: "Проверка прав" }),
      );
    },
  },
};
