import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { execRows } from "@/db/client";
import { municipalities, organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion } from "@/lib/auth/scoped";
import { writeTransaction, type Changes } from "@/lib/derived";
import { ConflictError, DomainError } from "@/lib/errors";
import { countOf } from "@/lib/format";
import { refused, takeImportSlot } from "@/lib/registry/import/slots";
import { uploadSheets } from "@/lib/tabular/upload";
import { TabularRefusal } from "@/lib/tabular/xlsx";
import { organisationSlugBase, uniqueSlug } from "../slug";
import { readForm1, type Form1Table } from "./form1";
import { planRows, type PlannedRow } from "./match";
import type { ImportMode, OrganisationImportPreview, OrganisationImportResult } from "./types";

const MAX_ROWS = 5_000;
/** Form 1's header is looked for in the first 15 rows. */
const HEADER_SCAN = 15;
const TOO_MANY = `В файле больше ${MAX_ROWS} строк: разделите его на несколько файлов.`;

/** XLSX (by content) or CSV: the first sheet laid out as form 1, read no further than the row limit. */
export async function readOrganisationFile(bytes: Uint8Array): Promise<Form1Table> {
  let first: Form1Table | null = null;
  try {
    for await (const sheet of uploadSheets(bytes, { maxRows: MAX_ROWS + HEADER_SCAN })) {
      const table = readForm1(sheet.rows);
      if (table.ok && (sheet.more || table.rows > MAX_ROWS)) return { ok: false, message: TOO_MANY };
      if (table.ok) return table;
      first ??= table;
    }
  } catch (error) {
    if (error instanceof TabularRefusal) return { ok: false, message: error.message };
    throw error;
  }
  return first ?? { ok: false, message: "В файле нет ни одного заполненного листа." };
}

const CARD_FIELDS = ["directorName", "phone", "email", "address"] as const;

/** The fields a row changes on an organisation already in the directory (empty contacts keep the card's). */
function updateOf(row: PlannedRow) {
  const r = row.record;
  const next: Record<string, string | number> = {
    learners10to18: r.learners10to18,
    teachingStaff: r.teachingStaff,
    youngTeachers: r.youngTeachers,
  };
  for (const k of CARD_FIELDS) if (r[k]) next[k] = r[k];
  return next;
}

async function write(
  tx: DbOrTx,
  changes: Changes,
  actor: SessionUser,
  planned: PlannedRow[],
  slugs: Map<number, string>,
) {
  let created = 0;
  let updated = 0;
  const reserved: string[] = [];
  for (const row of planned) {
    const r = row.record;
    if (row.existingId == null) {
      const slug = await uniqueSlug(
        tx,
        "organisations",
        organisationSlugBase(slugs.get(row.municipalityId)!, r.shortName),
        reserved,
      );
      reserved.push(slug);
      const values = {
        municipalityId: row.municipalityId,
        fullName: r.fullName,
        shortName: r.shortName,
        kind: r.kind,
        slug,
        ...Object.fromEntries(CARD_FIELDS.map((k) => [k, r[k]])),
        learners10to18: r.learners10to18,
        teachingStaff: r.teachingStaff,
        youngTeachers: r.youngTeachers,
      };
      const [org] = await tx.insert(organisations).values(values).returning({ id: organisations.id });
      changes.organisation(org.id);
      await audit(tx, {
        userId: actor.id,
        action: "import",
        entity: "organisation",
        entityId: org.id,
        organisationId: org.id,
        municipalityId: row.municipalityId,
        changes: { ...values, row: r.line },
      });
      created++;
    } else {
      const next = updateOf(row);
      const [org] = await tx
        .select()
        .from(organisations)
        .where(eq(organisations.id, row.existingId))
        .for("no key update");
      const diffs = diff(org as unknown as Record<string, unknown>, next);
      if (Object.keys(diffs).length === 0) continue;
      await tx
        .update(organisations)
        .set({ ...next, updatedAt: new Date() })
        .where(eq(organisations.id, org.id));
      changes.organisation(org.id);
      await audit(tx, {
        userId: actor.id,
        action: "import",
        entity: "organisation",
        entityId: org.id,
        organisationId: org.id,
        municipalityId: org.municipalityId,
        changes: { ...diffs, row: r.line },
      });
      updated++;
    }
  }
  return { created, updated };
}

/**
 * Checks a form-1 file against the directory of the admin's region and, on request, writes it in one
 * transaction: everything ("all", refused when any row has an error) or the valid rows only ("valid").
 * One import per region at a time, within the process's limit of imports (see slots.ts).
 */
export async function importOrganisations(
  actor: SessionUser,
  region: AdminRegion,
  input: { mode: ImportMode; fileName: string; bytes: Uint8Array },
): Promise<OrganisationImportResult> {
  const slot = takeImportSlot(`region:${region.id}`, IMPORT_RUNNING);
  if (refused(slot))
    throw slot.status === 409 ? new ConflictError(slot.message) : new DomainError(slot.message);
  try {
    return await check(actor, region, input);
  } finally {
    slot.release();
  }
}

/** Advisory lock class of the directory import, per region (the register import's is 7201). */
const LOCK_CLASS = 7202;
const IMPORT_RUNNING =
  "Импорт организаций в справочник региона уже выполняется: дождитесь его окончания и повторите.";

async function check(
  actor: SessionUser,
  region: AdminRegion,
  input: { mode: ImportMode; fileName: string; bytes: Uint8Array },
): Promise<OrganisationImportResult> {
  const table = await readOrganisationFile(input.bytes);
  if (!table.ok) throw new DomainError(table.message);
  return writeTransaction(async (tx, changes) => {
    // Another instance may be importing into the region: refused rather than run twice.
    const [lock] = await execRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${LOCK_CLASS}, ${region.id}) as locked`,
    );
    if (!lock?.locked) throw new ConflictError(IMPORT_RUNNING);
    const munis = await tx
      .select({
        id: municipalities.id,
        name: municipalities.name,
        archived: municipalities.archived,
        slug: municipalities.slug,
      })
      .from(municipalities)
      .where(eq(municipalities.regionId, region.id));
    const existing = await tx
      .select({
        id: organisations.id,
        municipalityId: organisations.municipalityId,
        fullName: organisations.fullName,
        shortName: organisations.shortName,
      })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(and(eq(municipalities.regionId, region.id), eq(organisations.archived, false)));
    const { planned, issues: planIssues } = planRows(table.records, munis, existing);
    const issues = [...table.issues, ...planIssues].sort((a, b) => a.row - b.row);
    const errorRows = new Set(issues.filter((i) => i.level === "error").map((i) => i.row)).size;
    const preview: OrganisationImportPreview = {
      fileName: input.fileName.slice(0, 200),
      headerRow: table.headerLine,
      rows: table.rows,
      validRows: planned.length,
      errorRows,
      create: planned.filter((p) => p.existingId == null).length,
      update: planned.filter((p) => p.existingId != null).length,
      unchanged: 0,
      issues: issues.slice(0, 500),
      notes: table.notes,
    };
    if (input.mode === "check")
      return {
        preview,
        written: null,
        message: errorRows ? `Строк с ошибками: ${errorRows}.` : "Ошибок нет: файл можно импортировать.",
      };
    if (input.mode === "all" && errorRows > 0)
      return {
        preview,
        written: null,
        message: `В файле ${countOf(errorRows, "строка", "строки", "строк")} с ошибками: ничего не записано. Исправьте их или импортируйте только верные строки.`,
      };
    if (planned.length === 0)
      return { preview, written: null, message: "В файле нет верных строк: ничего не записано." };
    const written = await write(tx, changes, actor, planned, new Map(munis.map((m) => [m.id, m.slug])));
    if (written.created) changes.region(region.id);
    preview.unchanged = planned.length - written.created - written.updated;
    return {
      preview,
      written,
      message: `Импорт завершён: добавлено организаций — ${written.created}, обновлено — ${written.updated}.`,
    };
  });
}
