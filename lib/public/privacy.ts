/** The personal-data rules of the public pages (spec/quality.md, spec/public-pages.md). Pure. */
import type { PersonCategory } from "@/lib/reports/domain";
import { formatNumber } from "@/lib/format";

/** Counts of people below this are shown as «менее 5». */
export const SMALL_COUNT = 5;

/** A count of people as a public page shows it. */
export function peopleCount(n: number): string {
  return n < SMALL_COUNT ? "менее 5" : formatNumber(n);
}

/** Learners are never named in public, whatever the register says. */
export const LEARNER_CATEGORIES: readonly PersonCategory[] = ["pupil", "college_student"];

/** A mentor may be named only when consenting, an adult in `year`, and not a learner. */
export function mayPublishName(
  p: { category: PersonCategory; birthYear: number | null; publishName: boolean },
  year: number,
): boolean {
  if (!p.publishName || LEARNER_CATEGORIES.includes(p.category)) return false;
  return p.birthYear != null && year - p.birthYear >= 18;
}
