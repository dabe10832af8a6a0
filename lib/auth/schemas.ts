import { z } from "zod";

/** Sign-in form: one schema for the browser and the server. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Введите адрес электронной почты.")
    .max(254, "Адрес электронной почты слишком длинный.")
    .email("Введите адрес электронной почты полностью, например ivanova@school.ru."),
  password: z.string().min(1, "Введите пароль.").max(200, "Пароль слишком длинный."),
  callbackUrl: z.string().max(2000).optional(),
});

export type SignInInput = z.input<typeof signInSchema>;

/** The «Войти через региональную учётную запись» button: only where to go after signing in. */
export const ssoSignInSchema = z.object({
  callbackUrl: z.string({ message: "Обновите страницу и повторите." }).max(2000).optional(),
});
