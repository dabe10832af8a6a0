import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, menteeProfiles, surveyLinks, surveyResponses } from "@/db/schema";
import {
  createSurveyLinkAction,
  enterSurveyAnswersAction,
  revokeSurveyLinkAction,
  saveQuestionnaireAction,
  submitSurveyAction,
} from "@/lib/surveys/actions";
import { LINK_INVALID, MINOR_WITHOUT_REPRESENTATIVE } from "@/lib/surveys/mutations";
import { DEFAULT_QUESTIONS } from "@/lib/surveys/questions";
import { currentQuestionnaire } from "@/lib/surveys/questionnaires";
import { surveyLinkView } from "@/lib/surveys/queries";
import { resultGroups, resultSummary, resultsScope } from "@/lib/surveys/results";
import { FEW } from "@/lib/surveys/summary";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));
// React's own calls of an action carry Next-Action; a form posted without JavaScript does not (`scripts.on`).
const scripts = vi.hoisted(() => ({ on: true }));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": "203.0.113.7", ...(scripts.on ? { "next-action": "test" } : {}) }),
  cookies: async () => ({ get: () => undefined }),
}));
const sent = vi.hoisted(() => [] as { to: string; text: string }[]);
vi.mock("@/lib/mail/send", () => ({
  sendMail: async (mail: { to: string; text: string }) => {
    sent.push(mail);
    return true;
  },
}));

const THIS_YEAR = new Date().getFullYear();

/** Valid answers to the default mentee questionnaire, every scale at `score`. */
function menteeAnswers(score: number, yes = true) {
  return {
    motivation: score,
    results: score,
    goals: score,
    climate: score,
    contests: yes,
    becomeMentor: yes,
  };
}

async function pair(
  orgId: number,
  mentee: Parameters<typeof createMentee>[1] = {},
  format?: "teacher_pupil" | "pupil_pupil",
) {
  const programme = await createProgramme(orgId, format ? { format } : {});
  const mentor = await createMentor(orgId);
  const child = await createMentee(orgId, { birthYear: 1990, category: "teacher", ...mentee });
  await createMentorship(programme, mentor.id, child.id);
  return { programme, mentor, mentee: child };
}

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("surveys");
});
beforeEach(() => {
  sent.length = 0;
});

describe("paper answers", () => {
  it("saves the answers against the current version and refuses bad ones in Russian, naming the question", async () => {
    signInAs(t.users.curator);
    const { programme, mentee } = await pair(t.orgId);
    const db = await getDb();
    const version = await currentQuestionnaire(db, t.regionId, "mentee");
    const target = { programmeId: programme.id, personId: mentee.id, role: "mentee", stage: "before" };

    const bad = await enterSurveyAnswersAction({
      ...target,
      questionnaireId: version.id,
      answers: { ...menteeAnswers(7), motivation: 11, contests: undefined },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors?.["answers.motivation"]?.[0]).toBe("Вопрос 1: выберите оценку от 1 до 10.");
      expect(bad.fieldErrors?.["answers.contests"]?.[0]).toMatch(/^Вопрос 7: обязательный вопрос/);
    }
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.programmeId, programme.id)),
    ).toEqual([]);

    const ok = await enterSurveyAnswersAction({
      ...target,
      questionnaireId: version.id,
      answers: menteeAnswers(4),
    });
    expect(ok).toMatchObject({ ok: true });
    const [saved] = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.programmeId, programme.id));
    expect(saved).toMatchObject({ questionnaireId: version.id, source: "paper", stage: "before" });
    expect(saved.answers).toEqual(menteeAnswers(4));
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "survey_response"), eq(auditLog.entityId, String(saved.id))));
    expect(entry.action).toBe("survey_answers");
    expect(JSON.stringify(entry.changes)).not.toContain("motivation");
  });

  it("reads a form post: answers.<question> fields, «yes»/«no» and scale numbers as text", async () => {
    signInAs(t.users.curator);
    const { programme, mentee } = await pair(t.orgId);
    const version = await currentQuestionnaire(await getDb(), t.regionId, "mentee");
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      programmeId: programme.id,
      personId: mentee.id,
      role: "mentee",
      stage: "after",
      questionnaireId: version.id,
      "answers.motivation": "8",
      "answers.results": "7",
      "answers.goals": "9",
      "answers.climate": "6",
      "answers.contests": "no",
      "answers.becomeMentor": "yes",
      "answers.comment": "  ",
    }))
      fd.append(k, String(v));
    const r = await enterSurveyAnswersAction(null, fd);
    expect(r).toMatchObject({ ok: true });
    const [saved] = await (
      await getDb()
    )
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.programmeId, programme.id));
    expect(saved.answers).toEqual({
      motivation: 8,
      results: 7,
      goals: 9,
      climate: 6,
      contests: false,
      becomeMentor: true,
    });
  });

  it("refuses a person who is not a participant of the programme", async () => {
    signInAs(t.users.curator);
    const { programme } = await pair(t.orgId);
    const stranger = await createMentee(t.orgId);
    const version = await currentQuestionnaire(await getDb(), t.regionId, "mentee");
    const r = await enterSurveyAnswersAction({
      programmeId: programme.id,
      personId: stranger.id,
      role: "mentee",
      stage: "before",
      questionnaireId: version.id,
      answers: menteeAnswers(5),
    });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("versions", () => {
  it("editing publishes a new version; earlier answers keep theirs and are still compared by question", async () => {
    const tenant = await createTenant("survey-versions");
    signInAs(tenant.users.curator);
    const db = await getDb();
    const v1 = await currentQuestionnaire(db, tenant.regionId, "mentee");
    const { programme, mentee } = await pair(tenant.orgId);
    const target = { programmeId: programme.id, personId: mentee.id, role: "mentee" };
    await enterSurveyAnswersAction({
      ...target,
      stage: "before",
      questionnaireId: v1.id,
      answers: menteeAnswers(3),
    });

    signInAs(tenant.users.admin);
    const rows = v1.questions.map((q, i) => ({
      id: q.id,
      text: q.id === "motivation" ? "Насколько вам интересно учиться?" : q.text,
      type: q.type,
      options: "",
      required: q.required,
      order: String(i + 1),
      remove: q.id === "comment",
    }));
    const stale = await saveQuestionnaireAction({ role: "mentee", version: 7, questions: rows });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const saved = await saveQuestionnaireAction({
      role: "mentee",
      version: 1,
      questions: [
        ...rows,
        {
          id: "",
          text: "Пригодился ли вам опыт наставника?",
          type: "yesno",
          options: "",
          required: false,
          order: "0",
          remove: false,
        },
      ],
    });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const v2 = await currentQuestionnaire(db, tenant.regionId, "mentee");
    expect(v2.version).toBe(2);
    expect(v2.questions[0].text).toBe("Пригодился ли вам опыт наставника?");
    expect(v2.questions.find((q) => q.id === "motivation")?.text).toBe("Насколько вам интересно учиться?");
    expect(v2.questions.some((q) => q.id === "comment")).toBe(false);

    signInAs(tenant.users.curator);
    await enterSurveyAnswersAction({
      ...target,
      stage: "after",
      questionnaireId: v2.id,
      answers: menteeAnswers(8),
    });
    const answers = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.programmeId, programme.id));
    expect(answers.find((a) => a.stage === "before")?.questionnaireId).toBe(v1.id);
    expect(answers.find((a) => a.stage === "after")?.questionnaireId).toBe(v2.id);
    // An empty questionnaire is refused in Russian.
    signInAs(tenant.users.admin);
    const empty = await saveQuestionnaireAction({
      role: "mentee",
      version: 2,
      questions: rows.map((r) => ({ ...r, remove: true })),
    });
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { questions: ["В анкете должен остаться хотя бы один вопрос."] },
    });
  });
});

describe("one-time links", () => {
  it("shows only the questions, is spent by its answers, and one message answers every unusable link", async () => {
    signInAs(t.users.curator);
    const { programme, mentee } = await pair(t.orgId, { surname: "Секретова" });
    const made = await createSurveyLinkAction({
      programmeId: programme.id,
      personId: mentee.id,
      role: "mentee",
      stage: "before",
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const token = made.data.link.split("/survey/")[1];
    expect(made.data.recipient).toBe("none");
    const db = await getDb();
    const [row] = await db.select().from(surveyLinks).where(eq(surveyLinks.id, made.data.id));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 86_400_000);

    const view = await surveyLinkView(token);
    expect(view).toEqual({ role: "mentee", stage: "before", questions: DEFAULT_QUESTIONS.mentee });
    expect(JSON.stringify(view)).not.toContain("Секретова");
    expect(await surveyLinkView(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();

    signInAs(null);
    const bad = await submitSurveyAction({ token, answers: { motivation: 0 } });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { "answers.motivation": ["Вопрос 1: выберите оценку от 1 до 10."] },
    });
    const done = await submitSurveyAction({ token, answers: menteeAnswers(6) });
    expect(done).toMatchObject({ ok: true });
    const [answer] = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.programmeId, programme.id));
    expect(answer).toMatchObject({ source: "link", createdById: null, personId: mentee.id });
    const again = await submitSurveyAction({ token, answers: menteeAnswers(9) });
    expect(again).toMatchObject({ ok: false, formError: LINK_INVALID });
    expect(await surveyLinkView(token)).toBeNull();

    signInAs(t.users.curator);
    const answered = await createSurveyLinkAction({
      programmeId: programme.id,
      personId: mentee.id,
      role: "mentee",
      stage: "before",
    });
    expect(answered).toMatchObject({ ok: false, code: "refused" });
  });

  it("expired and revoked links are refused with the same message; a new link replaces the old one", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await pair(t.orgId);
    const target = { programmeId: programme.id, personId: mentor.id, role: "mentor", stage: "after" };
    const first = await createSurveyLinkAction(target);
    const second = await createSurveyLinkAction(target);
    if (!first.ok || !second.ok) throw new Error("links not created");
    const tokenOf = (r: typeof first) => (r.ok ? r.data.link.split("/survey/")[1] : "");
    signInAs(null);
    expect(await submitSurveyAction({ token: tokenOf(first), answers: {} })).toMatchObject({
      formError: LINK_INVALID,
    });

    const db = await getDb();
    await db
      .update(surveyLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(surveyLinks.id, second.data.id));
    expect(await submitSurveyAction({ token: tokenOf(second), answers: {} })).toMatchObject({
      formError: LINK_INVALID,
    });

    signInAs(t.users.curator);
    const third = await createSurveyLinkAction(target);
    if (!third.ok) throw new Error("link not created");
    expect(await revokeSurveyLinkAction({ id: third.data.id })).toMatchObject({ ok: true });
    signInAs(null);
    expect(await submitSurveyAction({ token: tokenOf(third), answers: {} })).toMatchObject({
      formError: LINK_INVALID,
    });
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.programmeId, programme.id)),
    ).toEqual([]);
  });

  it("answers sent without JavaScript go to a page of thanks; refused ones stay with their messages", async () => {
    signInAs(t.users.curator);
    const { programme, mentor } = await pair(t.orgId);
    const link = await createSurveyLinkAction({
      programmeId: programme.id,
      personId: mentor.id,
      role: "mentor",
      stage: "before",
    });
    if (!link.ok) throw new Error("link not created");
    const token = link.data.link.split("/survey/")[1];
    signInAs(null);
    const posted = (answers: Record<string, string>) => {
      const form = new FormData();
      form.set("token", token);
      for (const [k, v] of Object.entries(answers)) form.set(`answers.${k}`, v);
      // React's form action without JavaScript: (previous state, the posted form).
      return (submitSurveyAction as unknown as (s: null, f: FormData) => Promise<unknown>)(null, form);
    };
    scripts.on = false;
    try {
      const refused = (await posted({})) as { ok: boolean; formError?: string; fieldErrors?: object };
      expect(refused.ok).toBe(false);
      expect(refused.formError).not.toBe(LINK_INVALID);
      expect(Object.keys(refused.fieldErrors ?? {}).length).toBeGreaterThan(0);
      const answers = Object.fromEntries(
        DEFAULT_QUESTIONS.mentor.map((q) => [q.id, q.type === "yesno" ? "yes" : "3"]),
      );
      await expect(posted(answers)).rejects.toMatchObject({
        digest: expect.stringContaining("/survey/done"),
      });
    } finally {
      scripts.on = true;
    }
    const saved = await (
      await getDb()
    )
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.programmeId, programme.id));
    expect(saved).toHaveLength(1);
  });

  it("a minor's link goes only to the legal representative, and without one it is refused", async () => {
    signInAs(t.users.curator);
    const { programme, mentee } = await pair(t.orgId, { category: "pupil", birthYear: THIS_YEAR - 13 });
    const db = await getDb();
    await db
      .update(menteeProfiles)
      .set({ representativeEmail: "" })
      .where(eq(menteeProfiles.personId, mentee.id));
    const target = { programmeId: programme.id, personId: mentee.id, role: "mentee", stage: "before" };
    const refused = await createSurveyLinkAction(target);
    expect(refused).toMatchObject({ ok: false, formError: MINOR_WITHOUT_REPRESENTATIVE });
    expect(await db.select().from(surveyLinks).where(eq(surveyLinks.programmeId, programme.id))).toEqual([]);

    await db
      .update(menteeProfiles)
      .set({ representativeEmail: "mama@example.ru" })
      .where(eq(menteeProfiles.personId, mentee.id));
    const { persons } = await import("@/db/schema");
    await db.update(persons).set({ email: "child@example.ru" }).where(eq(persons.id, mentee.id));
    const made = await createSurveyLinkAction(target);
    expect(made).toMatchObject({ ok: true, data: { recipient: "representative", mailed: true } });
    expect(sent.map((m) => m.to)).toEqual(["mama@example.ru"]);
    expect(sent[0].text).toContain("/survey/");
    expect(sent[0].text).not.toMatch(/Тестов/);
  });
});

describe("results", () => {
  it("hides a stage answered by fewer than 5 people as «менее 5», shows averages and shares from 5", async () => {
    const tenant = await createTenant("survey-results");
    signInAs(tenant.users.curator);
    const db = await getDb();
    const version = await currentQuestionnaire(db, tenant.regionId, "mentee");
    const programme = await createProgramme(tenant.orgId, {
      format: "teacher_teacher",
      title: "Школа молодого педагога",
    });
    const mentor = await createMentor(tenant.orgId);
    for (let i = 0; i < 5; i++) {
      const m = await createMentee(tenant.orgId, { category: "teacher", birthYear: 1998 });
      await createMentorship(programme, mentor.id, m.id);
      const base = { programmeId: programme.id, personId: m.id, role: "mentee", questionnaireId: version.id };
      await enterSurveyAnswersAction({ ...base, stage: "after", answers: menteeAnswers(8, i < 3) });
      if (i < 4)
        await enterSurveyAnswersAction({ ...base, stage: "before", answers: menteeAnswers(4, false) });
    }
    const scope = await resultsScope(tenant.users.curator);
    const groups = await resultGroups(scope, "mentee", "format");
    expect(groups).toEqual([
      expect.objectContaining({
        key: "teacher_teacher",
        before: 4,
        after: 5,
        beforeText: FEW,
        afterText: "5",
      }),
    ]);
    const { rows } = await resultSummary(scope, "mentee", "format", "teacher_teacher");
    const motivation = rows.find((r) => r.id === "motivation")!;
    expect(motivation.before.text).toBe(FEW);
    expect(motivation.before.value).toBeNull();
    expect(motivation.after.text).toBe("8,0");
    expect(motivation.change).toBe("—");
    expect(rows.find((r) => r.id === "contests")?.after.text).toBe("60 %");
    expect(rows.some((r) => r.id === "comment")).toBe(false);

    // The results are kept in the data cache until an answer of the region changes: a fifth «before» shows at once.
    const fifth = await createMentee(tenant.orgId, { category: "teacher", birthYear: 1999 });
    await createMentorship(programme, mentor.id, fifth.id);
    await enterSurveyAnswersAction({
      programmeId: programme.id,
      personId: fifth.id,
      role: "mentee",
      questionnaireId: version.id,
      stage: "before",
      answers: menteeAnswers(4, false),
    });
    expect((await resultGroups(scope, "mentee", "format"))[0]).toMatchObject({ before: 5, beforeText: "5" });
    const again = await resultSummary(scope, "mentee", "format", "teacher_teacher");
    expect(again.rows.find((r) => r.id === "motivation")!.before.text).toBe("4,0");

    // The coordinator sees the municipality's organisations, the ministry the region; a sibling curator nothing.
    const coordinator = await resultGroups(
      await resultsScope(tenant.users.coordinator),
      "mentee",
      "programme",
    );
    expect(coordinator).toEqual([
      expect.objectContaining({ label: "Школа молодого педагога", organisation: "СОШ № 1" }),
    ]);
    expect(await resultGroups(await resultsScope(tenant.users.ministry), "mentee", "format")).toHaveLength(1);
    expect(await resultGroups(await resultsScope(tenant.users.siblingCurator), "mentee", "format")).toEqual(
      [],
    );
    expect(
      await resultGroups(await resultsScope(tenant.users.siblingCoordinator), "mentee", "format"),
    ).toEqual([]);
    expect(
      await resultGroups(await resultsScope(t.users.ministry), "mentee", "programme"),
    ).not.toContainEqual(expect.objectContaining({ label: "Школа молодого педагога" }));
  });
});
