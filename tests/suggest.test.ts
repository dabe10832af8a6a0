import { describe, expect, it } from "vitest";
import {
  ageFit,
  matchedWords,
  parseAgeWish,
  stem,
  suggestMentors,
  type MenteeProfileForSuggest,
  type MentorProfileForSuggest,
} from "@/lib/registry/mentorships/suggest";

const YEAR = 2026;

const mentor = (id: number, over: Partial<MentorProfileForSuggest> = {}): MentorProfileForSuggest => ({
  id,
  competencies: "",
  interests: "",
  preferredMenteeAge: "",
  capacity: 3,
  load: 0,
  ...over,
});

const pupil = (over: Partial<MenteeProfileForSuggest> = {}): MenteeProfileForSuggest => ({
  request: "Подтянуть математику, подготовиться к олимпиаде",
  needCategory: "одарённый обучающийся",
  birthYear: 2014,
  grade: "6А",
  category: "pupil",
  teachingSince: null,
  ...over,
});

describe("stem and matched words", () => {
  it("meets the forms of a Russian word, ё as е", () => {
    expect(stem("математике")).toBe(stem("Математика"));
    expect(stem("олимпиадам")).toBe(stem("олимпиады"));
    expect(stem("одарёнными")).toBe(stem("одаренный"));
    expect(stem("химии")).toBe(stem("химия"));
  });

  it("names the mentor's words that meet the request, not the filler words", () => {
    expect(matchedWords("математика, подготовка к олимпиадам", "Помощь по математике")).toEqual([
      "математика",
    ]);
    expect(matchedWords("работа с одарёнными детьми", "Подготовиться к олимпиаде")).toEqual(["одарёнными"]);
    expect(matchedWords("театр, волейбол", "Помощь в учёбе, работа в классе")).toEqual([]);
  });
});

describe("the wished-for age", () => {
  it("reads years, classes, courses and young teachers", () => {
    expect(parseAgeWish("10–14 лет")).toEqual({ years: [10, 14] });
    expect(parseAgeWish("с 12 до 15 лет")).toEqual({ years: [12, 15] });
    expect(parseAgeWish("5–7 классы")).toEqual({ grades: [5, 7] });
    expect(parseAgeWish("8 класс")).toEqual({ grades: [8, 8] });
    expect(parseAgeWish("1-2 курс")).toEqual({ courses: [1, 2] });
    expect(parseAgeWish("младшие школьники")).toEqual({ grades: [1, 4] });
    expect(parseAgeWish("молодые специалисты, педагоги со стажем до 3 лет")).toMatchObject({
      youngTeachers: true,
    });
    expect(parseAgeWish("")).toBeNull();
    expect(parseAgeWish("любой")).toBeNull();
  });

  it("compares with the mentee's class, course, age or teaching experience", () => {
    expect(ageFit({ grades: [5, 7] }, pupil(), YEAR)).toEqual({ fits: true, said: "6 класс" });
    expect(ageFit({ grades: [10, 11] }, pupil(), YEAR)).toEqual({ fits: false, said: "6 класс" });
    expect(ageFit({ years: [10, 14] }, pupil({ grade: "" }), YEAR)).toEqual({ fits: true, said: "12 лет" });
    const student = pupil({ grade: "2 курс", category: "college_student", birthYear: 2008 });
    expect(ageFit({ courses: [1, 2] }, student, YEAR).fits).toBe(true);
    const young = pupil({ category: "teacher", grade: "", birthYear: 2001, teachingSince: 2024 });
    expect(ageFit({ youngTeachers: true }, young, YEAR)).toEqual({ fits: true, said: "стаж 2 года" });
    expect(ageFit({ youngTeachers: true }, { ...young, teachingSince: 2010 }, YEAR).fits).toBe(false);
    expect(ageFit({ youngTeachers: true }, pupil(), YEAR).fits).toBe(false);
    expect(ageFit({ grades: [5, 7] }, pupil({ grade: "", birthYear: null }), YEAR).fits).toBeNull();
  });
});

describe("suggestMentors", () => {
  it("ranks by the request, then the age, then free places, and says why in Russian", () => {
    const mentors = [
      mentor(1, { competencies: "театр, литература", preferredMenteeAge: "5–7 классы", load: 0 }),
      mentor(2, { competencies: "математика, олимпиады", preferredMenteeAge: "10–11 классы", load: 2 }),
      mentor(3, { competencies: "математика, олимпиады", preferredMenteeAge: "5–7 классы", load: 2 }),
      mentor(4, { competencies: "математика", preferredMenteeAge: "5–7 классы", capacity: 2, load: 2 }),
    ];
    const ranked = suggestMentors(mentors, [pupil()], YEAR);
    expect(ranked.map((s) => s.id)).toEqual([3, 2, 1, 4]);
    expect(ranked[0].reasons).toEqual([
      "совпадает запрос: математика, олимпиады",
      "подходит по возрасту: 6 класс",
      "свободно 1 из 3 мест",
    ]);
    expect(ranked[1].warnings).toEqual(["желаемый возраст — 10–11 классы, у наставляемого 6 класс"]);
    expect(ranked[3]).toMatchObject({ id: 4, full: true, warnings: ["мест нет: занято 2 из 2"] });
  });

  it("puts a mentor without room for the whole group after the others", () => {
    const mentors = [mentor(1, { competencies: "математика", capacity: 3, load: 2 }), mentor(2)];
    const ranked = suggestMentors(mentors, [pupil(), pupil()], YEAR);
    expect(ranked.map((s) => s.id)).toEqual([2, 1]);
    expect(ranked[1].warnings).toContain("свободно 1 из 3 мест, а выбрано 2");
    expect(ranked[0].reasons).toContain("свободно 3 из 3 мест");
  });

  it("does not limit a mentor whose capacity is not set, and keeps the given order on equal scores", () => {
    const ranked = suggestMentors([mentor(5, { capacity: null, load: 7 }), mentor(6)], [], YEAR);
    expect(ranked[0].reasons).toEqual(["свободно 3 из 3 мест"]);
    expect(ranked[1]).toMatchObject({ id: 5, full: false, reasons: ["ведёт 7 пар, число мест не указано"] });
    expect(suggestMentors([mentor(8), mentor(7)], [pupil()], YEAR).map((s) => s.id)).toEqual([8, 7]);
  });
});
