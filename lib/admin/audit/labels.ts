/** Russian names of audit actions and record types. Pure. */

export const ACTION_LABELS: Record<string, string> = {
  create: "Создание",
  update: "Изменение",
  archive: "Перевод в архив",
  restore: "Возврат из архива",
  import: "Импорт",
  export: "Выгрузка",
  sign_in: "Вход в систему",
  activate: "Включение учётной записи",
  deactivate: "Отключение учётной записи",
  password_link: "Выдача ссылки для пароля",
  set_password: "Пароль задан",
  sso_bind: "Привязана региональная учётная запись",
  sso_unbind: "Отвязана региональная учётная запись",
  save: "Сохранение отчёта",
  submit: "Отправка отчёта",
  approve: "Принятие отчёта",
  return: "Возврат на доработку",
  reopen: "Повторное открытие",
};

export const ENTITY_LABELS: Record<string, string> = {
  user: "Пользователь",
  organisation: "Организация",
  municipality: "Муниципалитет",
  region: "Регион",
  period: "Отчётный период",
  report: "Отчёт",
  person: "Участник реестра",
  programme: "Программа наставничества",
  mentorship: "Наставническая пара",
  document: "Документ",
  event: "Мероприятие",
  register: "Реестр",
  targets: "Плановые значения",
  consolidated: "Сводные формы",
  audit_log: "Журнал действий",
  indicators: "Таблица показателей",
  indicator_chart: "Данные графика",
};

/** An action or a record type not in the lists reads as itself, underscores as spaces. */
const readable = (s: string) => s.replace(/[_.]+/g, " ").trim() || "—";
export const actionLabel = (a: string) => (Object.hasOwn(ACTION_LABELS, a) ? ACTION_LABELS[a] : readable(a));
export const entityLabel = (e: string) => (Object.hasOwn(ENTITY_LABELS, e) ? ENTITY_LABELS[e] : readable(e));
