/**
 * How wide a text prints in a spreadsheet cell, in column-width units (the width of «0» in the cell's font): enough
 * to size columns and count wrapped lines the way Excel and LibreOffice will wrap them. Pure.
 */
import type ExcelJS from "exceljs";

/**
 * Widths in hundredths of «0», measured on Carlito 11 pt (metric twin of Calibri, the workbook's font: the same in
 * Excel and LibreOffice); digits and anything not listed count as one «0».
 */
const MEASURED: [number, string][] = [
  [44, "'"],
  [45, "il "],
  [47, "j"],
  [49, ","],
  [50, "I."],
  [53, ":;"],
  [60, "f()-"],
  [61, "[]"],
  [63, "J"],
  [64, "!"],
  [66, "t"],
  [68, "г"],
  [69, "r"],
  [76, "т/"],
  [77, "s"],
  [78, "z"],
  [79, '"'],
  [83, "зсcL"],
  [85, "хГx"],
  [87, "э"],
  [89, "уvy"],
  [90, "k"],
  [91, "FS?|"],
  [92, "кчZ"],
  [93, "ьЗg"],
  [94, "я"],
  [95, "авa"],
  [96, "ЕЁТETY"],
  [98, "еёe–_*+=<>#"],
  [101, "л«»"],
  [102, "РХPX"],
  [103, "пK"],
  [104, "орУbdhnopqu"],
  [105, "бнСЬC"],
  [106, "ъБ"],
  [107, "ийцВКBR"],
  [108, "Э"],
  [110, "дЧЯ"],
  [112, "V"],
  [114, "АA"],
  [121, "ЛЪD"],
  [123, "фНПH"],
  [124, "G"],
  [126, "Ц"],
  [127, "ДИЙNU"],
  [131, "ыОO"],
  [133, "мQ"],
  [135, "&"],
  [136, "ж"],
  [138, "Ф"],
  [141, "w%"],
  [142, "ю"],
  [144, "ш"],
  [148, "щ"],
  [150, "Ы"],
  [158, "Жm"],
  [169, "МM"],
  [171, "Ш"],
  [173, "Ю"],
  [176, "ЩW@"],
  [179, "—"],
  [202, "№"],
];
const WIDTHS = new Map(MEASURED.flatMap(([w, chars]) => [...chars].map((ch) => [ch, w / 100] as const)));
const BOLD = 1.05;

function charWidth(ch: string): number {
  return WIDTHS.get(ch) ?? (ch !== ch.toLowerCase() ? 1.2 : 1);
}

/** The width of one line of text. */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * (bold ? BOLD : 1);
}

/** The widest word: a column narrower than that breaks the word in the middle. */
export function longestWord(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, bold)));
}

/** How many lines the text takes in a cell `width` wide, wrapped at spaces and after hyphens as office suites do. */
export function wrapLines(text: string, width: number, bold = false): number {
  const room = Math.max(width, 1);
  const space = textWidth(" ", bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      // «2-11-11» may break after each hyphen; only the first part needs the space before it.
      word.split(/(?<=-)/).forEach((part, i) => {
        const w = textWidth(part, bold);
        const gap = line > 0 && i === 0 ? space : 0;
        if (line > 0 && line + gap + w > room) {
          lines += 1;
          line = 0;
        }
        if (line === 0 && w > room) {
          // A part longer than the cell is broken over as many lines as it needs.
          lines += Math.ceil(w / room) - 1;
          line = w % room;
        } else {
          line += (line > 0 ? gap : 0) + w;
        }
      });
    }
  }
  return lines;
}

/** A cell's value as the text it shows: numbers and dates as written, rich text and links as their text. */
export function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") {
    // A literal prefix of the format («"▼ "0.0») shows too.
    const prefix = /"([^"]*)"/.exec(cell.numFmt ?? "")?.[1] ?? "";
    return prefix + (cell.numFmt?.endsWith("0.0") ? v.toFixed(1) : String(v));
  }
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (v instanceof Date) return "00.00.0000";
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return String(v.result ?? "");
  return String(cell.text ?? "");
}
