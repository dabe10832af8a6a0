/** Assigning and editing mentorships: one zod schema for the browser and the server. Pure. */
import { z } from "zod";
import {
  ALWAYS,
  checkbox,
  id,
  isDate,
  list,
  optionalDate,
  requiredDate,
  text,
  version,
  webAddress,
} from "@/lib/registry/programmes/fields";

/** A group is assigned in one step, but not a whole school at once. */
export const MAX_GROUP = 60;

/** The shortest reason for assigning a mentor beyond the places they have. */
export const MIN_REASON = 10;

const order = {
  orderNumber: text("Номер приказа", 50),
  orderDate: optionalDate("Дата приказа"),
};

export const assignMentorshipsSchema = z
  .object({
    programmeId: id("Программа не выбрана."),
    mentorId: id("Наставник: выберите участника из списка."),
    menteeIds: list(id("Наставляемые: выберите участников из списка."))
      .pipe(
        z
          .array(z.number())
          .min(1, "Наставляемые: выберите хотя бы одного участника.")
          .max(MAX_GROUP, `Наставляемые: не больше ${MAX_GROUP} участников за один раз.`),
      )
      .transform((ids) => [...new Set(ids)]),
    entryDate: requiredDate("Дата вступления"),
    endDate: optionalDate("Дата окончания"),
    ...order,
    /** Assign although the mentor has no free place (capacity): only with a reason, which is audited. */
    overCapacity: checkbox,
    overCapacityReason: text("Причина назначения сверх числа мест", 500),
  })
  .superRefine((v, ctx) => {
    if (
      v.overCapacity === true &&
      typeof v.overCapacityReason === "string" &&
      v.overCapacityReason.length < MIN_REASON
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["overCapacityReason"],
        message: `Причина назначения сверх числа мест: опишите её (не короче ${MIN_REASON} символов).`,
      });
    }
    if (Array.isArray(v.menteeIds) && v.menteeIds.includes(v.mentorId)) {
      ctx.addIssue({
        code: "custom",
        path: ["menteeIds"],
        message: "Наставляемые: наставник не может быть наставляемым у самого себя.",
      });
    }
    if (isDate(v.entryDate) && isDate(v.endDate) && v.endDate < v.entryDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "Дата окончания: не может быть раньше даты вступления.",
      });
    }
  }, ALWAYS);

/** The outcome of a pair as the form, its action and the register import check it. */
export const outcomeFields = {
  result: text("Результат"),
  mentorReviewUrl: webAddress("Ссылка на кейс или отзыв наставника"),
  menteeReviewUrl: webAddress("Ссылка на отзыв наставляемого"),
};

/** What changes after the assignment; the entry date and the persons stay (archive and assign anew). */
export const updateMentorshipSchema = z
  .object({
    id: id("Пара не выбрана."),
    updatedAt: version,
    endDate: optionalDate("Дата окончания"),
    ...outcomeFields,
    completed: checkbox,
    ...order,
  })
  .superRefine((v, ctx) => {
    if (v.completed === true && (v.endDate === null || v.endDate === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "Дата окончания: укажите её, чтобы отметить наставничество завершённым.",
      });
    }
  }, ALWAYS);

export const archiveMentorshipSchema = z.object({ id: id("Пара не выбрана."), updatedAt: version });

export type AssignMentorshipsInput = z.input<typeof assignMentorshipsSchema>;
export type UpdateMentorshipInput = z.input<typeof updateMentorshipSchema>;
