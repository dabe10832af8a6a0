/** Forms of user management: one schema for the browser and the server. Pure. */
import { zId } from "@/lib/validation";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/** A select's value: "" (nothing chosen) or a positive id. */
export const optionalId = z
  .union([z.literal(""), z.null(), zId()])
  .transform((v) => (v === "" || v === null ? null : v))
  .optional();

export const userIdSchema = zId("Пользователь не найден.");

const fields = z.object({
  name: z
    .string({ message: "ФИО: обязательное поле." })
    .trim()
    .min(3, "ФИО: не короче 3 символов.")
    .max(200, "ФИО: не длиннее 200 символов."),
  email: z
    .string({ message: "Электронная почта: обязательное поле." })
    .trim()
    .toLowerCase()
    .min(1, "Электронная почта: обязательное поле.")
    .max(200, "Электронная почта: не длиннее 200 символов.")
    .email("Электронная почта: введите адрес полностью, например ivanova@school.ru."),
  role: z.enum(ROLES, { message: "Роль: выберите из списка." }),
  organisationId: optionalId,
  municipalityId: optionalId,
});

type Fields = z.output<typeof fields>;

/** A curator needs an organisation, a coordinator a municipality; ministry and admin work for the region. */
function scopeRule(v: Pick<Fields, "role" | "organisationId" | "municipalityId">, ctx: z.RefinementCtx) {
  if (v.role === "curator" && !v.organisationId)
    ctx.addIssue({
      code: "custom",
      path: ["organisationId"],
      message: "Организация: выберите организацию, в которой работает куратор.",
    });
  if (v.role === "coordinator" && !v.municipalityId)
    ctx.addIssue({
      code: "custom",
      path: ["municipalityId"],
      message: "Муниципалитет: выберите муниципалитет координатора.",
    });
}

export const createUserSchema = fields.superRefine(scopeRule);

export const updateUserSchema = fields
  .extend({
    userId: userIdSchema,
    /** The record's updatedAt when the form was opened: a save over a newer version is refused. */
    updatedAt: z.string().min(1, "Обновите страницу и повторите."),
  })
  .superRefine(scopeRule);

export const setUserActiveSchema = z.object({
  userId: userIdSchema,
  updatedAt: z.string().min(1, "Обновите страницу и повторите."),
  active: z
    .union([z.boolean(), z.enum(["true", "false"])], { message: "Не указано действие." })
    .transform((v) => v === true || v === "true"),
});

export const passwordLinkSchema = z.object({ userId: userIdSchema });

/** Unbinding the regional (OIDC) identity of an account. */
export const unbindSsoSchema = z.object({ userId: userIdSchema });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UserFields = z.output<typeof createUserSchema>;
