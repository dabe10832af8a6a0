import { LINK_TTL_HOURS } from "@/lib/admin/tokens";
import { countOf } from "@/lib/format";
import type { Mail } from "./send";

/** The letter with a one-time link: an invitation for a new account or a password reset. */
export function passwordLinkMail(o: {
  to: string;
  name: string;
  link: string;
  purpose: "invite" | "reset";
}): Mail {
  const invite = o.purpose === "invite";
  return {
    to: o.to,
    subject: invite ? "Наставник: приглашение в систему" : "Наставник: смена пароля",
    text: [
      `Здравствуйте, ${o.name}!`,
      "",
      invite
        ? "Для вас создана учётная запись в системе «Наставник». Чтобы войти, задайте пароль по ссылке:"
        : "Чтобы задать новый пароль для входа в систему «Наставник», откройте ссылку:",
      o.link,
      "",
      `Ссылка действует ${countOf(LINK_TTL_HOURS, "час", "часа", "часов")} и только один раз.`,
      "Если вы не ждали этого письма, просто удалите его: без перехода по ссылке ничего не изменится.",
    ].join("\n"),
  };
}

/** The letter with a one-time questionnaire link: to the participant, or to a minor's legal representative. */
export function surveyLinkMail(o: {
  to: string;
  link: string;
  stage: "before" | "after";
  representative: boolean;
  days: number;
}): Mail {
  const when =
    o.stage === "before" ? "перед началом программы наставничества" : "по итогам программы наставничества";
  return {
    to: o.to,
    subject: "Наставник: анкета участника программы наставничества",
    text: [
      "Здравствуйте!",
      "",
      o.representative
        ? `Образовательная организация просит вашего ребёнка ответить на вопросы анкеты ${when}. Вы можете заполнить её вместе с ним по ссылке:`
        : `Образовательная организация просит вас ответить на вопросы анкеты ${when}. Анкета займёт несколько минут:`,
      o.link,
      "",
      `Ссылка действует ${countOf(o.days, "день", "дня", "дней")} и только один раз. Входить в систему не нужно.`,
      "Ответы видны куратору программы в вашей организации; за её пределы уходят только обобщённые цифры без имён.",
    ].join("\n"),
  };
}
