/**
 * The demo's mentor capacities and best practices (issue 12): every mentor gets a number of places around the
 * pairs they lead today (about a quarter of the busy ones are full, a few have none set); the programmes drawn
 * as best practices get a level, a year and a note, and a few others are proposed by their curators.
 */
import type { Rng } from "./random";
import type { OrgRegisters } from "./rows";
import type { Years } from "./territory";

/** What made a programme a best practice, by the kind of its pairs. */
const NOTES = {
  teacher: [
    "Молодые педагоги прошли адаптацию без увольнений, двое стали победителями конкурсов.",
    "Программа тиражируется: методические материалы переданы другим школам муниципалитета.",
  ],
  employer: [
    "Привлечены наставники-работодатели, выпускники выбрали профессии по профилю программы.",
    "Сочетает очные встречи на предприятии и дистанционное сопровождение.",
  ],
  learners: [
    "Устойчивые пары на весь учебный год, измеримый рост успеваемости наставляемых.",
    "Программа тиражируется: методические материалы переданы другим школам муниципалитета.",
    "Сочетает очные встречи и дистанционное сопровождение; высокая доля завершивших программу.",
  ],
};

export function finishPractice(rng: Rng, out: OrgRegisters, years: Years): void {
  const load = new Map<number, number>();
  for (const m of out.mentorships) {
    if (m.endDate != null && m.endDate < years.today) continue;
    load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
  }
  for (const p of out.mentorProfiles) {
    const n = load.get(p.personId) ?? 0;
    if (n > 30 || rng.chance(0.08)) p.capacity = null;
    else if (n > 0 && rng.chance(0.25)) p.capacity = n;
    else p.capacity = Math.min(30, Math.max(1, n) + rng.int(1, 2));
  }
  for (const p of out.programmes) {
    if (p.bestPractice) {
      const start = Number(p.startDate.slice(0, 4));
      const year = Math.min(years.current, start + rng.int(1, 2));
      const day = `${year}-${String(rng.int(3, 6)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
      const at = day <= years.today ? day : years.today;
      p.bestPracticeLevel = rng.chance(0.35) ? "regional" : "municipal";
      p.bestPracticeAt = new Date(`${at}T10:00:00Z`);
      p.bestPracticeNote = rng.pick(
        p.format === "teacher_teacher"
          ? NOTES.teacher
          : p.format.startsWith("employer")
            ? NOTES.employer
            : NOTES.learners,
      );
      p.bestPracticeProposed = true;
    } else if (!p.archived && rng.chance(0.04)) {
      p.bestPracticeProposed = true;
    }
  }
}
