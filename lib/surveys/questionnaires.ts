import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { surveyQuestionnaires, type SurveyQuestionnaire } from "@/db/schema";
import { DEFAULT_QUESTIONS, SURVEY_ROLES, type SurveyRole } from "./questions";

/**
 * The region's default questionnaires (version 1 of each role), if it has none yet. Idempotent and safe when two
 * requests race: a region created by admin:create, the demo or the directory gets them on first use.
 */
export async function ensureQuestionnaires(db: DbOrTx, regionId: number): Promise<void> {
  const existing = await db
    .select({ role: surveyQuestionnaires.role })
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.regionId, regionId));
  const missing = SURVEY_ROLES.filter((role) => !existing.some((e) => e.role === role));
  if (missing.length === 0) return;
  await db
    .insert(surveyQuestionnaires)
    .values(missing.map((role) => ({ regionId, role, version: 1, questions: DEFAULT_QUESTIONS[role] })))
    .onConflictDoNothing();
}

/** The current (newest) version of the region's questionnaire for a role, created from the defaults if needed. */
export async function currentQuestionnaire(
  db: DbOrTx,
  regionId: number,
  role: SurveyRole,
): Promise<SurveyQuestionnaire> {
  const newest = () =>
    db
      .select()
      .from(surveyQuestionnaires)
      .where(and(eq(surveyQuestionnaires.regionId, regionId), eq(surveyQuestionnaires.role, role)))
      .orderBy(desc(surveyQuestionnaires.version))
      .limit(1);
  let [row] = await newest();
  if (!row) {
    await ensureQuestionnaires(db, regionId);
    [row] = await newest();
  }
  return row;
}

/** A version by id, if it is the region's questionnaire for the role. */
export async function questionnaireVersion(
  db: DbOrTx,
  id: number,
  regionId: number,
  role: SurveyRole,
): Promise<SurveyQuestionnaire | null> {
  const [row] = await db
    .select()
    .from(surveyQuestionnaires)
    .where(
      and(
        eq(surveyQuestionnaires.id, id),
        eq(surveyQuestionnaires.regionId, regionId),
        eq(surveyQuestionnaires.role, role),
      ),
    );
  return row ?? null;
}

/** The current version without writing anything (pages that only read): the defaults stand in as version 1. */
export async function readQuestionnaire(
  db: DbOrTx,
  regionId: number,
  role: SurveyRole,
): Promise<Pick<SurveyQuestionnaire, "version" | "questions"> & { id: number | null }> {
  const [row] = await db
    .select()
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.regionId, regionId), eq(surveyQuestionnaires.role, role)))
    .orderBy(desc(surveyQuestionnaires.version))
    .limit(1);
  return row ?? { id: null, version: 1, questions: DEFAULT_QUESTIONS[role] };
}
