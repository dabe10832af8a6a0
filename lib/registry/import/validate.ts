/** Row by row: what each row of the register says, and every problem of it. Pure. */
import { z } from "zod";
import { outcomeFields } from "@/lib/registry/mentorships/schemas";
import { menteeFields, mentorFields, personFields } from "@/lib/registry/persons/schemas";
import type { Format } from "@/lib/reports/domain";
import type { SheetRow } from "@/lib/tabular/xlsx";
import { COLUMNS, NAME_COLUMN, type ColumnKey, type HeaderMatch } from "./columns";
import type { Issue, RegisterKind } from "./types";
import {
  cellText,
  parseBirthYear,
  parseCompleted,
  parseDate,
  parseFormat,
  splitName,
  splitNames,
  type Cell,
  type PersonName,
} from "./values";

export interface Party {
  name: PersonName;
  workplace: string;
}

export interface RowInput {
  line: number;
  /** The person the row is about: the mentee (mentees register) or the mentor (mentors register). */
  primary: Party & {
    birthYear: number | null;
    /** The date of the consent to the processing of personal data, as the file gives it. */
    consentDate: string | null;
    profile: Record<string, string>;
  };
  /** The mentor, or the mentees, named in the row. */
  partners: Party[];
  format: Format | null;
  pair: {
    entryDate: string;
    endDate: string | null;
    result: string;
    reviewUrl: string;
    completed: boolean;
  } | null;
  labels: { primary: string; partners: string; format: string; consent: string };
}

const PROFILE: Record<RegisterKind, ColumnKey[]> = {
  mentees: ["request"],
  mentors: ["competencies", "achievements", "interests", "preferredMenteeAge", "timeAvailable"],
};

/** The rules of the forms where these values are typed by hand: the import keeps to the same lengths and formats. */
const FIELDS: Partial<Record<ColumnKey, z.core.$ZodType>> = {
  ...menteeFields,
  ...mentorFields,
  workplace: personFields.workplace,
  mentorWorkplace: personFields.workplace,
  menteeWorkplace: personFields.workplace,
  result: outcomeFields.result,
};
const REVIEW_URL: Record<RegisterKind, z.core.$ZodType> = {
  mentees: outcomeFields.menteeReviewUrl,
  mentors: outcomeFields.mentorReviewUrl,
};
const FULL_NAME = z.object({
  surname: personFields.surname,
  name: personFields.name,
  patronymic: personFields.patronymic,
});

/** The first problem the form's rule finds in the value, or null. */
function problem(schema: z.core.$ZodType, value: unknown): string | null {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? null : parsed.error.issues[0].message;
}

/** Parses the data rows; empty rows are skipped, every problem is reported. */
export function validateRows(kind: RegisterKind, header: HeaderMatch, rows: SheetRow[], today: string) {
  const inputs: RowInput[] = [];
  const issues: Issue[] = [];
  const label = (key: ColumnKey) =>
    header.labels[key] ?? (COLUMNS[kind] as Record<string, readonly string[]>)[key]?.[0] ?? key;
  for (const row of rows) {
    const get = (key: ColumnKey): Cell => {
      const i = header.columns[key];
      return i === undefined ? null : (row.cells[i] ?? null);
    };
    const keys = Object.keys(header.columns) as ColumnKey[];
    if (keys.every((k) => k === "no" || cellText(get(k)) === "")) continue;
    const before = issues.length;
    const error = (key: ColumnKey, message: string) =>
      issues.push({ row: row.line, column: label(key), message, level: "error" });
    const warn = (key: ColumnKey, message: string) =>
      issues.push({ row: row.line, column: label(key), message, level: "warning" });
    /** The cell's text, checked by the rule of the form field it fills. */
    const text = (key: ColumnKey, schema = FIELDS[key]) => {
      const value = cellText(get(key));
      const wrong = schema ? problem(schema, value) : null;
      if (wrong) error(key, wrong);
      return value;
    };

    const nameKey = NAME_COLUMN[kind];
    const partnerKey: ColumnKey = kind === "mentees" ? "mentorName" : "menteeNames";
    const name = splitName(cellText(get(nameKey)));
    const nameProblem = name.ok ? problem(FULL_NAME, name.value) : name.message;
    if (nameProblem) error(nameKey, nameProblem);
    else if (name.ok && name.value.initials)
      warn(nameKey, "ФИО указано инициалами: впишите имя и отчество полностью в карточке участника.");
    const birth =
      kind === "mentees" ? parseBirthYear(get("birthYear"), today) : { ok: true as const, value: null };
    if (!birth.ok) error("birthYear", birth.message);
    const entry = parseDate(get("entryDate"), today);
    if (!entry.ok) error("entryDate", entry.message);
    const end = parseDate(get("endDate"), today);
    if (!end.ok) error("endDate", end.message);
    if (entry.ok && end.ok && entry.value && end.value && end.value < entry.value)
      error("endDate", "Дата завершения раньше даты вхождения в программу.");
    const consent = parseDate(get("consentDate"), today);
    if (!consent.ok) error("consentDate", consent.message);
    else if (consent.value && consent.value > today)
      error("consentDate", "Дата согласия не может быть в будущем.");
    const format = parseFormat(get("format"));
    if (!format.ok) error("format", format.message);

    const partners: Party[] = [];
    const workplaces =
      kind === "mentors"
        ? cellText(get("menteeWorkplace"))
            .split(";")
            .map((s) => s.trim())
        : [];
    const wrongWorkplace = workplaces.map((w) => problem(personFields.workplace, w)).find(Boolean);
    if (wrongWorkplace) error("menteeWorkplace", wrongWorkplace);
    const mentorWorkplace = kind === "mentees" ? text("mentorWorkplace") : "";
    const names = splitNames(cellText(get(partnerKey)));
    names.forEach((raw, i) => {
      const partner = splitName(raw);
      const who = kind === "mentees" ? "Наставник" : "Наставляемый";
      const prefix = names.length > 1 ? `${who} № ${i + 1}: ` : "";
      if (!partner.ok) return error(partnerKey, prefix + partner.message);
      const wrong = problem(FULL_NAME, partner.value);
      if (wrong) return error(partnerKey, prefix + wrong);
      if (partner.value.initials)
        warn(partnerKey, `${prefix}ФИО указано инициалами: впишите полностью в карточке участника.`);
      const workplace =
        kind === "mentees"
          ? mentorWorkplace
          : workplaces.length === names.length
            ? workplaces[i]
            : workplaces.length === 1
              ? workplaces[0]
              : "";
      partners.push({ name: partner.value, workplace });
    });
    if (kind === "mentors" && workplaces.length > 1 && workplaces.length !== names.length)
      warn(
        "menteeWorkplace",
        "Число мест работы не совпадает с числом наставляемых: места работы не заполнены.",
      );
    if (names.length > 0) {
      if (format.ok && !format.value)
        error("format", "Укажите форму наставничества: без неё пару не создать.");
      if (entry.ok && !entry.value)
        error("entryDate", "Укажите дату вхождения в программу: без неё пару не создать.");
    } else if ((format.ok && format.value) || (entry.ok && entry.value)) {
      warn(
        partnerKey,
        `Не указан ${kind === "mentees" ? "наставник" : "наставляемый"}: пара не будет создана.`,
      );
    }
    const completed =
      kind === "mentees" ? parseCompleted(get("completed")) : { ok: true as const, value: false };
    if (!completed.ok) warn("completed", `${completed.message} Считаем, что программа не пройдена.`);

    const profile = Object.fromEntries(PROFILE[kind].map((k) => [k, text(k)]));
    const result = text("result");
    const reviewUrl = text("reviewUrl", REVIEW_URL[kind]);
    const workplace = kind === "mentors" ? text("workplace") : "";
    if (issues.slice(before).some((i) => i.level === "error")) continue;
    const ok = <T>(p: { ok: true; value: T } | { ok: false }) => (p as { value: T }).value;
    inputs.push({
      line: row.line,
      primary: { name: ok(name), workplace, birthYear: ok(birth), consentDate: ok(consent), profile },
      partners,
      format: ok(format),
      pair:
        partners.length > 0
          ? { entryDate: ok(entry)!, endDate: ok(end), result, reviewUrl, completed: ok(completed) }
          : null,
      labels: {
        primary: label(nameKey),
        partners: label(partnerKey),
        format: label("format"),
        consent: label("consentDate"),
      },
    });
  }
  return {
    inputs,
    issues,
    rows: inputs.length + new Set(issues.filter((i) => i.level === "error").map((i) => i.row)).size,
  };
}
