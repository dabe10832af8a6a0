import "server-only";
/** The roadmap as an XLSX in seed 001's layout, and such a file read back into rows (all errors at once). */
import { uploadSheets } from "@/lib/tabular/upload";
import {
  addHeader,
  addRow,
  addTitle,
  BORDER,
  newWorkbook,
  TabularRefusal,
  workbookBuffer,
} from "@/lib/tabular/xlsx";
import { layoutSheet } from "@/lib/tabular/xlsx-layout";
import type { Cell } from "@/lib/tabular/cell";
import { webAddress } from "@/lib/validation";
import { toIsoDate } from "@/lib/registry/documents/fields";
import {
  dueText,
  MAX_ROADMAP_ROWS,
  parseDue,
  parseStatus,
  ROADMAP_STATUS_LABELS,
  type Due,
  type RoadmapStatus,
} from "./domain";
import type { RoadmapRow } from "./queries";
import type { RoadmapOwner } from "./scope";

/** The columns of seed 001's table, then ours. */
export const ROADMAP_HEADER = [
  "№ п/п",
  "Наименование мероприятий",
  "Срок реализации",
  "Ответственный исполнитель",
  "Результат, вид документа",
  "Статус",
  "Дата выполнения",
  "Ссылка на результат",
] as const;

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");

/** The document or address a row's result points to, as text. */
export function resultLink(row: Pick<RoadmapRow, "document" | "resultUrl">): string {
  if (row.document)
    return `${row.document.title}${row.document.number ? `, № ${row.document.number}` : ""}${row.document.date ? ` от ${dmy(row.document.date)}` : ""}`;
  return row.resultUrl ?? "";
}

export async function roadmapWorkbook(owner: RoadmapOwner, rows: RoadmapRow[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Дорожная карта");
  addTitle(sheet, "План мероприятий (дорожная карта)");
  addTitle(sheet, owner.name, 11);
  addHeader(sheet, [...ROADMAP_HEADER]);
  for (const r of rows) {
    const cells: Cell[] = r.isSection
      ? [r.number, r.title, "", "", "", "", "", ""]
      : [
          r.number,
          r.title,
          dueText(r),
          r.responsible,
          r.result,
          ROADMAP_STATUS_LABELS[r.status] + (r.overdue ? " (просрочено)" : ""),
          dmy(r.doneDate),
          resultLink(r),
        ];
    const row = addRow(sheet, cells);
    if (r.isSection) row.font = { bold: true };
    for (let c = 1; c <= ROADMAP_HEADER.length; c++) row.getCell(c).border = BORDER;
  }
  layoutSheet(sheet, { header: [3, 3], maxWidth: 60 });
  return workbookBuffer(workbook);
}

/** A row of an imported file, checked. */
export interface ImportedRow {
  isSection: boolean;
  title: string;
  due: Due;
  responsible: string;
  result: string;
  status: RoadmapStatus;
  doneDate: string | null;
  resultUrl: string;
}

const norm = (v: Cell | undefined) =>
  (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? "" : String(v)).replace(/\s+/g, " ").trim();

/** The columns an imported file may hold, by their header's text. */
const COLUMNS = {
  number: /^№/,
  title: /наименование/,
  due: /срок/,
  responsible: /ответственн/,
  result: /^результат/,
  status: /^статус/,
  doneDate: /дата выполн/,
  link: /ссылка|документ в реестре/,
};
type Column = keyof typeof COLUMNS;
const KEYS = Object.keys(COLUMNS) as Column[];

const LIMITS = { title: 1000, responsible: 500, result: 1000 };
const url = webAddress("Ссылка на результат");

/**
 * The rows of the first sheet under the header «Наименование мероприятий» (seed 001's, or our export's); the
 * numbers in «№ п/п» only tell sections (a whole number, no other cell filled) from items. Errors name the rows.
 */
export async function readRoadmapFile(bytes: Uint8Array): Promise<{ rows: ImportedRow[]; errors: string[] }> {
  let sheetRows: { line: number; cells: Cell[] }[] = [];
  let more = false;
  try {
    for await (const sheet of uploadSheets(bytes, { maxRows: MAX_ROADMAP_ROWS + 20 })) {
      sheetRows = sheet.rows;
      more = sheet.more;
      break;
    }
  } catch (error) {
    if (error instanceof TabularRefusal) return { rows: [], errors: [error.message] };
    throw error;
  }
  const headerAt = sheetRows.findIndex((r) => r.cells.some((c) => /наименование мероприят/i.test(norm(c))));
  if (headerAt < 0)
    return {
      rows: [],
      errors: [
        "В файле нет строки заголовка с колонкой «Наименование мероприятий»: возьмите за образец выгрузку дорожной карты.",
      ],
    };
  const col = Object.fromEntries(KEYS.map((k) => [k, -1])) as Record<Column, number>;
  sheetRows[headerAt].cells.forEach((c, i) => {
    const text = norm(c).toLowerCase();
    for (const key of KEYS) if (col[key] < 0 && COLUMNS[key].test(text)) col[key] = i;
  });
  const errors: string[] = [];
  const rows: ImportedRow[] = [];
  if (more) errors.push(`В файле больше ${MAX_ROADMAP_ROWS} строк: столько в дорожной карте быть не может.`);
  for (const { line, cells } of sheetRows.slice(headerAt + 1)) {
    const get = (key: Column) => (col[key] >= 0 ? norm(cells[col[key]]) : "");
    const values = KEYS.map(get);
    if (values.every((v) => v === "")) continue;
    const number = get("number");
    const title = get("title");
    // Seed 001 repeats the columns' numbers (1, 2, 3…) under the header on every page.
    if (/^\d+$/.test(title) && /^\d*$/.test(number)) continue;
    const at = `Строка ${line}`;
    if (!title) {
      errors.push(`${at}: заполните «Наименование мероприятий».`);
      continue;
    }
    const rest = (["due", "responsible", "result", "status", "doneDate", "link"] as const).map(get);
    const isSection = /^\d+\.?$/.test(number) && rest.every((v) => v === "");
    for (const [key, max] of Object.entries(LIMITS)) {
      const v = key === "title" ? title : get(key as Column);
      if (v.length > max)
        errors.push(
          `${at}: «${key === "title" ? "Наименование" : key === "result" ? "Результат" : "Ответственный исполнитель"}» длиннее ${max} символов.`,
        );
    }
    const due = parseDue(get("due"));
    if (typeof due === "string") errors.push(`${at}: ${due}`);
    const statusText = get("status").replace(/\s*\(просрочено\)\s*$/i, "");
    const status = parseStatus(statusText);
    if (!status)
      errors.push(
        `${at}: статус «${statusText.slice(0, 40)}» не из списка: запланировано, выполняется, выполнено, не выполнено.`,
      );
    const doneText = get("doneDate");
    let doneDate: string | null = null;
    if (doneText) {
      doneDate = toIsoDate(doneText);
      if (!doneDate)
        errors.push(`${at}: дата выполнения «${doneText.slice(0, 20)}» — введите её как ДД.ММ.ГГГГ.`);
    }
    if (status === "done" && !doneText)
      errors.push(`${at}: для выполненного мероприятия укажите дату выполнения.`);
    const link = get("link");
    const linkOk = !link || !/^https?:/i.test(link) || url.safeParse(link).success;
    if (!linkOk) errors.push(`${at}: ссылка на результат — введите адрес полностью, начиная с https://.`);
    rows.push({
      isSection,
      title,
      due: typeof due === "string" ? { date: null, precision: null, note: "" } : due,
      responsible: get("responsible"),
      result: get("result"),
      status: isSection ? "planned" : (status ?? "planned"),
      doneDate: status === "done" ? doneDate : null,
      resultUrl: /^https?:/i.test(link) && linkOk ? link : "",
    });
  }
  if (!errors.length && rows.length === 0)
    errors.push("В файле нет ни одного мероприятия под строкой заголовка.");
  return { rows, errors };
}
