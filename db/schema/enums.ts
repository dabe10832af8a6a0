import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["curator", "coordinator", "ministry", "admin"]);
export const organisationKindEnum = pgEnum("organisation_kind", [
  "school",
  "college",
  "additional",
  "kindergarten",
]);
export const municipalityKindEnum = pgEnum("municipality_kind", ["city_district", "municipal_district"]);
export const personCategoryEnum = pgEnum("person_category", [
  "pupil",
  "college_student",
  "teacher",
  "employer_rep",
  "parent",
  "graduate",
  "retired_teacher",
  "other",
]);
export const formatEnum = pgEnum("format", [
  "pupil_pupil",
  "student_student",
  "teacher_teacher",
  "student_pupil",
  "employer_pupil",
  "employer_student",
  "teacher_pupil",
]);
export const stageEnum = pgEnum("programme_stage", [
  "preparatory",
  "design",
  "implementation",
  "reflective",
  "resultative",
]);
export const documentTypeEnum = pgEnum("document_type", [
  "model_introduction",
  "regulation_approval",
  "pairs_assignment",
  "personalised_programme",
  "roadmap",
  "curator_appointment",
  "other",
]);
export const reportStatusEnum = pgEnum("report_status", ["draft", "submitted", "returned", "approved"]);
export const reportModeEnum = pgEnum("report_mode", ["register", "manual"]);
