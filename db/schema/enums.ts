import { pgEnum } from "drizzle-orm/pg-core";
import * as v from "../vocabulary";

export const roleEnum = pgEnum("role", v.ROLES);
export const organisationKindEnum = pgEnum("organisation_kind", v.ORGANISATION_KINDS);
export const municipalityKindEnum = pgEnum("municipality_kind", v.MUNICIPALITY_KINDS);
export const personCategoryEnum = pgEnum("person_category", v.PERSON_CATEGORIES);
export const formatEnum = pgEnum("format", v.FORMATS);
export const stageEnum = pgEnum("programme_stage", v.PROGRAMME_STAGES);
export const documentTypeEnum = pgEnum("document_type", v.DOCUMENT_TYPES);
export const reportStatusEnum = pgEnum("report_status", v.REPORT_STATUSES);
export const reportModeEnum = pgEnum("report_mode", v.REPORT_MODES);
export const bestPracticeLevelEnum = pgEnum("best_practice_level", v.BEST_PRACTICE_LEVELS);
