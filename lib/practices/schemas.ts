/** What the bank's forms and filters accept: one zod schema for the browser and the server. Pure. */
import { z } from "zod";
import { id, text } from "@/lib/registry/programmes/fields";
import { FORMATS } from "@/lib/reports/domain";
import { BEST_PRACTICE_LEVELS } from "./labels";

export const MIN_NOTE = 10;

/** Recognising a programme as a best practice (or changing its level or note). */
export const markBestPracticeSchema = z.object({
  programmeId: id("Программа не выбрана."),
  level: z.enum(BEST_PRACTICE_LEVELS, { message: "Уровень признания: выберите из списка." }),
  note: text("Чем ценна практика", 1000, MIN_NOTE),
});

/** Withdrawing the recognition: with a reason, kept in the journal. */
export const unmarkBestPracticeSchema = z.object({
  programmeId: id("Программа не выбрана."),
  reason: text("Причина", 500, MIN_NOTE),
});

/** The bank's filters from the address bar: anything unknown is dropped, never an error. */
export interface PracticeFilters {
  q: string;
  format: (typeof FORMATS)[number] | "";
  roleModel: string;
  level: (typeof BEST_PRACTICE_LEVELS)[number] | "";
  year: number | null;
}

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parsePracticeFilters(query: Query): PracticeFilters {
  const format = one(query.format);
  const level = one(query.level);
  const year = Number(one(query.year));
  return {
    q: one(query.q).trim().slice(0, 200),
    format: (FORMATS as readonly string[]).includes(format) ? (format as PracticeFilters["format"]) : "",
    roleModel: one(query.roleModel).trim().slice(0, 300),
    level: (BEST_PRACTICE_LEVELS as readonly string[]).includes(level)
      ? (level as PracticeFilters["level"])
      : "",
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
  };
}
