/** The programme as the curator enters it: one zod schema for the browser and the server. Pure. */
import { z } from "zod";
import { MODES, ROLE_MODELS, STAGE_LABELS } from "@/lib/registry/formats";
import { FORMAT_LABELS, FORMATS, type Format } from "@/lib/reports/domain";
import { ALWAYS, checkbox, id, isDate, list, optionalDate, requiredDate, text, version } from "./fields";

export const STAGES = Object.keys(STAGE_LABELS) as (keyof typeof STAGE_LABELS)[];

/** The list's status filter: derived from the dates, except the archive. */
export const PROGRAMME_STATUS_LABELS = {
  planned: "Ещё не началась",
  current: "Идёт",
  finished: "Завершена",
  archived: "В архиве",
} as const;
export type ProgrammeStatus = keyof typeof PROGRAMME_STATUS_LABELS;

const fields = {
  title: text("Название", 300, 3),
  format: z.enum(FORMATS, { message: "Форма наставничества: выберите из списка." }),
  roleModel: text("Ролевая модель", 300),
  modes: list(z.enum(MODES as [string, ...string[]], { message: "Вид наставничества: выберите из списка." })),
  goal: text("Цель программы"),
  expectedResults: text("Ожидаемые результаты"),
  achievedResults: text("Достигнутые результаты"),
  startDate: requiredDate("Дата начала"),
  endDate: optionalDate("Дата окончания"),
  stage: z.enum(STAGES, { message: "Этап: выберите из списка." }),
  /** The curator proposes it to the bank; recognition is the coordinator's or the admin's (lib/practices). */
  bestPracticeProposed: checkbox,
};

type Fields = {
  format: Format;
  roleModel: string;
  startDate: string;
  endDate: string | null;
};

/**
 * Rules across fields: the role model belongs to the format, the programme ends after it starts.
 * They also run when another field failed (ALWAYS), so each value is checked before it is used.
 */
function crossFieldRules(v: Fields, ctx: z.RefinementCtx) {
  if (typeof v.roleModel === "string" && (FORMATS as readonly string[]).includes(v.format)) {
    roleModelRule(v.format, v.roleModel, ctx);
  }
  if (isDate(v.startDate) && isDate(v.endDate) && v.endDate < v.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "Дата окончания: не может быть раньше даты начала.",
    });
  }
}

function roleModelRule(format: Format, roleModel: string, ctx: z.RefinementCtx) {
  const models = ROLE_MODELS[format];
  if (models.length > 0 && !models.includes(roleModel)) {
    ctx.addIssue({
      code: "custom",
      path: ["roleModel"],
      message: `Ролевая модель: выберите одну из моделей формы «${FORMAT_LABELS[format]}».`,
    });
  }
  if (models.length === 0 && roleModel.length < 3) {
    ctx.addIssue({
      code: "custom",
      path: ["roleModel"],
      message: "Ролевая модель: опишите её, например «педагог – одарённый ученик».",
    });
  }
}

export const createProgrammeSchema = z
  .object({ organisationId: id("Организация не выбрана."), ...fields })
  .superRefine(crossFieldRules, ALWAYS);

export const updateProgrammeSchema = z
  .object({ id: id("Программа не выбрана."), updatedAt: version, ...fields })
  .superRefine(crossFieldRules, ALWAYS);

export const archiveProgrammeSchema = z.object({ id: id("Программа не выбрана."), updatedAt: version });
/** Back from the archive: no version check (an archived programme cannot be edited meanwhile). */
export const restoreProgrammeSchema = z.object({ id: id("Программа не выбрана.") });

export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;
export type UpdateProgrammeInput = z.input<typeof updateProgrammeSchema>;
export type ProgrammeFields = z.output<typeof createProgrammeSchema>;
