/**
 * The journal in Russian: what an audit record says (its action, its record and what changed), read from the
 * stored record whose keys and values stay as the code wrote them. Unknown keys and values fall back to a
 * readable form; nothing here throws. Pure.
 */
import { formatDateTimeIn } from "@/lib/clock";
import { displayCode, INDICATOR_CODES, type IndicatorCode } from "@/lib/indicators/definitions";
import {
  CATEGORY_LABELS,
  DOCUMENT_TYPE_LABELS,
  FORMAT_LABELS,
  MUNICIPALITY_KIND_LABELS,
  ORGANISATION_KIND_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
} from "@/lib/vocabulary";
import { KINDS } from "@/lib/notifications/kinds";
import { ROADMAP_STATUS_LABELS } from "@/lib/roadmap/domain";
import { actionLabel, ACTION_LABELS, entityLabel, ENTITY_LABELS } from "./labels";

export interface AuditRecordLike {
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  /** For a record of an account: its holder's name. */
  subjectName?: string | null;
}

export interface AuditDescription {
  action: string;
  /** The record the action touched: «Отчёт за I квартал 2026 г.», «Документ № 12». */
  subject: string;
  /** One line per field: «Статус: На проверке → Принят», «Формат файла: XLSX». */
  changes: string[];
}

/** Russian names of the fields the audit records carry. */
export const FIELD_LABELS: Record<string, string> = {
  status: "Статус",
  comment: "Комментарий",
  reason: "Причина",
  mode: "Способ заполнения",
  period: "Период",
  filters: "Отбор",
  email: "Эл. почта",
  name: "ФИО",
  role: "Роль",
  active: "Учётная запись включена",
  purpose: "Ссылка",
  requestedBy: "Запросил",
  via: "Способ",
  issuer: "Поставщик входа",
  regionCreated: "Регион создан",
  organisationId: "Организация",
  municipalityId: "Муниципалитет",
  regionId: "Регион",
  deadline: "Срок сдачи",
  open: "Период открыт",
  timeZone: "Часовой пояс",
  municipalityName: "Название муниципалитета",
  kind: "Вид",
  slug: "Адрес публичной страницы",
  archived: "В архиве",
  fullName: "Полное наименование",
  shortName: "Краткое наименование",
  address: "Адрес",
  directorName: "Руководитель",
  phone: "Телефон",
  website: "Сайт",
  curatorName: "Куратор",
  curatorContact: "Контакты куратора",
  obliged: "Обязана участвовать",
  joinedYear: "Год вхождения в модель",
  learners10to18: "Обучающихся 10–18 лет",
  teachingStaff: "Педагогических работников",
  youngTeachers: "Молодых специалистов",
  row: "Строка файла",
  surname: "Фамилия",
  patronymic: "Отчество",
  birthYear: "Год рождения",
  category: "Категория",
  grade: "Класс или курс",
  workplace: "Место работы или учёбы",
  position: "Должность",
  teachingSince: "Педагогический стаж с",
  request: "Запрос",
  mentor: "Наставник",
  mentee: "Наставляемый",
  "mentor.publishName": "Имя наставника на сайте",
  "mentor.consentDate": "Согласие наставника",
  "mentor.capacity": "Мест у наставника",
  "mentee.consentDate": "Согласие наставляемого",
  "mentee.hasIndividualRoute": "Есть ИОМ",
  "mentee.request": "Запрос наставляемого",
  title: "Название",
  format: "Формат",
  roleModel: "Ролевая модель",
  modes: "Виды наставничества",
  goal: "Цель",
  expectedResults: "Ожидаемые результаты",
  achievedResults: "Достигнутые результаты",
  startDate: "Начало",
  endDate: "Окончание",
  stage: "Этап",
  bestPractice: "Лучшая практика",
  bestPracticeProposed: "Предложена в банк лучших практик",
  bestPracticeLevel: "Уровень признания",
  bestPracticeNote: "Чем ценна практика",
  capacity: "Мест у наставника",
  load: "Занято мест",
  added: "Назначено сверх",
  programmeId: "Программа",
  mentorId: "Наставник",
  menteeId: "Наставляемый",
  menteeIds: "Наставляемые",
  entryDate: "Дата вхождения",
  result: "Результат",
  mentorReviewUrl: "Отзыв наставника",
  menteeReviewUrl: "Отзыв наставляемого",
  completed: "Завершена",
  orderNumber: "Номер приказа",
  orderDate: "Дата приказа",
  mentorships: "Пары",
  type: "Тип документа",
  number: "Номер",
  date: "Дата",
  inForce: "Действует",
  public: "На сайте",
  file: "Файл",
  text: "Текст",
  fileName: "Файл",
  rows: "Строк",
  importedRows: "Загружено строк",
  skippedRows: "Пропущено строк",
  newPersons: "Новых участников",
  mergedPersons: "Участников уже в реестре",
  newMentorships: "Новых пар",
  existingMentorships: "Пар уже в реестре",
  newProgrammes: "Новых программ",
  form: "Форма",
  submitted: "С отчётами на проверке",
  organisations: "Организаций",
  level: "Уровень",
  territoryId: "Территория",
  code: "Показатель",
  year: "Год",
  user: "Пользователь",
  org: "Организация",
  entity: "Тип записи",
  action: "Действие",
  warnings: "Предупреждений",
  warningsAcknowledged: "Предупреждения подтверждены",
  emailOn: "Письма включены",
  emailOff: "Письма отключены",
  count: "Количество",
  isSection: "Раздел",
  due: "Срок реализации",
  responsible: "Ответственный исполнитель",
  doneDate: "Дата выполнения",
  documentId: "Документ",
  resultUrl: "Ссылка на результат",
  direction: "Куда",
  replaced: "Прежние данные заменены",
  deletedRows: "Удалено строк",
  surveyRole: "Анкета",
  surveyStage: "Когда",
  version: "Версия анкеты",
  source: "Способ",
  sentTo: "Кому отправлена",
  questions: "Вопросов",
  removed: "Удалено вопросов",
  "mentee.representativeEmail": "Контакт законного представителя",
};

const NOTIFICATION_KIND_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(KINDS).map(([kind, info]) => [kind, info.label]),
);
const REPORT_MODE_LABELS: Record<string, string> = { register: "по реестрам", manual: "вручную" };
const FILE_FORMATS: Record<string, string> = { xlsx: "XLSX", csv: "CSV", all: "XLSX" };

/** Values of closed lists, by the field that holds them. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { ...STATUS_LABELS, ...ROADMAP_STATUS_LABELS },
  direction: { up: "вверх", down: "вниз" },
  role: ROLE_LABELS,
  type: DOCUMENT_TYPE_LABELS,
  category: CATEGORY_LABELS,
  stage: STAGE_LABELS,
  format: { ...FORMAT_LABELS, ...FILE_FORMATS },
  mode: REPORT_MODE_LABELS,
  kind: {
    ...ORGANISATION_KIND_LABELS,
    ...MUNICIPALITY_KIND_LABELS,
    mentors: "База наставников",
    mentees: "База наставляемых",
    line: "график по годам",
    bars: "сравнение",
    formats: "программы по формам наставничества",
    documents: "документы и куратор",
    completeness: "полнота сдачи отчётов",
  },
  level: { region: "регион", municipality: "муниципалитет", organisation: "организация" },
  bestPracticeLevel: { municipal: "муниципальный", regional: "региональный" },
  purpose: { invite: "приглашение", reset: "смена пароля" },
  requestedBy: { self: "сам пользователь" },
  via: { "admin:create": "команда admin:create", sso: "региональная учётная запись (OIDC)" },
  form: {
    form1: "форма 1",
    form2: "форма 2",
    form3: "форма 3",
    form4: "форма 4",
    form5: "форма 5",
    other: "прочие формы",
    all: "все формы",
  },
  entity: ENTITY_LABELS,
  action: ACTION_LABELS,
  emailOn: NOTIFICATION_KIND_LABELS,
  emailOff: NOTIFICATION_KIND_LABELS,
  surveyRole: { mentor: "наставника", mentee: "наставляемого" },
  surveyStage: { before: "до программы", after: "по итогам программы" },
  source: { paper: "с бумажной анкеты", link: "по ссылке" },
  sentTo: {
    participant: "участнику",
    representative: "законному представителю",
    none: "никому (передана вручную)",
  },
};

/** Fields that hold a list of values: a pair of lists is a change, a pair of values is the list itself. */
const LIST_FIELDS = new Set(["modes", "mentorships", "menteeIds", "emailOn", "emailOff"]);
/** Fields that name a record by its id. */
const ID_FIELDS = new Set([
  "organisationId",
  "municipalityId",
  "regionId",
  "programmeId",
  "mentorId",
  "menteeId",
  "territoryId",
  "documentId",
  "user",
  "org",
]);
/** Fields the record's own line already shows, or that say nothing to a reader (a territory's id). */
const NOT_LISTED = new Set(["period", "territoryId"]);
/** The order fields are listed in: as in FIELD_LABELS (the database keeps no order of keys), unknown ones last. */
const RANK = new Map(Object.keys(FIELD_LABELS).map((k, i) => [k, i]));
const rank = (k: string) => RANK.get(k) ?? RANK.size;

const MAX_TEXT = 120;
/** A map's own entry only: «constructor» or «toString» in a stored record is not a label. */
const own = <T>(map: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(map, key) ? map[key] : undefined;
const QUARTERS = ["I", "II", "III", "IV"];

/** «2026-1» or «2026-Q1» → «I квартал 2026 г.»; anything else → null. */
export function periodText(v: unknown): string | null {
  const m = typeof v === "string" ? /^(\d{4})-Q?([1-4])$/.exec(v) : null;
  return m ? `${QUARTERS[Number(m[2]) - 1]} квартал ${m[1]} г.` : null;
}

/** An unknown key, readable: «someField_name» → «some field name». */
function humanKey(key: string): string {
  const words = key
    .replace(/([a-zа-яё0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : "Поле";
}

const isCode = (v: string): v is IndicatorCode => (INDICATOR_CODES as readonly string[]).includes(v);

/** The label of a field; plan cells of the targets («N1:2024») read as «План Н1 на 2024 год». */
export function fieldLabel(key: string): string {
  const plan = /^([0-9N]{1,2}):(\d{4})$/.exec(key);
  if (plan && isCode(plan[1])) return `План ${displayCode(plan[1])} на ${plan[2]} год`;
  return own(FIELD_LABELS, key) ?? humanKey(key);
}

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function fileText(v: Record<string, unknown>): string {
  const size =
    typeof v.size === "number"
      ? `, ${Math.max(1, Math.round(v.size / 1024)).toLocaleString("ru-RU")} КБ`
      : "";
  return `«${clip(String(v.name ?? "файл"))}»${size}`;
}

/** A field's label that depends on its value: «from» and «to» are years of indicators or days of the journal. */
function labelOf(key: string, v: unknown): string {
  if (key === "from" || key === "to") {
    const day = typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
    return key === "from" ? (day ? "С даты" : "С года") : day ? "По дату" : "По год";
  }
  return fieldLabel(key);
}

/** One value in Russian, by the field it belongs to. */
export function valueText(key: string, v: unknown, zone: string): string {
  if (v == null || v === "") return key.includes(":") ? "не задан" : "—";
  if (typeof v === "boolean") return v ? "да" : "нет";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "—";
    if (ID_FIELDS.has(key)) return `№ ${v}`;
    return key === "year" || key === "joinedYear" || key === "birthYear" || key === "from" || key === "to"
      ? String(v)
      : v.toLocaleString("ru-RU");
  }
  if (typeof v === "string") {
    if (v === "(изменено)") return "изменено";
    const known = own(VALUE_LABELS, key) ? own(VALUE_LABELS[key], v) : undefined;
    if (known) return known;
    if (key === "code" && isCode(v)) return displayCode(v);
    const period = key === "period" || key === "entityId" ? periodText(v) : null;
    if (period) return period;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}`;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)))
      return formatDateTimeIn(v, zone);
    if (ID_FIELDS.has(key) && /^\d+$/.test(v)) return `№ ${v}`;
    return clip(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    return clip(v.map((x) => valueText(key, x, zone)).join(", "));
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (key === "file" && "name" in o) return fileText(o);
    const parts = Object.entries(o)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${labelOf(k, x).toLowerCase()} — ${valueText(k, x, zone)}`);
    return parts.length ? clip(parts.join(", ")) : "—";
  }
  return clip(String(v));
}

/** A stored change: `[before, after]` (lib/audit diff) or a single value (what a record was created with). */
function isChange(key: string, v: unknown): v is [unknown, unknown] {
  if (!Array.isArray(v) || v.length !== 2) return false;
  if (!LIST_FIELDS.has(key)) return true;
  return v.every((x) => x == null || Array.isArray(x));
}

/** «Поле: было → стало» or «Поле: значение», one per field, in the order stored. */
export function changeLines(changes: Record<string, unknown> | null, zone: string): string[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  const out: string[] = [];
  const entries = Object.entries(changes)
    .filter(([key, v]) => v !== undefined && !NOT_LISTED.has(key))
    .sort(([a], [b]) => rank(a) - rank(b));
  // Years of a download read as one span.
  const { from, to } = changes as { from?: unknown; to?: unknown };
  const span = typeof from === "number" && typeof to === "number";
  for (const [key, v] of entries) {
    if (span && key === "to") continue;
    if (span && key === "from") {
      out.push(`Годы: ${from}–${to}`);
      continue;
    }
    const label = labelOf(key, isChange(key, v) ? (v[1] ?? v[0]) : v);
    if (isChange(key, v)) out.push(`${label}: ${valueText(key, v[0], zone)} → ${valueText(key, v[1], zone)}`);
    else out.push(`${label}: ${valueText(key, v, zone)}`);
  }
  return out;
}

const num = (id: string | null) => (id && /^\d+$/.test(id) ? ` № ${id}` : "");

/** The record's line: its type and what names it (a period, a kind, a number). */
export function subjectText(r: AuditRecordLike): string {
  const c = r.changes ?? {};
  const period = periodText(c.period) ?? periodText(r.entityId);
  switch (r.entity) {
    case "report":
      return period ? `Отчёт за ${period}` : `Отчёт${num(r.entityId)}`;
    case "period":
    case "consolidated":
      return period ? `${entityLabel(r.entity)}: ${period}` : entityLabel(r.entity);
    case "targets":
      return r.entityId?.startsWith("region:")
        ? "Плановые значения региона"
        : r.entityId?.startsWith("municipality:")
          ? "Плановые значения муниципалитета"
          : entityLabel(r.entity);
    case "register": {
      const kind = typeof c.kind === "string" ? own(VALUE_LABELS.kind, c.kind) : undefined;
      return kind ?? entityLabel(r.entity);
    }
    case "indicator_chart":
    case "indicators":
      return r.entityId && isCode(r.entityId)
        ? `${entityLabel(r.entity)}: показатель ${displayCode(r.entityId)}`
        : entityLabel(r.entity);
    case "roadmap": {
      const level = r.entityId?.split(":")[0];
      const whose =
        level === "organisation" ? "организации" : level === "municipality" ? "муниципалитета" : "региона";
      return `Дорожная карта ${whose}`;
    }
    case "roadmap_item":
      return typeof c.title === "string"
        ? `${entityLabel(r.entity)} «${clip(c.title)}»`
        : `${entityLabel(r.entity)}${num(r.entityId)}`;
    case "audit_log":
    case "region":
      return entityLabel(r.entity);
    case "user":
      return r.subjectName
        ? `${entityLabel(r.entity)}: ${r.subjectName}`
        : `${entityLabel(r.entity)}${num(r.entityId)}`;
    default:
      return `${entityLabel(r.entity)}${num(r.entityId)}`;
  }
}

/** The whole record in Russian. */
export function describeAudit(r: AuditRecordLike, zone: string): AuditDescription {
  let changes: string[];
  try {
    changes = changeLines(r.changes, zone);
  } catch {
    changes = [];
  }
  return { action: actionLabel(r.action), subject: subjectText(r), changes };
}
