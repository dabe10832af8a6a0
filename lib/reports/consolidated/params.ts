/** The GET parameters of the consolidated page and its downloads. Pure. */
import { isId } from "@/lib/validation";
import { type Period } from "../domain";
import { periodSchema } from "../schemas";
import { FORM_PARAMS, parseFormParam, type ConsolidatedKey } from "./types";

export interface ConsolidatedParams {
  period: Period;
  form: ConsolidatedKey | "all";
  municipalityId: number | null;
  includeSubmitted: boolean;
}

type Get = (name: string) => string | null | undefined;
export type ParseResult = { ok: true; value: ConsolidatedParams } | { ok: false; error: string };

/** Strict parsing (the download route): every bad value is an error with a Russian message. */
export function parseParams(get: Get): ParseResult {
  const period = periodSchema.safeParse(get("period") ?? "");
  if (!period.success) return { ok: false, error: "Период: укажите год и квартал, например 2026-4." };
  const rawForm = get("form");
  const form = rawForm === "all" || !rawForm ? "all" : parseFormParam(rawForm);
  if (!form) return { ok: false, error: "Форма: укажите 1, 2, 3, 4, 5 или other." };
  const rawM = get("municipality");
  const municipalityId = rawM ? Number(rawM) : null;
  if (municipalityId != null && !isId(municipalityId))
    return { ok: false, error: "Муниципалитет указан неверно." };
  return {
    ok: true,
    value: { period: period.data, form, municipalityId, includeSubmitted: get("submitted") === "1" },
  };
}

/** Lenient parsing (the page): a bad period falls back to `fallback`, a bad form to form 1. */
export function pageParams(get: Get, fallback: Period): ConsolidatedParams {
  const period = periodSchema.safeParse(get("period") ?? "");
  const rawForm = get("form");
  const rawM = Number(get("municipality") ?? "");
  return {
    period: period.success ? period.data : fallback,
    form: rawForm === "all" ? "all" : (parseFormParam(rawForm) ?? "form1"),
    municipalityId: isId(rawM) ? rawM : null,
    includeSubmitted: get("submitted") === "1",
  };
}

/** The query string of a page or download with these parameters. */
export function queryOf(p: ConsolidatedParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ period: `${p.period.year}-${p.period.quarter}` });
  q.set("form", p.form === "all" ? "all" : FORM_PARAMS[p.form]);
  if (p.municipalityId != null) q.set("municipality", String(p.municipalityId));
  if (p.includeSubmitted) q.set("submitted", "1");
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
