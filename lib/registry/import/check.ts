/** The preview of an import: every problem of the file and what would be written. Pure. */
import { COLUMNS, type ColumnKey } from "./columns";
import { consentLabel } from "@/lib/registry/persons/schemas";
import { minorOf, planImport, ROLE_GENITIVE, type Plan, type Snapshot } from "./plan";
import type { ImportCounts, ImportOptions, ImportPreview, Issue, RegisterKind, WarningGroup } from "./types";
import { validateRows, type RowInput } from "./validate";
import type { Table } from "./read";

type ReadTable = Extract<Table, { ok: true }>;

/** Re-plans without the rows that failed until no row fails: a dropped row may not leave a trace. */
function settle(
  kind: RegisterKind,
  inputs: RowInput[],
  snap: Snapshot,
  options: ImportOptions,
  today: string,
) {
  const failed: Issue[] = [];
  let valid = inputs;
  for (;;) {
    const run = planImport(kind, valid, snap, options, today);
    if (run.errorRows.size === 0) return { run, failed, valid };
    failed.push(...run.issues);
    valid = valid.filter((i) => !run.errorRows.has(i.line));
  }
}

function counts(plan: Plan): ImportCounts {
  const pairs = [...plan.pairs.values()];
  return {
    newPersons: plan.newPersons.length,
    mergedPersons: plan.mergedPersons.size,
    newMentorships: pairs.filter((p) => !p.existing).length,
    existingMentorships: pairs.filter((p) => p.existing).length,
    newProgrammes: [...plan.programmes.values()].filter((p) => p.id == null).map((p) => p.title),
  };
}

/** Validates the rows, resolves them against the register, and says what the import would do on `today` (the region's). */
export function checkImport(
  kind: RegisterKind,
  fileName: string,
  table: ReadTable,
  snap: Snapshot,
  options: ImportOptions,
  today: string,
): { preview: ImportPreview; plan: Plan } {
  const checked = validateRows(kind, table.header, table.rows, today);
  // What the import would write with the new persons and programmes confirmed: the list the curator
  // confirms. Without the confirmation the rows that need them fail.
  const full = settle(kind, checked.inputs, snap, { ...options, confirmNew: true }, today);
  const proposed = full.run.proposed;
  const nothingNew = proposed.persons.length === 0 && proposed.programmes.length === 0;
  const { run, failed, valid } =
    options.confirmNew || nothingNew ? full : settle(kind, checked.inputs, snap, options, today);
  const issues = [...checked.issues, ...failed];
  const year = Number(today.slice(0, 4));
  const role = kind === "mentees" ? ROLE_GENITIVE.mentee : ROLE_GENITIVE.mentor;
  for (const input of valid) {
    const p = run.describe(run.rowSlot.get(input)!);
    const learner = p.category === "pupil" || p.category === "college_student";
    if (kind === "mentees" && learner && p.birthYear == null)
      issues.push({
        row: input.line,
        column: table.header.labels.birthYear ?? COLUMNS.mentees.birthYear[0],
        message: "Не указан год рождения: наставляемый не попадёт в счёт обучающихся 10–18 лет.",
        level: "warning",
      });
    // A minor without a consent is a row error (planImport); an adult's consent the card asks for.
    if (!minorOf(p, year) && !p.consent)
      issues.push({
        row: input.line,
        column: input.labels.consent,
        message: `${consentLabel(role, false)} на обработку персональных данных не указана: внесите её в карточке участника.`,
        level: "warning",
      });
  }
  const order = Object.keys(COLUMNS[kind]);
  const position = (label: string) => {
    const key = Object.entries(table.header.labels).find(([, l]) => l === label)?.[0];
    return key ? order.indexOf(key) : order.length;
  };
  issues.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));

  const notes = table.header.unknown.map((h) => `Столбец «${h}» не относится к реестру и пропущен.`);
  for (const [key, labels] of Object.entries(COLUMNS[kind]))
    if (key !== "no" && table.header.columns[key as ColumnKey] === undefined)
      notes.push(`Нет столбца «${labels[0]}»: это поле останется пустым.`);
  const errors = issues.filter((i) => i.level === "error");
  const warnings = new Map<string, WarningGroup>();
  for (const w of issues.filter((i) => i.level === "warning")) {
    const key = `${w.column}\u0000${w.message}`;
    const group = warnings.get(key) ?? { column: w.column, message: w.message, rows: [] };
    group.rows.push(w.row);
    warnings.set(key, group);
  }
  const errorRows = new Set(errors.map((i) => i.row));
  return {
    plan: run.plan,
    preview: {
      kind,
      fileName,
      headerRow: table.headerLine,
      rows: checked.rows,
      validRows: valid.length,
      errorRows: errorRows.size,
      errors,
      warnings: [...warnings.values()],
      notes,
      duplicates: run.duplicates,
      counts: counts(run.plan),
      proposed,
      confirmedNew: options.confirmNew,
    },
  };
}
