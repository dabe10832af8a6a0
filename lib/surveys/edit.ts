import "server-only";
import type { z } from "zod";
import { surveyQuestionnaires } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { AdminRegion } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { ConflictError } from "@/lib/errors";
import type { SurveyQuestion } from "./questions";
import { currentQuestionnaire } from "./questionnaires";
import type { questionnaireSchema } from "./schemas";

type Rows = z.output<typeof questionnaireSchema>["questions"];

/**
 * The questions of the new version from the form's rows: removed and blank rows dropped, the rest in the order
 * asked. A row keeps its question's id while its type stays (a reworded question is still compared before and
 * after); a new question or a changed type gets a new id.
 */
export function nextQuestions(current: SurveyQuestion[], rows: Rows): SurveyQuestion[] {
  const known = new Map(current.map((q) => [q.id, q]));
  const taken = new Set(current.map((q) => q.id));
  const fresh = () => {
    let n = taken.size + 1;
    while (taken.has(`q${n}`)) n++;
    taken.add(`q${n}`);
    return `q${n}`;
  };
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !row.remove && row.text !== "")
    .sort((a, b) => order(a) - order(b) || a.index - b.index)
    .map(({ row }) => {
      const before = known.get(row.id);
      const options = row.options
        .split("\n")
        .map((o) => o.trim())
        .filter(Boolean);
      return {
        id: before && before.type === row.type ? row.id : fresh(),
        text: row.text,
        type: row.type,
        ...(row.type === "choice" && { options }),
        required: row.required,
      };
    });
}

const order = ({ row, index }: { row: Rows[number]; index: number }) =>
  Number.isFinite(row.order) ? row.order : 1000 + index;

/** Publishes a new version of the region's questionnaire; the answers given so far keep their version. */
export async function publishQuestionnaire(
  user: SessionUser,
  region: AdminRegion,
  input: z.output<typeof questionnaireSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    changes.surveyResults(region.id);
    const current = await currentQuestionnaire(tx, region.id, input.role);
    if (current.version !== input.version)
      throw new ConflictError(
        `Анкету уже изменили (сейчас действует версия ${current.version}). Обновите страницу и внесите правки заново.`,
      );
    const questions = nextQuestions(current.questions, input.questions);
    if (JSON.stringify(questions) === JSON.stringify(current.questions))
      return { version: current.version, unchanged: true };
    // The unique (region, role, version) refuses a second admin who published the same version meanwhile.
    const [saved] = await tx
      .insert(surveyQuestionnaires)
      .values({
        regionId: region.id,
        role: input.role,
        version: current.version + 1,
        questions,
        createdById: user.id,
      })
      .onConflictDoNothing()
      .returning({ id: surveyQuestionnaires.id, version: surveyQuestionnaires.version });
    if (!saved) throw new ConflictError("Анкету только что изменил другой администратор. Обновите страницу.");
    const ids = new Set(questions.map((q) => q.id));
    await audit(tx, {
      userId: user.id,
      action: "questionnaire_publish",
      entity: "survey_questionnaire",
      entityId: saved.id,
      changes: {
        surveyRole: input.role,
        version: saved.version,
        questions: questions.length,
        removed: current.questions.filter((q) => !ids.has(q.id)).length,
      },
    });
    return { version: saved.version, unchanged: false };
  });
}
