/** Set-password and forgotten-password forms: one schema for the browser and the server. Pure. */
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

export const setPasswordSchema = z
  .object({
    token: z
      .string({ message: "Ссылка недействительна." })
      .regex(/^[A-Za-z0-9_-]{43}$/, "Ссылка недействительна: проверьте, что она скопирована полностью."),
    password: z
      .string({ message: "Пароль: обязательное поле." })
      .min(MIN_PASSWORD_LENGTH, `Пароль: не короче ${MIN_PASSWORD_LENGTH} символов.`)
      .max(200, "Пароль: не длиннее 200 символов.")
      .refine((p) => p.trim().length === p.length, "Пароль не должен начинаться или заканчиваться пробелом.")
      .refine((p) => new Set(p).size >= 4, "Пароль слишком простой: используйте разные символы."),
    confirm: z.string({ message: "Повторите пароль." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Пароли не совпадают." });

export const forgotPasswordSchema = z.object({
  email: z
    .string({ message: "Введите адрес электронной почты." })
    .trim()
    .toLowerCase()
    .min(1, "Введите адрес электронной почты.")
    .max(200, "Адрес электронной почты слишком длинный.")
    .email("Введите адрес электронной почты полностью, например ivanova@school.ru."),
});

export type SetPasswordInput = z.input<typeof setPasswordSchema>;
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** The one answer to every well-formed request: it never tells whether the address is registered. */
export const FORGOT_ANSWER =
  "Если этот адрес зарегистрирован в системе, на него отправлено письмо со ссылкой для смены пароля. " +
  "Письмо не пришло в течение нескольких минут? Обратитесь к администратору или муниципальному координатору: " +
  "они выдадут новую ссылку.";
