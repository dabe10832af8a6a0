import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx, Tx } from "@/db";
import {
  menteeProfiles,
  mentorships,
  municipalities,
  organisations,
  persons,
  programmes,
  surveyLinks,
  surveyResponses,
} from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { todayIn } from "@/lib/clock";
import { writeTransaction } from "@/lib/derived";
import { CHECK_FIELDS, DomainError, NotFoundError } from "@/lib/errors";
import { isMinor } from "@/lib/registry/persons/schemas";
import { regionZone } from "@/lib/territory/clock";
import {
  answersSchema,
  type Answers,
  type SurveyQuestion,
  type SurveyRole,
  type SurveyStage,
} from "./questions";
import { currentQuestionnaire, questionnaireVersion } from "./questionnaires";
import type { createSurveyLinkSchema, revokeSurveyLinkSchema, surveyEntryFields } from "./schemas";

export const SURVEY_LINK_TTL_DAYS = 14;
export const PARTICIPANT_NOT_FOUND = "Участник не найден в этой программе или программа в архиве.";
export const LINK_NOT_FOUND = "Ссылка не найдена или недоступна.";
export const ALREADY_ANSWERED =
  "Эта анкета уже заполнена. Чтобы исправить ответы, внесите их заново с бумажной анкеты.";
export const MINOR_WITHOUT_REPRESENTATIVE =
  "Участнику нет 18 лет: ссылку можно отправить только законному представителю. Укажите электронную почту законного представителя в карточке наставляемого или внесите ответы с бумажной анкеты.";

export function hashSurveyToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

interface Target {
  programmeId: number;
  personId: number;
  role: SurveyRole;
  stage: SurveyStage;
}

/** The participant of a live pair of the organisation's live programme in the role, with contacts. */
async function participant(tx: Tx, org: EditableOrg, t: Target) {
  const side = t.role === "mentor" ? mentorships.mentorId : mentorships.menteeId;
  const [row] = await tx
    .select({
      id: persons.id,
      birthYear: persons.birthYear,
      email: persons.email,
      representativeEmail: menteeProfiles.representativeEmail,
    })
    .from(mentorships)
    .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
    .innerJoin(persons, eq(persons.id, side))
    .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
    .where(
      and(
        eq(mentorships.programmeId, t.programmeId),
        eq(mentorships.organisationId, org.id),
        eq(side, t.personId),
        eq(mentorships.archived, false),
        eq(programmes.archived, false),
        eq(persons.archived, false),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError(PARTICIPANT_NOT_FOUND);
  return row;
}

/** Checks answers against a version's questions; a refusal names each question by its number. */
export function checkAnswers(questions: SurveyQuestion[], raw: unknown): Answers {
  const parsed = answersSchema(questions).safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[["answers", ...issue.path].join(".")] ??= []).push(issue.message);
  throw new DomainError(CHECK_FIELDS, fieldErrors);
}

const openLink = and(isNull(surveyLinks.usedAt), isNull(surveyLinks.revokedAt));

function closeOpenLinks(tx: Tx, t: Target, now: Date) {
  return tx
    .update(surveyLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(surveyLinks.programmeId, t.programmeId),
        eq(surveyLinks.personId, t.personId),
        eq(surveyLinks.role, t.role),
        eq(surveyLinks.stage, t.stage),
        openLink,
      ),
    );
}

const stamp = (user: SessionUser | null, org: { id: number; municipalityId: number }) => ({
  userId: user?.id ?? null,
  organisationId: org.id,
  municipalityId: org.municipalityId,
});

/** Answers of a paper questionnaire, entered by the curator; they replace earlier answers of the stage. */
export async function enterSurveyAnswers(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof surveyEntryFields>,
) {
  return writeTransaction(async (tx, changes) => {
    changes.surveyResults(org.regionId);
    await participant(tx, org, input);
    const version = await questionnaireVersion(tx, input.questionnaireId, org.regionId, input.role);
    if (!version) throw new DomainError("Анкета не найдена: обновите страницу.");
    const answers = checkAnswers(version.questions, input.answers);
    const now = new Date();
    const [earlier] = await tx
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.programmeId, input.programmeId),
          eq(surveyResponses.personId, input.personId),
          eq(surveyResponses.role, input.role),
          eq(surveyResponses.stage, input.stage),
        ),
      );
    const values = {
      organisationId: org.id,
      programmeId: input.programmeId,
      personId: input.personId,
      role: input.role,
      stage: input.stage,
      questionnaireId: version.id,
      answers,
      source: "paper" as const,
      createdById: user.id,
      updatedAt: now,
    };
    const [saved] = await tx
      .insert(surveyResponses)
      .values(values)
      .onConflictDoUpdate({
        target: [
          surveyResponses.programmeId,
          surveyResponses.personId,
          surveyResponses.role,
          surveyResponses.stage,
        ],
        set: { questionnaireId: version.id, answers, source: "paper", createdById: user.id, updatedAt: now },
      })
      .returning({ id: surveyResponses.id });
    await closeOpenLinks(tx, input, now);
    await audit(tx, {
      ...stamp(user, org),
      action: "survey_answers",
      entity: "survey_response",
      entityId: saved.id,
      // The answers themselves stay out of the journal: free text may name a person.
      changes: {
        programmeId: input.programmeId,
        surveyRole: input.role,
        surveyStage: input.stage,
        version: version.version,
        source: "paper",
        replaced: Boolean(earlier),
      },
    });
    return { id: saved.id, programmeId: input.programmeId };
  });
}

export type LinkRecipient = "participant" | "representative" | "none";

/**
 * A one-time link to the participant's questionnaire (14 days). A minor's goes only to the legal
 * representative's e-mail, and without one it is refused; earlier open links of the stage stop working.
 */
export async function createSurveyLink(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof createSurveyLinkSchema>,
  now = new Date(),
) {
  return writeTransaction(async (tx) => {
    const person = await participant(tx, org, input);
    const [answered] = await tx
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.programmeId, input.programmeId),
          eq(surveyResponses.personId, input.personId),
          eq(surveyResponses.role, input.role),
          eq(surveyResponses.stage, input.stage),
        ),
      );
    if (answered) throw new DomainError(ALREADY_ANSWERED);
    const year = Number(todayIn(await regionZone(tx, org.regionId), now).slice(0, 4));
    const minor = isMinor(person.birthYear, year);
    let recipient: LinkRecipient = "none";
    let to = "";
    if (minor) {
      to = input.role === "mentee" ? (person.representativeEmail ?? "") : "";
      if (!to) throw new DomainError(MINOR_WITHOUT_REPRESENTATIVE);
      recipient = "representative";
    } else if (person.email) {
      to = person.email;
      recipient = "participant";
    }
    await closeOpenLinks(tx, input, now);
    const version = await currentQuestionnaire(tx, org.regionId, input.role);
    const token = crypto.randomBytes(32).toString("base64url");
    const [link] = await tx
      .insert(surveyLinks)
      .values({
        tokenHash: hashSurveyToken(token),
        organisationId: org.id,
        programmeId: input.programmeId,
        personId: input.personId,
        role: input.role,
        stage: input.stage,
        questionnaireId: version.id,
        sentTo: recipient,
        createdById: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SURVEY_LINK_TTL_DAYS * 86_400_000),
      })
      .returning({ id: surveyLinks.id, expiresAt: surveyLinks.expiresAt });
    await audit(tx, {
      ...stamp(user, org),
      action: "survey_link",
      entity: "survey_link",
      entityId: link.id,
      changes: {
        programmeId: input.programmeId,
        surveyRole: input.role,
        surveyStage: input.stage,
        sentTo: recipient,
      },
    });
    return {
      id: link.id,
      token,
      to,
      recipient,
      expiresAt: link.expiresAt.toISOString(),
      programmeId: input.programmeId,
    };
  });
}

/** Stops an unused link from working. */
export async function revokeSurveyLink(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof revokeSurveyLinkSchema>,
) {
  return writeTransaction(async (tx) => {
    const [link] = await tx
      .update(surveyLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(surveyLinks.id, input.id), eq(surveyLinks.organisationId, org.id), openLink))
      .returning({ id: surveyLinks.id, programmeId: surveyLinks.programmeId });
    if (!link) throw new NotFoundError("Ссылка не найдена, уже использована или отозвана.");
    await audit(tx, {
      ...stamp(user, org),
      action: "survey_link_revoke",
      entity: "survey_link",
      entityId: link.id,
    });
    return link;
  });
}

/** One answer for every link that cannot be used: nothing is told about which it is or whose. */
export const LINK_INVALID =
  "Ссылка на анкету недействительна: она уже использована, отозвана или срок её действия истёк. Если анкету нужно заполнить, обратитесь к куратору программы наставничества в своей организации.";

/** The link's row if it can still be used (not used, revoked or expired). */
export async function usableLink(tx: DbOrTx, token: string, now: Date, lock = false) {
  const query = tx
    .select({
      link: surveyLinks,
      municipalityId: organisations.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(surveyLinks)
    .innerJoin(organisations, eq(organisations.id, surveyLinks.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(and(eq(surveyLinks.tokenHash, hashSurveyToken(token)), openLink));
  const [row] = lock ? await query.for("update", { of: surveyLinks }) : await query;
  if (!row || row.link.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}

/** The participant's answers through a link: checked against the link's version, the link is spent. */
export async function submitSurvey(token: string, rawAnswers: unknown, now = new Date()) {
  return writeTransaction(async (tx, changes) => {
    const row = await usableLink(tx, token, now, true);
    if (!row) throw new DomainError(LINK_INVALID);
    changes.surveyResults(row.regionId);
    const { link } = row;
    const version = await questionnaireVersion(tx, link.questionnaireId, row.regionId, link.role);
    if (!version) throw new DomainError(LINK_INVALID);
    const answers = checkAnswers(version.questions, rawAnswers);
    const [saved] = await tx
      .insert(surveyResponses)
      .values({
        organisationId: link.organisationId,
        programmeId: link.programmeId,
        personId: link.personId,
        role: link.role,
        stage: link.stage,
        questionnaireId: version.id,
        answers,
        source: "link",
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    await tx.update(surveyLinks).set({ usedAt: now }).where(eq(surveyLinks.id, link.id));
    if (!saved) throw new DomainError(LINK_INVALID);
    await audit(tx, {
      ...stamp(null, { id: link.organisationId, municipalityId: row.municipalityId }),
      action: "survey_submit",
      entity: "survey_response",
      entityId: saved.id,
      changes: {
        programmeId: link.programmeId,
        surveyRole: link.role,
        surveyStage: link.stage,
        version: version.version,
        source: "link",
      },
    });
    return { done: true };
  });
}
