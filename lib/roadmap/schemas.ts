/** The roadmap's forms: one zod schema for the browser and the server action. Pure. */
import { z } from "zod";
import { latestToday } from "@/lib/clock";
import { toIsoDate } from "@/lib/registry/documents/fields";
import { webAddress, zBool, zId } from "@/lib/validation";
import { ROADMAP_STATUSES } from "@/db/vocabulary";
import { NO_DUE, parseDue, type Due } from "./domain";

export const ROADMAP_LEVELS = ["organisation", "municipality", "region"] as const;

const level = z.enum(ROADMAP_LEVELS, { message: "Не указано, чья это дорожная карта." });
const ownerId = zId("Дорожная карта не найдена или недоступна.");
const itemId = zId("Мероприятие не найдено или недоступно.");
const optional = (message: string) =>
  z.preprocess((v) => (v === "" || v == null ? null : v), z.nullable(zId(message)));

function text(label: string, max: number, required = false) {
  const base = z
    .string({ message: `${label}: заполните поле.` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов.`);
  return required ? base.min(1, `${label}: заполните поле.`) : base.default("");
}

const optionalDate = z
  .string({ message: "Дата выполнения: введите дату." })
  .trim()
  .default("")
  .transform((raw, ctx) => {
    if (!raw) return null;
    const iso = toIsoDate(raw);
    if (!iso || iso < "2000-01-01") {
      ctx.addIssue({ code: "custom", message: "Дата выполнения: введите дату в формате ДД.ММ.ГГГГ." });
      return z.NEVER;
    }
    if (iso > latestToday()) {
      ctx.addIssue({ code: "custom", message: "Дата выполнения не может быть позже сегодняшнего дня." });
      return z.NEVER;
    }
    return iso;
  });

const due = z
  .string({ message: "Срок: введите срок." })
  .max(200, "Срок: не длиннее 200 символов.")
  .default("")
  .transform((raw, ctx): Due => {
    const parsed = parseDue(raw);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

/** The fields of a row; a section keeps its title only. */
const fields = {
  isSection: zBool,
  title: text("Наименование", 1000, true),
  due,
  responsible: text("Ответственный исполнитель", 500),
  result: text("Результат, вид документа", 1000),
  status: z.enum(ROADMAP_STATUSES, { message: "Выберите статус из списка." }).default("planned"),
  doneDate: optionalDate,
  documentId: optional("Документ не найден в реестре документов."),
  resultUrl: z._default(webAddress("Ссылка на результат", 1000), ""),
};

type Fields = z.output<z.ZodObject<typeof fields>>;

/** Done needs its date; a date is kept for «выполнено» only; a section has no due, status or result. */
function settle<T extends Fields>(v: T, ctx: z.RefinementCtx): T {
  if (v.isSection)
    return {
      ...v,
      due: NO_DUE,
      responsible: "",
      result: "",
      status: "planned",
      doneDate: null,
      documentId: null,
      resultUrl: "",
    };
  if (v.status === "done" && !v.doneDate) {
    ctx.addIssue({
      code: "custom",
      path: ["doneDate"],
      message: "Дата выполнения: укажите, когда мероприятие выполнено.",
    });
    return z.NEVER;
  }
  return v.status === "done" ? v : { ...v, doneDate: null };
}

export const roadmapCreateSchema = z
  .object({ level, ownerId, sectionId: optional("Раздел не найден: обновите страницу."), ...fields })
  .transform(settle);

export const roadmapUpdateSchema = z
  .object({
    id: itemId,
    updatedAt: z.string({ message: "Обновите страницу." }).min(1, "Обновите страницу."),
    ...fields,
  })
  .transform(settle);

export const roadmapMoveSchema = z.object({
  id: itemId,
  direction: z.enum(["up", "down"], { message: "Выберите, куда переместить строку." }),
});

export const roadmapDeleteSchema = z.object({
  id: itemId,
  updatedAt: z.string({ message: "Обновите страницу." }).min(1, "Обновите страницу."),
});

export type RoadmapCreateInput = z.input<typeof roadmapCreateSchema>;
export type RoadmapUpdateInput = z.input<typeof roadmapUpdateSchema>;

/** A roadmap file is small: seed 001's is 25 rows; 2 MB holds thousands. */
export const MAX_ROADMAP_FILE = 2 * 1024 * 1024;

const isFile = (v: unknown): v is File =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as File).name === "string" &&
  typeof (v as File).size === "number" &&
  typeof (v as File).arrayBuffer === "function";

export const roadmapImportSchema = z.object({
  level,
  ownerId,
  mode: z.enum(["append", "replace"], { message: "Выберите: добавить строки или заменить дорожную карту." }),
  file: z
    .custom<File>((v) => isFile(v) && v.size > 0, {
      message: "Файл: выберите файл Excel (.xlsx) на компьютере.",
    })
    .refine((f) => /\.(xlsx|csv)$/i.test(f.name), "Файл: нужен файл Excel (.xlsx) или CSV.")
    .refine((f) => f.size <= MAX_ROADMAP_FILE, "Файл больше 2 МБ: в дорожной карте столько строк не бывает."),
});
