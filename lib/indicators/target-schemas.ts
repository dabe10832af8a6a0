/** The admin's grid of plan values: validation with Russian messages. Pure: used by the action and the form. */
import { z } from "zod";
import { displayCode, INDICATOR_CODES, type IndicatorCode } from "./definitions";

export const CELL = /^v:(1|2|3|4|5|6|7|N1|N2):(\d{4})$/;
export const cellName = (code: IndicatorCode, year: number) => `v:${code}:${year}`;

export interface TargetCell {
  code: IndicatorCode;
  year: number;
  /** null: no plan (the row is deleted). */
  value: number | null;
}

/** FormData arrives flat: the grid's cells are the keys «v:code:year». */
function gather(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || raw instanceof Date) return raw;
  const o = raw as Record<string, unknown>;
  const cells: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (k.startsWith("v:")) cells[k] = v;
  return { territory: o.territory, version: o.version, cells };
}

function parseCell(code: IndicatorCode, raw: unknown): { value: number | null } | { error: string } {
  if (raw == null) return { value: null };
  if (typeof raw !== "string" && typeof raw !== "number") return { error: "введите число" };
  const text = String(raw).trim().replace(/\s/g, "").replace(",", ".");
  if (text === "") return { value: null };
  if (code === "2") {
    if (!/^\d{1,7}$/.test(text)) return { error: "введите целое число не меньше 0" };
    return { value: Number(text) };
  }
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100)
    return { error: "введите число от 0 до 100 (не больше двух знаков после запятой)" };
  return { value: Number(text) };
}

export const saveTargetsSchema = z.preprocess(
  gather,
  z
    .object({
      territory: z.union(
        [z.literal("region"), z.string().regex(/^\d{1,9}$/)],
        "Выберите регион или муниципалитет.",
      ),
      /** The stamp of the territory's plan when the grid was opened (optimistic lock). */
      version: z.string("Обновите страницу и повторите.").min(1, "Обновите страницу и повторите."),
      cells: z.record(z.string(), z.unknown(), "Нет значений для сохранения."),
    })
    .transform((input, ctx) => {
      const entries = Object.entries(input.cells);
      if (entries.length === 0 || entries.length > 400) {
        ctx.addIssue({ code: "custom", path: ["_form"], message: "Нет значений для сохранения." });
        return z.NEVER;
      }
      const cells: TargetCell[] = [];
      for (const [key, raw] of entries) {
        const m = CELL.exec(key);
        const year = m ? Number(m[2]) : 0;
        if (!m || year < 2000 || year > 2100 || !(INDICATOR_CODES as readonly string[]).includes(m[1])) {
          ctx.addIssue({ code: "custom", path: [key], message: "Неизвестный показатель или год." });
          continue;
        }
        const code = m[1] as IndicatorCode;
        const parsed = parseCell(code, raw);
        if ("error" in parsed)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `Показатель ${displayCode(code)}, ${year} год: ${parsed.error}.`,
          });
        else cells.push({ code, year, value: parsed.value });
      }
      if (ctx.issues.length > 0) return z.NEVER;
      return {
        territory: input.territory === "region" ? ("region" as const) : Number(input.territory),
        version: input.version,
        cells,
      };
    }),
);

export type SaveTargetsInput = z.output<typeof saveTargetsSchema>;
