import { fullName } from "@/lib/registry/mentorships/names";
import type { Candidate, MentorCandidate } from "@/lib/registry/mentorships/queries";
import { CATEGORY_LABELS, type PersonCategory } from "@/lib/reports/domain";
import type { Option } from "./mentee-picker";
import type { MentorOption } from "./mentor-picker";

/** Picker options: the name, and the class or the category where the format admits several. */
export function toOptions(list: Candidate[], categories: readonly PersonCategory[]): Option[] {
  return list.map((p) => {
    const extra = [
      p.grade,
      categories.length > 1 ? CATEGORY_LABELS[p.category as PersonCategory].toLowerCase() : "",
    ].filter(Boolean);
    return { id: p.id, label: extra.length ? `${fullName(p)}, ${extra.join(", ")}` : fullName(p) };
  });
}

/** Mentor picker options: the name with the class or category, the competencies and the current load. */
export function toMentorOptions(
  list: MentorCandidate[],
  categories: readonly PersonCategory[],
): MentorOption[] {
  const labels = toOptions(list, categories);
  return list.map((p, i) => ({ ...labels[i], detail: p.competencies, load: p.load }));
}
