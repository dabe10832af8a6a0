import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { surveyLinks } from "@/db/schema";
import { currentQuestionnaire } from "@/lib/surveys/questionnaires";
import { createMentee, createMentor, createMentorship, createProgramme } from "../support/registry-factories";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

const surveys = () => import("@/lib/surveys/actions");

/** A programme of the target organisation with an adult mentee: the participant a questionnaire is about. */
async function participant(organisationId: number) {
  const programme = await createProgramme(organisationId);
  const mentor = await createMentor(organisationId);
  const mentee = await createMentee(organisationId, { category: "teacher", birthYear: 1995 });
  await createMentorship(programme, mentor.id, mentee.id);
  return {
    programmeId: programme.id,
    personId: mentee.id,
    role: "mentee" as const,
    stage: "before" as const,
  };
}

async function regionOf(organisationId: number) {
  const { municipalities, organisations } = await import("@/db/schema");
  const db = await getDb();
  const [row] = await db
    .select({ regionId: municipalities.regionId })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, organisationId));
  return row.regionId;
}

export const rows: Record<string, MatrixRow> = {
  enterSurveyAnswersAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const orgId = targetOrg(ctx);
      const target = await participant(orgId);
      const version = await currentQuestionnaire(await getDb(), await regionOf(orgId), "mentee");
      const { enterSurveyAnswersAction } = await surveys();
      return ctx.act(() =>
        enterSurveyAnswersAction({
          ...target,
          questionnaireId: version.id,
          answers: { motivation: 5, results: 6, goals: 7, climate: 8, contests: true, becomeMentor: false },
        }),
      );
    },
  },
  createSurveyLinkAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const target = await participant(targetOrg(ctx));
      const { createSurveyLinkAction } = await surveys();
      return ctx.act(() => createSurveyLinkAction(target));
    },
  },
  revokeSurveyLinkAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const orgId = targetOrg(ctx);
      const target = await participant(orgId);
      const version = await currentQuestionnaire(await getDb(), await regionOf(orgId), "mentee");
      const [link] = await (
        await getDb()
      )
        .insert(surveyLinks)
        .values({
          ...target,
          organisationId: orgId,
          tokenHash: `authz-${Math.random().toString(36).slice(2)}`,
          questionnaireId: version.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning();
      const { revokeSurveyLinkAction } = await surveys();
      return ctx.act(() => revokeSurveyLinkAction({ id: link.id }));
    },
  },
  saveQuestionnaireAction: {
    allowed: ["admin"],
    // The action names no region: it edits the admin's own, so there is no other region's record to try.
    targets: ["own"],
    attempt: async (ctx) => {
      const version = await currentQuestionnaire(await getDb(), ctx.t.regionId, "mentor");
      const questions = version.questions.map((q, i) => ({
        id: q.id,
        text: i === 0 ? `${q.text.replace(/ \(\d+\)$/, "")} (${Math.floor(Math.random() * 1e6)})` : q.text,
        type: q.type,
        options: (q.options ?? []).join("\n"),
        required: q.required,
        order: String(i + 1),
        remove: false,
      }));
      const { saveQuestionnaireAction } = await surveys();
      return ctx.act(() => saveQuestionnaireAction({ role: "mentor", version: version.version, questions }));
    },
  },
  submitSurveyAction: {
    public: "a participant answers through a one-time link without an account: the link is the credential",
  },
};
