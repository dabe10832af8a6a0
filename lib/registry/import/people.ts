/** Who the names of a file are: persons already in the register, or new ones. Pure. */
import { FORMAT_PARTIES } from "@/lib/registry/formats";
import type { Format, PersonCategory } from "@/lib/reports/domain";
import type { PersonName } from "./values";

export type OrganisationKind = "school" | "college" | "additional" | "kindergarten";

/** A person of the organisation's register as the import needs it. */
export interface ExistingPerson {
  id: number;
  surname: string;
  name: string;
  patronymic: string;
  birthYear: number | null;
  category: PersonCategory;
  workplace: string;
  mentor: boolean;
  mentee: boolean;
  menteeConsent: boolean;
  mentorConsent: boolean;
}

export interface NewPerson {
  surname: string;
  name: string;
  patronymic: string;
  birthYear: number | null;
  category: PersonCategory;
  workplace: string;
}

/** A person the import writes to: an existing one (by id) or the n-th new one. */
export type Slot = { existing: number } | { created: number };

export const slotKey = (s: Slot) => ("existing" in s ? `e${s.existing}` : `c${s.created}`);

/**
 * A new mentee's category: what the format allows (the organisation's kind decides between pupil and
 * college student); without a format, an adult in a school's mentees register is taken for a teacher.
 */
export function menteeCategory(
  format: Format | null,
  orgKind: OrganisationKind,
  birthYear: number | null,
  year: number,
): PersonCategory {
  if (format) {
    const allowed = FORMAT_PARTIES[format].mentee;
    if (allowed.length === 1) return allowed[0];
    return orgKind === "college" ? "college_student" : "pupil";
  }
  if (orgKind === "college") return "college_student";
  return birthYear != null && year - birthYear >= 19 ? "teacher" : "pupil";
}

/** A new mentor's category: the first the format allows; without a format, a teacher of the organisation. */
export function mentorCategory(format: Format | null): PersonCategory {
  return format ? FORMAT_PARTIES[format].mentor[0] : "teacher";
}

/** The register's persons by normalised full name. */
export function indexByName(persons: ExistingPerson[], key: (p: ExistingPerson) => string) {
  const map = new Map<string, ExistingPerson[]>();
  for (const p of persons) {
    const k = key(p);
    const list = map.get(k);
    if (list) list.push(p);
    else map.set(k, [p]);
  }
  return map;
}

/**
 * The existing person a row's main person is taken to be: same full name and the same year of birth, or
 * a year on one side only (registers often omit it). Exact years first, then who already has the role.
 */
export function matchPerson(
  candidates: ExistingPerson[] | undefined,
  name: PersonName,
  birthYear: number | null,
  role: "mentor" | "mentee",
): ExistingPerson | null {
  const fit = (candidates ?? []).filter(
    (p) => p.birthYear == null || birthYear == null || p.birthYear === birthYear,
  );
  if (fit.length === 0) return null;
  const rank = (p: ExistingPerson) => (p.birthYear === birthYear ? 0 : 2) + (p[role] ? 0 : 1);
  return [...fit].sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
}

/** A name that refers to someone (a row's mentor or mentees): the one person it can mean, if any. */
export function pickReference(
  candidates: ExistingPerson[] | undefined,
  role: "mentor" | "mentee",
): { person: ExistingPerson | null; ambiguous: boolean } {
  if (!candidates || candidates.length === 0) return { person: null, ambiguous: false };
  if (candidates.length === 1) return { person: candidates[0], ambiguous: false };
  const withRole = candidates.filter((p) => p[role]);
  if (withRole.length === 1) return { person: withRole[0], ambiguous: false };
  return { person: null, ambiguous: true };
}
