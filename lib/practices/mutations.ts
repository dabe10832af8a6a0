import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { programmes } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { writeTransaction } from "@/lib/derived";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { levelsFor } from "./labels";
import type { markBestPracticeSchema, unmarkBestPracticeSchema } from "./schemas";

const NOT_FOUND = "Программа не найдена или недоступна.";
const REGIONAL_ONLY =
  "Практика признана на региональном уровне: изменить или снять признание может только региональный центр.";

/** The programme, locked, if the user may recognise practices where it runs; else «not found». */
async function lockProgramme(tx: Tx, user: SessionUser, programmeId: number) {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, programmeId)).for("no key update");
  if (!row || row.archived) throw new NotFoundError(NOT_FOUND);
  const org = await scopeOrg(user, row.organisationId, "view", { tx, notFound: NOT_FOUND });
  if (!reaches(user, "markBestPractice", { organisationId: org.id, ...org }))
    throw new NotFoundError(NOT_FOUND);
  return { row, org };
}

/**
 * Recognises a programme as a best practice at a level the user may give (a coordinator: municipal; the admin:
 * either), or changes the level or the note; a coordinator cannot touch a regional recognition. Audited; the
 * organisation's public page and the region's open data follow (Changes).
 */
export async function markBestPractice(user: SessionUser, input: z.output<typeof markBestPracticeSchema>) {
  return writeTransaction(async (tx, changes) => {
    const { row, org } = await lockProgramme(tx, user, input.programmeId);
    if (!levelsFor(user.role).includes(input.level))
      throw new DomainError("Проверьте выделенные поля.", {
        level: ["Уровень признания: региональный уровень присваивает региональный центр."],
      });
    if (row.bestPracticeLevel === "regional" && user.role !== "admin") throw new DomainError(REGIONAL_ONLY);
    const now = new Date();
    await tx
      .update(programmes)
      .set({
        bestPractice: true,
        bestPracticeLevel: input.level,
        bestPracticeNote: input.note,
        bestPracticeAt: row.bestPractice && row.bestPracticeAt ? row.bestPracticeAt : now,
        bestPracticeBy: user.id,
      })
      .where(eq(programmes.id, row.id));
    await audit(tx, {
      userId: user.id,
      action: "best_practice",
      entity: "programme",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: {
        title: row.title,
        bestPracticeLevel: [row.bestPracticeLevel, input.level],
        bestPracticeNote: input.note,
      },
    });
    changes.organisation(org.id);
    return { programmeId: row.id, organisationId: org.id };
  });
}

/** Withdraws the recognition, with a reason kept in the journal; the curator's proposal stays as it was. */
export async function unmarkBestPractice(
  user: SessionUser,
  input: z.output<typeof unmarkBestPracticeSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const { row, org } = await lockProgramme(tx, user, input.programmeId);
    if (!row.bestPractice)
      throw new ConflictError("Программа уже не входит в банк лучших практик: обновите страницу.");
    if (row.bestPracticeLevel === "regional" && user.role !== "admin") throw new DomainError(REGIONAL_ONLY);
    await tx
      .update(programmes)
      .set({ bestPractice: false, bestPracticeLevel: null, bestPracticeAt: null, bestPracticeBy: null })
      .where(eq(programmes.id, row.id));
    await audit(tx, {
      userId: user.id,
      action: "best_practice_withdrawn",
      entity: "programme",
      entityId: row.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: { title: row.title, bestPracticeLevel: [row.bestPracticeLevel, null], reason: input.reason },
    });
    changes.organisation(org.id);
    return { programmeId: row.id, organisationId: org.id };
  });
}
