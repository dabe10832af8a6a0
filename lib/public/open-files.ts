import "server-only";
import { rounded } from "@/lib/indicators/csv";
import { CONTENT_TYPES } from "@/lib/tabular/cell";
import { toCsv } from "@/lib/tabular/csv";
import { openCountry, openTerritory } from "./open-data";
import type { OpenTerritory } from "./types";

const SOURCE = "Утверждённые квартальные отчёты образовательных организаций (система «Наставник»)";

/** One line per indicator and year: filterable and chartable. Only percentages and counts of programmes and organisations. */
export function indicatorsCsv(t: OpenTerritory): string {
  const header = [
    "Регион",
    "Муниципалитет",
    "№",
    "Показатель",
    "Единица",
    "Год",
    "Факт",
    "План",
    "Ниже плана",
    "Организаций с принятым отчётом",
    "Организаций всего",
  ];
  const lines = t.indicators.rows.flatMap((r) =>
    r.cells.map((c) => [
      t.region.name,
      t.municipality?.name ?? "",
      r.number,
      r.label,
      r.unit,
      c.year,
      c.fact == null ? "нет данных" : rounded(c.fact, r.unit),
      rounded(c.plan, r.unit),
      c.fact == null || c.plan == null ? "" : c.below ? "да" : "нет",
      c.covered,
      c.total,
    ]),
  );
  return toCsv(header, lines);
}

export function indicatorsJson(t: OpenTerritory) {
  return {
    territory: {
      level: t.level,
      name: t.name,
      region: { code: t.region.code, name: t.region.name },
      municipality: t.municipality ? { slug: t.municipality.slug, name: t.municipality.name } : null,
    },
    source: SOURCE,
    years: t.indicators.years,
    indicators: t.indicators.rows.map((r) => ({
      code: r.code,
      number: r.number,
      label: r.label,
      unit: r.unit,
      values: r.cells.map((c) => ({
        year: c.year,
        fact: rounded(c.fact, r.unit),
        plan: rounded(c.plan, r.unit),
        belowPlan: c.fact == null || c.plan == null ? null : c.below,
        organisationsReported: c.covered,
        organisationsTotal: c.total,
      })),
    })),
  };
}

const COMMON = {
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

/** GET of /open(/[regionCode](/[municipalitySlug]))/indicators.csv|json (region code "": the country). Sets no cookies. */
export async function openDataFile(
  format: "csv" | "json",
  regionCode: string,
  municipalitySlug: string | null,
): Promise<Response> {
  const t = regionCode === "" ? await openCountry() : await openTerritory(regionCode, municipalitySlug);
  if (!t)
    return new Response("Территория не найдена.", {
      status: 404,
      headers: { ...COMMON, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const name = ["indicators", t.region.code || "rf", t.municipality?.slug].filter(Boolean).join("-");
  if (format === "json")
    return new Response(JSON.stringify(indicatorsJson(t), null, 2), {
      headers: { ...COMMON, "Content-Type": "application/json; charset=utf-8" },
    });
  return new Response(indicatorsCsv(t), {
    headers: {
      ...COMMON,
      "Content-Type": CONTENT_TYPES.csv,
      "Content-Disposition": `attachment; filename="${name}.csv"`,
    },
  });
}
