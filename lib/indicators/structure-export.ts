import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { periodLabel } from "@/lib/reports/domain";
import { indicatorYears } from "@/lib/settings";
import { userClock } from "@/lib/territory/clock";
import { completenessByMunicipality, parsePeriod } from "./completeness";
import { rounded } from "./csv";
import { type Get, parseYear, yearSpan } from "./params";
import { loadStructure } from "./structure";
import type { Territory } from "./territory";

const KINDS = ["formats", "documents", "completeness"] as const;
export type StructureKind = (typeof KINDS)[number];

export const isStructureKind = (v: string): v is StructureKind => (KINDS as readonly string[]).includes(v);

/** The data of a chart of the structure page, as a titled table for CSV or XLSX. */
export interface ChartTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
  widths: number[];
  details: Record<string, unknown>;
}

const share = (v: number | null) => rounded(v, "%") ?? "нет данных";

/** The charts of the structure page with the numbers behind them, for the year or quarter the page shows. */
export async function structureTable(
  user: SessionUser,
  t: Territory,
  get: Get,
  kind: StructureKind,
): Promise<ChartTable> {
  if (kind === "completeness") {
    if (t.level === "organisation")
      throw new DomainError("У организации нет разбивки: выберите регион или муниципалитет.");
    const period = parsePeriod(get("period"), (await userClock(user)).quarter());
    const rows = await completenessByMunicipality(user, t, period);
    return {
      title: `Полнота сдачи отчётов за ${periodLabel(period)}: ${t.name}`,
      header: ["Муниципалитет", "Полнота сдачи, %", "Сдано или принято", "Организаций"],
      rows: rows.map((r) => [r.name, share(r.share), r.done, r.organisations]),
      widths: [40, 16, 18, 14],
      details: { kind, period: `${period.year}-${period.quarter}` },
    };
  }
  const { from, to } = yearSpan(get, await indicatorYears());
  const asked = parseYear(get("year"));
  const year = asked != null && asked >= from && asked <= to ? asked : to;
  const s = await loadStructure(t, year);
  if (kind === "formats")
    return {
      title: `Программы по формам наставничества, ${year}: ${t.name}`,
      header: ["Форма наставничества", "Доля программ, %", "Программ", "Участников", "Доля участников, %"],
      rows: s.formats.map((f) => [
        f.label,
        share(f.programmeShare),
        f.programmes,
        f.participants,
        share(f.participantShare),
      ]),
      widths: [36, 16, 12, 12, 18],
      details: { kind, year },
    };
  return {
    title: `Документы и куратор в организациях, ${year}: ${t.name}`,
    header: ["Документ", "Доля организаций, %", "Организаций", "Организаций с принятым отчётом"],
    rows: s.documents.map((d) => [d.label, share(d.share), d.count, s.covered]),
    widths: [44, 18, 14, 18],
    details: { kind, year },
  };
}
