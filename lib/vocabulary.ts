/**
 * The domain's closed lists (db/vocabulary.ts, from which the pgEnums are built) with their Russian labels:
 * formats, role models, person categories, roles, report statuses and modes, document types, kinds of
 * organisations and municipalities, programme stages. Pure: safe in client bundles.
 */
import type {
  DOCUMENT_TYPES,
  FORMATS,
  MUNICIPALITY_KINDS,
  ORGANISATION_KINDS,
  PERSON_CATEGORIES,
  PROGRAMME_STAGES,
  REPORT_MODES,
  REPORT_STATUSES,
  ROLES,
} from "@/db/vocabulary";

export * from "@/db/vocabulary";

export type Role = (typeof ROLES)[number];
export type Format = (typeof FORMATS)[number];
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportMode = (typeof REPORT_MODES)[number];
/** What a coordinator sees for an organisation in a period: no report yet, its status, or overdue. */
export type DisplayStatus = "not_started" | ReportStatus | "overdue";

export const ROLE_LABELS: Record<Role, string> = {
  curator: "Куратор организации",
  coordinator: "Муниципальный координатор",
  ministry: "Министерство",
  admin: "Администратор",
  federal: "Федеральный уровень (Минпросвещения)",
};

export const FORMAT_LABELS: Record<Format, string> = {
  pupil_pupil: "Ученик – ученик",
  student_student: "Студент – студент",
  teacher_teacher: "Учитель – учитель",
  student_pupil: "Студент – ученик",
  employer_pupil: "Работодатель – ученик",
  employer_student: "Работодатель – студент",
  teacher_pupil: "Педагог – ученик",
};

const PEER = ["успевающий – неуспевающий", "лидер – пассивный", "равный – равному"];

/** Role models of each format (spec/domain.md, «Formats and role models»); the register keeps them as text. */
export const ROLE_MODELS: Record<Format, string[]> = {
  pupil_pupil: PEER,
  student_student: PEER,
  teacher_teacher: [
    "опытный педагог – молодой специалист",
    "лидер педагогического сообщества – педагог с затруднениями в коммуникации",
    "педагог-новатор – консервативный педагог",
    "опытный предметник – неопытный предметник",
  ],
  student_pupil: [
    "успевающий – неуспевающий",
    "лидер – равнодушный",
    "равный – другому",
    "куратор – автор проекта",
  ],
  employer_pupil: [
    "активный профессионал – равнодушный потребитель",
    "коллега – молодой коллега",
    "работодатель – будущий сотрудник",
  ],
  employer_student: [
    "активный профессионал – равнодушный потребитель",
    "успешный профессионал – студент, выбирающий профессию",
    "коллега – будущий коллега",
    "работодатель – будущий сотрудник",
  ],
  teacher_pupil: [],
};

export const CATEGORY_LABELS: Record<PersonCategory, string> = {
  pupil: "Обучающийся школы",
  college_student: "Студент",
  teacher: "Педагог",
  employer_rep: "Представитель работодателя",
  parent: "Родитель",
  graduate: "Выпускник",
  retired_teacher: "Педагог на пенсии",
  other: "Другое",
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  school: "Общеобразовательная организация",
  college: "Профессиональная образовательная организация",
  additional: "Организация дополнительного образования",
  kindergarten: "Дошкольная образовательная организация",
};

export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, string> = {
  municipal_district: "Муниципальный район (округ)",
  city_district: "Городской округ",
};

export const STAGE_LABELS = {
  preparatory: "Подготовительный",
  design: "Проектировочный",
  implementation: "Реализационный",
  reflective: "Рефлексивно-аналитический",
  resultative: "Результативный",
} as const satisfies Record<ProgrammeStage, string>;

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  model_introduction: "Распорядительный акт о внедрении ЦМН",
  regulation_approval: "Приказ об утверждении положения о системе наставничества",
  pairs_assignment: "Приказ о закреплении наставнических пар/групп",
  personalised_programme: "Персонализированная программа наставничества",
  roadmap: "Дорожная карта",
  curator_appointment: "Приказ о назначении куратора",
  other: "Другой документ",
};

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  not_started: "Не начат",
  draft: "Черновик",
  submitted: "На проверке",
  returned: "Возвращён",
  approved: "Принят",
  overdue: "Просрочен",
};
