import { fullName } from "@/lib/registry/mentorships/names";
import type { Candidate, MenteeCandidate, MentorCandidate } from "@/lib/registry/mentorships/queries";
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

/** Mentee options with what the mentor suggestions compare: the request, the class, the age. */
export function toMenteeOptions(list: MenteeCandidate[], categories: readonly PersonCategory[]): Option[] {
  const labels = toOptions(list, categories);
  return list.map((p, i) => ({
    ...labels[i],
    profile: {
      request: p.request,
      needCategory: p.needCategory,
      birthYear: p.birthYear,
      grade: p.grade,
      category: p.category,
      teachingSince: p.teachingSince,
    },
  }));
}

/** Mentor picker options: the name with the class or category, the questionnaire, the places and the load. */
export function toMentorOptions(
  list: MentorCandidate[],
  categories: readonly PersonCategory[],
): MentorOption[] {
  const labels = toOptions(list, categories);
  return list.map((p, i) => ({
    ...labels[i],
    detail: p.competencies,
    load: p.load,
    capacity: p.capacity,
    profile: {
      id: p.id,
      competencies: p.competencies,
      interests: p.interests,
      preferredMenteeAge: p.preferredMenteeAge,
      capacity: p.capacity,
      load: p.load,
    },
  }));
}
