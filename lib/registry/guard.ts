import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mentorships, persons, programmes } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeOrg, type EditableOrg } from "@/lib/auth/scoped";

export const PROGRAMME_NOT_FOUND = "Программа не найдена или недоступна.";
export const MENTORSHIP_NOT_FOUND = "Наставническая пара не найдена или недоступна.";
export const PERSON_NOT_FOUND = "Участник не найден или недоступен.";

const OWNED = {
  programme: { table: programmes, notFound: PROGRAMME_NOT_FOUND },
  mentorship: { table: mentorships, notFound: MENTORSHIP_NOT_FOUND },
  person: { table: persons, notFound: PERSON_NOT_FOUND },
} as const;

/** The records an action may name by id alone. */
export type OwnedKind = keyof typeof OWNED;

/**
 * For actions that know only a record's id: the organisation the record belongs to, if the user may edit it.
 * An unknown id and another organisation's record get the same «not found», so nothing is revealed.
 */
export async function editableOwner(user: SessionUser, kind: OwnedKind, id: number): Promise<EditableOrg> {
  const { table, notFound } = OWNED[kind];
  const db = await getDb();
  const [row] = await db
    .select({ organisationId: table.organisationId })
    .from(table)
    .where(eq(table.id, id))
    .limit(1);
  return scopeOrg(user, row?.organisationId, "edit", { notFound });
}
