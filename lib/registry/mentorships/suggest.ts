/**
 * Mentor suggestions for the assign form: ranks a programme's possible mentors for the chosen mentees by how
 * their competencies and interests meet the mentees' requests, whether the mentor's wished-for age fits the
 * mentees, and how many free places the mentor has (capacity − current load). Every suggestion says why, in
 * Russian. Pure: runs in the browser, no I/O.
 */
import { plural } from "@/lib/format";

export interface MentorProfileForSuggest {
  id: number;
  competencies: string;
  interests: string;
  preferredMenteeAge: string;
  /** How many mentees at once; null = not set (no limit). */
  capacity: number | null;
  /** Active pairs today. */
  load: number;
}

export interface MenteeProfileForSuggest {
  request: string;
  needCategory: string;
  birthYear: number | null;
  /** «7Б», «2 курс», or empty. */
  grade: string;
  category: string;
  /** For teachers: the year teaching began. */
  teachingSince: number | null;
}

export interface Suggestion {
  id: number;
  score: number;
  /** No free place for the chosen mentees: listed after the others. */
  full: boolean;
  /** «совпадает запрос: математика, олимпиады», «подходит по возрасту: 12 лет», «свободно 1 из 3 мест». */
  reasons: string[];
  /** Reasons against the choice (age that does not fit, no places), shown apart. */
  warnings: string[];
}

/** Stems that mean the same thing to a curator matching a request: a shared concept counts as a match. */
const CONCEPTS: [string, string[]][] = [
  ["olympiad", ["олимпиад", "одарен", "конкурс", "талант"]],
  ["exam", ["гиа", "огэ", "егэ", "экзамен", "аттестац"]],
  ["maths", ["математ", "алгебр", "геометр"]],
  ["digital", ["цифров", "информат", "программ", "компьют", "робот"]],
  ["language", ["русск", "литерат", "чтени", "грамот"]],
  ["method", ["методик", "урок", "преподав"]],
  ["project", ["проект", "исследов"]],
  ["career", ["профориент", "професс", "карьер"]],
  ["relations", ["отношен", "общени", "коммуникац", "конфликт", "поведен"]],
  ["upbringing", ["воспитат", "классн", "руковод"]],
];

const ENDINGS = [
  "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иям", "иях",
  "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ам", "ям", "ах", "ях", "ом", "ем", "ов",
  "ев", "ию", "ия", "ии", "ью", "ую", "юю", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
]; // prettier-ignore

/** Lower case, ё → е, a few endings off and at most 6 letters: «математике» and «математика» meet. */
export function stem(word: string): string {
  let w = word.toLocaleLowerCase("ru").replaceAll("ё", "е");
  if (w.length > 4) {
    const end = ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
    if (end) w = w.slice(0, -end.length);
  }
  return w.slice(0, 6);
}

/** Words that carry no subject in a request or a questionnaire. */
const STOP = new Set(
  (
    "для при как что это его она они над под без или так все чем уже еще нет более менее очень свой своих " +
    "также который которые помощь помочь нужна нужно хочу хочет желает поддержка вопрос вопросы уровень " +
    "работа работу работе работы умение навык навыки освоить освоение научиться найти детьми детей дети " +
    "обучающихся обучающиеся школы школе класс классе классом занятие"
  )
    .split(" ")
    .map((w) => stem(w)),
);

/** The meaningful words of a text, each with its stem, in order, without repeats. */
export function tokens(text: string): { word: string; stem: string }[] {
  const seen = new Set<string>();
  const out: { word: string; stem: string }[] = [];
  // The word is shown as written (with ё); its stem compares with е.
  for (const word of text.toLocaleLowerCase("ru").split(/[^\p{L}\d]+/u)) {
    if (word.length < 3) continue;
    const s = stem(word);
    if (STOP.has(s) || seen.has(s)) continue;
    seen.add(s);
    out.push({ word, stem: s });
  }
  return out;
}

function concept(s: string): string | null {
  for (const [key, stems] of CONCEPTS) if (stems.some((c) => s.startsWith(c.slice(0, 6)))) return key;
  return null;
}

/** The mentor's words (as written) that meet the mentees' requests and categories of need. */
export function matchedWords(mentorText: string, menteeText: string): string[] {
  const wanted = tokens(menteeText);
  const stems = new Set(wanted.map((t) => t.stem));
  const concepts = new Set(wanted.map((t) => concept(t.stem)).filter(Boolean));
  return tokens(mentorText)
    .filter((t) => stems.has(t.stem) || concepts.has(concept(t.stem)))
    .map((t) => t.word);
}

/** A wished-for age as the questionnaire gives it, read as ranges. */
export interface AgeWish {
  years?: [number, number];
  grades?: [number, number];
  courses?: [number, number];
  /** «молодые специалисты», «педагоги со стажем до 3 лет». */
  youngTeachers?: boolean;
  teachers?: boolean;
}

const range = (a: string, b?: string): [number, number] => {
  const x = Number(a);
  const y = b ? Number(b) : x;
  return x <= y ? [x, y] : [y, x];
};

/** Reads «10–14 лет», «5–7 классы», «1–2 курс», «молодые педагоги», «младшие школьники»…; null if nothing is read. */
export function parseAgeWish(text: string): AgeWish | null {
  const t = text.toLocaleLowerCase("ru").replaceAll("ё", "е");
  const wish: AgeWish = {};
  const num = String.raw`(\d{1,2})(?:\s*(?:-|–|—|до|по)\s*(\d{1,2}))?`;
  const years = new RegExp(String.raw`(?:с|от)?\s*${num}\s*(?:лет|год)`).exec(t);
  if (years) wish.years = range(years[1], years[2]);
  const grades = new RegExp(String.raw`${num}\s*(?:-?[йх]\s*)?клас`).exec(t);
  if (grades) wish.grades = range(grades[1], grades[2]);
  const courses = new RegExp(String.raw`${num}\s*(?:-?[йх]\s*)?курс`).exec(t);
  if (courses) wish.courses = range(courses[1], courses[2]);
  if (!wish.grades) {
    if (/младш/.test(t)) wish.grades = [1, 4];
    else if (/средн/.test(t)) wish.grades = [5, 9];
    else if (/старш/.test(t)) wish.grades = [9, 11];
  }
  if (!wish.years && /подрост/.test(t)) wish.years = [12, 17];
  if (/молод|стаж\D*до\s*3|начинающ/.test(t)) wish.youngTeachers = true;
  else if (/педагог|учител/.test(t) && !wish.grades && !wish.years) wish.teachers = true;
  return Object.keys(wish).length ? wish : null;
}

const LEARNERS = new Set(["pupil", "college_student"]);
const TEACHERS = new Set(["teacher", "retired_teacher"]);

/** Whether the mentee fits the wish: true, false, or null when it cannot be told; with what was compared. */
export function ageFit(
  wish: AgeWish,
  m: MenteeProfileForSuggest,
  year: number,
): { fits: boolean | null; said: string } {
  const gradeNo = /^\s*(\d{1,2})/.exec(m.grade)?.[1];
  const isCourse = /курс/i.test(m.grade) || m.category === "college_student";
  const age = m.birthYear ? year - m.birthYear : null;
  if (wish.youngTeachers || wish.teachers) {
    if (!TEACHERS.has(m.category)) return { fits: LEARNERS.has(m.category) ? false : null, said: "" };
    if (!wish.youngTeachers) return { fits: true, said: "педагог" };
    const stage = m.teachingSince ? year - m.teachingSince : null;
    const young = (stage != null && stage <= 3) || /молод/i.test(m.needCategory);
    return { fits: young, said: stage != null ? `стаж ${stage} ${plural(stage, "год", "года", "лет")}` : "" };
  }
  if (wish.courses && isCourse && gradeNo) {
    const c = Number(gradeNo);
    return { fits: c >= wish.courses[0] && c <= wish.courses[1], said: `${c} курс` };
  }
  if (wish.grades && gradeNo && !isCourse) {
    const g = Number(gradeNo);
    return { fits: g >= wish.grades[0] && g <= wish.grades[1], said: `${g} класс` };
  }
  if (age != null && (wish.years || wish.grades)) {
    // A school year is about the age less seven: 12 years ≈ 5–6 класс.
    const [lo, hi] = wish.years ?? [wish.grades![0] + 6, wish.grades![1] + 8];
    return { fits: age >= lo && age <= hi, said: `${age} ${plural(age, "год", "года", "лет")}` };
  }
  return { fits: null, said: "" };
}

function places(capacity: number | null, load: number, needed: number) {
  const pairs = `${load} ${plural(load, "пару", "пары", "пар")}`;
  if (capacity == null) return { free: Infinity, text: `ведёт ${pairs}, число мест не указано`, full: false };
  const free = Math.max(0, capacity - load);
  const of = `${capacity} ${plural(capacity, "места", "мест", "мест")}`;
  if (free === 0)
    return { free, text: `мест нет: занято ${Math.min(load, capacity)} из ${capacity}`, full: true };
  if (free < needed) return { free, text: `свободно ${free} из ${of}, а выбрано ${needed}`, full: true };
  return { free, text: `свободно ${free} из ${of}`, full: false };
}

/**
 * The mentors ranked for the chosen mentees, best first: matching words weigh most, then a fitting age, then free
 * places; mentors without room for all the chosen mentees come last. Equal scores keep the given order.
 */
export function suggestMentors(
  mentors: readonly MentorProfileForSuggest[],
  mentees: readonly MenteeProfileForSuggest[],
  year: number,
): Suggestion[] {
  const menteeText = mentees.map((m) => `${m.request} ${m.needCategory}`).join(" ");
  const ranked = mentors.map((mentor, index) => {
    const reasons: string[] = [];
    const warnings: string[] = [];
    let score = 0;
    const words = matchedWords(`${mentor.competencies} ${mentor.interests}`, menteeText);
    if (words.length) {
      reasons.push(`совпадает запрос: ${words.slice(0, 4).join(", ")}`);
      score += 10 * Math.min(words.length, 3);
    }
    const wish = parseAgeWish(mentor.preferredMenteeAge);
    if (wish && mentees.length) {
      const fits = mentees.map((m) => ageFit(wish, m, year));
      const yes = fits.filter((f) => f.fits === true).length;
      const no = fits.filter((f) => f.fits === false).length;
      const single = mentees.length === 1 ? fits[0].said : "";
      if (no === 0 && yes > 0) {
        reasons.push(single ? `подходит по возрасту: ${single}` : "подходит по возрасту");
        score += 5;
      } else if (no > 0) {
        const who = single ? `, у наставляемого ${single}` : `: не подходят ${no} из ${mentees.length}`;
        warnings.push(`желаемый возраст — ${mentor.preferredMenteeAge.trim()}${who}`);
        score -= 4 * (no / mentees.length);
      }
    }
    const room = places(mentor.capacity, mentor.load, Math.max(1, mentees.length));
    (room.full ? warnings : reasons).push(room.text);
    if (!room.full) score += mentor.capacity == null ? 1 : 2 + Math.min(room.free, 3);
    return { id: mentor.id, score, full: room.full, reasons, warnings, index };
  });
  ranked.sort((a, b) => Number(a.full) - Number(b.full) || b.score - a.score || a.index - b.index);
  return ranked.map(({ index, ...s }) => {
    void index;
    return s;
  });
}
