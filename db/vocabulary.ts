/**
 * The closed lists of the domain (spec/domain.md), one copy: db/schema/enums.ts builds the pgEnums from them and
 * lib/vocabulary.ts adds the Russian labels. No imports: safe for the schema, the migrations and client bundles.
 * The order of each list is the order of its database enum; changing a list needs a migration.
 */

export const ROLES = ["curator", "coordinator", "ministry", "admin", "federal"] as const;

export const ORGANISATION_KINDS = ["school", "college", "additional", "kindergarten"] as const;

export const MUNICIPALITY_KINDS = ["city_district", "municipal_district"] as const;

export const PERSON_CATEGORIES = [
  "pupil",
  "college_student",
  "teacher",
  "employer_rep",
  "parent",
  "graduate",
  "retired_teacher",
  "other",
] as const;

export const FORMATS = [
  "pupil_pupil",
  "student_student",
  "teacher_teacher",
  "student_pupil",
  "employer_pupil",
  "employer_student",
  "teacher_pupil",
] as const;

export const PROGRAMME_STAGES = [
  "preparatory",
  "design",
  "implementation",
  "reflective",
  "resultative",
] as const;

export const DOCUMENT_TYPES = [
  "model_introduction",
  "regulation_approval",
  "pairs_assignment",
  "personalised_programme",
  "roadmap",
  "curator_appointment",
  "other",
] as const;

/** The four documents an organisation must have in force (form 1, indicator 1): the first four types. */
export const REQUIRED_DOCUMENT_TYPES = [
  "model_introduction",
  "regulation_approval",
  "pairs_assignment",
  "personalised_programme",
] as const satisfies readonly (typeof DOCUMENT_TYPES)[number][];

export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;

export const REPORT_MODES = ["register", "manual"] as const;

/** The status of a roadmap item («План мероприятий (дорожная карта)», seed 001). */
export const ROADMAP_STATUSES = ["planned", "in_progress", "done", "failed"] as const;

/** How precise a roadmap item's due is: a day («до 15.09.2021») or a month («сентябрь 2021 г.»). */
export const ROADMAP_DUE_PRECISIONS = ["day", "month"] as const;
/** Who recognised a programme as a best practice: the municipal coordinator or the region (issue 12). */
export const BEST_PRACTICE_LEVELS = ["municipal", "regional"] as const;
