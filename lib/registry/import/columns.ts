/** The column layouts of the two registers (seed 001) and finding the header row of a file. Pure. */
import type { RegisterKind } from "./types";

/** The first label of each column is the one the export writes; the others are accepted on import. */
export const COLUMNS = {
  mentees: {
    no: ["№ п/п", "№", "Номер"],
    menteeName: ["ФИО наставляемого"],
    birthYear: ["Год рождения наставляемого", "Год рождения"],
    request: ["Основной запрос наставляемого", "Запрос наставляемого", "Основной запрос"],
    entryDate: ["Дата вхождения в программу", "Дата вхождения"],
    mentorName: ["ФИО наставника"],
    format: ["Форма наставничества"],
    mentorWorkplace: ["Место работы наставника"],
    endDate: ["Дата завершения программы", "Дата завершения"],
    result: ["Результаты программы", "Результат программы"],
    reviewUrl: ["Ссылка на кейс/отзыв наставляемого", "Ссылка на кейс/отзыв", "Ссылка на отзыв"],
    completed: ["Отметка о прохождении программы", "Отметка о прохождении"],
    consentDate: [
      "Дата согласия на обработку персональных данных",
      "Дата согласия законного представителя",
      "Дата согласия законного представителя наставляемого",
      "Дата письменного согласия наставляемого",
      "Дата согласия",
    ],
  },
  mentors: {
    no: ["№ п/п", "№", "Номер"],
    mentorName: ["Ф.И.О наставника"],
    workplace: ["Место работы"],
    competencies: ["Основные компетенции наставника", "Компетенции наставника"],
    achievements: ["Важные для программы достижения наставника", "Достижения наставника"],
    interests: ["Интересы наставника"],
    preferredMenteeAge: ["Желаемый возраст наставляемых"],
    timeAvailable: ["Ресурс времени на программу наставничества", "Ресурс времени"],
    entryDate: ["Дата вхождения в программу", "Дата вхождения"],
    menteeNames: ["ФИО наставляемого (наставляемых)", "ФИО наставляемых", "ФИО наставляемого"],
    format: ["Форма наставничества"],
    menteeWorkplace: ["Место работы наставляемого"],
    endDate: ["Дата завершения программы", "Дата завершения"],
    result: ["Результаты программы", "Результат программы"],
    reviewUrl: ["Ссылка на кейс/отзыв наставника", "Ссылка на кейс/отзыв", "Ссылка на отзыв"],
    consentDate: [
      "Дата согласия на обработку персональных данных",
      "Дата согласия наставника",
      "Дата письменного согласия наставника",
      "Дата согласия законного представителя",
      "Дата согласия законного представителя наставника",
      "Дата согласия",
    ],
  },
} as const;

export type MenteeColumn = keyof (typeof COLUMNS)["mentees"];
export type MentorColumn = keyof (typeof COLUMNS)["mentors"];
export type ColumnKey = MenteeColumn | MentorColumn;

/** The name column without which a row means nothing. */
export const NAME_COLUMN = { mentees: "menteeName", mentors: "mentorName" } as const;

/** Case, spaces, punctuation and ё do not matter: «Ф.И.О  наставника» is «ФИО наставника». */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const LOOKUP: Record<RegisterKind, Map<string, ColumnKey>> = {
  mentees: lookup("mentees"),
  mentors: lookup("mentors"),
};

function lookup(kind: RegisterKind) {
  const map = new Map<string, ColumnKey>();
  for (const [key, labels] of Object.entries(COLUMNS[kind]))
    for (const label of labels) map.set(normaliseHeader(label), key as ColumnKey);
  return map;
}

export interface HeaderMatch {
  /** Index of the header among the rows given. */
  index: number;
  /** Column key → cell index in the row. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Header text as written in the file, by column key. */
  labels: Partial<Record<ColumnKey, string>>;
  unknown: string[];
  score: number;
}

function matchRow(kind: RegisterKind, cells: string[], index: number): HeaderMatch {
  const m: HeaderMatch = { index, columns: {}, labels: {}, unknown: [], score: 0 };
  cells.forEach((cell, i) => {
    const text = cell.trim();
    if (!text) return;
    const key = LOOKUP[kind].get(normaliseHeader(text));
    if (!key || key in m.columns) {
      m.unknown.push(text);
      return;
    }
    m.columns[key] = i;
    m.labels[key] = text;
    m.score++;
  });
  return m;
}

/** The row among the first ones (a title may sit above) that names the most columns of the register. */
export function findHeader(kind: RegisterKind, rows: string[][], scan = 10): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  rows.slice(0, scan).forEach((cells, i) => {
    const m = matchRow(kind, cells, i);
    if (m.columns[NAME_COLUMN[kind]] === undefined) return;
    if (!best || m.score > best.score) best = m;
  });
  return best;
}

/** Why the file does not fit the chosen register, or null when it does. */
export function headerProblem(kind: RegisterKind, rows: string[][]): string | null {
  const other: RegisterKind = kind === "mentees" ? "mentors" : "mentees";
  const mine = findHeader(kind, rows);
  const theirs = findHeader(other, rows);
  const title = other === "mentees" ? "базу наставляемых" : "базу наставников";
  if (theirs && (!mine || theirs.score > mine.score))
    return `Столбцы файла похожи на ${title}. Выберите этот реестр или проверьте файл.`;
  const name = kind === "mentees" ? COLUMNS.mentees.menteeName[0] : COLUMNS.mentors.mentorName[0];
  if (!mine) return `В первых 10 строках файла не найдена строка заголовков со столбцом «${name}».`;
  return null;
}
