/** Matching form-1 records to the directory: municipalities by name, organisations already there. Pure. */
import type { Issue } from "@/lib/registry/import/types";
import { FORM1_COLUMNS, type Form1Record } from "./form1";

/** Words that only say what kind of municipality it is. */
const NOISE = /^(муниципальн|район|округ|городск|образовани|поселени|мр$|го$|мо$|город$|г$|р$|н$)/;

export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"'“”„]/g, "")
    .replace(/[^\p{L}\d№]+/gu, " ")
    .trim();
}

function core(s: string): string {
  return normaliseName(s)
    .split(" ")
    .filter((w) => w && !NOISE.test(w))
    .join(" ");
}

/** The municipality a cell names: the same name, or the same name without «район», «городской округ»… */
export function matchMunicipality<M extends { id: number; name: string }>(text: string, list: M[]): M | null {
  const exact = list.filter((m) => normaliseName(m.name) === normaliseName(text));
  if (exact.length === 1) return exact[0];
  const c = core(text);
  if (!c) return null;
  const loose = list.filter((m) => core(m.name) === c);
  return loose.length === 1 ? loose[0] : null;
}

export interface ExistingOrganisation {
  id: number;
  municipalityId: number;
  fullName: string;
  shortName: string;
}

export interface PlannedRow {
  record: Form1Record;
  municipalityId: number;
  existingId: number | null;
}

/** Each record with its municipality and the organisation it updates (or none: a new one), plus new problems. */
export function planRows(
  records: Form1Record[],
  municipalities: { id: number; name: string; archived: boolean }[],
  existing: ExistingOrganisation[],
): { planned: PlannedRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const planned: PlannedRow[] = [];
  const known = new Map<string, number>();
  for (const o of existing)
    for (const n of [o.fullName, o.shortName]) known.set(`${o.municipalityId}|${normaliseName(n)}`, o.id);
  const seen = new Map<string, number>();
  for (const record of records) {
    const m = matchMunicipality(record.municipality, municipalities);
    if (!m || m.archived) {
      issues.push({
        row: record.line,
        column: FORM1_COLUMNS.municipality.title,
        message: m
          ? `Муниципалитет «${m.name}» в архиве.`
          : `Муниципалитета «${record.municipality.slice(0, 80)}» нет в справочнике региона: добавьте его или исправьте название.`,
        level: "error",
      });
      continue;
    }
    const key = `${m.id}|${normaliseName(record.fullName)}`;
    if (seen.has(key)) {
      issues.push({
        row: record.line,
        column: FORM1_COLUMNS.organisation.title,
        message: `Эта организация уже есть в строке ${seen.get(key)}.`,
        level: "error",
      });
      continue;
    }
    seen.set(key, record.line);
    planned.push({ record, municipalityId: m.id, existingId: known.get(key) ?? null });
  }
  return { planned, issues };
}
