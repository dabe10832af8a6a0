/** Persons of a register with their mentor and mentee profiles. */
import { addDays, timeOn } from "./dates";
import { adultName, childName, type Gender } from "./names";
import type { Rng } from "./random";
import type { Ids, OrgRegisters, PersonRow } from "./rows";
import * as X from "./texts-registers";
import { EMPLOYER_POSITIONS, SPECIALITIES } from "./texts-territory";

const LETTERS = ["А", "Б", "В", "Г"];

export class People {
  private mentorProfile = new Set<number>();
  private menteeProfile = new Set<number>();

  constructor(
    private rng: Rng,
    private ids: Ids,
    private orgId: number,
    private out: OrgRegisters,
    private currentYear: number,
    private orgKind: "school" | "college" | "additional",
  ) {}

  private add(p: Omit<PersonRow, "id" | "organisationId">, entry: string): PersonRow {
    const at = timeOn(this.rng, entry);
    const row: PersonRow = {
      id: this.ids.next("persons"),
      organisationId: this.orgId,
      createdAt: at,
      updatedAt: at,
      ...p,
    };
    this.out.persons.push(row);
    return row;
  }

  private gender(femaleShare: number): Gender {
    return this.rng.chance(femaleShare) ? "f" : "m";
  }

  /** A pupil (or, in a college, a student) aged `age` in the entry year; grade as of the last active year. */
  learner(category: "pupil" | "college_student", age: number, entry: string, lastYear: number): PersonRow {
    const n = childName(this.rng, this.gender(0.5));
    const entryYear = Number(entry.slice(0, 4));
    const birthYear = entryYear - age;
    const at = Math.min(lastYear, this.currentYear) - birthYear;
    const grade =
      category === "pupil"
        ? `${Math.min(11, Math.max(1, at - 6))}${this.rng.pick(LETTERS)}`
        : `${Math.min(4, Math.max(1, at - 15))} курс`;
    return this.add({ ...names(n), birthYear, category, grade }, entry);
  }

  teacher(teachingSince: number, entry: string, retired = false): PersonRow {
    const n = adultName(this.rng, this.gender(0.82));
    const birthYear = retired ? this.rng.int(1950, 1962) : teachingSince - this.rng.int(22, 26);
    return this.add(
      {
        ...names(n),
        birthYear,
        category: retired ? "retired_teacher" : "teacher",
        teachingSince,
        position: retired ? "" : this.position(),
      },
      entry,
    );
  }

  private position(): string {
    if (this.orgKind === "college")
      return this.rng.pick([
        "преподаватель",
        "мастер производственного обучения",
        "преподаватель спецдисциплин",
      ]);
    if (this.orgKind === "additional")
      return this.rng.pick(["педагог дополнительного образования", "тренер-преподаватель", "методист"]);
    return this.rng.pick(SUBJECTS);
  }

  employer(workplaces: readonly string[], entry: string): PersonRow {
    const n = adultName(this.rng, this.gender(0.45));
    const birthYear = Number(entry.slice(0, 4)) - this.rng.int(26, 58);
    return this.add(
      {
        ...names(n),
        birthYear,
        category: "employer_rep",
        workplace: this.rng.pick(workplaces),
        position: this.rng.pick(EMPLOYER_POSITIONS),
      },
      entry,
    );
  }

  /** A college student mentoring pupils of a school (form 4): an outside mentor, 19–20 years old. */
  studentMentor(college: string, entry: string): PersonRow {
    const n = childName(this.rng, this.gender(0.55));
    const age = this.rng.int(19, 20);
    return this.add(
      {
        ...names(n),
        birthYear: Number(entry.slice(0, 4)) - age,
        category: "college_student",
        workplace: college,
        position: this.rng.pick(SPECIALITIES),
        grade: `${age - 16} курс`,
      },
      entry,
    );
  }

  mentorProfileFor(p: PersonRow, entry: string, forTeachers: boolean): void {
    if (this.mentorProfile.has(p.id)) return;
    this.mentorProfile.add(p.id);
    const r = this.rng;
    const adult =
      p.category === "teacher" || p.category === "employer_rep" || p.category === "retired_teacher";
    this.out.mentorProfiles.push({
      personId: p.id,
      competencies: adult
        ? r.sample(X.COMPETENCIES, 2).join("; ")
        : "помощь в учёбе, организация мероприятий",
      achievements: adult ? (r.chance(0.6) ? r.pick(X.ACHIEVEMENTS) : "") : r.pick(X.PUPIL_ACHIEVEMENTS),
      interests: r.sample(X.INTERESTS, 2).join(", "),
      preferredMenteeAge: forTeachers
        ? "молодые специалисты, педагоги со стажем до 3 лет"
        : r.pick(["5–7 классы", "8–9 классы", "10–11 классы", "1–2 курс"]),
      timeAvailable: r.pick(X.TIME_AVAILABLE),
      consentDate: addDays(entry, -r.int(1, 14)),
      publishName: adult && r.chance(0.35),
      updatedAt: timeOn(r, entry),
    });
  }

  menteeProfileFor(p: PersonRow, entry: string, need: [string, string], withRoute: boolean): void {
    if (this.menteeProfile.has(p.id)) return;
    this.menteeProfile.add(p.id);
    this.out.menteeProfiles.push({
      personId: p.id,
      request: need[1],
      needCategory: need[0],
      consentDate: addDays(entry, -this.rng.int(1, 10)),
      hasIndividualRoute: withRoute,
      updatedAt: timeOn(this.rng, entry),
    });
  }

  /** Whether the person already has a mentee profile with an individual route. */
  hasMenteeProfile(id: number): boolean {
    return this.menteeProfile.has(id);
  }
}

const SUBJECTS = [
  "учитель математики",
  "учитель русского языка и литературы",
  "учитель начальных классов",
  "учитель истории",
  "учитель физики",
  "учитель химии",
  "учитель биологии",
  "учитель английского языка",
  "учитель информатики",
  "учитель физической культуры",
  "учитель географии",
  "педагог-психолог",
  "учитель технологии",
];

function names(n: { surname: string; name: string; patronymic: string }) {
  return { surname: n.surname, name: n.name, patronymic: n.patronymic };
}
