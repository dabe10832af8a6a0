/** The rows of the two registers in the layouts of seed 001, from the organisation's register. Pure. */
import { FORMAT_LABELS, type Format } from "@/lib/reports/domain";

export interface RegisterPerson {
  id: number;
  surname: string;
  name: string;
  patronymic: string;
  birthYear: number | null;
  workplace: string;
  mentor: {
    competencies: string;
    achievements: string;
    interests: string;
    preferredMenteeAge: string;
    timeAvailable: string;
    consentDate: string | null;
  } | null;
  mentee: { request: string; consentDate: string | null } | null;
}

export interface RegisterPair {
  format: Format;
  mentorId: number;
  menteeId: number;
  entryDate: string;
  endDate: string | null;
  result: string;
  mentorReviewUrl: string;
  menteeReviewUrl: string;
  completed: boolean;
}

export type ExportCell = string | number | Date | null;

const fullName = (p: RegisterPerson) => [p.surname, p.name, p.patronymic].filter(Boolean).join(" ");
const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const byName = (a: RegisterPerson, b: RegisterPerson) =>
  fullName(a).localeCompare(fullName(b), "ru") || (a.birthYear ?? 0) - (b.birthYear ?? 0) || a.id - b.id;

/** Persons in the role: with its questionnaire, or in a pair in that role. */
function inRole(persons: RegisterPerson[], pairs: RegisterPair[], role: "mentor" | "mentee") {
  const ids = new Set(pairs.map((p) => (role === "mentor" ? p.mentorId : p.menteeId)));
  return persons.filter((p) => p[role] || ids.has(p.id)).sort(byName);
}

/** «База наставляемых»: a row per pair of each mentee; a mentee without a pair gets one row. */
export function menteeRows(persons: RegisterPerson[], pairs: RegisterPair[]): ExportCell[][] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const rows: ExportCell[][] = [];
  for (const mentee of inRole(persons, pairs, "mentee")) {
    const own = pairs
      .filter((p) => p.menteeId === mentee.id)
      .sort((a, b) => a.entryDate.localeCompare(b.entryDate) || a.mentorId - b.mentorId);
    const person = [fullName(mentee), mentee.birthYear, mentee.mentee?.request ?? ""];
    const consent = date(mentee.mentee?.consentDate ?? null);
    if (own.length === 0)
      rows.push([rows.length + 1, ...person, null, "", "", "", null, "", "", "", consent]);
    for (const p of own) {
      const mentor = byId.get(p.mentorId);
      rows.push([
        rows.length + 1,
        ...person,
        date(p.entryDate),
        mentor ? fullName(mentor) : "",
        FORMAT_LABELS[p.format],
        mentor?.workplace ?? "",
        date(p.endDate),
        p.result,
        p.menteeReviewUrl,
        p.completed ? "да" : "нет",
        consent,
      ]);
    }
  }
  return rows;
}

/** «База наставников»: a row per mentor and group of pairs begun and ended together with one result. */
export function mentorRows(persons: RegisterPerson[], pairs: RegisterPair[]): ExportCell[][] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const rows: ExportCell[][] = [];
  for (const mentor of inRole(persons, pairs, "mentor")) {
    const m = mentor.mentor;
    const person = [
      fullName(mentor),
      mentor.workplace,
      m?.competencies ?? "",
      m?.achievements ?? "",
      m?.interests ?? "",
      m?.preferredMenteeAge ?? "",
      m?.timeAvailable ?? "",
    ];
    const groups = new Map<string, { pair: RegisterPair; mentees: RegisterPerson[] }>();
    for (const p of pairs.filter((x) => x.mentorId === mentor.id)) {
      const key = JSON.stringify([p.format, p.entryDate, p.endDate, p.result, p.mentorReviewUrl]);
      const mentee = byId.get(p.menteeId);
      if (!mentee) continue;
      const group = groups.get(key);
      if (group) group.mentees.push(mentee);
      else groups.set(key, { pair: p, mentees: [mentee] });
    }
    const consent = date(m?.consentDate ?? null);
    if (groups.size === 0) rows.push([rows.length + 1, ...person, null, "", "", "", null, "", "", consent]);
    const sorted = [...groups.values()].sort((a, b) => a.pair.entryDate.localeCompare(b.pair.entryDate));
    for (const { pair, mentees } of sorted) {
      mentees.sort(byName);
      const places = [...new Set(mentees.map((x) => x.workplace))];
      rows.push([
        rows.length + 1,
        ...person,
        date(pair.entryDate),
        mentees.map(fullName).join("; "),
        FORMAT_LABELS[pair.format],
        // One workplace for all, or one per mentee in the same order.
        places.length === 1 ? places[0] : mentees.map((x) => x.workplace).join("; "),
        date(pair.endDate),
        pair.result,
        pair.mentorReviewUrl,
        consent,
      ]);
    }
  }
  return rows;
}
