/**
 * How wide a text prints in a spreadsheet cell, in column-width units (the width of «0» of the cell's own font, Calibri or its substitute): enough
 * to size columns and count wrapped lines the way Excel and LibreOffice will wrap them. Pure.
 */
import type ExcelJS from "exceljs";

const NARROW = new Set([..." .,:;!|'il1ijtfrI()[]-–«»\"/ігї"]);
const WIDE = new Set([..."мшщжюыфМШЩЖЮЫДФWMmw№%@—"]);
const BOLD = 1.1;

function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.55;
  if (WIDE.has(ch)) return 1.45;
  if (ch >= "0" && ch <= "9") return 1.05;
  if (ch !== ch.toLowerCase()) return 1.3;
  return 1;
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

/** How many lines the text takes in a cell `width` wide, wrapped at spaces as the office suites do. */
export function wrapLines(text: string, width: number, bold = false): number {
  const room = Math.max(width, 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, bold);
      const space = line > 0 ? textWidth(" ", bold) : 0;
      if (line > 0 && line + space + w > room) {
        lines += 1;
        line = 0;
      }
      if (line === 0 && w > room) {
        // A word longer than the cell is broken over as many lines as it needs.
        lines += Math.ceil(w / room) - 1;
        line = w % room;
      } else {
        line += (line > 0 ? space : 0) + w;
      }
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
