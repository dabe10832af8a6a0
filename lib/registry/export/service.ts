import "server-only";
import { getDb } from "@/db";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { canReadRegisters } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { getOrganisation } from "@/lib/organisations/queries";
import { REGISTER_TITLES, type RegisterKind } from "@/lib/registry/import/types";
import { regionClock } from "@/lib/territory/clock";
import { menteeRows, mentorRows } from "./layout";
import { loadRegister } from "./queries";
import { buildWorkbook } from "./workbook";

/**
 * The register as XLSX, for whoever may read it (curator of the organisation, coordinator of its
 * municipality, admin of its region; never the ministry). The file is handed out only once its audit record
 * is written: if the record fails, so does the export.
 */
export async function exportRegister(user: SessionUser, organisationId: number, kind: RegisterKind) {
  const { org, municipality } = await getOrganisation(user, organisationId);
  if (
    !canReadRegisters(user, { id: org.id, municipalityId: municipality.id, regionId: municipality.regionId })
  )
    throw new NotFoundError("Организация не найдена или недоступна.");
  const db = await getDb();
  const data = await loadRegister(db, org.id);
  const rows =
    kind === "mentees" ? menteeRows(data.persons, data.pairs) : mentorRows(data.persons, data.pairs);
  const buffer = await buildWorkbook(kind, org.fullName, rows);
  await audit(db, {
    userId: user.id,
    action: "export",
    entity: "register",
    entityId: org.id,
    organisationId: org.id,
    municipalityId: municipality.id,
    changes: { kind, rows: rows.length, format: "xlsx" },
  });
  const day = (await regionClock(municipality.regionId)).today();
  return { buffer, fileName: `${REGISTER_TITLES[kind]} — ${org.shortName} — ${day}.xlsx` };
}
