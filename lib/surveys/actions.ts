"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { surveyLinks } from "@/db/schema";
import { appOrigin } from "@/lib/admin/links";
import { acceptFormData, postedWithoutScripts } from "@/lib/actions/form-data";
import type { ActionResult } from "@/lib/actions/result";
import { authorizedAction, fieldErrorsOf, formDataToObject, logUnexpected } from "@/lib/actions/wrapper";
import { clientAddress } from "@/lib/auth/client-address";
import { countAttempt } from "@/lib/auth/limits";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion, scopeOrg } from "@/lib/auth/scoped";
import { CHECK_FIELDS, DomainError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { surveyLinkMail } from "@/lib/mail/templates";
import { registerAction } from "@/lib/registry/action";
import { eq } from "drizzle-orm";
import { publishQuestionnaire } from "./edit";
import {
  LINK_NOT_FOUND,
  type LinkRecipient,
  SURVEY_LINK_TTL_DAYS,
  createSurveyLink,
  enterSurveyAnswers,
  revokeSurveyLink,
  submitSurvey,
} from "./mutations";
import {
  createSurveyLinkSchema,
  questionnaireSchema,
  revokeSurveyLinkSchema,
  surveyEntrySchema,
  surveySubmitSchema,
} from "./schemas";

const surveyPages = (programmeId: number) => [
  `/registry/programmes/${programmeId}`,
  `/registry/programmes/${programmeId}/surveys`,
  "/surveys",
];

/** Answers of a paper questionnaire, entered by the curator (or the admin). */
export const enterSurveyAnswersAction = registerAction(
  {
    name: "enterSurveyAnswers",
    schema: surveyEntrySchema,
    scope: { programme: "programmeId" },
    revalidate: ({ input }) => surveyPages(input.programmeId),
  },
  enterSurveyAnswers,
);

interface CreatedLink {
  id: number;
  link: string;
  recipient: LinkRecipient;
  mailed: boolean;
  expiresAt: string;
}

/** A one-time link to the questionnaire: shown to copy, and e-mailed to the participant or the representative. */
export const createSurveyLinkAction = registerAction<typeof createSurveyLinkSchema, CreatedLink>(
  {
    name: "createSurveyLink",
    schema: createSurveyLinkSchema,
    scope: { programme: "programmeId" },
    revalidate: ({ input }) => surveyPages(input.programmeId),
  },
  async (user, org, input): Promise<CreatedLink> => {
    const created = await createSurveyLink(user, org, input);
    const link = `${await appOrigin()}/survey/${created.token}`;
    const mailed = created.to
      ? await sendMail(
          surveyLinkMail({
            to: created.to,
            link,
            stage: input.stage,
            representative: created.recipient === "representative",
            days: SURVEY_LINK_TTL_DAYS,
          }),
        )
      : false;
    return { id: created.id, link, recipient: created.recipient, mailed, expiresAt: created.expiresAt };
  },
);

/** Stops an unused link from working (sent to a wrong address, say). */
export const revokeSurveyLinkAction = authorizedAction(
  {
    name: "revokeSurveyLink",
    roles: rolesWith("editOrganisation"),
    schema: revokeSurveyLinkSchema,
    scope: async (input, user) => {
      const db = await getDb();
      const [link] = await db
        .select({ organisationId: surveyLinks.organisationId })
        .from(surveyLinks)
        .where(eq(surveyLinks.id, input.id));
      return scopeOrg(user, link?.organisationId, "edit", { notFound: LINK_NOT_FOUND });
    },
  },
  async (input, user, org) => {
    const link = await revokeSurveyLink(user, org, input);
    for (const page of surveyPages(link.programmeId)) revalidatePath(page);
    return { id: link.id };
  },
);

/** The admin publishes a new version of the region's questionnaire for a role. */
export const saveQuestionnaireAction = authorizedAction(
  {
    name: "saveQuestionnaire",
    roles: rolesWith("administerRegion"),
    schema: questionnaireSchema,
    scope: (_input, user) => scopeAdminRegion(user),
  },
  async (input, user, region) => {
    const saved = await publishQuestionnaire(user, region, input);
    revalidatePath("/admin/surveys");
    return saved;
  },
);

/** At most 30 submissions per client address in 15 minutes (kept in PostgreSQL, like sign-in attempts). */
const SUBMIT_LIMIT = { address: 30, windowMinutes: 15 };

/** Where a participant lands after answering with scripts off (with scripts, the form itself says thanks). */
const SURVEY_DONE_PATH = "/survey/done";

/** Public: the participant's answers through a one-time link; the link is the credential. */
export const submitSurveyAction = acceptFormData<{ done: boolean }>(
  surveySubmitSchema,
  async (input: unknown): Promise<ActionResult<{ done: boolean }>> => {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = surveySubmitSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        code: "invalid",
        formError: CHECK_FIELDS,
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    let result: ActionResult<{ done: boolean }>;
    // A form posted without JavaScript carries no Next-Action header. Its page is rendered again after the
    // action, and for a link just used that page can only say the link is no longer valid: such a post goes to
    // a page of thanks instead.
    try {
      const address = clientAddress(await headers());
      const wait = await countAttempt(
        await getDb(),
        [{ key: `survey-ip:${address}`, max: SUBMIT_LIMIT.address }],
        SUBMIT_LIMIT.windowMinutes,
      );
      if (wait > 0)
        return {
          ok: false,
          code: "refused",
          formError: `Слишком много попыток с этого адреса. Попробуйте через ${Math.ceil(wait / 60)} мин.`,
        };
      const data = await submitSurvey(parsed.data.token, parsed.data.answers);
      result = { ok: true, data, message: "Спасибо! Ответы сохранены. Эту страницу можно закрыть." };
    } catch (error) {
      if (error instanceof DomainError)
        return { ok: false, code: error.code, formError: error.message, fieldErrors: error.fieldErrors };
      logUnexpected("action submitSurvey", error);
      return {
        ok: false,
        code: "error",
        formError: "Не удалось сохранить ответы. Попробуйте ещё раз через минуту.",
      };
    }
    if (await postedWithoutScripts()) redirect(SURVEY_DONE_PATH);
    return result;
  },
);
