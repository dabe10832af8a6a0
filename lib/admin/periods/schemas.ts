/** A region's reporting periods: open a quarter, change its deadline. One schema for browser and server. */
import { z } from "zod";
import { quarterEnd } from "@/lib/reports/domain";
import { formatDate } from "@/lib/format";

const year = z.coerce
  .number({ message: "Год: введите год числом, например 2025." })
  .int("Год: введите год числом, например 2025.")
  .min(2020, "Год: не раньше 2020.")
  .max(2100, "Год: не позже 2100.");
const quarter = z.coerce
  .number({ message: "Квартал: выберите из списка." })
  .int("Квартал: выберите из списка.")
  .min(1, "Квартал: выберите из списка.")
  .max(4, "Квартал: выберите из списка.");
const deadline = z.iso.date("Срок сдачи: укажите дату.");

/** The deadline may not come before the quarter has ended. */
function deadlineRule(v: { year: number; quarter: number; deadline?: string | "" }, ctx: z.RefinementCtx) {
  if (!v.deadline) return;
  const end = quarterEnd({ year: v.year, quarter: v.quarter });
  if (v.deadline < end)
    ctx.addIssue({
      code: "custom",
      path: ["deadline"],
      message: `Срок сдачи не может быть раньше конца квартала (${formatDate(end)}).`,
    });
}

export const openPeriodSchema = z
  .object({ year, quarter, deadline: z.union([z.literal(""), deadline]).default("") })
  .superRefine(deadlineRule);

export const updatePeriodSchema = z
  .object({
    year,
    quarter,
    /** The period's stamp when the form was opened (optimistic lock). */
    updatedAt: z
      .string({ message: "Обновите страницу и повторите." })
      .min(1, "Обновите страницу и повторите."),
    deadline,
    open: z
      .union([z.boolean(), z.enum(["true", "false"])], { message: "Не указано, открыт ли период." })
      .transform((v) => v === true || v === "true"),
  })
  .superRefine(deadlineRule);

export type OpenPeriodInput = z.input<typeof openPeriodSchema>;
export type UpdatePeriodInput = z.input<typeof updatePeriodSchema>;
