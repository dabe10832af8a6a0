import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import type { ReportFormKey, RequiredDocumentType } from "@/lib/reports/types";
import { REQUIRED_DOCUMENT_TYPES } from "@/lib/vocabulary";
import { cachedFigures, figuresTag } from "./cache";
import { percent } from "./formulas";
import { obligedCount } from "./queries";
import type { Territory } from "./territory";

/** The formats as the report forms group them (seed 000, slide 19). */
export const FORM_FORMATS: { key: ReportFormKey; label: string }[] = [
  { key: "form3", label: "Учитель–учитель" },
  { key: "form2", label: "Ученик–ученик / студент–студент" },
  { key: "form4", label: "Студент–ученик" },
  { key: "form5", label: "Работодатель–ученик / студент" },
  { key: "other", label: "Педагог–ученик" },
];

/** Short names for the chart's axis; the list itself is the vocabulary's. */
const SHORT_LABELS: Record<RequiredDocumentType, string> = {
  model_introduction: "Распорядительный акт о внедрении ЦМН",
  regulation_approval: "Положение о системе наставничества",
  pairs_assignment: "Приказ о закреплении пар и групп",
  personalised_programme: "Персонализированная программа",
};

export const DOCUMENTS: { key: RequiredDocumentType; label: string }[] = REQUIRED_DOCUMENT_TYPES.map(
  (key) => ({
    key,
    label: SHORT_LABELS[key],
  }),
);

export interface FormatShare {
  key: ReportFormKey;
  label: string;
  programmes: number;
  participants: number;
  programmeShare: number | null;
  participantShare: number | null;
}

export interface Structure {
  year: number;
  covered: number;
  total: number;
  formats: FormatShare[];
  documents: { key: string; label: string; count: number; share: number | null }[];
}

const num = (v: unknown) => Number(v ?? 0) || 0;

/**
 * Programmes and participants by format, documents in force and curators, from the latest approved report of
 * each organisation of the territory for the year: the pre-aggregated figures (lib/indicators/facts.ts), one row.
 */
export function loadStructure(t: Territory, year: number): Promise<Structure> {
  const { level, id, regionId } = t.ref;
  return cachedFigures(["structure", level, id, year], [figuresTag(regionId)], () => readStructure(t, year));
}

async function readStructure(t: Territory, year: number): Promise<Structure> {
  const db = await getDb();
  const { level, id } = t.ref;
  const pairs: [string, string][] = [
    ["covered", "covered"],
    ["curator_named", "curator"],
    ...FORM_FORMATS.flatMap(({ key }): [string, string][] => [
      [`programmes_${key}`, `p_${key}`],
      [`participants_${key}`, `u_${key}`],
    ]),
    ...DOCUMENTS.map(({ key }): [string, string] => [`doc_${key}`, `d_${key}`]),
  ];
  // The country has no rollup of its own: the sum of its regions'.
  const columns = sql.raw(
    pairs
      .map(([c, as]) => (level === "country" ? `sum(${c})::bigint as "${as}"` : `${c} as "${as}"`))
      .join(", "),
  );
  const read =
    level === "organisation"
      ? sql`select ${columns} from indicator_facts where organisation_id = ${id} and year = ${year}`
      : level === "country"
        ? sql`select ${columns} from indicator_rollups where level = 'region' and year = ${year}`
        : sql`select ${columns} from indicator_rollups where level = ${level} and territory_id = ${id} and year = ${year}`;
  const [[row], total] = await Promise.all([
    execRows<Record<string, unknown>>(db, read),
    obligedCount(t.ref),
  ]);
  const covered = num(row?.covered);
  const allProgrammes = FORM_FORMATS.reduce((s, f) => s + num(row?.[`p_${f.key}`]), 0);
  const allParticipants = FORM_FORMATS.reduce((s, f) => s + num(row?.[`u_${f.key}`]), 0);
  const formats = FORM_FORMATS.map((f) => {
    const programmes = num(row?.[`p_${f.key}`]);
    const participants = num(row?.[`u_${f.key}`]);
    return {
      ...f,
      programmes,
      participants,
      programmeShare: percent({ numerator: programmes, denominator: allProgrammes }),
      participantShare: percent({ numerator: participants, denominator: allParticipants }),
    };
  });
  const documents = [
    ...DOCUMENTS.map((d) => ({ key: d.key as string, label: d.label, count: num(row?.[`d_${d.key}`]) })),
    { key: "curator", label: "Назначен куратор", count: num(row?.curator) },
  ].map((d) => ({ ...d, share: percent({ numerator: d.count, denominator: covered }) }));
  return { year, covered, total, formats, documents };
}
