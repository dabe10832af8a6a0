/** Search parameters of the indicator pages and downloads, parsed strictly. Pure. */
import { INDICATOR_CODES, type IndicatorCode } from "./definitions";

export type Get = (key: string) => string | null | undefined;

/** What the URL asks for: a territory (empty = the viewer's own), a span of years, a year, an indicator. */
export interface TerritoryRequest {
  /** The whole region (the picker's «Весь регион»): the one asked by `regionId`, else the viewer's own. */
  region: boolean;
  /** A region by id (the federal level chooses any; a region role only its own). */
  regionId?: number | null;
  /** The whole country (the federal level's picker sends «region=» empty). */
  country?: boolean;
  municipalityId: number | null;
  organisationId: number | null;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** The widest span a page or a file shows. */
export const MAX_SPAN = 20;

function id(v: string | null | undefined): number | null {
  if (!v || !/^\d{1,9}$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

export function parseYear(v: string | null | undefined): number | null {
  if (!v || !/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/**
 * «municipality=» sent empty by the picker means «the whole region», whatever organisation stayed selected;
 * «region=» sent empty (the federal picker) means «the whole country»; «region=ID» names a region.
 */
export function territoryRequest(get: Get): TerritoryRequest {
  const country = get("region") === "" || (get("country") != null && get("country") !== "0");
  const wholeRegion = !country && get("municipality") === "";
  const regionId = country ? null : id(get("region"));
  return {
    region: wholeRegion || regionId != null,
    regionId,
    country,
    municipalityId: country ? null : id(get("municipality")),
    organisationId: country || wholeRegion ? null : id(get("organisation")),
  };
}

/**
 * The years shown: the default span, which ?from=&to= may change; a ?year= outside it widens it (never a
 * silent clamp to another year); never reversed or wider than MAX_SPAN (the asked year stays inside).
 */
export function yearSpan(get: Get, setting: { from: number; to: number }): { from: number; to: number } {
  let from = parseYear(get("from")) ?? setting.from;
  let to = parseYear(get("to")) ?? setting.to;
  if (from > to) [from, to] = [to, from];
  const year = parseYear(get("year"));
  if (year != null) {
    from = Math.min(from, year);
    to = Math.max(to, year);
  }
  if (to - from + 1 > MAX_SPAN) {
    if (year != null && year - from < MAX_SPAN) to = from + MAX_SPAN - 1;
    else from = to - MAX_SPAN + 1;
  }
  return { from, to };
}

/** «N1», «Н1» (Cyrillic) and «n1» all name indicator Н1. */
export function parseCode(v: string | null | undefined): IndicatorCode | null {
  if (!v) return null;
  const code = decodeURIComponentSafe(v).trim().toUpperCase().replace("Н", "N");
  return (INDICATOR_CODES as readonly string[]).includes(code) ? (code as IndicatorCode) : null;
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** The URL query of a territory request and extra keys, without empty values. */
export function queryOf(
  t: Partial<TerritoryRequest>,
  extra: Record<string, string | number | null | undefined> = {},
) {
  const q = new URLSearchParams();
  if (t.organisationId) q.set("organisation", String(t.organisationId));
  else if (t.municipalityId) q.set("municipality", String(t.municipalityId));
  else if (t.regionId) q.set("region", String(t.regionId));
  else if (t.country) q.set("country", "1");
  for (const [k, v] of Object.entries(extra)) if (v != null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A getter over Next's searchParams object (the last value of a repeated key). */
export function getterOf(raw: Record<string, string | string[] | undefined>): Get {
  return (k) => {
    const v = raw[k];
    return Array.isArray(v) ? v.at(-1) : v;
  };
}

/**
 * The URL form of a resolved territory. The region names its id (the federal level sees many); the country
 * needs no parameter: it is the federal level's default, and nobody else reaches it.
 */
export function territoryParams(t: {
  level: "country" | "region" | "municipality" | "organisation";
  id: number;
}): Partial<TerritoryRequest> {
  return t.level === "organisation"
    ? { organisationId: t.id }
    : t.level === "municipality"
      ? { municipalityId: t.id }
      : t.level === "region"
        ? { regionId: t.id }
        : {};
}

/** The URL parameters of a territory request as a plain object (for hidden fields of a GET form). */
export function queryParams(t: Partial<TerritoryRequest>): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(queryOf(t).slice(1)));
}
