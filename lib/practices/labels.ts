/** The bank of best practices: levels of recognition and the bank's filters. Pure: safe in client bundles. */
import { BEST_PRACTICE_LEVELS } from "@/db/vocabulary";

/** A practice's card lists this many of its organisation's documents and counts the rest. */
export const PRACTICE_DOCS_SHOWN = 4;

export type BestPracticeLevel = (typeof BEST_PRACTICE_LEVELS)[number];
export { BEST_PRACTICE_LEVELS };

/** Who recognised the practice: «муниципальный» — the municipal coordinator, «региональный» — the region. */
export const BEST_PRACTICE_LEVEL_LABELS: Record<BestPracticeLevel, string> = {
  municipal: "Муниципальный",
  regional: "Региональный",
};

/** The level a role may give: a coordinator recognises for the municipality, the admin for the region. */
export function levelsFor(role: string): BestPracticeLevel[] {
  if (role === "admin") return ["municipal", "regional"];
  if (role === "coordinator") return ["municipal"];
  return [];
}

/** «Муниципальный уровень» for a known level; «уровень не указан» for one marked before levels existed. */
export function levelText(level: string | null): string {
  return level && level in BEST_PRACTICE_LEVEL_LABELS
    ? `${BEST_PRACTICE_LEVEL_LABELS[level as BestPracticeLevel]} уровень`
    : "Уровень не указан";
}
