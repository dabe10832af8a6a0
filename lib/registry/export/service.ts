import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { REGISTER_TITLES, type RegisterKind } from "@/lib/registry/import/types";
import { regionClock } from "@/lib/territory/clock";
import { menteeRows, mentorRows } from "./layout";
import { loadRegister } from "./queries";
import { buildWorkbook } from "./workbook";

/** The register as XLSX, with the file's name and the number of rows (for the audit record). */
export async function exportRegister(org: RegisterOrg, kind: RegisterKind) {
  const db = await getDb();
  const [names] = await db
    .select({ fullName: organisations.fullName, shortName: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, org.id));
  const data = await loadRegister(db, org);
  const rows =
    kind === "mentees" ? menteeRows(data.persons, data.pairs) : mentorRows(data.persons, data.pairs);
  const buffer = await buildWorkbook(kind, names.fullName, rows);
  const day = (await regionClock(org.regionId)).today();
  return {
    buffer,
    rows: rows.length,
    fileName: `${REGISTER_TITLES[kind]} — ${names.shortName} — ${day}.xlsx`,
  };
}
