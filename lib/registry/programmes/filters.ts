/** The programme list's filters, read from the page's search parameters. Pure. */
import { FORMATS, type Format } from "@/lib/reports/domain";
import { PROGRAMME_STATUS_LABELS, STAGES, type ProgrammeStatus } from "./schemas";

export const PAGE_SIZE = 20;

export interface ProgrammeFilters {
  format: Format | null;
  stage: (typeof STAGES)[number] | null;
  status: ProgrammeStatus | null;
  q: string;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}

function pick<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Unknown values are ignored rather than refused: a stale bookmark still opens the list. */
export function parseProgrammeFilters(params: Params): ProgrammeFilters {
  const page = Number(one(params, "page"));
  return {
    format: pick(one(params, "format"), FORMATS),
    stage: pick(one(params, "stage"), STAGES),
    status: pick(one(params, "status"), Object.keys(PROGRAMME_STATUS_LABELS) as ProgrammeStatus[]),
    q: one(params, "q").slice(0, 100),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The filters as query parameters (for the pager, which adds the page). */
export function filterParams(f: ProgrammeFilters): Record<string, string | undefined> {
  return {
    q: f.q || undefined,
    format: f.format ?? undefined,
    stage: f.stage ?? undefined,
    status: f.status ?? undefined,
  };
}
