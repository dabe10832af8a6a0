/** An uploaded table, XLSX or CSV, read sheet by sheet within the limits of an import. */
import { readCsv } from "./csv";
import { isZip, TabularRefusal, xlsxSheets, type Sheet } from "./xlsx";
import { ZipDamaged } from "./zip";

export const DAMAGED_XLSX = "Не удалось прочитать файл Excel: он повреждён или это не .xlsx.";

/** The first bytes of an old (OLE2) Excel file. */
const XLS = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * The sheets of the file in order (a CSV is one sheet), read only as far as the caller goes: at most
 * `maxRows` rows with values from each (`more` tells there were more). Throws TabularRefusal with the
 * reason in Russian: an empty file, an old .xls, a damaged XLSX, an XLSX that unpacks into too much.
 */
export async function* uploadSheets(
  bytes: Uint8Array,
  options: { maxRows: number; maxUnpacked?: number },
): AsyncGenerator<Sheet & { format: "csv" | "xlsx" }> {
  if (bytes.length === 0) throw new TabularRefusal("Файл пуст.");
  if (XLS.every((b, i) => bytes[i] === b))
    throw new TabularRefusal(
      "Старый формат Excel (.xls) не поддерживается: сохраните файл как .xlsx или .csv.",
    );
  if (!isZip(bytes)) {
    const { rows, more } = readCsv(bytes, options.maxRows);
    yield { name: "", rows, more, format: "csv" };
    return;
  }
  try {
    for await (const sheet of xlsxSheets(bytes, options)) yield { ...sheet, format: "xlsx" };
  } catch (error) {
    if (error instanceof TabularRefusal) throw error;
    // exceljs's parsers throw plain errors on XML that is not a spreadsheet's.
    if (!(error instanceof ZipDamaged))
      console.warn(`[xlsx] ${String((error as Error)?.message).split("\n")[0]}`);
    throw new TabularRefusal(DAMAGED_XLSX);
  }
}
