import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { logUnexpected } from "@/lib/actions/wrapper";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { DomainError } from "@/lib/errors";
import { regionClock } from "@/lib/territory/clock";
import { checkImport } from "./check";
import { planSize, writePlan } from "./commit";
import { readTable } from "./read";
import { IMPORT_RUNNING } from "./slots";
import { loadSnapshot } from "./snapshot";
import type { ImportEvent, ImportOptions, ImportPreview, RegisterKind } from "./types";

export interface ImportRequest {
  kind: RegisterKind;
  fileName: string;
  bytes: Uint8Array;
  options: ImportOptions;
  /** false: check and preview only, nothing is written. */
  commit: boolean;
}

type Emit = (event: ImportEvent) => void | Promise<void>;

const GENERIC =
  "Не удалось выполнить импорт из-за внутренней ошибки. Ничего не записано. Попробуйте ещё раз.";
/** One import into an organisation at a time: two at once would both create the same new persons. */
const LOCK_CLASS = 7201;

class Refused extends DomainError {
  constructor(
    message: string,
    readonly preview: ImportPreview,
  ) {
    super(message);
  }
}

/**
 * Reads and checks the file, then (commit) writes it in one transaction with one audit record: all or
 * nothing. Everything is checked again inside the transaction, against the register as it is then.
 */
export async function runImport(
  user: SessionUser,
  org: EditableOrg,
  req: ImportRequest,
  emit: Emit,
): Promise<void> {
  const db = await getDb();
  try {
    const today = (await regionClock(org.regionId)).today();
    await emit({ type: "progress", phase: "read", done: 0, total: 1 });
    const table = await readTable(req.kind, req.bytes);
    if (!table.ok) throw new DomainError(table.message);
    await emit({ type: "progress", phase: "check", done: 0, total: table.rows.length });
    if (!req.commit) {
      const { preview } = checkImport(
        req.kind,
        req.fileName,
        table,
        await loadSnapshot(db, org),
        req.options,
        today,
      );
      await emit({ type: "progress", phase: "check", done: table.rows.length, total: table.rows.length });
      await emit({ type: "preview", preview });
      return;
    }
    const done = await writeTransaction(async (tx, changes) => {
      // Another instance may be importing into the organisation: refused rather than run twice.
      const [lock] = await execRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${LOCK_CLASS}, ${org.id}) as locked`,
      );
      if (!lock?.locked) throw new DomainError(IMPORT_RUNNING);
      const { preview, plan } = checkImport(
        req.kind,
        req.fileName,
        table,
        await loadSnapshot(tx, org),
        req.options,
        today,
      );
      await emit({ type: "progress", phase: "check", done: table.rows.length, total: table.rows.length });
      if (preview.errorRows > 0 && req.options.rows === "all")
        throw new Refused(
          `В файле есть ошибки (строк: ${preview.errorRows}). Ничего не записано: исправьте файл или выберите «Импортировать только корректные строки».`,
          preview,
        );
      if (preview.validRows === 0)
        throw new Refused("В файле нет ни одной корректной строки. Ничего не записано.", preview);
      const total = planSize(plan);
      let written = 0;
      await emit({ type: "progress", phase: "write", done: 0, total });
      await writePlan(tx, org, plan, async (n) => {
        written += n;
        await emit({ type: "progress", phase: "write", done: written, total });
      });
      const result = {
        importedRows: preview.validRows,
        skippedRows: preview.errorRows,
        counts: preview.counts,
      };
      // Counts and the file's name only: the record never holds names of persons.
      await audit(tx, {
        userId: user.id,
        action: "import",
        entity: "register",
        entityId: org.id,
        organisationId: org.id,
        municipalityId: org.municipalityId,
        changes: {
          kind: req.kind,
          fileName: req.fileName,
          rows: preview.rows,
          importedRows: result.importedRows,
          skippedRows: result.skippedRows,
          newPersons: result.counts.newPersons,
          mergedPersons: result.counts.mergedPersons,
          newMentorships: result.counts.newMentorships,
          existingMentorships: result.counts.existingMentorships,
          newProgrammes: result.counts.newProgrammes.length,
          duplicates: req.options.duplicates,
          validRowsOnly: req.options.rows === "valid",
          confirmedNew: req.options.confirmNew,
        },
      });
      changes.organisation(org.id);
      return { preview, result };
    });
    await emit({ type: "done", ...done });
  } catch (error) {
    if (error instanceof Refused)
      return void (await emit({ type: "error", message: error.message, preview: error.preview }));
    if (error instanceof DomainError) return void (await emit({ type: "error", message: error.message }));
    // The first line only: database errors may quote the values of the rows.
    logUnexpected("import", error);
    await emit({ type: "error", message: GENERIC });
  }
}
